import {
  cp,
  mkdir,
  mkdtemp,
  readdir,
  readFile,
  rm,
  stat,
  truncate,
  utimes,
  writeFile,
} from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { buildContent, createContentCache } from '../../src/content-pipeline/index';
import { writeContentData } from '../../src/content-pipeline/vite-plugin';
import type { ArticleDetail, CardSummary, Manifest } from '../../src/types/content';
import { generateCorpus } from '../bench/generate-corpus';
import { fixture, NOW, readTree } from './helpers';
import { checkedFiles as checked } from './check-counter';

// Counts the files that really get parsed and validated.
vi.mock('../../src/content-pipeline/check-file', async (importOriginal) =>
  (await import('./check-counter')).countingCheckFile(importOriginal),
);

let root: string;
let dir: string;
let cacheDir: string;
beforeEach(async () => {
  root = await mkdtemp(path.join(tmpdir(), 'content-output-'));
  dir = path.join(root, 'content');
  cacheDir = path.join(root, 'cache');
  await cp(fixture('related'), dir, { recursive: true });
  checked.length = 0;
});
afterEach(() => rm(root, { recursive: true, force: true }));

/** A build as the plugin runs it, each in a new cache object (a new process): content step, then writeBundle. */
async function build(out: string) {
  const cache = createContentCache({ dir: cacheDir });
  const run = await cache.run({
    contentDir: dir,
    drafts: true,
    now: NOW,
    keepSources: false,
    keepDetails: false,
    writeData: true,
  });
  const count = writeContentData(cache, path.join(out, 'data'));
  return { run, count };
}

async function coldFiles(): Promise<Map<string, string>> {
  const cold = await buildContent({ contentDir: dir, drafts: true, now: NOW });
  return new Map([...cold.files].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)));
}

describe('a build through the persistent data folder', () => {
  it('writes the same files as a cold build, and the next build after an edit parses only that file', async () => {
    const first = await build(path.join(root, 'dist1'));
    expect(checked).toHaveLength(6);
    expect(await readTree(path.join(root, 'dist1', 'data'))).toEqual(await coldFiles());
    expect(first.count).toBe((await coldFiles()).size);
    const firstDist = await readTree(path.join(root, 'dist1', 'data'));

    await writeFile(
      path.join(dir, 'c.md'),
      '---\ntitle: "C, edited"\npublishedDateTime: 2020-05-06T08:00:00Z\nwebUrl: "https://news.example/c-web"\npublished: true\n---\n',
    );
    checked.length = 0;
    await build(path.join(root, 'dist2'));
    expect(checked).toEqual(['c.md']);
    const second = await readTree(path.join(root, 'dist2', 'data'));
    expect(second).toEqual(await coldFiles());
    expect(JSON.parse(second.get('articles/c.json') ?? '')).toMatchObject({ title: 'C, edited' });
    // The earlier output (linked from the same folder) still holds the earlier build's text.
    expect(await readTree(path.join(root, 'dist1', 'data'))).toEqual(firstDist);

    checked.length = 0;
    await build(path.join(root, 'dist3'));
    expect(checked).toEqual([]);
    expect(await readTree(path.join(root, 'dist3', 'data'))).toEqual(second);
  });

  it('starts afresh from a damaged snapshot, never failing the build', async () => {
    await build(path.join(root, 'dist1'));
    const names = (await readdir(cacheDir, { recursive: true })).filter((n) =>
      /snapshot\.(json|bin)$/.test(n),
    );
    expect(names).toHaveLength(2);
    await writeFile(path.join(cacheDir, names[0] ?? ''), '{"truncated');
    checked.length = 0;
    await build(path.join(root, 'dist2'));
    expect(checked).toHaveLength(6);
    expect(await readTree(path.join(root, 'dist2', 'data'))).toEqual(await coldFiles());
  });
});

// A folder big enough for several shards per feed (60 cards each), in the real file format.
const CORPUS_SIZE = 150;
const SLOW = 60_000;

type Tree = Map<string, string>;

const manifestOf = (tree: Tree) => JSON.parse(tree.get('manifest.json') ?? '') as Manifest;
const detailIn = (tree: Tree, id: string) =>
  JSON.parse(tree.get(`articles/${id}.json`) ?? '') as ArticleDetail;
const detailsIn = (tree: Tree) =>
  [...tree]
    .filter(([name]) => name.startsWith('articles/'))
    .map(([, text]) => JSON.parse(text) as ArticleDetail);
/** The shard file names of one feed, in shard order. */
const shardNames = (tree: Tree, sort: string, topic: string | null) => {
  const feed = `feed/${sort}-${topic ?? 'all'}.`;
  const shard = /^[0-9a-f]+\/(\d+)\.json$/;
  const index = (name: string) => Number(shard.exec(name.slice(feed.length))?.[1]);
  return [...tree.keys()]
    .filter((name) => name.startsWith(feed) && shard.test(name.slice(feed.length)))
    .sort((a, b) => index(a) - index(b));
};
const cardsIn = (tree: Tree, name: string) =>
  (JSON.parse(tree.get(name) ?? '') as { index: number; items: CardSummary[] }).items;

/** Each article's file, by id (the file name without `.md`). */
async function articleFiles(): Promise<Map<string, string>> {
  const names = (await readdir(dir, { recursive: true, withFileTypes: true })).filter(
    (e) => e.isFile() && e.name.endsWith('.md'),
  );
  return new Map(names.map((e) => [e.name.slice(0, -3), path.join(e.parentPath, e.name)]));
}

/** Every article's id, sorted. */
const articleIds = async () => [...(await articleFiles()).keys()].sort();

async function fileOf(id: string): Promise<string> {
  const file = (await articleFiles()).get(id);
  if (!file) throw new Error(`no file for ${id}`);
  return file;
}

/** Rewrites an article's file; the change must really change it. */
async function editArticle(id: string, change: (text: string) => string): Promise<void> {
  const file = await fileOf(id);
  const before = await readFile(file, 'utf8');
  const after = change(before);
  expect(after, `edit of ${id}`).not.toBe(before);
  await writeFile(file, after);
}

const setTitle = (title: string) => (text: string) =>
  text.replace(/^title: .*$/m, `title: ${JSON.stringify(title)}`);

/** The front matter's `topics:` list (plain names, one per line), mapped by `change`. */
const mapTopics = (change: (topics: string[]) => string[]) => (text: string) =>
  text.replace(/^topics:\n((?: {2}- .*\n)+)/m, (_, block: string) => {
    const topics = change(
      block
        .trimEnd()
        .split('\n')
        .map((line) => line.slice(4)),
    );
    return `topics:\n${topics.map((t) => `  - ${t}\n`).join('')}`;
  });

/** Ids of the articles whose detail lists the topic `slug`. */
const withTopic = (tree: Tree, slug: string) =>
  detailsIn(tree)
    .filter((d) => d.topics.some((t) => t.slug === slug))
    .map((d) => d.id);

/** What the next build must do after a step: the files it parses, and what its output shows. */
interface StepResult {
  parsed: string[];
  verify: (tree: Tree) => void;
}

interface Step {
  name: string;
  /** Edits the content folder, given the output before the edit. */
  edit: (before: Tree) => Promise<StepResult>;
}

const NEW_TOPIC = 'Zeppelin Restoration';
const LINKED_ID = '000151_linked';
/** State the steps hand on to later ones. */
const shared = { renamed: '', linkedFrom: [] as string[], relatedUrl: '' };

const steps: Step[] = [
  {
    name: 'nothing changed',
    edit: async (before) => ({ parsed: [], verify: (tree) => expect(tree).toEqual(before) }),
  },
  {
    name: "one article's title",
    edit: async (before) => {
      const id = cardsIn(before, shardNames(before, 'newest', null)[0] ?? '')[0]?.id ?? '';
      const title = `${detailIn(before, id).title}, edited`;
      await editArticle(id, setTitle(title));
      return {
        parsed: [id],
        verify: (tree) => {
          expect(detailIn(tree, id).title).toBe(title);
          expect(cardsIn(tree, shardNames(tree, 'newest', null)[0] ?? '')[0]).toMatchObject({ id, title });
        },
      };
    },
  },
  {
    name: 'a topic no other article has, added to one article',
    edit: async (before) => {
      const id = cardsIn(before, shardNames(before, 'heat', null)[1] ?? '')[5]?.id ?? '';
      await editArticle(
        id,
        mapTopics((topics) => [...topics, NEW_TOPIC]),
      );
      return {
        parsed: [id],
        verify: (tree) => {
          const topic = manifestOf(tree).topics.find((t) => t.slug === 'zeppelin-restoration');
          expect(topic).toMatchObject({ name: NEW_TOPIC, count: 1 });
          expect(cardsIn(tree, shardNames(tree, 'quality', 'zeppelin-restoration')[0] ?? '')).toMatchObject([
            { id },
          ]);
          expect(detailIn(tree, id).topics).toContainEqual({ slug: 'zeppelin-restoration', name: NEW_TOPIC });
        },
      };
    },
  },
  {
    name: 'the only article of a topic no longer lists it: the feed goes',
    edit: async (before) => {
      const details = detailsIn(before);
      const topic = manifestOf(before).topics.find(
        (t) =>
          t.count === 1 &&
          t.slug !== 'zeppelin-restoration' &&
          details.some((d) => d.topics.length > 1 && d.topics.some((x) => x.slug === t.slug)),
      );
      if (!topic) throw new Error('the corpus has no topic of one article that lists more');
      const [id = ''] = withTopic(before, topic.slug);
      await editArticle(
        id,
        mapTopics((topics) => topics.filter((t) => t !== topic.name)),
      );
      return {
        parsed: [id],
        verify: (tree) => {
          expect(manifestOf(tree).topics.map((t) => t.slug)).not.toContain(topic.slug);
          expect([...tree.keys()].filter((n) => n.includes(`-${topic.slug}-`))).toEqual([]);
          expect(detailIn(tree, id).topics.map((t) => t.slug)).not.toContain(topic.slug);
        },
      };
    },
  },
  {
    name: 'one of several articles of a topic no longer lists it: the feed shrinks',
    edit: async (before) => {
      const details = detailsIn(before);
      const topic = manifestOf(before).topics.find((t) => t.count >= 3);
      const article = details.find(
        (d) => d.topics.length > 1 && d.topics.some((t) => t.slug === topic?.slug),
      );
      if (!topic || !article) throw new Error('the corpus has no topic of three articles');
      await editArticle(
        article.id,
        mapTopics((topics) => topics.filter((t) => t !== topic.name)),
      );
      return {
        parsed: [article.id],
        verify: (tree) => {
          const after = manifestOf(tree).topics.find((t) => t.slug === topic.slug);
          expect(after?.count).toBe(topic.count - 1);
          const members = shardNames(tree, 'newest', topic.slug).flatMap((n) =>
            cardsIn(tree, n).map((c) => c.id),
          );
          expect(members).toHaveLength(topic.count - 1);
          expect(members).not.toContain(article.id);
        },
      };
    },
  },
  {
    name: "a topic's display name: another spelling becomes the most used",
    edit: async (before) => {
      // A topic of a few articles that all spell it alike; most of them now write it in capitals.
      const topic = manifestOf(before).topics.find((t) => t.count >= 3 && t.count <= 9);
      if (!topic) throw new Error('the corpus has no topic of 3 to 9 articles');
      const ids = withTopic(before, topic.slug);
      const spelling = topic.name.toUpperCase();
      const edited = ids.slice(0, Math.floor(ids.length / 2) + 1);
      for (const id of edited) {
        await editArticle(
          id,
          mapTopics((topics) => topics.map((t) => (t === topic.name ? spelling : t))),
        );
      }
      shared.renamed = topic.slug;
      return {
        // The articles not edited are read again: their details show the new name.
        parsed: ids,
        verify: (tree) => {
          expect(manifestOf(tree).topics.find((t) => t.slug === topic.slug)?.name).toBe(spelling);
          for (const id of ids) {
            expect(detailIn(tree, id).topics).toContainEqual({ slug: topic.slug, name: spelling });
          }
        },
      };
    },
  },
  {
    name: "a tie between two spellings: the topic takes the first article's (by id)",
    edit: async (before) => {
      // A topic of two articles that spell it alike; the first one now writes it in lower case.
      const topic = manifestOf(before).topics.find(
        (t) => t.count === 2 && t.slug !== shared.renamed && t.name !== t.name.toLowerCase(),
      );
      if (!topic) throw new Error('the corpus has no topic of two articles');
      const [first = '', second = ''] = withTopic(before, topic.slug).sort();
      const spelling = topic.name.toLowerCase();
      await editArticle(
        first,
        mapTopics((topics) => topics.map((t) => (t === topic.name ? spelling : t))),
      );
      return {
        parsed: [first, second],
        verify: (tree) => {
          expect(manifestOf(tree).topics.find((t) => t.slug === topic.slug)?.name).toBe(spelling);
          expect(detailIn(tree, second).topics).toContainEqual({ slug: topic.slug, name: spelling });
        },
      };
    },
  },
  {
    name: 'an article file deleted (no related item links to it)',
    edit: async (before) => {
      const details = detailsIn(before);
      const linked = new Set(details.flatMap((d) => d.related.map((r) => r.url)));
      const gone = details.find(
        (d) =>
          d.url !== undefined &&
          !linked.has(d.url) &&
          !d.topics.some((t) => t.slug === shared.renamed) &&
          d.id !== cardsIn(before, shardNames(before, 'newest', null)[0] ?? '')[0]?.id,
      );
      if (!gone) throw new Error('every article is linked to');
      await rm(await fileOf(gone.id));
      return {
        parsed: [],
        verify: (tree) => {
          expect(tree.has(`articles/${gone.id}.json`)).toBe(false);
          expect(manifestOf(tree).counts.articles).toBe(manifestOf(before).counts.articles - 1);
        },
      };
    },
  },
  {
    name: "a new article at the URL of another article's related item",
    edit: async (before) => {
      const details = detailsIn(before);
      const local = new Set(details.flatMap((d) => (d.url === undefined ? [] : [d.url])));
      const item = details
        .flatMap((d) => d.related.map((r) => ({ from: d.id, url: r.url, articleId: r.articleId })))
        .find((r) => r.url !== undefined && r.articleId === undefined && !local.has(r.url));
      const template = details.find(
        (d) => d.related.length === 0 && !d.topics.some((t) => t.slug === shared.renamed),
      );
      if (!item?.url || !template) throw new Error('no unlinked related item');
      const url = item.url;
      const linkedFrom = details.filter((d) => d.related.some((r) => r.url === url)).map((d) => d.id);
      const text = (await readFile(await fileOf(template.id), 'utf8'))
        .replace(/^title: .*$/m, 'title: "The story a related item points at"')
        .replace(/^originalUrl: .*$/m, `originalUrl: ${JSON.stringify(url)}`)
        .replace(/^webUrl: .*$/m, `webUrl: ${JSON.stringify(url)}`);
      await writeFile(path.join(path.dirname(await fileOf(template.id)), `${LINKED_ID}.md`), text);
      Object.assign(shared, { linkedFrom, relatedUrl: url });
      return {
        parsed: [LINKED_ID, ...linkedFrom],
        verify: (tree) => {
          expect(detailIn(tree, LINKED_ID)).toMatchObject({
            url,
            title: 'The story a related item points at',
          });
          for (const id of linkedFrom) {
            const related = detailIn(tree, id).related.filter((r) => r.url === url);
            expect(related.length).toBeGreaterThan(0);
            for (const r of related) expect(r.articleId).toBe(LINKED_ID);
          }
        },
      };
    },
  },
  {
    name: 'that article deleted again: the related item loses its link',
    edit: async () => {
      await rm(await fileOf(LINKED_ID));
      return {
        // Their details are rendered again, from the pieces the journal kept when the last run
        // rendered them: no file is read.
        parsed: [],
        verify: (tree) => {
          expect(tree.has(`articles/${LINKED_ID}.json`)).toBe(false);
          for (const id of shared.linkedFrom) {
            for (const r of detailIn(tree, id).related.filter((x) => x.url === shared.relatedUrl)) {
              expect(r.articleId).toBeUndefined();
            }
          }
        },
      };
    },
  },
  {
    name: 'nothing changed, after all that',
    edit: async (before) => ({ parsed: [], verify: (tree) => expect(tree).toEqual(before) }),
  },
];

describe('a build through the persistent data folder, over several shards per feed', () => {
  beforeEach(async () => {
    generateCorpus({ count: CORPUS_SIZE, out: dir });
    // As old as a real folder's files: only those a test edits are new enough to be read again
    // (store.ts reads a file whose modification time is close to its last read once more).
    const old = new Date(Date.now() - 3_600_000);
    for (const file of (await articleFiles()).values()) await utimes(file, old, old);
  });

  it(
    'after each edit, a new process writes what a cold build writes, parsing only what it must',
    async () => {
      await build(path.join(root, 'dist-0'));
      expect(checked).toHaveLength(CORPUS_SIZE);
      const first = await readTree(path.join(root, 'dist-0', 'data'));
      expect(first).toEqual(await coldFiles());
      let before = first;
      for (const sort of ['newest', 'quality', 'heat']) {
        expect(shardNames(before, sort, null).length, sort).toBeGreaterThanOrEqual(3);
      }

      for (const [i, step] of steps.entries()) {
        const { parsed, verify } = await step.edit(before);
        checked.length = 0;
        const out = path.join(root, `dist-${i + 1}`);
        await build(out);
        expect([...checked].sort(), step.name).toEqual(parsed.map((id) => `${id}.md`).sort());
        const tree = await readTree(path.join(out, 'data'));
        expect(tree, step.name).toEqual(await coldFiles());
        verify(tree);
        before = tree;
      }
      // The first output, linked from the same folder, still holds the first build's text.
      expect(await readTree(path.join(root, 'dist-0', 'data'))).toEqual(first);
    },
    SLOW,
  );

  it(
    'links a shard whose content did not change to the file it has, under the new name',
    async () => {
      const dist1 = path.join(root, 'dist1', 'data');
      const dist2 = path.join(root, 'dist2', 'data');
      await build(path.join(root, 'dist1'));
      const first = await readTree(dist1);
      const oldShards = shardNames(first, 'newest', null);
      expect(oldShards).toHaveLength(3);
      const [oldFirst = '', oldMiddle = '', oldLast = ''] = oldShards;
      const id = cardsIn(first, oldLast)[0]?.id ?? '';
      const title = `${detailIn(first, id).title} (updated)`;
      await editArticle(id, setTitle(title));

      checked.length = 0;
      await build(path.join(root, 'dist2'));
      expect(checked).toEqual([`${id}.md`]);
      const second = await readTree(dist2);
      expect(second).toEqual(await coldFiles());
      expect(manifestOf(second).feeds.newest.hash).not.toBe(manifestOf(first).feeds.newest.hash);
      const [newFirst = '', newMiddle = '', newLast = ''] = shardNames(second, 'newest', null);
      const ino = async (folder: string, name: string) => (await stat(path.join(folder, name))).ino;

      // The feed's hash changed, so every shard has a new name; the first two hold the same cards.
      expect(newFirst).not.toBe(oldFirst);
      expect(second.get(newFirst)).toBe(first.get(oldFirst));
      expect(await ino(dist2, newFirst)).toBe(await ino(dist1, oldFirst));
      expect(await ino(dist2, newMiddle)).toBe(await ino(dist1, oldMiddle));
      // The last one holds the edited card: a new file.
      expect(newLast).not.toBe(oldLast);
      expect(await ino(dist2, newLast)).not.toBe(await ino(dist1, oldLast));
      expect(cardsIn(second, newLast)[0]).toMatchObject({ id, title });

      // No file whose text some file of the first build had was written again, whatever its name.
      const inodes = new Map<string, Set<number>>();
      for (const [name, text] of first) {
        const set = inodes.get(text) ?? new Set<number>();
        set.add(await ino(dist1, name));
        inodes.set(text, set);
      }
      let kept = 0;
      for (const [name, text] of second) {
        const earlier = inodes.get(text);
        if (!earlier) continue;
        expect(earlier, name).toContain(await ino(dist2, name));
        kept++;
      }
      expect(kept).toBeGreaterThan(CORPUS_SIZE);
      // The first output still holds the first build's text.
      expect(await readTree(dist1)).toEqual(first);
    },
    SLOW,
  );

  it(
    'a new process keeps a shard an earlier edit wrote, known only from the journal, when its feed changes elsewhere',
    async () => {
      const data = (name: string) => path.join(root, name, 'data');
      const ino = async (name: string, file: string) => (await stat(path.join(data(name), file))).ino;
      await build(path.join(root, 'dist1'));
      const first = await readTree(data('dist1'));
      const [firstShard = '', , lastShard = ''] = shardNames(first, 'newest', null);
      const early = cardsIn(first, firstShard)[0]?.id ?? '';
      const late = cardsIn(first, lastShard)[0]?.id ?? '';
      await editArticle(early, setTitle('The first edit'));
      await build(path.join(root, 'dist2'));
      expect(await cacheState()).toMatchObject({ journal: true });
      await editArticle(late, setTitle('The second edit'));
      await build(path.join(root, 'dist3'));

      const second = await readTree(data('dist2'));
      const third = await readTree(data('dist3'));
      expect(third).toEqual(await coldFiles());
      const [before = ''] = shardNames(second, 'newest', null);
      const [after = ''] = shardNames(third, 'newest', null);
      // The feed has a new folder; its first shard, which the first edit wrote, moved with it.
      expect(after).not.toBe(before);
      expect(cardsIn(third, after)[0]).toMatchObject({ id: early, title: 'The first edit' });
      expect(await ino('dist3', after)).toBe(await ino('dist2', before));
    },
    SLOW,
  );

  it(
    'a feed that loses a shard keeps no file past its last one in its moved folder',
    async () => {
      await build(path.join(root, 'dist1'));
      const first = await readTree(path.join(root, 'dist1', 'data'));
      const [, , lastShard = ''] = shardNames(first, 'newest', null);
      const files = await articleFiles();
      // Every article of the newest feed's last shard goes: the feed keeps two of its three.
      for (const card of cardsIn(first, lastShard)) await rm(files.get(card.id) ?? '');
      await build(path.join(root, 'dist2'));
      const second = await readTree(path.join(root, 'dist2', 'data'));
      expect(second).toEqual(await coldFiles());
      expect(shardNames(second, 'newest', null)).toHaveLength(2);
      expect(manifestOf(second).feeds.newest.shards).toBe(2);
    },
    SLOW,
  );

  /** The cache's own file `name` (snapshot.json, snapshot.bin or journal.json). */
  async function cacheFile(name: string): Promise<string> {
    const found = (await readdir(cacheDir, { recursive: true })).filter((n) => path.basename(n) === name);
    expect(found).toHaveLength(1);
    return path.join(cacheDir, found[0] ?? '');
  }

  async function editSnapshot(change: (snapshot: Record<string, unknown>) => void): Promise<void> {
    const file = await cacheFile('snapshot.json');
    const snapshot = JSON.parse(await readFile(file, 'utf8')) as Record<string, unknown>;
    change(snapshot);
    await writeFile(file, JSON.stringify(snapshot));
  }

  it.each([
    ['a snapshot without feed hashes', () => editSnapshot((s) => (s.feeds = null))],
    ['a snapshot without topic names', () => editSnapshot((s) => delete s.topics)],
    [
      'a snapshot whose link text is said to be a byte shorter',
      () =>
        editSnapshot((s) => {
          (s.layout as { links: [number, number] }).links[1] -= 1;
        }),
    ],
    [
      'a snapshot whose number columns are said to run past the end of snapshot.bin',
      () =>
        editSnapshot((s) => {
          const layout = s.layout as { cards: number; numbers: [number, number] };
          layout.numbers[1] = layout.cards;
        }),
    ],
    [
      'a snapshot.bin cut short',
      async () => {
        const file = await cacheFile('snapshot.bin');
        await truncate(file, Math.floor((await stat(file)).size / 2));
      },
    ],
    [
      'a snapshot.bin with one byte of its columns changed',
      async () => {
        const file = await cacheFile('snapshot.bin');
        const bytes = await readFile(file);
        const at = 20; // the first number column's
        bytes[at] = (bytes[at] ?? 0) ^ 1;
        await writeFile(file, bytes);
      },
    ],
    [
      // Cards are checked as read: this one is, in the shard the edit changes (the run that finds
      // it starts again without the cache).
      'a snapshot.bin with one byte of a card changed',
      async () => {
        const file = await cacheFile('snapshot.bin');
        const bytes = await readFile(file);
        const at = Math.floor(bytes.length / 2);
        bytes[at] = (bytes[at] ?? 0) ^ 1;
        await writeFile(file, bytes);
      },
    ],
    [
      'a snapshot.bin with bytes added',
      async () => {
        const file = await cacheFile('snapshot.bin');
        await writeFile(file, 'more', { flag: 'a' });
      },
    ],
  ])(
    'after %s, the next build starts afresh and writes what a cold build writes',
    async (_, damage) => {
      await build(path.join(root, 'dist1'));
      const first = await readTree(path.join(root, 'dist1', 'data'));
      const id = cardsIn(first, shardNames(first, 'newest', null)[1] ?? '')[0]?.id ?? '';
      await editArticle(id, setTitle('Edited while the cache was damaged'));
      await damage();

      checked.length = 0;
      await build(path.join(root, 'dist2'));
      expect(new Set(checked).size).toBe(CORPUS_SIZE);
      const second = await readTree(path.join(root, 'dist2', 'data'));
      expect(second).toEqual(await coldFiles());
      expect(detailIn(second, id).title).toBe('Edited while the cache was damaged');
      expect(await readTree(path.join(root, 'dist1', 'data'))).toEqual(first);
    },
    SLOW,
  );

  // Failed until a44c012: the snapshot still said the folder held its files, so dataWriter's `put`
  // unlinked a file that was not there (ENOENT) and every later build threw the same way.
  /** The cache's snapshot.json and snapshot.bin, and whether it has a journal. */
  async function cacheState() {
    const names = await readdir(cacheDir, { recursive: true });
    return {
      snapshot: [
        await readFile(await cacheFile('snapshot.json')),
        await readFile(await cacheFile('snapshot.bin')),
      ],
      journal: names.some((n) => path.basename(n) === 'journal.json'),
    };
  }

  it(
    'after a few edits writes only a journal, and a new snapshot once the journal would hold too many',
    async () => {
      await build(path.join(root, 'dist-0'));
      const first = await cacheState();
      expect(first.journal).toBe(false);
      const ids = await articleIds();
      let run = 0;
      const buildAfter = async (edited: string[]) => {
        checked.length = 0;
        await build(path.join(root, `dist-${++run}`));
        expect([...checked].sort()).toEqual(edited.map((id) => `${id}.md`).sort());
        expect(await readTree(path.join(root, `dist-${run}`, 'data'))).toEqual(await coldFiles());
        return cacheState();
      };

      // One edit, then another: the snapshot stays as it was, and a journal says what changed.
      const reverted = ids[3] ?? '';
      const original = await readFile(await fileOf(reverted), 'utf8');
      for (const id of [reverted, ids[77] ?? '']) {
        await editArticle(id, setTitle(`Edited once (${id})`));
        expect(await buildAfter([id]), `edit of ${id}`).toEqual({ snapshot: first.snapshot, journal: true });
      }
      // Put back as it was in the snapshot: the same article again, its detail file written back.
      await editArticle(reverted, () => original);
      expect(await buildAfter([reverted]), 'put back').toEqual({ snapshot: first.snapshot, journal: true });
      // More files changed since the snapshot than a journal holds (a quarter of the records).
      // (Dated in the past, as if saved a while ago: files saved within 2 s of a build are read again
      // by the next one, which would make the next run's journal this long too.)
      const many = ids.slice(10, 50);
      const earlier = new Date(Date.now() - 1_800_000);
      for (const id of many) {
        await editArticle(id, setTitle(`Edited in bulk (${id})`));
        await utimes(await fileOf(id), earlier, earlier);
      }
      const compacted = await buildAfter(many);
      expect(compacted.journal).toBe(false);
      expect(compacted.snapshot).not.toEqual(first.snapshot);

      // The next edit goes to a journal of the new snapshot.
      await editArticle(ids[120] ?? '', setTitle('Edited after the new snapshot'));
      expect(await buildAfter([ids[120] ?? ''])).toEqual({ snapshot: compacted.snapshot, journal: true });
    },
    SLOW,
  );

  it(
    'in a process that builds twice, the second build journals what changed since the first one wrote',
    async () => {
      const cache = createContentCache({ dir: cacheDir });
      const options = { contentDir: dir, drafts: true, now: NOW, keepSources: false, keepDetails: false };
      await cache.run({ ...options, writeData: true });
      const first = await cacheState();
      const ids = await articleIds();
      await editArticle(ids[7] ?? '', setTitle('Edited while the process still runs'));
      await cache.run({ ...options, writeData: true });
      expect(await cacheState()).toEqual({ snapshot: first.snapshot, journal: true });

      // A new process takes the snapshot and that journal.
      await editArticle(ids[8] ?? '', setTitle('Edited before the next process'));
      checked.length = 0;
      await build(path.join(root, 'dist'));
      expect(checked).toEqual([`${ids[8]}.md`]);
      const tree = await readTree(path.join(root, 'dist', 'data'));
      expect(tree).toEqual(await coldFiles());
      expect(detailIn(tree, ids[7] ?? '').title).toBe('Edited while the process still runs');
    },
    SLOW,
  );

  it(
    'a journal kept while two files shared an id does not mix their details up once one goes',
    async () => {
      await build(path.join(root, 'dist1'));
      const id = (await articleIds())[11] ?? '';
      const original = await fileOf(id);
      // A second file of the same name in another folder: both are left out (a shared id).
      const copy = path.join(dir, 'elsewhere', `${id}.md`);
      await mkdir(path.dirname(copy));
      await writeFile(copy, setTitle('The copy, not the original')(await readFile(original, 'utf8')));
      await build(path.join(root, 'dist2'));
      expect((await readTree(path.join(root, 'dist2', 'data'))).has(`articles/${id}.json`)).toBe(false);

      await rm(copy);
      await build(path.join(root, 'dist3'));
      const third = await readTree(path.join(root, 'dist3', 'data'));
      expect(third).toEqual(await coldFiles());
      expect(detailIn(third, id).title).not.toBe('The copy, not the original');
    },
    SLOW,
  );

  it.each([
    ['cut short', async (file: string) => truncate(file, Math.floor((await stat(file)).size / 2))],
    [
      'of another snapshot',
      async (file: string) => {
        const journal = JSON.parse(await readFile(file, 'utf8')) as { token: string };
        await writeFile(file, JSON.stringify({ ...journal, token: `${journal.token}x` }));
      },
    ],
  ])(
    'after a journal %s, the next build does without it and writes what a cold build writes',
    async (_, damage) => {
      await build(path.join(root, 'dist1'));
      const ids = await articleIds();
      await editArticle(ids[5] ?? '', setTitle('Edited before the journal was damaged'));
      await build(path.join(root, 'dist2'));
      await damage(await cacheFile('journal.json'));
      await editArticle(ids[90] ?? '', setTitle('Edited after the journal was damaged'));

      checked.length = 0;
      await build(path.join(root, 'dist3'));
      // The snapshot's records stand, but its data folder is not the one on disk: every detail is
      // rendered again, from its file.
      expect(checked).toHaveLength(CORPUS_SIZE);
      const third = await readTree(path.join(root, 'dist3', 'data'));
      expect(third).toEqual(await coldFiles());
      expect(detailIn(third, ids[5] ?? '').title).toBe('Edited before the journal was damaged');
    },
    SLOW,
  );

  it(
    'after the data folder was deleted from the cache, the next build still writes what a cold build writes',
    async () => {
      await build(path.join(root, 'dist1'));
      await rm(path.join(path.dirname(await cacheFile('snapshot.json')), 'data'), { recursive: true });
      const first = await readTree(path.join(root, 'dist1', 'data'));
      const id = cardsIn(first, shardNames(first, 'newest', null)[1] ?? '')[0]?.id ?? '';
      await editArticle(id, setTitle('Edited after the data folder went'));

      await build(path.join(root, 'dist2'));
      expect(await readTree(path.join(root, 'dist2', 'data'))).toEqual(await coldFiles());
    },
    SLOW,
  );
});
