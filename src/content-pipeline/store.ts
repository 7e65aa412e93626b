/**
 * The content folder's state between runs: one record per file (size, modification time, hash of
 * its bytes, problems, and the article shaped for output), so that a rebuild reads and checks only
 * the files that changed, and renders only the outputs they affect. The dev server feeds it the
 * watcher's paths (`update`); builds rescan the folder (`run`), skipping files whose size and
 * modification time are unchanged. With a folder, the records and the last emitted data files
 * survive the process (`file-cache.ts`).
 */
import { createHash } from 'node:crypto';
import { mkdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { stat } from 'node:fs/promises';
import path from 'node:path';
import { dataFiles } from '../config/data-files.ts';
import { checkFile } from './check-file.ts';
import type { FileResult } from './check-file.ts';
import type { Crawl, EarlierWalk } from './crawl.ts';
import { checkInWorkers, workerCount } from './check-workers.ts';
import type { ResolvedImage } from './derive.ts';
import type { PlannedOutput } from './emit.ts';
import type { ContentIssue } from './issues.ts';
import { compareIssues, compareStrings } from './issues.ts';
import {
  ARTICLE_FILE,
  ContentConfigError,
  DEFAULT_MAX_FILE_BYTES,
  listContentFiles,
  readContentFile,
  sharedIdIssue,
} from './load.ts';
import type { LoadedFile, ReadOutcome } from './load.ts';
import { ContentModel } from './model.ts';
import { prepareArticle } from './prepare.ts';
import type { PreparedArticle } from './prepare.ts';
import type { SourceArticle } from './source.ts';
import { removeFile, writeShards } from './shard-folders.ts';
import { withPlainEnv } from './yaml-tree.ts';

export interface FileRecord {
  relPath: string;
  file: string;
  id: string;
  size: number;
  mtimeMs: number;
  /** When the bytes were read (epoch ms): a modification time this close may hide a later write. */
  readAt: number;
  /** Hash of the bytes; empty when the file could not be loaded (name, size, read error). */
  hash: string;
  /** Its result depends on the real clock ("in the future"): checked again every run. */
  clockBound: boolean;
  issues: ContentIssue[];
  valid: boolean;
  published: boolean;
  /** Every image URL a build may publish for it (lead and related images); null when not known. */
  imageUrls: string[] | null;
  /** The checked article, while kept (dev, checkContent); builds drop it once prepared. */
  article: SourceArticle | undefined;
  prepared: PreparedArticle | undefined;
  /** The image map entries `prepared` was made with. */
  imagesKey: string;
}

export interface RunOptions {
  contentDir: string;
  drafts: boolean;
  maxFileBytes?: number;
  /** Fixed build clock; default the real one (and `builtAt` from the newest file). */
  now?: Date;
  resolveImages?: (urls: string[]) => Promise<Map<string, ResolvedImage>>;
  /** Keep every checked article in memory (checkContent, dev). */
  keepSources: boolean;
  /** Keep every detail text in memory, to serve or return them. */
  keepDetails: boolean;
  /** Write the output into the store's data folder as it is made (builds; needs a folder). */
  writeData: boolean;
}

export interface StoreRun {
  plan: PlannedOutput;
  issues: ContentIssue[];
  invalidFiles: string[];
  fileCount: number;
  newestMtimeMs: number;
  /** Time spent per stage in this run, in ms (for the benchmark). */
  stages: Record<string, number>;
}

/** A modification time within this of the read may be followed by a write the time cannot show. */
const RACY_MS = 2000;
/** Files read before their results are taken: bounds the bytes held at once in a large cold run. */
const CHECK_CHUNK = 20_000;

export const hashBytes = (bytes: Uint8Array) =>
  createHash('sha256').update(bytes).digest('base64url').slice(0, 24);

function imageUrlsOf(a: SourceArticle): string[] {
  return [...a.images, ...a.related.flatMap((r) => r.images.slice(0, 1))].map((img) => img.url);
}

export class ContentStore {
  readonly records = new Map<string, FileRecord>();
  model = new ContentModel();
  /** The clock the records were checked with (null: the real clock). */
  clock: number | null | undefined;
  root: string | undefined;
  /** The data folder this store writes to, when it has one. */
  dataDir: string | undefined;
  /**
   * Whether `dataDir` holds the output of the last run that wrote it: a detail file per article of
   * the model, the feed folders of `shardFolders`, and the manifest.
   */
  hasData = false;
  /** The feed folders in `dataDir`: name -> the key of each shard's content (`shardKey`), by index. */
  readonly shardFolders = new Map<string, string[]>();
  last: StoreRun | undefined;
  /** Whether the last run had the image step. */
  withImages = false;
  private options: RunOptions | undefined;
  private images: Map<string, ResolvedImage> | undefined;
  /** The walk the last run listed the folder with, if it had one. */
  private walk: Crawl | undefined;

  /**
   * A full run: lists the folder, reads the files that changed, checks them, renders the output.
   * `crawl`, when given, lists the folder instead (see `crawl.ts`); null when it could not.
   */
  async run(options: RunOptions, crawl?: Promise<Crawl | null>): Promise<StoreRun> {
    const stages: Record<string, number> = {};
    let lap = performance.now();
    const time = (stage: string) => {
      const now = performance.now();
      stages[stage] = (stages[stage] ?? 0) + now - lap;
      lap = now;
    };
    const root = await this.begin(options);
    const max = options.maxFileBytes ?? DEFAULT_MAX_FILE_BYTES;
    const crawled = await crawl;
    this.walk = crawled ?? undefined;
    const relPaths = crawled ? this.crawled(crawled, max) : await listContentFiles(root);
    if (!crawled) {
      const seen = new Set(relPaths);
      for (const rel of this.records.keys()) if (!seen.has(rel)) this.records.delete(rel);
    }
    time('list');
    let todo: LoadedFile[] = [];
    const prefix = `${root}${path.sep}`;
    for (const rel of relPaths) {
      const rec = this.records.get(rel);
      // A crawl names links and other kinds of file as well: only files are listed.
      const info =
        crawled || (rec && rec.hash !== '' && !rec.clockBound)
          ? statSync(prefix + rel, { throwIfNoEntry: false })
          : undefined;
      if (crawled && !info?.isFile()) {
        this.records.delete(rel);
        continue;
      }
      // Most files of a rebuild are unchanged: one stat call each, and no other work per file.
      if (info && info.size === rec?.size && kept(rec, info.mtimeMs, max)) continue;
      const loaded = this.absorb(rel, readContentFile(root, rel, max));
      if (loaded) todo.push(loaded);
      if (todo.length >= CHECK_CHUNK) {
        time('load');
        await this.check(todo, options);
        time('check');
        todo = [];
      }
    }
    // Articles restored from the persistent cache without their source: runs that keep sources
    // (dev, checkContent) read them again here, in bulk (worker threads), rather than one by one.
    if (options.keepSources) {
      const pending = new Set(todo.map((f) => f.relPath));
      for (const rec of this.records.values()) {
        if (!rec.valid || rec.article || pending.has(rec.relPath)) continue;
        const out = readContentFile(root, rec.relPath, max);
        if (out.loaded) {
          this.pendingHashes.set(out.loaded, hashBytes(out.loaded.bytes));
          todo.push(out.loaded);
        } else this.absorb(rec.relPath, out);
      }
    }
    time('load');
    await this.check(todo, options);
    time('check');
    return this.finish(options, stages, lap);
  }

  /**
   * The crawled files that may have changed, in path order: those the records do not show as they
   * are (another modification time, or one too close to the read to tell a later write).
   */
  private crawled(crawl: Crawl, max: number): string[] {
    const maybe: string[] = [];
    let known = 0;
    crawl.paths.forEach((rel, i) => {
      const rec = this.records.get(rel);
      if (rec) known++;
      if (!kept(rec, crawl.mtimesMs[i] as number, max)) maybe.push(rel);
    });
    // Records of files gone: only when some record was not crawled (a walk compared with an
    // earlier one has the same paths, and lists only entries that may have changed).
    if (crawl.complete && known < this.records.size) {
      const seen = new Set(crawl.paths);
      for (const rel of this.records.keys()) if (!seen.has(rel)) this.records.delete(rel);
    }
    return maybe.sort(compareStrings);
  }

  /**
   * A run after the watcher reported `paths`: only those are read again. Returns undefined when a
   * path needs a full rescan (a folder, a link), which the caller then runs.
   */
  async update(paths: string[], options: RunOptions): Promise<StoreRun | undefined> {
    if (!this.root || !this.options || this.options.contentDir !== options.contentDir) return undefined;
    this.walk = undefined;
    const root = this.root;
    const max = options.maxFileBytes ?? DEFAULT_MAX_FILE_BYTES;
    const todo: LoadedFile[] = [];
    let changed = false;
    for (const file of new Set(paths)) {
      const rel = path.relative(root, path.resolve(file)).split(path.sep).join('/');
      if (rel === '' || rel.startsWith('..') || path.isAbsolute(rel)) continue;
      if (rel.split('/').some((part) => part.startsWith('.')) || !ARTICLE_FILE.test(rel)) continue;
      const info = await stat(path.join(root, rel)).catch((error: NodeJS.ErrnoException) => error);
      if (info instanceof Error) {
        if (info.code !== 'ENOENT') return undefined;
        if (this.records.delete(rel)) changed = true;
        continue;
      }
      if (!info.isFile()) return undefined;
      const before = this.records.get(rel);
      const loaded = this.absorb(rel, readContentFile(root, rel, max));
      if (loaded) todo.push(loaded);
      else if (this.records.get(rel) !== before) changed = true;
    }
    // Results that depend on the real clock are redone every run, as a full run would.
    for (const rec of this.records.values()) {
      if (!rec.clockBound || todo.some((f) => f.relPath === rec.relPath)) continue;
      const loaded = this.absorb(rec.relPath, readContentFile(root, rec.relPath, max));
      if (loaded) todo.push(loaded);
    }
    // Nothing changed (the settle pass after a burst, mostly): the last run stands.
    if (todo.length === 0 && !changed && this.last) return this.last;
    await this.check(todo, options);
    return this.finish(options, {}, performance.now());
  }

  private async begin(options: RunOptions): Promise<string> {
    const root = path.resolve(options.contentDir);
    const rootStat = await stat(root).catch(() => null);
    if (!rootStat?.isDirectory()) {
      throw new ContentConfigError(
        `Content folder not found: ${root}. Set CONTENT_DIR to a folder of .md, .markdown or .txt article files.`,
      );
    }
    const clock = options.now ? options.now.getTime() : null;
    const sameOutput =
      this.options?.drafts === options.drafts && this.options.resolveImages === options.resolveImages;
    if (this.clock !== clock || (this.root !== undefined && this.root !== root)) {
      // Results computed with another clock or for another folder are of no use.
      this.records.clear();
      this.model = new ContentModel();
    } else if (this.options && !sameOutput) {
      this.model = new ContentModel();
    }
    this.clock = clock;
    this.root = root;
    this.options = options;
    return root;
  }

  /** Takes one read; returns the file when it must be checked. */
  private absorb(rel: string, out: ReadOutcome): LoadedFile | undefined {
    const rec = this.records.get(rel);
    if (!out.loaded) {
      this.records.set(rel, {
        relPath: rel,
        file: out.issues.file,
        id: '',
        size: out.size,
        mtimeMs: out.mtimeMs,
        readAt: Date.now(),
        hash: '',
        clockBound: false,
        issues: out.issues.items,
        valid: false,
        published: false,
        imageUrls: [],
        article: undefined,
        prepared: undefined,
        imagesKey: '',
      });
      return undefined;
    }
    const hash = hashBytes(out.loaded.bytes);
    if (rec && rec.hash === hash && !rec.clockBound && rec.file === out.loaded.file) {
      rec.size = out.size;
      rec.mtimeMs = out.mtimeMs;
      rec.readAt = Date.now();
      return undefined;
    }
    this.pendingHashes.set(out.loaded, hash);
    return out.loaded;
  }

  private readonly pendingHashes = new WeakMap<LoadedFile, string>();

  private async check(files: LoadedFile[], options: RunOptions): Promise<void> {
    if (files.length === 0) return;
    const now = options.now ?? new Date();
    const workers = workerCount(files.length);
    const fromWorkers = workers > 0 ? await checkInWorkers(files, now, workers) : null;
    withPlainEnv(() => {
      files.forEach((f, i) => this.keep(f, fromWorkers?.[i] ?? checkFile(f, now), options));
    });
  }

  private keep(f: LoadedFile, result: FileResult, options: RunOptions): void {
    const a = result.article;
    const clockBound =
      this.clock === null && result.issues.some((i) => i.message.startsWith('is in the future'));
    const rec: FileRecord = {
      relPath: f.relPath,
      file: f.file,
      id: f.id,
      size: f.size ?? f.bytes.length,
      mtimeMs: f.mtimeMs,
      readAt: Date.now(),
      hash: this.pendingHashes.get(f) ?? hashBytes(f.bytes),
      clockBound,
      issues: result.issues,
      valid: a !== null,
      published: a?.published ?? false,
      imageUrls: a ? imageUrlsOf(a) : [],
      article: a ?? undefined,
      prepared: undefined,
      imagesKey: '',
    };
    // Without an image step the article can be shaped now, and its source let go in builds.
    if (a && !options.resolveImages) {
      rec.prepared = prepareArticle(a, undefined);
      if (!options.keepSources) rec.article = undefined;
    }
    this.records.set(f.relPath, rec);
  }

  /** Reads and checks a file again whose article was let go (a detail to render once more). */
  sourceOf(rec: FileRecord): SourceArticle {
    if (rec.article) return rec.article;
    const root = this.root as string;
    const out = readContentFile(root, rec.relPath, this.options?.maxFileBytes ?? DEFAULT_MAX_FILE_BYTES);
    const result = out.loaded
      ? withPlainEnv(() => checkFile(out.loaded as LoadedFile, this.options?.now ?? new Date()))
      : null;
    if (!result?.article || (out.loaded && hashBytes(out.loaded.bytes) !== rec.hash)) {
      throw new Error(`${rec.file} changed during the build; build again`);
    }
    if (this.options?.keepSources) rec.article = result.article;
    return result.article;
  }

  private async finish(options: RunOptions, stages: Record<string, number>, lap: number): Promise<StoreRun> {
    const time = (stage: string) => {
      const now = performance.now();
      stages[stage] = (stages[stage] ?? 0) + now - lap;
      lap = now;
    };
    // Files in id order (a stable sort: files that share an id stay in the order they were found),
    // where the groups of files that share one are neighbours (rare: a list only for those).
    const byId = [...this.records.values()].sort((a, b) => compareStrings(a.id, b.id));
    const shared = new Map<string, FileRecord[]>();
    let last: FileRecord | undefined;
    for (const rec of byId) {
      if (rec.hash === '') continue;
      if (last?.id === rec.id) {
        const group = shared.get(rec.id);
        if (group) group.push(rec);
        else shared.set(rec.id, [last, rec]);
      }
      last = rec;
    }
    const issues: ContentIssue[] = [];
    const invalidFiles: string[] = [];
    // In id order, as the model takes them.
    const included: FileRecord[] = [];
    let newestMtimeMs = 0;
    for (const rec of byId) {
      newestMtimeMs = Math.max(newestMtimeMs, rec.mtimeMs);
      if (rec.issues.length > 0) issues.push(...rec.issues);
      const group = rec.hash === '' ? undefined : shared.get(rec.id);
      if (group) {
        issues.push(sharedIdIssue(rec, group));
        invalidFiles.push(rec.file);
      } else if (!rec.valid) invalidFiles.push(rec.file);
      else if (rec.published || options.drafts) included.push(rec);
    }
    this.withImages = options.resolveImages !== undefined;
    if (options.resolveImages) {
      for (const rec of included) rec.imageUrls ??= imageUrlsOf(this.sourceOf(rec));
      const urls = [...new Set(included.flatMap((r) => r.imageUrls ?? []))].sort(compareStrings);
      this.images = await options.resolveImages(urls);
    } else this.images = undefined;
    const images = this.images;
    const prepared = included.map((rec) => {
      const key = images ? JSON.stringify((rec.imageUrls ?? []).map((url) => images.get(url) ?? null)) : '';
      if (!rec.prepared || rec.imagesKey !== key) {
        rec.prepared = prepareArticle(this.sourceOf(rec), images);
        rec.imagesKey = key;
      }
      if (!options.keepSources) rec.article = undefined;
      return rec.prepared;
    });
    time('prepare');
    let byArticle: Map<string, FileRecord> | undefined;
    const writer = options.writeData ? this.dataWriter() : undefined;
    // A run that does not write leaves the folder behind the records: it is not reused later.
    if (!options.writeData) {
      this.hasData = false;
      this.shardFolders.clear();
    }
    const builtAt = (options.now ?? new Date(Math.floor(newestMtimeMs))).toISOString();
    const { plan, removedDetails } = this.model.run(prepared, {
      drafts: options.drafts,
      builtAt,
      keepDetails: options.keepDetails,
      onDetail: writer?.detail,
      // The keys of the shards the data folder holds, which the writer keeps up to date.
      shardKeysIn: writer ? (folder) => this.shardFolders.get(folder) : undefined,
      piecesOf: (p) => {
        byArticle ??= new Map(included.map((rec) => [rec.id, rec]));
        const rec = byArticle.get(p.id) as FileRecord;
        return prepareArticle(this.sourceOf(rec), images).detailPieces;
      },
    });
    time('derive+emit');
    // Details are written while rendered: that time is the writing's, not the rendering's.
    const detailWrites = writer?.elapsed() ?? 0;
    stages['derive+emit'] = (stages['derive+emit'] ?? 0) - detailWrites;
    stages['write details'] = detailWrites;
    writer?.finish(plan, removedDetails);
    time('write shards+manifest');
    const run: StoreRun = {
      plan,
      issues: issues.sort(compareIssues),
      invalidFiles: invalidFiles.sort(compareStrings),
      fileCount: this.records.size,
      newestMtimeMs,
      stages,
    };
    this.last = run;
    return run;
  }

  /**
   * The last run's walk as the next one can compare with (see `crawl.ts`): its entries' lines that
   * the records do not show as they are (changed during the run, read too soon after a write, or
   * not a file); undefined when the last run had no walk.
   */
  walkState(): EarlierWalk | undefined {
    const walk = this.walk;
    if (!walk) return undefined;
    const max = this.options?.maxFileBytes ?? DEFAULT_MAX_FILE_BYTES;
    const recheck: number[] = [];
    walk.paths.forEach((rel, i) => {
      if (!kept(this.records.get(rel), walk.mtimesMs[i] as number, max)) {
        recheck.push(walk.lines[i] as number);
      }
    });
    return { bytes: walk.bytes, recheck, lineByLine: walk.lineByLine };
  }

  /**
   * Takes the data folder as written by an earlier process (the persistent cache): the model's
   * details, the manifest, and `shards`.
   */
  restoreWritten(shards: Map<string, string[]>): void {
    this.hasData = true;
    this.shardFolders.clear();
    for (const [folder, keys] of shards) this.shardFolders.set(folder, keys);
  }

  /** The checked articles of the last run, valid ones only, in file order (checkContent). */
  articles(): SourceArticle[] {
    const invalid = new Set(this.last?.invalidFiles);
    return [...this.records.values()]
      .sort((a, b) => compareStrings(a.relPath, b.relPath))
      .filter((rec) => rec.valid && !invalid.has(rec.file))
      .map((rec) => this.sourceOf(rec));
  }

  /** A data file of the last run by name (`manifest.json`, `feed/…`, `articles/<id>.json`). */
  file(name: string): string | undefined {
    if (!this.last) return undefined;
    const text = this.model.file(this.last.plan, name);
    if (text !== undefined || !this.dataDir || !name.startsWith('articles/')) return text;
    if (!this.model.has(this.last.plan, name)) return undefined;
    return readFileSync(path.join(this.dataDir, name), 'utf8');
  }

  /**
   * Writes into the data folder as the run goes: each changed detail at once, then the feeds'
   * shards that are new (see `writeShards`), the manifest, and removes the files no longer part of
   * the output. A file is replaced by a new one (never rewritten in place): copies linked elsewhere
   * keep their text.
   */
  private dataWriter() {
    const dir = this.dataDir;
    if (!dir) throw new Error('the content store has no folder to write data files into');
    if (!this.hasData) {
      // A folder of unknown content: start it afresh, and render every detail into it.
      rmSync(dir, { recursive: true, force: true });
      this.shardFolders.clear();
      this.model = new ContentModel();
    }
    // Until the manifest is written again, the folder is not a whole output: without one, a run
    // that stops halfway leaves a folder the next process does not trust (file-cache.ts).
    this.hasData = false;
    rmSync(path.join(dir, dataFiles.manifest()), { force: true });
    mkdirSync(path.join(dir, 'articles'), { recursive: true });
    mkdirSync(path.join(dir, 'feed'), { recursive: true });
    const put = (name: string, text: string, replaces: boolean) => {
      const target = path.join(dir, name);
      if (replaces) removeFile(target);
      writeFileSync(target, text);
    };
    let elapsed = 0;
    return {
      detail: (id: string, text: string, replaces: boolean) => {
        const started = performance.now();
        put(dataFiles.article(id), text, replaces);
        elapsed += performance.now() - started;
      },
      elapsed: () => elapsed,
      finish: (plan: PlannedOutput, removedDetails: string[]) => {
        for (const id of removedDetails) removeFile(path.join(dir, dataFiles.article(id)));
        writeShards(dir, plan, this.shardFolders);
        put(dataFiles.manifest(), plan.manifestText, false);
        this.hasData = true;
      },
    };
  }
}

/**
 * Whether a file last modified at `mtimeMs` still has the record's bytes (its size, where known,
 * compared by the caller): the same time, well before the read, and nothing else to check again.
 */
function kept(rec: FileRecord | undefined, mtimeMs: number, max: number): rec is FileRecord {
  return (
    rec !== undefined &&
    rec.hash !== '' &&
    !rec.clockBound &&
    rec.size <= max &&
    mtimeMs === rec.mtimeMs &&
    mtimeMs < rec.readAt - RACY_MS
  );
}
