/**
 * The content store kept between processes: a snapshot of its file records (size, modification
 * time, hash, problems, each article's card and what its detail depends on) and, for builds, the
 * last emitted data folder, updated file by file. A new process then reads and checks only the
 * files whose size or modification time changed, renders only the outputs they affect, and a
 * build links the folder into its output. Unreadable, corrupt or foreign snapshots are ignored.
 *
 * Four files: snapshot.json (the records in columns, the topic names and feed hashes the data
 * folder was made with, and its shard files), snapshot.bin (the number columns, the links and the
 * related URLs, decoded only when a run asks, checked by their CRC-32; then every card's text,
 * read from the file only when a run asks, each card checked by its own), journal.json and walk.bin
 * (the last run's walk of the folder, which the next one compares its own with). A run that
 * changed a few files writes only the journal: what differs from the snapshot (records, detail
 * files, shard files), so that it does not pay for writing 10,000 records again. The next process
 * restores the snapshot, then the journal; once the journal would grow long, a run writes a new
 * snapshot instead.
 */
import { createHash, randomBytes } from 'node:crypto';
import {
  closeSync,
  existsSync,
  fstatSync,
  mkdirSync,
  openSync,
  readdirSync,
  readFileSync,
  renameSync,
  rmSync,
  writeFileSync,
} from 'node:fs';
import { endianness } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { crc32 } from 'node:zlib';
import { dataFiles } from '../config/data-files.ts';
import { crawlFolder } from './crawl.ts';
import type { Crawl, EarlierWalk } from './crawl.ts';
import { changedShards } from './emit.ts';
import type { ProviderCount } from './emit.ts';
import { ContentModel } from './model.ts';
import type { SavedFeeds } from './model.ts';
import { shortHash } from './prepare.ts';
import {
  asciiJson,
  bytesAt,
  CardBytes,
  DamagedSnapshot,
  packSnapshot,
  RECORD_NUMBERS,
  recordColumns,
  RestoredRecord,
  readWhole,
  restoreRecords,
  section,
} from './snapshot-columns.ts';
import type { Columns, Layout } from './snapshot-columns.ts';
import { ContentStore } from './store.ts';
import type { FileRecord, RunOptions, StoreRun } from './store.ts';

/**
 * Bump when the snapshot's shape changes. Any change to the pipeline's code also invalidates it
 * (see `codeKey`), so a new check or another output shape never meets old results.
 */
export const PERSISTENT_CACHE_VERSION = 5;

/**
 * A run writes the journal instead of a new snapshot while no more than this many records (and a
 * quarter of them) and this many times as many detail files differ from the snapshot. The next
 * process renders those details again and moves those articles in the feeds, so both stay small.
 */
const JOURNAL_RECORDS = 64;
const JOURNAL_DETAILS = 4;

export interface ContentCacheOptions {
  /**
   * Folder that keeps the results between processes (a restarted dev server, the next build), as
   * files it alone writes. Unreadable or corrupt files there are ignored and rewritten.
   */
  dir?: string;
}

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
  /** The data folder's feed folders: name, and the content key of each shard, space-separated. */
  shards: [string, string][];
  /** Topic display names the details in the data folder were rendered with. */
  topics: [string, string][];
  /** How often those details' articles use each topic spelling. */
  spellings: [string, number][];
  /**
   * The feeds of the data folder's manifest: each one's key, hash and number of members (-1: not
   * known), the members themselves in snapshot.bin.
   */
  feeds: { shardSize: number; providers?: ProviderCount[]; feeds: [string, string, number][] } | null;
  /** Also the start of snapshot.bin: the two files were written together. */
  token: string;
  /**
   * The CRC-32 of snapshot.bin up to its cards: its columns are taken as written (feed members are
   * articles). The cards, read only as runs ask for them, are checked then (`CardBytes`).
   */
  crc: number;
  /** The CRC-32 of its cards, checked when a new snapshot reads them all. */
  cardsCrc: number;
  layout: Layout;
  records: Columns;
}

/** What changed since the snapshot whose token it names (journal.json). */
interface Journal {
  token: string;
  /** Names the records' state it leaves (a walk saved with it names it too). */
  state: string;
  /** As in the snapshot, for the data folder as the last run left it. */
  written: string | null;
  /** The feed folders that differ from the snapshot's: new ones (as in the snapshot), and ones gone. */
  shards: { added: [string, string][]; removed: string[] };
  /**
   * Detail files whose text is not the snapshot's: id and hash ('' for a file removed). The next
   * run renders them again, as it does the details of changed records: from their pieces, where
   * known, rather than from the source file.
   */
  details: [string, string][];
  /** The detail pieces of those articles and of the changed records' articles, by file path. */
  pieces: [string, string[]][];
  /** Records gone since the snapshot, by path. */
  removed: string[];
  /**
   * Feeds whose shards are in another folder than the snapshot's: key, the hash naming it, and the
   * shards that may hold other cards than the snapshot's members give (`markFeedsWritten`).
   */
  feeds: [string, string, number[]][];
  /** Records new or changed since the snapshot; their cards, in order, in `cards`, links in `links`. */
  records: Columns;
  cards: string;
  links: string;
}

/**
 * The snapshot on disk, which the journal says what differs from: its records as they were when
 * written or read, in columns (a map of 10,000 small objects would cost every build, and only a
 * process that saves twice, a dev server, ever needs to look one up).
 */
interface Base {
  token: string;
  records: FileRecord[];
  /** Per record, size, modification and read time (`Columns`), which a run may change in place. */
  numbers: ArrayLike<number>;
  /**
   * What else a run may change in place, for each record that is not a restored one (which notes
   * its own changes: `RestoredRecord.changed`). After a restore, none.
   */
  others: Map<FileRecord, Pick<FileRecord, 'prepared' | 'imageUrls' | 'imagesKey'>>;
  /**
   * The model whose details the data folder held then (it tells which changed since); none when
   * the folder was not known, and a journal cannot say what it holds.
   */
  model: ContentModel | undefined;
  /** The feeds of the data folder: hashes and, when known, members. */
  feeds: ReturnType<ContentModel['feedStates']>;
  /** The feed folders of the data folder: name and shard keys. */
  shards: Map<string, string[]>;
}

function baseOf(token: string, records: FileRecord[], numbers: ArrayLike<number>): Base {
  const others: Base['others'] = new Map();
  for (const rec of records) {
    if (rec instanceof RestoredRecord) continue;
    others.set(rec, { prepared: rec.prepared, imageUrls: rec.imageUrls, imagesKey: rec.imagesKey });
  }
  return { model: undefined, feeds: undefined, shards: new Map(), token, records, numbers, others };
}

/** Whether `rec` is the base's record `i`, unchanged since. */
function sameAsBase(base: Base, i: number, rec: FileRecord): boolean {
  if (base.records[i] !== rec) return false;
  if (rec instanceof RestoredRecord) return !rec.changedSinceSaved();
  const n = i * RECORD_NUMBERS;
  const was = base.others.get(rec);
  return (
    was !== undefined &&
    base.numbers[n] === rec.size &&
    base.numbers[n + 1] === rec.mtimeMs &&
    base.numbers[n + 2] === rec.readAt &&
    was.prepared === rec.prepared &&
    was.imageUrls === rec.imageUrls &&
    was.imagesKey === rec.imagesKey
  );
}

let codeKeyMemo: string | undefined;
/** A hash of the pipeline's own source files: results made by other code are never reused. */
function codeKey(): string {
  if (codeKeyMemo) return codeKeyMemo;
  // snapshot.bin holds numbers in this machine's byte order: another one must not read them.
  const digest = createHash('sha256').update(`${PERSISTENT_CACHE_VERSION} ${endianness()}`);
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
  /** The snapshot in the folder, once read or written by this process. */
  private base: Base | undefined;
  /** The state of the records as read from the folder (the snapshot's token or the journal's state). */
  private state: string | undefined;

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
    let crawl: Promise<Crawl | null> | undefined;
    if (folder && this.openedAs !== folder) {
      // With records to compare against, the folder is walked in native code while they are read.
      if (existsSync(path.join(folder, 'snapshot.json'))) {
        const root = path.resolve(options.contentDir);
        crawl = crawlFolder(root, path.join(folder, `crawl.${process.pid}.tmp`), () =>
          this.earlierWalk(folder),
        );
      }
      this.open(folder, options);
    }
    const opened = performance.now() - started;
    const writeData = options.writeData && folder !== undefined;
    // A snapshot of no use (other code, another folder) leaves no records: the walk would only
    // add a stat per file to the cold run that follows, which lists the folder instead.
    let run: StoreRun;
    try {
      run = await this.store.run({ ...options, writeData }, this.store.records.size > 0 ? crawl : undefined);
    } catch (error) {
      if (!(error instanceof DamagedSnapshot) || !folder) throw error;
      // A card of the snapshot was not the one saved: run again as if there were none.
      this.dropSnapshot(folder);
      run = await this.store.run({ ...options, writeData });
    }
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
    this.base = undefined;
    this.state = undefined;
    this.removeOtherVersions();
    this.store.dataDir = path.join(folder, 'data');
    let snapshot: Snapshot;
    let bin: Buffer;
    let cards: CardBytes;
    let fd: number | undefined;
    try {
      snapshot = JSON.parse(readFileSync(path.join(folder, 'snapshot.json'), 'utf8')) as Snapshot;
      const clock = options.now ? options.now.getTime() : null;
      if (
        typeof snapshot !== 'object' ||
        snapshot === null ||
        snapshot.version !== PERSISTENT_CACHE_VERSION ||
        snapshot.code !== codeKey() ||
        snapshot.root !== path.resolve(options.contentDir) ||
        snapshot.clock !== clock
      ) {
        return;
      }
      // The columns are read now, the cards only as runs ask for them.
      fd = openSync(path.join(folder, 'snapshot.bin'), 'r');
      const size = fstatSync(fd).size;
      const head = snapshot.layout.cards;
      if (!(Number.isSafeInteger(head) && head >= 0 && head <= size)) {
        throw new Error('snapshot.bin is short');
      }
      bin = Buffer.allocUnsafe(head);
      readWhole(fd, bin, 0);
      if (
        bin.toString('latin1', 0, snapshot.token.length + 1) !== `${snapshot.token}\n` ||
        crc32(bin) !== snapshot.crc ||
        typeof snapshot.cardsCrc !== 'number'
      ) {
        closeSync(fd);
        return;
      }
      cards = CardBytes.inFile(fd, head, size - head, snapshot.cardsCrc);
    } catch {
      if (fd !== undefined) closeSync(fd);
      return; // none yet, or unreadable: start empty
    }
    const store = this.store;
    try {
      const { layout, records: columns } = snapshot;
      columns.numbers = section(bin, layout.numbers, Float64Array);
      columns.prepared.numbers = section(bin, layout.prepared, Float64Array);
      columns.prepared.topics = section(bin, layout.topics, Uint32Array);
      columns.prepared.cardLengths = section(bin, layout.cardLengths, Uint32Array);
      columns.prepared.linkLengths = section(bin, layout.linkLengths, Uint32Array);
      const links = bytesAt(bin, layout.links);
      const rare = bytesAt(bin, layout.rare);
      // Cards read from the file are checked one by one: a snapshot without their CRC-32s is refused.
      if (!layout.cardCrcs) throw new Error('snapshot.bin has no card checks');
      const cardCrcs = section(bin, layout.cardCrcs, Uint32Array);
      const restored = restoreRecords(columns, cards, links, snapshot.root, { rare, cardCrcs });
      const journal = readJournal(folder, snapshot.token);
      const later =
        journal &&
        restoreRecords(
          journal.records,
          CardBytes.inMemory(Buffer.from(journal.cards)),
          Buffer.from(journal.links),
          snapshot.root,
        );
      for (const rec of restored.records) store.records.set(rec.relPath, rec);
      for (const rel of journal?.removed ?? []) store.records.delete(rel);
      for (const rec of later?.records ?? []) {
        // Same bytes as in the snapshot (read again, or edited and put back): the same article, so
        // the restored model does not take it for a changed one.
        const before = store.records.get(rec.relPath);
        if (
          before?.prepared &&
          rec.prepared &&
          before.hash === rec.hash &&
          before.imagesKey === rec.imagesKey
        ) {
          rec.prepared = before.prepared;
        }
        store.records.set(rec.relPath, rec);
      }
      store.clock = snapshot.clock;
      store.root = snapshot.root;
      this.state = journal ? journal.state : snapshot.token;
      const hashes = columns.prepared.detailHashes;
      this.base = baseOf(snapshot.token, restored.records, columns.numbers);
      // A data folder removed or changed since (its manifest is not the one written) is unknown.
      const written = journal ? journal.written : snapshot.written;
      if (written && snapshot.feeds && manifestHash(this.store.dataDir) === written) {
        const members = section(bin, layout.members, Int32Array);
        let at = 0;
        const feeds: SavedFeeds = {
          shardSize: snapshot.feeds.shardSize,
          providers: snapshot.feeds.providers,
          feeds: snapshot.feeds.feeds.map(([key, hash, count]) => {
            if (count < 0) return [key, hash, null];
            at += count;
            return [key, hash, members.subarray(at - count, at)];
          }),
        };
        if (at !== members.length) throw new Error('snapshot.bin does not match its feeds');
        store.model.restore(restored.articles, hashes, snapshot.topics, snapshot.spellings, feeds);
        this.base.model = store.model;
        this.base.feeds = store.model.feedStates();
        if (journal) {
          store.model.markWritten(journal.details);
          store.model.markFeedsWritten(journal.feeds);
          for (const [relPath, pieces] of journal.pieces) {
            const p = store.records.get(relPath)?.prepared;
            if (p && p.detailPieces.length === 0) p.detailPieces = pieces;
          }
        }
        this.base.shards = new Map(snapshot.shards.map(([folder, keys]) => [folder, keys.split(' ')]));
        const shards = journal ? new Map(this.base.shards) : this.base.shards;
        for (const folder of journal?.shards.removed ?? []) shards.delete(folder);
        for (const [folder, keys] of journal?.shards.added ?? []) shards.set(folder, keys.split(' '));
        store.restoreWritten(shards);
      }
    } catch {
      cards.release();
      this.forget();
    }
  }

  /** Removes a damaged snapshot, and all that was restored from it. */
  private dropSnapshot(folder: string): void {
    this.forget();
    for (const name of ['snapshot.json', 'journal.json', 'walk.bin']) {
      rmSync(path.join(folder, name), { force: true });
    }
  }

  /** Starts the store empty: nothing restored is of use. */
  private forget(): void {
    const store = this.store;
    store.records.clear();
    store.model = new ContentModel();
    store.hasData = false;
    this.base = undefined;
    this.state = undefined;
  }

  /**
   * The walk saved with the records as they were read (walk.bin: a line of JSON, then the walk's
   * file); undefined when there is none, or it was saved with another state of them.
   */
  private earlierWalk(folder: string): EarlierWalk | undefined {
    try {
      const bytes = readFileSync(path.join(folder, 'walk.bin'));
      const end = bytes.indexOf(10);
      const head = JSON.parse(bytes.toString('utf8', 0, end)) as WalkHead;
      if (
        this.state === undefined ||
        head.state !== this.state ||
        head.records !== this.store.records.size ||
        !Array.isArray(head.recheck) ||
        typeof head.lineByLine !== 'boolean'
      ) {
        return undefined;
      }
      return { bytes: bytes.subarray(end + 1), recheck: head.recheck, lineByLine: head.lineByLine };
    } catch {
      return undefined;
    }
  }

  /** Saves the last run's walk with the records' state `state`, or removes an older one. */
  private saveWalk(folder: string, state: string): void {
    const walk = this.store.walkState();
    if (!walk) {
      rmSync(path.join(folder, 'walk.bin'), { force: true });
      return;
    }
    const head: WalkHead = {
      state,
      records: this.store.records.size,
      recheck: walk.recheck,
      lineByLine: walk.lineByLine,
    };
    replaceFile(
      path.join(folder, 'walk.bin'),
      Buffer.concat([Buffer.from(`${JSON.stringify(head)}\n`), walk.bytes]),
    );
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
    const written = store.hasData && store.last ? shortHash(store.last.plan.manifestText) : null;
    const journal = this.base && journalOf(store, this.base, written);
    try {
      mkdirSync(folder, { recursive: true });
      if (journal) {
        replaceFile(path.join(folder, 'journal.json'), asciiJson(journal));
        this.saveWalk(folder, journal.state);
        return;
      }
      const token = randomBytes(9).toString('base64url');
      const records = [...store.records.values()];
      const { columns, articles, cards, linkText } = recordColumns(records, store);
      const saved = store.model.savedFeeds(articles);
      const members: number[] = [];
      for (const [, , list] of saved?.feeds ?? []) {
        for (let i = 0; list && i < list.length; i++) members.push(list[i] as number);
      }
      const { bytes, layout } = packSnapshot(`${token}\n`, cards, columns.prepared.cardLengths, {
        numbers: Float64Array.from(columns.numbers),
        // null (no score) becomes NaN, as Float64Array.from would make it 0.
        prepared: new Float64Array(columns.prepared.numbers.map((n) => n ?? NaN)),
        topics: Uint32Array.from(columns.prepared.topics),
        cardLengths: Uint32Array.from(columns.prepared.cardLengths),
        members: Int32Array.from(members),
        linkLengths: Uint32Array.from(columns.prepared.linkLengths),
        links: Buffer.from(linkText),
        rare: Buffer.from(asciiJson({ relatedUrls: columns.prepared.relatedUrls })),
        cardCrcs: new Uint32Array(cards.length),
      });
      const p = columns.prepared;
      const snapshot: Snapshot = {
        version: PERSISTENT_CACHE_VERSION,
        code: codeKey(),
        root: store.root ?? '',
        clock: store.clock ?? null,
        // The manifest this run wrote, hashed from memory (the same text the next open reads back).
        written,
        shards: [...store.shardFolders].map(([folder, keys]) => [folder, keys.join(' ')]),
        topics: store.model.topicNames(),
        spellings: store.model.spellingCounts(),
        feeds: saved
          ? {
              shardSize: saved.shardSize,
              providers: saved.providers,
              feeds: saved.feeds.map(([key, hash, list]) => [key, hash, list ? list.length : -1]),
            }
          : null,
        token,
        crc: crc32(bytes.subarray(0, layout.cards)),
        cardsCrc: crc32(bytes.subarray(layout.cards)),
        layout,
        records: {
          ...columns,
          numbers: [],
          prepared: {
            ...p,
            numbers: [],
            topics: [],
            cardLengths: [],
            linkLengths: [],
            relatedUrls: [],
          },
        },
      };
      // A journal names the snapshot it follows: once a new one is in place, the old one is moot.
      replaceFile(path.join(folder, 'snapshot.bin'), bytes);
      replaceFile(path.join(folder, 'snapshot.json'), asciiJson(snapshot));
      rmSync(path.join(folder, 'journal.json'), { force: true });
      this.saveWalk(folder, token);
      store.model.markSaved();
      // What restored records changed in place is in the snapshot now.
      for (const rec of records) if (rec instanceof RestoredRecord) rec.saved();
      this.base = baseOf(token, records, columns.numbers);
      this.base.model = store.model;
      this.base.feeds = store.model.feedStates();
      this.base.shards = new Map(store.shardFolders);
    } catch (error) {
      // A cache that cannot be written only costs time on the next run.
      this.base = undefined;
      if (error instanceof DamagedSnapshot) this.dropSnapshot(folder);
    }
  }
}

/** walk.bin's first line: the state of the records the walk was saved with, and what it needs. */
interface WalkHead extends Omit<EarlierWalk, 'bytes'> {
  state: string;
  /** How many records there were: a store that holds other records does not compare walks. */
  records: number;
}

/** Written aside, then renamed: a build stopped halfway never leaves a truncated file. */
function replaceFile(target: string, data: string | Buffer): void {
  writeFileSync(`${target}.${process.pid}.tmp`, data);
  renameSync(`${target}.${process.pid}.tmp`, target);
}

/** The journal that follows the snapshot `base`, or null when there is none. */
function readJournal(folder: string, token: string): Journal | null {
  try {
    const journal = JSON.parse(readFileSync(path.join(folder, 'journal.json'), 'utf8')) as Journal;
    return typeof journal === 'object' && journal !== null && journal.token === token ? journal : null;
  } catch {
    return null;
  }
}

/**
 * What differs between the store and the snapshot `base`, as a journal; null when so much does
 * that a new snapshot is due.
 */
function journalOf(store: ContentStore, base: Base, written: string | null): Journal | null {
  // Another model than the one the data folder was known with (a folder of unknown content made
  // afresh, other options): a journal could not say which details differ.
  if (store.model !== base.model) return null;
  const limit = Math.min(JOURNAL_RECORDS, store.records.size / 4);
  const changed: FileRecord[] = [];
  const removed: string[] = [];
  // The store holds the snapshot's records in its order (a record replaced keeps its place in the
  // map), then those new since: one walk through both. A record out of that order is listed as
  // removed and as changed, which the next process applies in that order: it is the same state.
  const now = store.records.values();
  let next = now.next();
  for (let i = 0; i < base.records.length; i++) {
    const before = base.records[i] as FileRecord;
    if (next.done || next.value.relPath !== before.relPath) {
      removed.push(before.relPath);
      continue;
    }
    if (!sameAsBase(base, i, next.value)) changed.push(next.value);
    next = now.next();
  }
  for (; !next.done; next = now.next()) changed.push(next.value);
  if (changed.length + removed.length > limit) return null;
  const details = store.model.changedDetails();
  if (details.length > limit * JOURNAL_DETAILS) return null;
  // The next run renders these details again, and those of the changed articles (new to the
  // snapshot's feeds): from their pieces, without reading their files again. By path, not by id:
  // two files may share an id for a while, and each keeps its own.
  const rendered = new Set(details.filter(([, hash]) => hash !== '').map(([id]) => id));
  const pieces: [string, string[]][] = [];
  for (const rec of changed) {
    if (rec.prepared && rec.prepared.detailPieces.length > 0) {
      pieces.push([rec.relPath, rec.prepared.detailPieces]);
      rendered.delete(rec.id);
    }
  }
  if (rendered.size > 0) {
    for (const rec of store.records.values()) {
      const p = rec.prepared;
      if (p && rendered.has(rec.id) && p.detailPieces.length > 0) pieces.push([rec.relPath, p.detailPieces]);
    }
  }
  const { columns, cards, linkText } = recordColumns(changed, store);
  return {
    token: base.token,
    state: randomBytes(9).toString('base64url'),
    written,
    shards: shardChanges(store.shardFolders, base.shards),
    details,
    pieces,
    removed,
    feeds: writtenFeeds(store.model.feedStates(), base.feeds),
    records: columns,
    cards: packSnapshot('', cards, columns.prepared.cardLengths, {}).bytes.toString('utf8'),
    links: linkText,
  };
}

/** The feed folders in `now` that are not in `before` as they are, and those gone from it. */
function shardChanges(now: Map<string, string[]>, before: Map<string, string[]>): Journal['shards'] {
  const added: [string, string][] = [];
  const removed: string[] = [];
  for (const [folder, keys] of now) {
    const was = before.get(folder);
    // A folder left as it was keeps its list; one written again has a new one.
    if (was !== keys && was?.join(' ') !== keys.join(' ')) added.push([folder, keys.join(' ')]);
  }
  for (const folder of before.keys()) if (!now.has(folder)) removed.push(folder);
  return { added, removed };
}

/**
 * The feeds whose shards are in another folder than in the snapshot: for each, the shards not
 * holding the snapshot's cards, found by comparing the members (the same objects while unchanged).
 * A feed whose members are not known on either side is left out: its old folder is not moved.
 */
function writtenFeeds(now: Base['feeds'], before: Base['feeds']): [string, string, number[]][] {
  const feeds: [string, string, number[]][] = [];
  if (!now?.members || !before?.members || now.shardSize !== before.shardSize) return feeds;
  for (const [key, hash] of now.hashes) {
    const members = now.members.get(key);
    const was = before.members.get(key);
    if (hash === before.hashes.get(key) || !members || !was) continue;
    feeds.push([key, hash, changedShards(members.get(), was.get(), now.shardSize)]);
  }
  return feeds;
}

/** A short hash of the manifest in a data folder; null when there is none. */
function manifestHash(dataDir: string | undefined): string | null {
  try {
    return dataDir ? shortHash(readFileSync(path.join(dataDir, dataFiles.manifest()), 'utf8')) : null;
  } catch {
    return null;
  }
}
