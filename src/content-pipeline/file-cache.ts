/**
 * The content store kept between processes: a snapshot of its file records (size, modification
 * time, hash, problems, each article's card and what its detail depends on) and, for builds, the
 * last emitted data folder, updated file by file. A new process then reads and checks only the
 * files whose size or modification time changed, renders only the outputs they affect, and a
 * build links the folder into its output. Unreadable, corrupt or foreign snapshots are ignored.
 *
 * Two files: snapshot.json (the records in columns, the topic names and feed hashes the data folder
 * was made with, and its shard files) and cards.bin (every card's text, decoded only when a shard
 * showing it is written again).
 */
import { createHash, randomBytes } from 'node:crypto';
import { mkdirSync, readdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { dataFiles } from '../config/data-files.ts';
import type { ProviderRef } from '../types/content.ts';
import { topicSlug } from './derive.ts';
import type { ContentIssue } from './issues.ts';
import { displayPath } from './load.ts';
import { ContentModel } from './model.ts';
import type { SavedFeeds } from './model.ts';
import type { PreparedArticle } from './prepare.ts';
import { shortHash } from './prepare.ts';
import { ContentStore } from './store.ts';
import type { FileRecord, RunOptions, StoreRun } from './store.ts';

/**
 * Bump when the snapshot's shape changes. Any change to the pipeline's code also invalidates it
 * (see `codeKey`), so a new check or another output shape never meets old results.
 */
export const PERSISTENT_CACHE_VERSION = 3;

export interface ContentCacheOptions {
  /**
   * Folder that keeps the results between processes (a restarted dev server, the next build), as
   * files it alone writes. Unreadable or corrupt files there are ignored and rewritten.
   */
  dir?: string;
}

/**
 * The records in columns: arrays of plain strings and numbers, which JSON.parse reads several
 * times faster than one small array or object per record (and V8's deserializer slower still).
 */
interface Columns {
  relPaths: string[];
  ids: string[];
  hashes: string[];
  /** Per record: size, modification time, read time, `Flag` bits. */
  numbers: number[];
  /** Records with problems: index and problems. */
  issues: [number, ContentIssue[]][];
  /** Records with image data: index, image URLs (null: not known), image map key. */
  images: [number, string[] | null, string][];
  /** The prepared articles, in record order. */
  prepared: {
    /** Per article: time, quality, heat (null when none), provider (index or -1), list lengths. */
    numbers: (number | null)[];
    providers: ProviderRef[];
    topicNames: string[];
    /** Indexes into `topicNames`, links and related URLs, all articles in a row. */
    topics: number[];
    links: string[];
    relatedUrls: (string | null)[];
    cardHashes: string[];
    /** Byte length of each card in cards.bin, which holds them in this order. */
    cardLengths: number[];
    /** The hash of each detail in the data folder ('' for none). */
    detailHashes: string[];
  };
}

const Flag = { clockBound: 1, valid: 2, published: 4, prepared: 8, draft: 16 } as const;
const NUMBERS = 4;
const PREPARED_NUMBERS = 7;

interface Snapshot {
  version: number;
  code: string;
  root: string;
  clock: number | null;
  /**
   * The hash of the data folder's manifest, when the folder holds the output of the records'
   * detail hashes, these shards and that manifest; null when it holds nothing known.
   */
  written: string | null;
  /** Shard files in the data folder: name and content key. */
  shards: [string, string][];
  /** Topic display names the details in the data folder were rendered with. */
  topics: [string, string][];
  /** The feeds' hashes of the data folder's manifest. */
  feeds: SavedFeeds | null;
  /** Also the start of cards.bin: the two files were written together. */
  token: string;
  records: Columns;
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
    return this.store.hasData ? this.store.dataDir : undefined;
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
    let cards: Buffer;
    try {
      snapshot = JSON.parse(readFileSync(path.join(folder, 'snapshot.json'), 'utf8')) as Snapshot;
      cards = readFileSync(path.join(folder, 'cards.bin'));
      const clock = options.now ? options.now.getTime() : null;
      if (
        typeof snapshot !== 'object' ||
        snapshot === null ||
        snapshot.version !== PERSISTENT_CACHE_VERSION ||
        snapshot.code !== codeKey() ||
        snapshot.root !== path.resolve(options.contentDir) ||
        snapshot.clock !== clock ||
        cards.toString('latin1', 0, snapshot.token.length + 1) !== `${snapshot.token}\n`
      ) {
        return;
      }
    } catch {
      return; // none yet, or unreadable: start empty
    }
    const store = this.store;
    try {
      const restored = restoreRecords(snapshot, cards);
      for (const rec of restored.records) store.records.set(rec.relPath, rec);
      store.clock = snapshot.clock;
      store.root = snapshot.root;
      // A data folder removed or changed since (its manifest is not the one written) is unknown.
      if (snapshot.written && snapshot.feeds && manifestHash(this.store.dataDir) === snapshot.written) {
        store.model.restore(restored.details, snapshot.topics, snapshot.feeds, restored.articles);
        store.restoreWritten(new Map(snapshot.shards));
      }
    } catch {
      store.records.clear();
      store.model = new ContentModel();
      store.hasData = false;
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
    const token = randomBytes(9).toString('base64url');
    const { columns, articles, cards } = recordColumns(store, token);
    const snapshot: Snapshot = {
      version: PERSISTENT_CACHE_VERSION,
      code: codeKey(),
      root: store.root ?? '',
      clock: store.clock ?? null,
      // The manifest this run wrote, hashed from memory (the same text the next open reads back).
      written: store.hasData && store.last ? shortHash(store.last.plan.manifestText) : null,
      shards: [...store.shardKeys],
      topics: store.model.topicNames(),
      feeds: store.model.savedFeeds(articles) ?? null,
      token,
      records: columns,
    };
    try {
      mkdirSync(folder, { recursive: true });
      // Written aside, then renamed: a build stopped halfway never leaves a truncated file.
      for (const [name, bytes] of [
        ['cards.bin', cards],
        ['snapshot.json', JSON.stringify(snapshot)],
      ] as const) {
        const target = path.join(folder, name);
        writeFileSync(`${target}.${process.pid}.tmp`, bytes);
        renameSync(`${target}.${process.pid}.tmp`, target);
      }
    } catch {
      // A cache that cannot be written only costs time on the next run.
    }
  }
}

/** A short hash of the manifest in a data folder; null when there is none. */
function manifestHash(dataDir: string | undefined): string | null {
  try {
    return dataDir ? shortHash(readFileSync(path.join(dataDir, dataFiles.manifest()), 'utf8')) : null;
  } catch {
    return null;
  }
}

/**
 * The store's records as columns, the index of each prepared article among them, and cards.bin:
 * the token, then every card's UTF-8 text (copied from the last cards.bin where not decoded).
 */
function recordColumns(store: ContentStore, token: string) {
  const c: Columns = {
    relPaths: [],
    ids: [],
    hashes: [],
    numbers: [],
    issues: [],
    images: [],
    prepared: {
      numbers: [],
      providers: [],
      topicNames: [],
      topics: [],
      links: [],
      relatedUrls: [],
      cardHashes: [],
      cardLengths: [],
      detailHashes: [],
    },
  };
  const p = c.prepared;
  const providerIndex = new Map<string, number>();
  const topicIndex = new Map<string, number>();
  const articles = new Map<PreparedArticle, number>();
  const cards: (RestoredArticle | Buffer)[] = [];
  let cardBytes = Buffer.byteLength(token) + 1;
  for (const rec of store.records.values()) {
    const a = rec.prepared;
    const flags =
      (rec.clockBound ? Flag.clockBound : 0) |
      (rec.valid ? Flag.valid : 0) |
      (rec.published ? Flag.published : 0) |
      (a ? Flag.prepared : 0) |
      (a?.draft ? Flag.draft : 0);
    const index = c.relPaths.length;
    c.relPaths.push(rec.relPath);
    c.ids.push(rec.id);
    c.hashes.push(rec.hash);
    c.numbers.push(rec.size, rec.mtimeMs, rec.readAt, flags);
    if (rec.issues.length > 0) c.issues.push([index, rec.issues]);
    const imageUrls = store.withImages ? rec.imageUrls : null;
    if (imageUrls !== null || rec.imagesKey !== '') c.images.push([index, imageUrls, rec.imagesKey]);
    if (!a) continue;
    articles.set(a, articles.size);
    let provider = -1;
    if (a.provider) {
      const key = JSON.stringify(a.provider);
      provider = providerIndex.get(key) ?? p.providers.push(a.provider) - 1;
      providerIndex.set(key, provider);
    }
    p.numbers.push(
      a.time,
      a.quality ?? null,
      a.heat ?? null,
      provider,
      a.topicNames.length,
      a.links.length,
      a.relatedUrls.length,
    );
    for (const name of a.topicNames) {
      const t = topicIndex.get(name) ?? p.topicNames.push(name) - 1;
      topicIndex.set(name, t);
      p.topics.push(t);
    }
    p.links.push(...a.links);
    for (const url of a.relatedUrls) p.relatedUrls.push(url ?? null);
    p.cardHashes.push(a.cardHash);
    const card = a instanceof RestoredArticle && a.undecoded() ? a : Buffer.from(a.cardText);
    const length = card instanceof RestoredArticle ? card.cardLength : card.length;
    cards.push(card);
    p.cardLengths.push(length);
    cardBytes += length;
    p.detailHashes.push(store.model.detailHash(a.id) ?? '');
  }
  const out = Buffer.allocUnsafe(cardBytes);
  let at = out.write(`${token}\n`, 0);
  for (const card of cards)
    at += card instanceof RestoredArticle ? card.copyCard(out, at) : card.copy(out, at);
  return { columns: c, articles, cards: out };
}

/** The records of a snapshot, the prepared articles in their order, and the detail hashes. */
function restoreRecords(snapshot: Snapshot, cards: Buffer) {
  const c = snapshot.records;
  const p = c.prepared;
  const records: FileRecord[] = [];
  const articles: PreparedArticle[] = [];
  const details: [PreparedArticle, string][] = [];
  const issues = new Map(c.issues);
  const images = new Map(c.images.map(([i, urls, key]) => [i, { urls, key }]));
  const slugOf = p.topicNames.map(topicSlug);
  // Display paths share the folder's prefix: path.relative per file costs more than the rest.
  const first = c.relPaths[0];
  const prefix =
    first === undefined ? '' : displayPath(path.join(snapshot.root, first)).slice(0, -first.length);
  let cardAt = snapshot.token.length + 1;
  let topic = 0;
  let link = 0;
  let related = 0;
  for (let i = 0; i < c.relPaths.length; i++) {
    const relPath = c.relPaths[i] as string;
    const id = c.ids[i] as string;
    const n = i * NUMBERS;
    const flags = c.numbers[n + 3] as number;
    let prepared: PreparedArticle | undefined;
    if (flags & Flag.prepared) {
      const article = articles.length;
      const m = article * PREPARED_NUMBERS;
      const nums = p.numbers;
      const topicEnd = topic + (nums[m + 4] as number);
      const topicNames: string[] = [];
      const slugs: string[] = [];
      for (; topic < topicEnd; topic++) {
        const t = p.topics[topic] as number;
        topicNames.push(p.topicNames[t] as string);
        const slug = slugOf[t] as string;
        if (!slugs.includes(slug)) slugs.push(slug);
      }
      const cardEnd = cardAt + (p.cardLengths[article] as number);
      if (cardEnd > cards.length) throw new Error('cards.bin is short');
      const linkEnd = link + (nums[m + 5] as number);
      const relatedEnd = related + (nums[m + 6] as number);
      const relatedUrls = p.relatedUrls.slice(related, relatedEnd) as (string | undefined)[];
      for (let r = 0; r < relatedUrls.length; r++) relatedUrls[r] ??= undefined;
      prepared = new RestoredArticle(cards, cardAt, cardEnd, {
        id,
        time: nums[m] as number,
        quality: nums[m + 1] ?? undefined,
        heat: nums[m + 2] ?? undefined,
        draft: (flags & Flag.draft) !== 0,
        provider: nums[m + 3] === -1 ? undefined : p.providers[nums[m + 3] as number],
        slugs,
        topicNames,
        links: p.links.slice(link, linkEnd),
        relatedUrls,
        cardHash: p.cardHashes[article] as string,
      });
      cardAt = cardEnd;
      link = linkEnd;
      related = relatedEnd;
      articles.push(prepared);
      const detailHash = p.detailHashes[article];
      if (detailHash) details.push([prepared, detailHash]);
    }
    const image = images.get(i);
    records.push({
      relPath,
      file: `${prefix}${relPath}`,
      id,
      size: c.numbers[n] as number,
      mtimeMs: c.numbers[n + 1] as number,
      readAt: c.numbers[n + 2] as number,
      hash: c.hashes[i] as string,
      clockBound: (flags & Flag.clockBound) !== 0,
      issues: issues.get(i) ?? [],
      valid: (flags & Flag.valid) !== 0,
      published: (flags & Flag.published) !== 0,
      imageUrls: image?.urls ?? null,
      imagesKey: image?.key ?? '',
      article: undefined,
      prepared,
    });
  }
  if (cardAt !== cards.length) throw new Error('cards.bin does not match');
  return { records, articles, details };
}

/**
 * An article restored from the snapshot: its card text is decoded from cards.bin only when a shard
 * that shows it is written or served (after one edit, a few dozen of them).
 */
class RestoredArticle implements PreparedArticle {
  id: string;
  time: number;
  quality: number | undefined;
  heat: number | undefined;
  draft: boolean;
  provider: ProviderRef | undefined;
  slugs: string[];
  topicNames: string[];
  links: string[];
  relatedUrls: (string | undefined)[];
  cardHash: string;
  detailPieces: string[] = [];
  private text: string | undefined;

  constructor(
    private readonly cards: Buffer,
    private readonly start: number,
    private readonly end: number,
    fields: Omit<PreparedArticle, 'cardText' | 'detailPieces'>,
  ) {
    this.id = fields.id;
    this.time = fields.time;
    this.quality = fields.quality;
    this.heat = fields.heat;
    this.draft = fields.draft;
    this.provider = fields.provider;
    this.slugs = fields.slugs;
    this.topicNames = fields.topicNames;
    this.links = fields.links;
    this.relatedUrls = fields.relatedUrls;
    this.cardHash = fields.cardHash;
  }

  get cardText(): string {
    this.text ??= this.cards.toString('utf8', this.start, this.end);
    return this.text;
  }

  get cardLength(): number {
    return this.end - this.start;
  }

  /** Whether the card is still only bytes (saving copies them rather than encoding the text). */
  undecoded(): boolean {
    return this.text === undefined;
  }

  /** Copies the card's bytes into `target` at `at`; returns how many. */
  copyCard(target: Buffer, at: number): number {
    return this.cards.copy(target, at, this.start, this.end);
  }
}
