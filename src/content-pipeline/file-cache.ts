import { createHash } from 'node:crypto';
import { mkdir, readdir, readFile, rename, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { checkFile } from './check-file.ts';
import type { FileResult } from './check-file.ts';
import type { LoadedFile } from './load.ts';

interface Entry {
  hash: string;
  /** The fixed `now` the result was computed with, or null for the real clock. */
  clock: number | null;
  result: FileResult;
}

/**
 * Bump whenever parse or validate can give a different result for the same bytes (new checks,
 * other messages, another SourceArticle shape): entries written by another version are ignored.
 */
export const PERSISTENT_CACHE_VERSION = 1;
/** Files the persistent cache spreads its entries over, so one edit rewrites a small file only. */
const BUCKETS = 64;

const hashOf = (file: LoadedFile) => createHash('sha256').update(file.bytes).digest('hex');

function bucketOf(file: string): number {
  let h = 0x811c9dc5; // FNV-1a
  for (let i = 0; i < file.length; i++) h = Math.imul(h ^ file.charCodeAt(i), 0x01000193);
  return (h >>> 0) % BUCKETS;
}

const isEntry = (value: unknown): value is Entry => {
  const e = value as Entry | null;
  return (
    typeof e === 'object' &&
    e !== null &&
    typeof e.hash === 'string' &&
    (e.clock === null || typeof e.clock === 'number') &&
    typeof e.result === 'object' &&
    e.result !== null &&
    Array.isArray(e.result.issues) &&
    (e.result.article === null || typeof e.result.article === 'object')
  );
};

export interface ContentCacheOptions {
  /**
   * Folder that keeps the results between processes (a restarted dev server, the next build), as
   * JSON files it alone writes. Unreadable or corrupt files there are ignored and rewritten.
   */
  dir?: string;
}

/**
 * Parse and validation results by file, reused while a file's bytes stay the same: parsing is most
 * of a build's time, and the dev server rebuilds on every save. Holds the current files only
 * (entries of files gone from a run are dropped), so it does not grow with the number of saves.
 * With `dir`, the entries also survive the process.
 */
export class ContentCache {
  private readonly entries = new Map<string, Entry>();
  private readonly dir: string | undefined;
  private opened = false;
  private readonly dirty = new Set<number>();

  constructor(options: ContentCacheOptions = {}) {
    this.dir = options.dir;
  }

  get size(): number {
    return this.entries.size;
  }

  /** @internal Used by checkContent: reads the persistent entries once, before the first run. */
  async open(): Promise<void> {
    if (this.opened || this.dir === undefined) return;
    this.opened = true;
    const names = await readdir(this.dir).catch(() => [] as string[]);
    for (const name of names) {
      const match = /^v(\d+)-(\d+)\.json$/.exec(name);
      if (!match || Number(match[1]) !== PERSISTENT_CACHE_VERSION) continue;
      const bucket = Number(match[2]);
      try {
        const parsed = JSON.parse(await readFile(path.join(this.dir, name), 'utf8')) as unknown;
        if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed))
          throw new Error('not a map');
        for (const [file, entry] of Object.entries(parsed)) {
          if (isEntry(entry) && bucketOf(file) === bucket && !this.entries.has(file))
            this.entries.set(file, entry);
        }
      } catch {
        // A corrupt or half-written file: its entries are redone, and the file rewritten.
        this.dirty.add(bucket);
      }
    }
  }

  /** @internal Used by checkContent: writes the buckets whose entries changed. */
  async save(): Promise<void> {
    if (this.dir === undefined || this.dirty.size === 0) return;
    const byBucket = new Map<number, Record<string, Entry>>();
    for (const bucket of this.dirty) byBucket.set(bucket, {});
    for (const [file, entry] of this.entries) {
      const record = byBucket.get(bucketOf(file));
      if (record) record[file] = entry;
    }
    try {
      await mkdir(this.dir, { recursive: true });
      for (const [bucket, record] of byBucket) {
        const target = path.join(this.dir, `v${PERSISTENT_CACHE_VERSION}-${bucket}.json`);
        // Written aside, then renamed: a build stopped halfway never leaves a truncated file.
        const temp = `${target}.${process.pid}.tmp`;
        await writeFile(temp, JSON.stringify(record));
        await rename(temp, target);
      }
      this.dirty.clear();
    } catch {
      // A cache that cannot be written only costs time on the next run.
    }
  }

  /** @internal Used by checkContent: the stored result for this file's bytes and clock, if any. */
  lookup(file: LoadedFile, now: Date, fixedClock: boolean): FileResult | undefined {
    const hit = this.entries.get(file.file);
    if (!hit || hit.clock !== (fixedClock ? now.getTime() : null)) return undefined;
    return hit.hash === hashOf(file) ? hit.result : undefined;
  }

  /** @internal Used by checkContent: keeps a result `checkFile` gave for this file. */
  store(file: LoadedFile, now: Date, fixedClock: boolean, result: FileResult): void {
    const clock = fixedClock ? now.getTime() : null;
    // "In the future" is relative to the real clock: such a result must be redone next time. Any
    // other result stays true as the clock moves on.
    const clockBound = clock === null && result.issues.some((i) => i.message.startsWith('is in the future'));
    if (clockBound) this.delete(file.file);
    else {
      this.entries.set(file.file, { hash: hashOf(file), clock, result });
      this.dirty.add(bucketOf(file.file));
    }
  }

  /** @internal Used by checkContent. */
  check(file: LoadedFile, now: Date, fixedClock: boolean): FileResult {
    const hit = this.lookup(file, now, fixedClock);
    if (hit) return hit;
    const result = checkFile(file, now);
    this.store(file, now, fixedClock, result);
    return result;
  }

  /** @internal Drops the entries of files that were not part of the last run. */
  keepOnly(files: Set<string>): void {
    for (const key of this.entries.keys()) if (!files.has(key)) this.delete(key);
  }

  private delete(file: string): void {
    if (this.entries.delete(file)) this.dirty.add(bucketOf(file));
  }
}
