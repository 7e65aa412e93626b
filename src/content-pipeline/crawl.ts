/**
 * The content folder's article files and their modification times from one walk in native code
 * (@parcel/watcher's snapshot, written on a thread of libuv's pool). A new process that kept its
 * records (the persistent cache) would otherwise list the folder and stat 10,000 files on the main
 * thread; the walk runs while the cache is being read instead.
 */
import { isAscii } from 'node:buffer';
import { readdirSync, readFileSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import type * as ParcelWatcher from '@parcel/watcher';
import { ARTICLE_FILE } from './load.ts';

type Watcher = typeof ParcelWatcher;

/**
 * Loaded with the pipeline's other modules, so a build pays for it where it pays for gray-matter.
 * Without a native build for this platform there is no crawl: the folder is listed in JavaScript.
 */
const watcher: Watcher | null = (() => {
  try {
    return createRequire(import.meta.url)('@parcel/watcher') as Watcher;
  } catch {
    return null;
  }
})();

/**
 * Every entry that is not a folder, has an article file's extension and no part starting with a
 * dot: its path inside the content folder (`/` separators) and its modification time in ms, as
 * `fs.Stats` gives it. Links are not followed: an entry may be a link (to a file, a folder or
 * nothing) or another kind of file, and its time is the entry's own, so a caller stats an entry
 * before it reads it.
 */
export interface Crawl {
  paths: string[];
  mtimesMs: number[];
  /** Where each listed entry's line starts in `bytes`. */
  lines: number[];
  /** The walk's file, for the next walk to be compared with (`EarlierWalk`). */
  bytes: Buffer;
  /**
   * False when the walk was compared with an earlier one and only the entries that may differ are
   * listed: those whose line changed, and those the earlier walk names to check again. Every other
   * entry is the earlier walk's, and the folder holds the same paths.
   */
  complete: boolean;
  /** Whether no path has a newline in it: each entry is one line, found from any byte of it. */
  lineByLine: boolean;
}

/**
 * An earlier walk of the same folder: its file, and the lines (their starts) whose entries the
 * records did not show as they were then. Every other entry's file was as its record shows it.
 */
export interface EarlierWalk {
  bytes: Buffer;
  recheck: number[];
  lineByLine: boolean;
}

/** More changed lines than this, and the whole walk is read instead. */
const MAX_CHANGED_LINES = 256;

/**
 * Starts the walk of `root` at once; null when it cannot be made (no native module, no folder
 * there, an unreadable folder inside). `scratch` is a file path the walk may use for a moment.
 * `since`, asked once the walk is done, gives an earlier walk to compare it with.
 */
export async function crawlFolder(
  root: string,
  scratch: string,
  since: () => EarlierWalk | undefined = () => undefined,
): Promise<Crawl | null> {
  if (!watcher) return null;
  try {
    // Dot-folders at the top (a .git folder can hold more files than the articles) are not walked;
    // a pattern would be matched against every path, so only plain names are passed.
    const ignore = readdirSync(root)
      .filter((name) => name.startsWith('.') && !/[*?[\]{}()!+@\\]/.test(name))
      .map((name) => path.join(root, name));
    await watcher.writeSnapshot(root, scratch, { ignore });
    const bytes = readFileSync(scratch);
    const earlier = since();
    return (earlier && changesSince(bytes, earlier, root)) ?? parseSnapshot(bytes, root);
  } catch {
    return null;
  } finally {
    rmSync(scratch, { force: true });
  }
}

/** Reads @parcel/watcher's snapshot file: the number of entries on a line, then the entries. */
export function parseSnapshot(bytes: Buffer, root: string): Crawl {
  const crawl: Crawl = { paths: [], mtimesMs: [], lines: [], bytes, complete: true, lineByLine: true };
  const read = entryReader(bytes, root);
  let at = bytes.indexOf(NEWLINE) + 1;
  if (at === 0) throw read.malformed();
  const count = Number(bytes.toString('latin1', 0, at - 1));
  for (let n = 0; n < count; n++) {
    const entry = read(at);
    if (entry.rel !== undefined) {
      crawl.paths.push(entry.rel);
      crawl.mtimesMs.push(entry.mtimeMs);
      crawl.lines.push(at);
    }
    if (bytes.indexOf(NEWLINE, at) !== entry.next - 1) crawl.lineByLine = false;
    at = entry.next;
  }
  return crawl;
}

/**
 * The entries of a walk that may differ from an earlier walk's (see `Crawl.complete`): found by
 * comparing the two files' bytes, halves at a time, which for a walk after an edit or two costs
 * a few dozen comparisons instead of reading 10,000 entries. Null when the files are not the same
 * entries in the same places (a file added, removed or renamed; other lengths), or too much differs.
 */
export function changesSince(bytes: Buffer, earlier: EarlierWalk, root: string): Crawl | null {
  const before = earlier.bytes;
  // With a newline in some path, a changed byte does not tell which entry it is in.
  if (!earlier.lineByLine || bytes.length !== before.length) return null;
  const starts = new Set<number>(earlier.recheck);
  const lineOf = (at: number) => (at === 0 ? 0 : bytes.lastIndexOf(NEWLINE, at - 1) + 1);
  const differ = (start: number, end: number): void => {
    if (starts.size > MAX_CHANGED_LINES || bytes.compare(before, start, end, start, end) === 0) return;
    if (end - start > 64) {
      const mid = (start + end) >>> 1;
      differ(start, mid);
      differ(mid, end);
    } else for (let at = start; at < end; at++) if (bytes[at] !== before[at]) starts.add(lineOf(at));
  };
  differ(0, bytes.length);
  // The first line is the number of entries.
  if (starts.size > MAX_CHANGED_LINES || starts.has(0)) return null;
  const crawl: Crawl = { paths: [], mtimesMs: [], lines: [], bytes, complete: false, lineByLine: true };
  const read = entryReader(bytes, root);
  try {
    for (const at of [...starts].sort((a, b) => a - b)) {
      if (at >= bytes.length || bytes[at - 1] !== NEWLINE) return null;
      const entry = read(at);
      // The same length and path as the earlier walk's entry there: only its time or kind changed.
      if (bytes.compare(before, at, entry.time, at, entry.time) !== 0) return null;
      if (entry.rel !== undefined) {
        crawl.paths.push(entry.rel);
        crawl.mtimesMs.push(entry.mtimeMs);
        crawl.lines.push(at);
      }
    }
  } catch {
    return null;
  }
  return crawl;
}

interface Entry {
  /** The path inside the content folder; undefined for an entry that is not listed. */
  rel: string | undefined;
  mtimeMs: number;
  /** Where its time starts, and where the next entry does. */
  time: number;
  next: number;
}

/**
 * Reads one entry of a walk's file: the byte length of its absolute path, the path, its
 * modification time in nanoseconds, a space, 1 for a folder or 0, and a newline. Read as Latin-1,
 * one character per byte, so that byte lengths are string lengths; a path with other than ASCII in
 * it is decoded again as UTF-8.
 */
function entryReader(bytes: Buffer, root: string) {
  const prefix = Buffer.from(`${root}${path.sep}`).toString('latin1');
  const ascii = isAscii(bytes);
  const text = bytes.toString('latin1');
  const malformed = () => new Error(`@parcel/watcher's snapshot of ${root} is not in the expected format`);
  const read = (line: number): Entry => {
    let at = line;
    let length = 0;
    for (let c = text.charCodeAt(at); c >= ZERO && c <= NINE; c = text.charCodeAt(++at)) {
      length = length * 10 + c - ZERO;
    }
    const start = at;
    const time = at + length;
    const space = text.indexOf(' ', time);
    if (space < 0 || text.charCodeAt(space + 2) !== NEWLINE) throw malformed();
    const entry: Entry = { rel: undefined, mtimeMs: 0, time, next: space + 3 };
    if (text.charCodeAt(space + 1) !== ZERO || !text.startsWith(prefix, start)) return entry;
    let rel = ascii
      ? text.slice(start + prefix.length, time)
      : bytes.toString('utf8', start + prefix.length, time);
    if (path.sep !== '/') rel = rel.split(path.sep).join('/');
    if (!ARTICLE_FILE.test(rel) || rel.startsWith('.') || rel.includes('/.')) return entry;
    // Seconds and nanoseconds, then ms as Node makes `mtimeMs` of them: equal times compare equal.
    const split = Math.max(time, space - 9);
    const seconds = split === time ? 0 : Number(text.slice(time, split));
    entry.mtimeMs = seconds * 1e3 + Number(text.slice(split, space)) / 1e6;
    entry.rel = rel;
    return entry;
  };
  return Object.assign(read, { malformed });
}

const ZERO = 48;
const NINE = 57;
const NEWLINE = 10;
