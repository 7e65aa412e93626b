import { mkdir } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import {
  usableEntry,
  readIndex,
  sha256,
  urlKey,
  writeAtomic,
  writeIndex,
  type CachedEntry,
} from './cache-store.ts';
import { fetchImage, type FetchImageOptions } from './fetch-image.ts';
import type { ImageFormat } from './sniff-image.ts';

/** Options of `cacheImages`; every limit has a safe default. */
export interface CacheImagesOptions {
  /** Persistent cache folder, default `.cache/images` (git-ignored). */
  cacheDir?: string;
  /** Downloads at once, at most 8. */
  concurrency?: number;
  /** Per request, redirects and body included; at most 5000. */
  timeoutMs?: number;
  maxBytes?: number;
  maxRedirects?: number;
  /** Allow loopback and private addresses (tests and local end-to-end builds only). */
  allowPrivateHosts?: boolean;
  /** No download starts after this long; the rest keep their remote URLs until a later run. */
  deadlineMs?: number;
  /** Network failures in a row, before anything answered, after which the network is presumed down. */
  offlineAfter?: number;
  log?: (message: string) => void;
}

/** An image available in the cache folder. */
export interface CachedImage {
  url: string;
  /** Absolute path of the cached file. */
  path: string;
  format: ImageFormat;
  bytes: number;
  sha256: string;
}

/** What one run did; failures are also recorded in the cache index and retried next run. */
export interface CacheRun {
  images: Map<string, CachedImage>;
  failed: Map<string, string>;
  /** Not tried in this run (deadline passed or network down); they keep their remote URLs. */
  skipped: string[];
  fetched: number;
  reused: number;
}

export const DEFAULT_CACHE_DIR = '.cache/images';

const isHttpUrl = (url: string) => /^https?:\/\//i.test(url) && URL.canParse(url);

/**
 * Makes a local copy of every http(s) image URL it is given, reusing copies from earlier runs with
 * no network. Never throws for a bad image or a dead network: the build goes on with remote URLs.
 */
export async function cacheImages(
  urls: Iterable<string>,
  options: CacheImagesOptions = {},
): Promise<CacheRun> {
  const cacheDir = resolve(options.cacheDir ?? DEFAULT_CACHE_DIR);
  const fetchOptions: FetchImageOptions = {
    timeoutMs: Math.min(options.timeoutMs ?? 5000, 5000),
    maxBytes: options.maxBytes ?? 8 * 1024 * 1024,
    maxRedirects: options.maxRedirects ?? 3,
    allowPrivateHosts: options.allowPrivateHosts ?? false,
  };
  const concurrency = Math.max(1, Math.min(options.concurrency ?? 8, 8));
  const deadline = Date.now() + (options.deadlineMs ?? 90_000);
  const offlineAfter = options.offlineAfter ?? 8;

  const run: CacheRun = { images: new Map(), failed: new Map(), skipped: [], fetched: 0, reused: 0 };
  try {
    await mkdir(cacheDir, { recursive: true });
  } catch (error) {
    // A read-only checkout must still build: every image keeps its remote URL.
    options.log?.(`images: cache folder ${cacheDir} unusable (${String(error)}); keeping remote URLs`);
    run.skipped = [...new Set(urls)];
    return run;
  }
  const index = await readIndex(cacheDir);
  const toImage = (entry: CachedEntry): CachedImage => ({
    url: entry.url,
    path: join(cacheDir, entry.file),
    format: entry.format,
    bytes: entry.bytes,
    sha256: entry.sha256,
  });

  const queue: string[] = [];
  for (const url of new Set(urls)) {
    if (!isHttpUrl(url)) continue;
    const entry = await usableEntry(cacheDir, index.entries[urlKey(url)]);
    if (entry) {
      run.images.set(url, toImage(entry));
      run.reused++;
    } else queue.push(url);
  }

  let answered = false; // anything came back over the network in this run
  let networkFailures = 0;
  const worker = async () => {
    for (let url = queue.shift(); url !== undefined; url = queue.shift()) {
      if (Date.now() >= deadline || (!answered && networkFailures >= offlineAfter)) {
        run.skipped.push(url);
        continue;
      }
      const key = urlKey(url);
      const result = await fetchImage(url, fetchOptions);
      if (result.ok) {
        answered = true;
        const file = `${key}.${result.format.ext}`;
        const written = await writeAtomic(join(cacheDir, file), result.bytes).then(
          () => undefined,
          (error: unknown) => `could not write the cache: ${String(error)}`,
        );
        if (written) {
          run.failed.set(url, written);
          continue;
        }
        const entry: CachedEntry = {
          status: 'ok',
          url,
          file,
          format: result.format,
          bytes: result.bytes.byteLength,
          sha256: sha256(result.bytes),
          fetchedAt: new Date().toISOString(),
        };
        index.entries[key] = entry;
        run.images.set(url, toImage(entry));
        run.fetched++;
        continue;
      }
      if (result.kind === 'network') networkFailures++;
      else answered = true;
      const previous = index.entries[key];
      index.entries[key] = {
        status: 'failed',
        url,
        kind: result.kind,
        reason: result.reason,
        attempts: (previous?.status === 'failed' ? previous.attempts : 0) + 1,
        lastTriedAt: new Date().toISOString(),
      };
      run.failed.set(url, result.reason);
    }
  };
  await Promise.all(Array.from({ length: Math.min(concurrency, queue.length) }, worker));
  if (run.fetched + run.failed.size > 0)
    await writeIndex(cacheDir, index).catch((error: unknown) =>
      options.log?.(`images: could not write the cache index: ${String(error)}`),
    );

  options.log?.(
    `images: ${run.reused} cached, ${run.fetched} downloaded, ${run.failed.size} failed` +
      (run.skipped.length
        ? `, ${run.skipped.length} skipped (${Date.now() >= deadline ? 'time limit' : 'network down'})`
        : ''),
  );
  return run;
}
