/**
 * The content store kept between processes: a snapshot of its file records (size, modification
 * time, hash, problems, each article's card and what its detail depends on) and, for builds, the
 * last emitted data folder, updated file by file. A new process then reads and checks only the
 * files whose size or modification time changed, renders only the outputs they affect, and a
 * build links the folder into its output. Unreadable, corrupt or foreign snapshots are ignored.
 */
import { createHash, randomBytes } from 'node:crypto';
import { mkdirSync, readdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { ProviderRef } from '../types/content.ts';
import { topicSlug } from './derive.ts';
import type { ContentIssue } from './issues.ts';
import { displayPath } from './load.ts';
import type { PreparedArticle } from './prepare.ts';
import { ContentStore } from './store.ts';
import type { FileRecord, RunOptions, StoreRun } from './store.ts';

/**
 * Bump when the snapshot's shape changes. Any change to the pipeline's code also invalidates it
 * (see `codeKey`), so a new check or another output shape never meets old results.
 */
export const PERSISTENT_CACHE_VERSION = 2;

export interface ContentCacheOptions {
  /**
   * Folder that keeps the results between processes (a restarted dev server, the next build), as
   * files it alone writes. Unreadable or corrupt files there are ignored and rewritten.
   */
  dir?: string;
}

/** A file record as an array (field names repeated 100,000 times would double the parse time). */
type RecordRow = [
  relPath: string,
  id: string,
  size: number,
  mtimeMs: number,
  readAt: number,
  hash: string,
  clockBound: 0 | 1,
  issues: ContentIssue[],
  valid: 0 | 1,
  published: 0 | 1,
  /** Null when written by a run without the image step (they are read again if a build needs them). */
  imageUrls: string[] | null,
  imagesKey: string,
  prepared: PreparedRow | null,
  /** The detail's inputs key and hash. */
  memo: [string, string] | null,
];
type PreparedRow = [
  time: number,
  quality: number | null,
  heat: number | null,
  draft: 0 | 1,
  provider: ProviderRef | null,
  topicNames: string[],
  links: string[],
  relatedUrls: (string | null)[],
  cardHash: string,
];
interface Snapshot {
  version: number;
  code: string;
  root: string;
  clock: number | null;
  /** Files in the data folder, when it holds the output of the records' memos. */
  written: string[] | null;
  /** Also the first line of cards.txt: the two files were written together. */
  token: string;
  records: RecordRow[];
}

let codeKeyMemo: string | undefined;
/** A hash of the pipeline's own source files: results made by other code are never reused. */
function codeKey(): string {
  if (codeKeyMemo) return codeKeyMemo;
  const digest = createHash('sha256').update(String(PERSISTENT_CACHE_VERSION));
  try {
    const here = path.dirname(fileURLToPath(import.meta.url));
    const dirs = [here, path.join(here, '..', 'config'), path.join(here, '..', 'types')];
    for (const dir of dirs) {
      for (const name of readdirSync(dir).sort()) {
        if (name.endsWith('.ts')) digest.update(`${name}\n`).update(readFileSync(path.join(dir, name)));
      }
    }
  } catch {
    digest.update(String(Date.now())); // sources not found: never trust a snapshot
  }
  return (codeKeyMemo = digest.digest('hex'));
}

/**
 * Parse and validation results and rendered output by file, reused while a file stays the same:
 * the dev server rebuilds on every save and builds follow each other. Holds the current files only.
 */
export class ContentCache {
  readonly store = new ContentStore();
  private readonly dir: string | undefined;
  private openedAs: string | undefined;

  constructor(options: ContentCacheOptions = {}) {
    this.dir = options.dir;
  }

  /** Files known (valid or not) after the last run. */
  get size(): number {
    return this.store.records.size;
  }

  /** @internal A full run (see ContentStore.run), restored from and saved to the folder. */
  async run(options: RunOptions): Promise<StoreRun> {
    const folder = this.folder(options);
    const started = performance.now();
    if (folder && this.openedAs !== folder) this.open(folder, options);
    const opened = performance.now() - started;
    const run = await this.store.run({ ...options, writeData: options.writeData && folder !== undefined });
    run.stages['cache open'] = opened;
    const saving = performance.now();
    if (folder) this.save(folder);
    run.stages['cache save'] = performance.now() - saving;
    return run;
  }

  /** @internal A run over the watcher's paths; undefined when a full run is needed. */
  update(paths: string[], options: RunOptions): Promise<StoreRun | undefined> {
    return this.store.update(paths, { ...options, writeData: false });
  }

  /** @internal A data file of the last run. */
  file(name: string): string | undefined {
    return this.store.file(name);
  }

  /** @internal Whether results outlive the process (a folder was given). */
  get persistent(): boolean {
    return this.dir !== undefined;
  }

  /** @internal Every data file of the last run, the manifest first. */
  *files(): Generator<[string, string]> {
    const last = this.store.last;
    if (!last) return;
    for (const name of this.store.model.names(last.plan)) yield [name, this.store.file(name) ?? ''];
  }

  /** @internal The data folder the last build run wrote, if any. */
  get dataDir(): string | undefined {
    return this.store.written ? this.store.dataDir : undefined;
  }

  private folder(options: RunOptions): string | undefined {
    return (
      this.dir &&
      path.join(this.dir, `v${PERSISTENT_CACHE_VERSION}-${options.drafts ? 'drafts' : 'published'}`)
    );
  }

  private open(folder: string, options: RunOptions): void {
    this.openedAs = folder;
    this.removeOtherVersions();
    this.store.dataDir = path.join(folder, 'data');
    let snapshot: Snapshot;
    let cards: string[];
    try {
      snapshot = JSON.parse(readFileSync(path.join(folder, 'snapshot.json'), 'utf8')) as Snapshot;
      cards = readFileSync(path.join(folder, 'cards.txt'), 'utf8').split('\n');
      if (cards.shift() !== snapshot.token) return;
      const clock = options.now ? options.now.getTime() : null;
      if (
        snapshot.version !== PERSISTENT_CACHE_VERSION ||
        snapshot.code !== codeKey() ||
        snapshot.root !== path.resolve(options.contentDir) ||
        snapshot.clock !== clock ||
        !Array.isArray(snapshot.records)
      ) {
        return;
      }
    } catch {
      return; // none yet, or unreadable: start empty
    }
    const store = this.store;
    let card = 0;
    try {
      const restored: [FileRecord, [string, string] | null][] = [];
      const root = snapshot.root;
      let prefix: string | undefined;
      for (const row of snapshot.records) {
        const [relPath, id, size, mtimeMs, readAt, hash, clockBound, issues, valid, published] = row;
        const [, , , , , , , , , , imageUrls, imagesKey, meta, memo] = row;
        let prepared: PreparedArticle | undefined;
        if (meta) {
          const cardText = cards[card++];
          if (cardText === undefined) throw new Error('cards.txt is short');
          const [time, quality, heat, draft, provider, topicNames, links, relatedUrls, cardHash] = meta;
          prepared = {
            id,
            time,
            quality: quality ?? undefined,
            heat: heat ?? undefined,
            draft: draft === 1,
            provider: provider ?? undefined,
            slugs: [...new Set(topicNames.map(topicSlug))],
            topicNames,
            links,
            relatedUrls: relatedUrls.map((url) => url ?? undefined),
            cardText,
            cardHash,
            detailPieces: [],
          };
        }
        // Display paths share the folder's prefix: path.relative per file costs more than the rest.
        prefix ??= displayPath(path.join(root, relPath)).slice(0, -relPath.length);
        const file = `${prefix}${relPath}`;
        restored.push([
          {
            relPath,
            file,
            id,
            size,
            mtimeMs,
            readAt,
            hash,
            clockBound: clockBound === 1,
            issues,
            valid: valid === 1,
            published: published === 1,
            imageUrls,
            imagesKey,
            article: undefined,
            prepared,
          },
          memo,
        ]);
      }
      if (card !== cards.length) throw new Error('cards.txt does not match');
      for (const [rec, memo] of restored) {
        store.records.set(rec.relPath, rec);
        if (memo && rec.prepared && snapshot.written) store.model.remember(rec.prepared, memo[0], memo[1]);
      }
      store.clock = snapshot.clock;
      store.root = snapshot.root;
      store.written = snapshot.written ? new Set(snapshot.written) : undefined;
    } catch {
      store.records.clear();
      store.written = undefined;
    }
  }

  /** Results of other cache versions (the bucket files of version 1, older folders) are only litter. */
  private removeOtherVersions(): void {
    if (!this.dir) return;
    try {
      for (const name of readdirSync(this.dir)) {
        const match = /^v(\d+)-/.exec(name);
        if (match && Number(match[1]) !== PERSISTENT_CACHE_VERSION) {
          rmSync(path.join(this.dir, name), { recursive: true, force: true });
        }
      }
    } catch {
      // No folder yet, or one we cannot tidy: neither stops a build.
    }
  }

  private save(folder: string): void {
    const store = this.store;
    const records: RecordRow[] = [];
    const cards: string[] = [];
    for (const rec of store.records.values()) {
      const p = rec.prepared;
      let meta: PreparedRow | null = null;
      if (p) {
        const relatedUrls = p.relatedUrls.map((url) => url ?? null);
        meta = [
          p.time,
          p.quality ?? null,
          p.heat ?? null,
          p.draft ? 1 : 0,
          p.provider ?? null,
          p.topicNames,
          p.links,
          relatedUrls,
          p.cardHash,
        ];
        cards.push(p.cardText);
      }
      const memo = p && store.model.memo(p.id);
      records.push([
        rec.relPath,
        rec.id,
        rec.size,
        rec.mtimeMs,
        rec.readAt,
        rec.hash,
        rec.clockBound ? 1 : 0,
        rec.issues,
        rec.valid ? 1 : 0,
        rec.published ? 1 : 0,
        store.withImages ? rec.imageUrls : null,
        rec.imagesKey,
        meta,
        memo ? [memo.keyHash, memo.hash] : null,
      ]);
    }
    const snapshot: Snapshot = {
      version: PERSISTENT_CACHE_VERSION,
      code: codeKey(),
      root: store.root ?? '',
      clock: store.clock ?? null,
      written: store.written ? [...store.written] : null,
      token: randomBytes(9).toString('base64url'),
      records,
    };
    try {
      mkdirSync(folder, { recursive: true });
      // Written aside, then renamed: a build stopped halfway never leaves a truncated file.
      for (const [name, text] of [
        ['cards.txt', [snapshot.token, ...cards].join('\n')],
        ['snapshot.json', JSON.stringify(snapshot)],
      ] as const) {
        const target = path.join(folder, name);
        writeFileSync(`${target}.${process.pid}.tmp`, text);
        renameSync(`${target}.${process.pid}.tmp`, target);
      }
    } catch {
      // A cache that cannot be written only costs time on the next run.
    }
  }
}
