import { cp, mkdir, mkdtemp, readdir, readFile, rm, utimes, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildContent, createContentCache } from '../../src/content-pipeline/index';
import type { ContentCache } from '../../src/content-pipeline/index';
import type { RunOptions } from '../../src/content-pipeline/store';
import { writeContentData } from '../../src/content-pipeline/vite-plugin';
import { generateCorpus } from '../bench/generate-corpus';
import { lines, NOW, readTree } from './helpers';

/**
 * The incremental output must not depend on the road taken: after any sequence of edits, a dev
 * cache kept across the whole sequence (updated from the changed paths only) serves exactly the
 * files of a cold build, and a build in a new process through the persistent cache folder writes
 * exactly the cold build's data tree. Edits are drawn at random (titles, dates, scores with ties and
 * removals, topics and their spellings, providers, drafts, deleted, added and broken files) over a
 * generated corpus big enough for several shards per feed.
 */

// 130 articles: the all-articles feeds (and the largest topics) have more than one 60-card shard.
const CORPUS_SIZE = 130;
// Fixed for reproducibility; INCREMENTAL_SEED / INCREMENTAL_RUNS explore further by hand.
const SEED = Number(process.env.INCREMENTAL_SEED ?? 20_240_601);
const NUM_RUNS = Number(process.env.INCREMENTAL_RUNS ?? 25);
const SLOW = Math.max(180_000, NUM_RUNS * 4000);
/** Older than any edit, so unchanged files take the stat-only path of a rebuild. */
const OLD = new Date('2024-01-01T00:00:00Z');

type Tree = Map<string, string>;

let root: string;
let base: string;

beforeAll(async () => {
  root = await mkdtemp(path.join(tmpdir(), 'content-incremental-property-'));
  base = path.join(root, 'base');
  generateCorpus({ count: CORPUS_SIZE, out: base });
  await rm(path.join(base, '.generator.json'));
  for (const rel of await articleFiles(base)) await utimes(path.join(base, rel), OLD, OLD);
});
afterAll(() => rm(root, { recursive: true, force: true }));

/** The article files under `dir`, relative with `/`, sorted. */
async function articleFiles(dir: string): Promise<string[]> {
  return (await readdir(dir, { recursive: true, withFileTypes: true }))
    .filter((e) => e.isFile() && e.name.endsWith('.md'))
    .map((e) => path.relative(dir, path.join(e.parentPath, e.name)).split(path.sep).join('/'))
    .sort();
}

/** Where two texts first differ, a little either side. */
function firstDifference(expected: string, got: string): string {
  let i = 0;
  while (i < expected.length && expected[i] === got[i]) i++;
  const from = Math.max(0, i - 80);
  return `at ${i}: expected …${expected.slice(from, i + 80)}… got …${got.slice(from, i + 80)}…`;
}

/** Missing, extra and differing files of `got` against `expected` (empty: the same). */
function differences(expected: Tree, got: Tree): string[] {
  const out: string[] = [];
  for (const [name, text] of expected) {
    const other = got.get(name);
    if (other === undefined) out.push(`missing ${name}`);
    else if (other !== text) out.push(`differs ${name} ${firstDifference(text, other)}`);
  }
  for (const name of got.keys()) if (!expected.has(name)) out.push(`extra ${name}`);
  return out.slice(0, 12);
}

// ---------------------------------------------------------------------------------------------
// Edits: drawn as plain data (fast-check prints and shrinks them), resolved against the folder as
// it is when they are applied (`file` picks the file at that index of the sorted list, modulo).

type Pick = number;
type ScoreValue = number | 'remove' | { tieWith: Pick };
type Edit =
  | { kind: 'title'; file: Pick; title: string }
  | { kind: 'date'; file: Pick; date: { tieWith: Pick } | { minutes: number } | 'future' }
  | { kind: 'score'; file: Pick; field: 'quality' | 'heat' | 'both'; value: ScoreValue }
  | {
      kind: 'topic-add';
      file: Pick;
      topic: { existing: Pick; index: number } | { respelled: Pick; index: number } | { fresh: string };
    }
  | { kind: 'topic-remove'; file: Pick; index: number }
  | { kind: 'respell'; file: Pick; index: number; spelling: 'upper' | 'lower'; share: 'one' | 'most' | 'all' }
  | { kind: 'provider'; file: Pick; name: { of: Pick } | { fresh: string } }
  | { kind: 'published'; file: Pick }
  | { kind: 'delete'; file: Pick }
  | {
      kind: 'add';
      template: Pick;
      url: 'fresh' | { relatedOf: Pick } | { sameAs: Pick };
      folder: 'same' | 'new';
    }
  | { kind: 'break'; file: Pick; fixNow: boolean }
  | { kind: 'touch'; file: Pick };

const pick = fc.nat({ max: 10_000 });
const NEW_TOPICS = ['Zeppelin Restoration', 'Quantum Gardening', 'Tidal Power', 'Chess'];
const scoreValue: fc.Arbitrary<ScoreValue> = fc.oneof(
  fc.constantFrom<ScoreValue>(0, -1, 255, 'remove'),
  fc.integer({ min: 0, max: 255 }),
  fc.record({ tieWith: pick }),
);
const editArb: fc.Arbitrary<Edit> = fc.oneof(
  fc.record({
    kind: fc.constant('title' as const),
    file: pick,
    title: fc.oneof(
      fc.constantFrom('Breaking: markets rally', 'Ünïcödé — “quotes”'),
      fc.string({ maxLength: 24 }),
    ),
  }),
  fc.record({
    kind: fc.constant('date' as const),
    file: pick,
    date: fc.oneof(
      fc.record({ tieWith: pick }),
      fc.record({ minutes: fc.integer({ min: 0, max: 270_000 }) }),
      fc.constant('future' as const),
    ),
  }),
  fc.record({
    kind: fc.constant('score' as const),
    file: pick,
    field: fc.constantFrom('quality' as const, 'heat' as const, 'both' as const),
    value: scoreValue,
  }),
  fc.record({
    kind: fc.constant('topic-add' as const),
    file: pick,
    topic: fc.oneof(
      fc.record({ existing: pick, index: fc.nat(5) }),
      fc.record({ respelled: pick, index: fc.nat(5) }),
      fc.record({ fresh: fc.constantFrom(...NEW_TOPICS) }),
    ),
  }),
  fc.record({ kind: fc.constant('topic-remove' as const), file: pick, index: fc.nat(5) }),
  fc.record({
    kind: fc.constant('respell' as const),
    file: pick,
    index: fc.nat(5),
    spelling: fc.constantFrom('upper' as const, 'lower' as const),
    share: fc.constantFrom('one' as const, 'most' as const, 'all' as const),
  }),
  fc.record({
    kind: fc.constant('provider' as const),
    file: pick,
    name: fc.oneof(
      fc.record({ of: pick }),
      fc.record({ fresh: fc.constantFrom('Fresh Gazette', 'Aardvark Wire') }),
    ),
  }),
  fc.record({ kind: fc.constant('published' as const), file: pick }),
  fc.record({ kind: fc.constant('delete' as const), file: pick }),
  fc.record({
    kind: fc.constant('add' as const),
    template: pick,
    url: fc.oneof(fc.constant('fresh' as const), fc.record({ relatedOf: pick }), fc.record({ sameAs: pick })),
    folder: fc.constantFrom('same' as const, 'new' as const),
  }),
  fc.record({ kind: fc.constant('break' as const), file: pick, fixNow: fc.boolean() }),
  fc.record({ kind: fc.constant('touch' as const), file: pick }),
);

/** One write to the content folder: what it did, and the paths it touched (for the watcher). */
interface Step {
  what: string;
  paths: string[];
}

const TOPICS_BLOCK = /^topics:\n((?: {2}- .*\n)+)/m;
const topicsOf = (text: string): string[] =>
  (TOPICS_BLOCK.exec(text)?.[1] ?? '')
    .split('\n')
    .filter((l) => l.startsWith('  - '))
    .map((l) => l.slice(4));
const withTopics = (text: string, topics: string[]) =>
  text.replace(TOPICS_BLOCK, () => `topics:\n${topics.map((t) => `  - ${t}\n`).join('')}`);
const fieldOf = (text: string, field: string): string | undefined =>
  new RegExp(`^${field}: (.*)$`, 'm').exec(text)?.[1];
const PROVIDER_NAME = /^(provider:\n {2}name: )(.*)$/m;
const minuteIso = (ms: number) => new Date(ms).toISOString().replace(/\.\d{3}Z$/, 'Z');

/** The content folder of one run, and what the edits need to remember. */
class Folder {
  added = 0;
  constructor(readonly dir: string) {}

  abs = (rel: string) => path.join(this.dir, rel);
  read = (rel: string) => readFile(this.abs(rel), 'utf8');
  async write(rel: string, text: string): Promise<string> {
    await mkdir(path.dirname(this.abs(rel)), { recursive: true });
    await writeFile(this.abs(rel), text);
    return this.abs(rel);
  }
  async pick(n: Pick): Promise<string> {
    const files = await articleFiles(this.dir);
    return files[n % files.length] ?? '';
  }
  /** Rewrites one file through `change`. */
  async change(rel: string, what: string, change: (text: string) => string): Promise<Step> {
    return { what: `${rel}: ${what}`, paths: [await this.write(rel, change(await this.read(rel)))] };
  }
}

/** Applies one edit; an edit may take two steps (a break, then its fix), each checked on its own. */
async function* apply(folder: Folder, edit: Edit): AsyncGenerator<Step> {
  switch (edit.kind) {
    case 'title': {
      const rel = await folder.pick(edit.file);
      yield await folder.change(rel, `title ${JSON.stringify(edit.title)}`, (t) =>
        t.replace(/^title: .*$/m, () => `title: ${JSON.stringify(edit.title)}`),
      );
      return;
    }
    case 'date': {
      const rel = await folder.pick(edit.file);
      let date: string;
      if (edit.date === 'future') date = '2024-07-01T09:30:00Z';
      else if ('minutes' in edit.date) date = minuteIso(Date.UTC(2023, 0, 1) + edit.date.minutes * 60_000);
      else date = fieldOf(await folder.read(await folder.pick(edit.date.tieWith)), 'publishedDateTime') ?? '';
      yield await folder.change(rel, `publishedDateTime ${date}`, (t) =>
        t.replace(/^publishedDateTime: .*$/m, () => `publishedDateTime: ${date}`),
      );
      return;
    }
    case 'score': {
      const rel = await folder.pick(edit.file);
      const fields = edit.field === 'both' ? (['quality', 'heat'] as const) : [edit.field];
      const values = new Map<string, string | undefined>();
      for (const field of fields) {
        if (edit.value === 'remove') values.set(field, undefined);
        else if (typeof edit.value === 'number') values.set(field, String(edit.value));
        else values.set(field, fieldOf(await folder.read(await folder.pick(edit.value.tieWith)), field));
      }
      const described = [...values].map(([f, v]) => `${f} ${v ?? '(none)'}`).join(', ');
      yield await folder.change(rel, described, (text) => {
        const scores = new Map([
          ['quality', fieldOf(text, 'quality')],
          ['heat', fieldOf(text, 'heat')],
        ]);
        for (const [field, value] of values) scores.set(field, value);
        const kept = text.replace(/^(?:quality|heat): .*\n/gm, '');
        const block = [...scores].flatMap(([f, v]) => (v === undefined ? [] : [`${f}: ${v}\n`])).join('');
        return kept.replace(/^type: .*\n/m, (line) => line + block);
      });
      return;
    }
    case 'topic-add': {
      const rel = await folder.pick(edit.file);
      let topic: string;
      if ('fresh' in edit.topic) topic = edit.topic.fresh;
      else {
        const from = 'existing' in edit.topic ? edit.topic.existing : edit.topic.respelled;
        const others = topicsOf(await folder.read(await folder.pick(from)));
        topic = others[edit.topic.index % Math.max(1, others.length)] ?? 'Chess';
        if ('respelled' in edit.topic)
          topic = topic.toUpperCase() === topic ? topic.toLowerCase() : topic.toUpperCase();
      }
      yield await folder.change(rel, `topic + ${topic}`, (t) => withTopics(t, [...topicsOf(t), topic]));
      return;
    }
    case 'topic-remove': {
      const rel = await folder.pick(edit.file);
      const topics = topicsOf(await folder.read(rel));
      if (topics.length < 2) return; // an article keeps one topic at least, as in the seed
      const gone = topics[edit.index % topics.length] ?? '';
      yield await folder.change(rel, `topic - ${gone}`, (t) =>
        withTopics(
          t,
          topics.filter((x) => x !== gone),
        ),
      );
      return;
    }
    case 'respell': {
      // Another spelling of a topic, in one, most or all of the articles that list it.
      const topics = topicsOf(await folder.read(await folder.pick(edit.file)));
      const topic = topics[edit.index % Math.max(1, topics.length)];
      if (topic === undefined) return;
      const spelling = edit.spelling === 'upper' ? topic.toUpperCase() : topic.toLowerCase();
      if (spelling === topic) return;
      const listing: string[] = [];
      for (const rel of await articleFiles(folder.dir))
        if (topicsOf(await folder.read(rel)).includes(topic)) listing.push(rel);
      const count =
        edit.share === 'one' ? 1 : edit.share === 'all' ? listing.length : Math.floor(listing.length / 2) + 1;
      const edited = listing.slice(0, count);
      const paths: string[] = [];
      for (const rel of edited) {
        const text = await folder.read(rel);
        paths.push(
          await folder.write(
            rel,
            withTopics(
              text,
              topicsOf(text).map((t) => (t === topic ? spelling : t)),
            ),
          ),
        );
      }
      yield {
        what: `topic ${topic} -> ${spelling} in ${edited.length} of ${listing.length}: ${edited.join(' ')}`,
        paths,
      };
      return;
    }
    case 'provider': {
      const rel = await folder.pick(edit.file);
      const name =
        'fresh' in edit.name
          ? edit.name.fresh
          : (PROVIDER_NAME.exec(await folder.read(await folder.pick(edit.name.of)))?.[2] ?? 'Fresh Gazette');
      yield await folder.change(rel, `provider ${name}`, (t) =>
        t.replace(PROVIDER_NAME, (_, label: string) => label + name),
      );
      return;
    }
    case 'published': {
      const rel = await folder.pick(edit.file);
      const now = fieldOf(await folder.read(rel), 'published');
      const next = now === 'true' ? 'false' : 'true';
      yield await folder.change(rel, `published ${next}`, (t) =>
        t.replace(/^published: .*$/m, `published: ${next}`),
      );
      return;
    }
    case 'delete': {
      const rel = await folder.pick(edit.file);
      await rm(folder.abs(rel));
      yield { what: `${rel}: deleted`, paths: [folder.abs(rel)] };
      return;
    }
    case 'add': {
      const template = await folder.pick(edit.template);
      const n = ++folder.added;
      let url = `https://added.example/story-${n}`;
      if (typeof edit.url === 'object' && 'relatedOf' in edit.url) {
        const text = await folder.read(await folder.pick(edit.url.relatedOf));
        url = JSON.parse(/^ {4}webUrl: (".*")$/m.exec(text)?.[1] ?? JSON.stringify(url)) as string;
      } else if (typeof edit.url === 'object') {
        url = JSON.parse(
          fieldOf(await folder.read(await folder.pick(edit.url.sameAs)), 'webUrl') ?? '""',
        ) as string;
      }
      const text = (await folder.read(template))
        .replace(/^title: .*$/m, `title: "Added story ${n}"`)
        .replace(/^originalUrl: .*$/m, () => `originalUrl: ${JSON.stringify(url)}`)
        .replace(/^webUrl: .*$/m, () => `webUrl: ${JSON.stringify(url)}`)
        .replace(/^(?:ampWebUrl|cdnAmpWebUrl): .*\n/gm, '');
      const rel =
        edit.folder === 'same' ? `${path.posix.dirname(template)}/added-${n}.md` : `extra/deep/added-${n}.md`;
      yield { what: `${rel}: added from ${template}, webUrl ${url}`, paths: [await folder.write(rel, text)] };
      return;
    }
    case 'break': {
      const rel = await folder.pick(edit.file);
      const text = await folder.read(rel);
      const title = /^title: .*$/m.exec(text)?.[0];
      if (title === undefined) return; // already broken
      yield await folder.change(rel, 'broken (title: [unclosed)', (t) =>
        t.replace(title, () => 'title: [unclosed'),
      );
      if (!edit.fixNow) return;
      yield await folder.change(rel, 'fixed again', (t) => t.replace('title: [unclosed', () => title));
      return;
    }
    case 'touch': {
      const rel = await folder.pick(edit.file);
      yield await folder.change(rel, 'saved unchanged', (t) => t);
      return;
    }
  }
}

// ---------------------------------------------------------------------------------------------

const devOptions = (dir: string): RunOptions => ({
  contentDir: dir,
  drafts: true,
  now: NOW,
  keepSources: true,
  keepDetails: true,
  writeData: false,
});

async function coldBuild(dir: string) {
  const cold = await buildContent({ contentDir: dir, drafts: true, now: NOW });
  return { files: new Map([...cold.files].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))), cold };
}

/** A build as the plugin runs it in a new process: a new cache object on the same folder. */
async function persistentBuild(dir: string, cacheDir: string, out: string): Promise<Tree> {
  const cache = createContentCache({ dir: cacheDir });
  await cache.run({ ...devOptions(dir), keepSources: false, keepDetails: false, writeData: true });
  writeContentData(cache, path.join(out, 'data'));
  const tree = await readTree(path.join(out, 'data'));
  await rm(out, { recursive: true, force: true });
  return tree;
}

/** The files the dev cache serves: every name it lists, and any name `seen` before that it still serves. */
function devTree(dev: ContentCache, seen: Set<string>): Tree {
  const tree: Tree = new Map();
  for (const [name] of dev.files()) tree.set(name, dev.file(name) ?? '(listed, but not served)');
  for (const name of seen) {
    const text = dev.file(name);
    if (text !== undefined) tree.set(name, text);
  }
  return tree;
}

/** Runs `edits` on a fresh copy of the corpus, checking both incremental paths after every step. */
async function runSequence(edits: Edit[]): Promise<void> {
  const runDir = await mkdtemp(path.join(root, 'run-'));
  const folder = new Folder(path.join(runDir, 'content'));
  const cacheDir = path.join(runDir, 'cache');
  try {
    await cp(base, folder.dir, { recursive: true, preserveTimestamps: true });
    const dev = createContentCache({});
    await dev.run(devOptions(folder.dir));
    await persistentBuild(folder.dir, cacheDir, path.join(runDir, 'dist-0'));
    const seen = new Set<string>();
    const log: string[] = [];
    for (const edit of edits) {
      for await (const step of apply(folder, edit)) {
        log.push(step.what);
        const story = `after:\n  ${log.join('\n  ')}\n`;
        const { files: cold, cold: build } = await coldBuild(folder.dir);

        const run =
          (await dev.update(step.paths, devOptions(folder.dir))) ?? (await dev.run(devOptions(folder.dir)));
        for (const name of cold.keys()) seen.add(name);
        expect(differences(cold, devTree(dev, seen)), `dev cache ${story}`).toEqual([]);
        expect({ issues: lines(run.issues), invalid: run.invalidFiles }, `dev cache issues ${story}`).toEqual(
          { issues: lines(build.issues), invalid: build.invalidFiles },
        );

        const built = await persistentBuild(folder.dir, cacheDir, path.join(runDir, `dist-${log.length}`));
        expect(differences(cold, built), `persistent build ${story}`).toEqual([]);
        for (const name of dev.files()) seen.add(name[0]);
      }
    }
  } finally {
    await rm(runDir, { recursive: true, force: true });
  }
}

describe('incremental output equals a cold build after any sequence of edits', () => {
  it('has feeds of several shards to start with', async () => {
    const { files } = await coldBuild(base);
    const shards = (feed: string) => [...files.keys()].filter((n) => n.startsWith(`feed/${feed}.`)).length;
    for (const sort of ['newest', 'quality', 'heat'])
      expect(shards(`${sort}-all`), sort).toBeGreaterThanOrEqual(2);
  });

  it(
    'dev cache kept across the edits, and a new process through the persistent cache, after each edit',
    async () => {
      await fc.assert(
        fc.asyncProperty(fc.array(editArb, { minLength: 1, maxLength: 6 }), (edits) => runSequence(edits)),
        { seed: SEED, numRuns: NUM_RUNS },
      );
    },
    SLOW,
  );
});
