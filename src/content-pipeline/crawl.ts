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
}

/**
 * Starts the walk of `root` at once; null when it cannot be made (no native module, no folder
 * there, an unreadable folder inside). `scratch` is a file path the walk may use for a moment.
 */
export async function crawlFolder(root: string, scratch: string): Promise<Crawl | null> {
  if (!watcher) return null;
  try {
    // Dot-folders at the top (a .git folder can hold more files than the articles) are not walked;
    // a pattern would be matched against every path, so only plain names are passed.
    const ignore = readdirSync(root)
      .filter((name) => name.startsWith('.') && !/[*?[\]{}()!+@\\]/.test(name))
      .map((name) => path.join(root, name));
    await watcher.writeSnapshot(root, scratch, { ignore });
    return parseSnapshot(readFileSync(scratch), root);
  } catch {
    return null;
  } finally {
    rmSync(scratch, { force: true });
  }
}

/**
 * Reads @parcel/watcher's snapshot file: the number of entries on a line, then per entry the byte
 * length of its absolute path, the path, its modification time in nanoseconds, a space, 1 for a
 * folder or 0, and a newline. Read as Latin-1, one character per byte, so that byte lengths are
 * string lengths; a path with other than ASCII in it is decoded again as UTF-8.
 */
export function parseSnapshot(bytes: Buffer, root: string): Crawl {
  const crawl: Crawl = { paths: [], mtimesMs: [] };
  const prefix = Buffer.from(`${root}${path.sep}`).toString('latin1');
  const ascii = isAscii(bytes);
  const text = bytes.toString('latin1');
  const malformed = () => new Error(`@parcel/watcher's snapshot of ${root} is not in the expected format`);
  let at = text.indexOf('\n') + 1;
  if (at === 0) throw malformed();
  const count = Number(text.slice(0, at - 1));
  for (let n = 0; n < count; n++) {
    let length = 0;
    for (let c = text.charCodeAt(at); c >= ZERO && c <= NINE; c = text.charCodeAt(++at)) {
      length = length * 10 + c - ZERO;
    }
    const start = at;
    at += length;
    const space = text.indexOf(' ', at);
    if (space < 0 || text.charCodeAt(space + 2) !== NEWLINE) throw malformed();
    const folder = text.charCodeAt(space + 1) !== ZERO;
    const time = at;
    at = space + 3;
    if (folder || !text.startsWith(prefix, start)) continue;
    let rel = ascii
      ? text.slice(start + prefix.length, start + length)
      : bytes.toString('utf8', start + prefix.length, start + length);
    if (path.sep !== '/') rel = rel.split(path.sep).join('/');
    if (!ARTICLE_FILE.test(rel) || rel.startsWith('.') || rel.includes('/.')) continue;
    // Seconds and nanoseconds, then ms as Node makes `mtimeMs` of them: equal times compare equal.
    const split = Math.max(time, space - 9);
    const seconds = split === time ? 0 : Number(text.slice(time, split));
    const nanoseconds = Number(text.slice(split, space));
    crawl.paths.push(rel);
    crawl.mtimesMs.push(seconds * 1e3 + nanoseconds / 1e6);
  }
  return crawl;
}

const ZERO = 48;
const NINE = 57;
const NEWLINE = 10;
