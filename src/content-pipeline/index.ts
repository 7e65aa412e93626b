/**
 * The content pipeline's public API: load -> parse -> validate -> derive -> emit. Used by the Vite
 * plugin, scripts and tests; the browser never imports it.
 */
import { dataFiles } from '../config/data-files.ts';
import type { Manifest } from '../types/content.ts';
import type { ResolvedImage } from './derive.ts';
import { orderFiles, shardText } from './emit.ts';
import { ContentModel } from './model.ts';
import { prepareArticle } from './prepare.ts';
import type { ContentIssue } from './issues.ts';
import { compareIssues, compareStrings } from './issues.ts';
import { checkFile } from './check-file.ts';
import type { FileResult } from './check-file.ts';
import { ContentCache } from './file-cache.ts';
import type { ContentCacheOptions } from './file-cache.ts';
import { checkInWorkers, workerCount } from './check-workers.ts';
import { loadContentFiles } from './load.ts';
import type { SourceArticle } from './source.ts';
import { withPlainEnv } from './yaml-tree.ts';

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
  const loaded = await loadContentFiles(options.contentDir, options.maxFileBytes);
  const now = options.now ?? new Date();
  const issues = [...loaded.issues];
  const invalid = new Set(loaded.invalidFiles);
  const articles: SourceArticle[] = [];
  let newestMtimeMs = 0;
  await options.cache?.open();
  const fixedClock = options.now !== undefined;
  // Cached results first; the rest is parsed in worker threads when there are many (a cold build).
  const results: (FileResult | undefined)[] = loaded.files.map((f) =>
    options.cache?.lookup(f, now, fixedClock),
  );
  const todo = loaded.files.filter((_, i) => results[i] === undefined);
  const workers = workerCount(todo.length);
  const fromWorkers = workers > 0 ? await checkInWorkers(todo, now, workers) : null;
  withPlainEnv(() => {
    let next = 0;
    loaded.files.forEach((file, i) => {
      newestMtimeMs = Math.max(newestMtimeMs, file.mtimeMs);
      let result = results[i];
      if (result === undefined) {
        result = fromWorkers?.[next++] ?? checkFile(file, now);
        options.cache?.store(file, now, fixedClock, result);
      }
      issues.push(...result.issues);
      if (result.article) articles.push(result.article);
      else invalid.add(file.file);
    });
  });
  options.cache?.keepOnly(new Set(loaded.files.map((f) => f.file)));
  await options.cache?.save();
  return {
    articles,
    fileCount: loaded.files.length + loaded.invalidFiles.length,
    issues: issues.sort(compareIssues),
    invalidFiles: [...invalid].sort(compareStrings),
    newestMtimeMs,
  };
}

/**
 * Builds every data file from the valid articles. Problems in files are reported, never thrown;
 * only a content folder that cannot be used at all throws (`ContentConfigError`).
 */
export async function buildContent(options: ContentOptions): Promise<ContentBuild> {
  const check = await checkContent(options);
  const included = check.articles.filter((a) => a.published || options.drafts);
  const images = options.resolveImages
    ? await options.resolveImages([...new Set(included.flatMap(imageUrls))].sort(compareStrings))
    : undefined;
  const prepared = included.sort((a, b) => compareStrings(a.id, b.id)).map((a) => prepareArticle(a, images));
  check.articles.length = 0;
  included.length = 0;
  const builtAt = (options.now ?? new Date(Math.floor(check.newestMtimeMs))).toISOString();
  const files = new Map<string, string>();
  const { plan } = new ContentModel().run(prepared, {
    drafts: options.drafts,
    builtAt,
    keepDetails: false,
    onDetail: (id, text) => files.set(dataFiles.article(id), text),
  });
  for (const [name, { feed, index }] of plan.shards) files.set(name, shardText(feed, index, plan.shardSize));
  return {
    manifest: plan.manifest,
    files: orderFiles(plan.manifestText, files),
    issues: check.issues,
    invalidFiles: check.invalidFiles,
  };
}

function imageUrls(a: SourceArticle): string[] {
  return [...a.images, ...a.related.flatMap((r) => r.images.slice(0, 1))].map((img) => img.url);
}
