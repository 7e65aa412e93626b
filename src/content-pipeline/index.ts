/**
 * The content pipeline's public API: load -> parse -> validate -> derive -> emit. Used by the Vite
 * plugin, scripts and tests; the browser never imports it.
 */
import { dataFiles } from '../config/data-files.ts';
import type { Manifest } from '../types/content.ts';
import type { ResolvedImage } from './derive.ts';
import { orderFiles, shardText } from './emit.ts';
import type { ContentIssue } from './issues.ts';
import { ContentCache } from './file-cache.ts';
import type { ContentCacheOptions } from './file-cache.ts';
import type { SourceArticle } from './source.ts';

export { formatIssue } from './issues.ts';
export type { ContentIssue } from './issues.ts';
export { ContentConfigError, DEFAULT_MAX_FILE_BYTES } from './load.ts';
export type { ResolvedImage } from './derive.ts';
export type { ContentCache, ContentCacheOptions } from './file-cache.ts';
export { PERSISTENT_CACHE_VERSION } from './file-cache.ts';

/**
 * A cache for repeated builds in one process (the dev server): pass the same one to every run.
 * With `dir`, results also survive restarts (the next build, a restarted dev server).
 */
export function createContentCache(options: ContentCacheOptions = {}): ContentCache {
  return new ContentCache(options);
}

export interface ContentOptions {
  /** Folder of article files, searched recursively. */
  contentDir: string;
  /** Include `published: false` (and unpublished) articles, marked `draft: true`. */
  drafts: boolean;
  /** Per-file size cap in bytes; default 1 MiB. */
  maxFileBytes?: number;
  /**
   * The build's clock: `builtAt`, and the line past which a publication date is "in the future".
   * Default: `builtAt` is the newest content file's modification time (so unchanged content builds
   * byte-identical files), and the future check uses the real clock.
   */
  now?: Date;
  /** Reuses parse and validation of unchanged files between runs; see `createContentCache`. */
  cache?: ContentCache;
  /** Cached copies of images (the image step); called once with every image URL that is published. */
  resolveImages?: (urls: string[]) => Promise<Map<string, ResolvedImage>>;
}

export interface ContentBuild {
  manifest: Manifest;
  /** Name inside `data/` (`manifest.json`, `feed/…`, `articles/<id>.json`) -> JSON text. */
  files: Map<string, string>;
  /** Every error and warning, sorted by file, line and column. */
  issues: ContentIssue[];
  /** Files left out because of errors, sorted. */
  invalidFiles: string[];
}

export interface ContentCheck {
  /** Valid articles, drafts included whatever `drafts` says. */
  articles: SourceArticle[];
  /** Files found, valid or not. */
  fileCount: number;
  issues: ContentIssue[];
  invalidFiles: string[];
  /** Newest modification time among the files, in epoch milliseconds (0 when there are none). */
  newestMtimeMs: number;
}

/** Loads, parses and validates every file; the report `check:content` prints. */
export async function checkContent(options: ContentOptions): Promise<ContentCheck> {
  const cache = options.cache ?? new ContentCache();
  const run = await cache.run({
    ...runOptions(options),
    keepSources: true,
    keepDetails: false,
    writeData: false,
  });
  return {
    articles: cache.store.articles(),
    fileCount: run.fileCount,
    issues: run.issues,
    invalidFiles: run.invalidFiles,
    newestMtimeMs: run.newestMtimeMs,
  };
}

/**
 * Builds every data file from the valid articles. Problems in files are reported, never thrown;
 * only a content folder that cannot be used at all throws (`ContentConfigError`).
 */
export async function buildContent(options: ContentOptions): Promise<ContentBuild> {
  const cache = options.cache ?? new ContentCache();
  const run = await cache.run({
    ...runOptions(options),
    keepSources: false,
    keepDetails: true,
    writeData: true,
  });
  const files = new Map<string, string>();
  for (const id of cache.store.model.ids()) {
    const name = dataFiles.article(id);
    files.set(name, cache.file(name) ?? '');
  }
  for (const [name, { feed, index }] of run.plan.shards)
    files.set(name, shardText(feed, index, run.plan.shardSize));
  return {
    manifest: run.plan.manifest,
    files: orderFiles(run.plan.manifestText, files),
    issues: run.issues,
    invalidFiles: run.invalidFiles,
  };
}

export function runOptions(options: ContentOptions) {
  return {
    contentDir: options.contentDir,
    drafts: options.drafts,
    maxFileBytes: options.maxFileBytes,
    now: options.now,
    resolveImages: options.resolveImages,
  };
}
