import { createHash } from 'node:crypto';
import { mkdir, readFile, rename, stat, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { FailureKind } from './fetch-image.ts';
import type { ImageFormat } from './sniff-image.ts';

/** A downloaded image kept in the cache folder. */
export interface CachedEntry {
  status: 'ok';
  url: string;
  /** File name inside the cache folder. */
  file: string;
  format: ImageFormat;
  bytes: number;
  /** sha256 of the bytes, hex; emitted file names derive from it. */
  sha256: string;
  fetchedAt: string;
}

/** A download that failed; it is tried again on the next run. */
export interface FailedEntry {
  status: 'failed';
  url: string;
  kind: FailureKind;
  reason: string;
  attempts: number;
  lastTriedAt: string;
}

export type IndexEntry = CachedEntry | FailedEntry;

/** `index.json` in the cache folder, keyed by URL hash. */
export interface CacheIndex {
  version: 1;
  entries: Record<string, IndexEntry>;
}

export const INDEX_FILE = 'index.json';

/** Cache key of a URL: stable across runs and safe as a file name. */
export const urlKey = (url: string): string => createHash('sha256').update(url).digest('hex').slice(0, 32);

export const sha256 = (bytes: Uint8Array): string => createHash('sha256').update(bytes).digest('hex');

/** Reads the index; a missing or unreadable one starts an empty cache rather than failing the build. */
export async function readIndex(cacheDir: string): Promise<CacheIndex> {
  try {
    const parsed = JSON.parse(await readFile(join(cacheDir, INDEX_FILE), 'utf8')) as Partial<CacheIndex>;
    if (parsed.version === 1 && parsed.entries && typeof parsed.entries === 'object') {
      return { version: 1, entries: parsed.entries };
    }
  } catch {
    // Missing on the first run; corrupt after a crash mid-write on old versions. Either way: refetch.
  }
  return { version: 1, entries: {} };
}

/** Writes to a temporary name and renames, so a killed build never leaves half a file behind. */
export async function writeAtomic(path: string, data: string | Uint8Array): Promise<void> {
  const temporary = `${path}.${process.pid}.${Date.now()}.tmp`;
  await writeFile(temporary, data);
  await rename(temporary, path);
}

export async function writeIndex(cacheDir: string, index: CacheIndex): Promise<void> {
  await mkdir(cacheDir, { recursive: true });
  // Sorted keys keep the file stable between runs that changed nothing.
  const entries = Object.fromEntries(Object.entries(index.entries).sort(([a], [b]) => (a < b ? -1 : 1)));
  await writeAtomic(join(cacheDir, INDEX_FILE), `${JSON.stringify({ version: 1, entries }, null, 1)}\n`);
}

/** The cached entry, while its file is still there with the recorded size; else undefined. */
export async function usableEntry(
  cacheDir: string,
  entry: IndexEntry | undefined,
): Promise<CachedEntry | undefined> {
  if (entry?.status !== 'ok') return undefined;
  try {
    return (await stat(join(cacheDir, entry.file))).size === entry.bytes ? entry : undefined;
  } catch {
    return undefined;
  }
}
