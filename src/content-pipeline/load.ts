import { closeSync, fstatSync, openSync, readFileSync } from 'node:fs';
import { readdir, stat } from 'node:fs/promises';
import path from 'node:path';
import { compareStrings, FILE_START, IssueList } from './issues.ts';
import type { ContentIssue } from './issues.ts';
import { formatBytes } from './text.ts';

/** Per-file size cap unless `maxFileBytes` says otherwise: real article files are under 20 KiB. */
export const DEFAULT_MAX_FILE_BYTES = 1024 * 1024;

export const ARTICLE_FILE = /\.(?:md|markdown|txt)$/i;
// Reads are synchronous now (see readContentFile), so this only bounds how many are in flight at once.
const READ_CONCURRENCY = 32;

/** A content file read from disk, not yet parsed. */
export interface LoadedFile {
  /** Path used in problems: relative to the working directory when inside it, else absolute. */
  file: string;
  /** Path inside the content folder with `/` separators; files are processed in this order. */
  relPath: string;
  id: string;
  bytes: Uint8Array;
  mtimeMs: number;
  /** Size in bytes when read from disk. */
  size?: number;
}

export interface LoadResult {
  files: LoadedFile[];
  issues: ContentIssue[];
  /** Display paths of files that could not be loaded or share an id. */
  invalidFiles: string[];
}

/** A content folder that cannot be used at all: the run stops and the message names the fix. */
export class ContentConfigError extends Error {
  override name = 'ContentConfigError';
}

/** `2020-05-06-Some Headline.md` -> `2020-05-06-some-headline`; empty when nothing usable is left. */
export function articleIdFromPath(relPath: string): string {
  const base = path.posix.basename(relPath).replace(/\.[^.]*$/, '');
  return base
    .toLowerCase()
    .replace(/[^a-z0-9_-]+/g, '-')
    .replace(/^-+|-+$/g, '');
}

export function displayPath(absPath: string, cwd = process.cwd()): string {
  const rel = path.relative(cwd, absPath);
  if (rel === '' || rel.startsWith('..') || path.isAbsolute(rel)) return absPath;
  return rel.split(path.sep).join('/');
}

/** Every article file under `dir`, recursively, skipping dotfiles and dot-folders, sorted by path. */
export async function listContentFiles(dir: string): Promise<string[]> {
  const found: string[] = [];
  async function walk(rel: string): Promise<void> {
    const entries = await readdir(path.join(dir, rel), { withFileTypes: true });
    for (const entry of entries) {
      if (entry.name.startsWith('.')) continue;
      const relPath = rel ? `${rel}/${entry.name}` : entry.name;
      if (entry.isDirectory()) await walk(relPath);
      else if (
        ARTICLE_FILE.test(entry.name) &&
        (entry.isFile() || (await isLinkToFile(path.join(dir, relPath))))
      ) {
        found.push(relPath);
      }
      // Symlinked folders are not followed: a link to an ancestor would loop forever.
    }
  }
  await walk('');
  return found.sort(compareStrings);
}

async function isLinkToFile(p: string): Promise<boolean> {
  return stat(p).then(
    (s) => s.isFile(),
    () => false,
  );
}

export async function loadContentFiles(
  contentDir: string,
  maxFileBytes = DEFAULT_MAX_FILE_BYTES,
): Promise<LoadResult> {
  const root = path.resolve(contentDir);
  const rootStat = await stat(root).catch(() => null);
  if (!rootStat?.isDirectory()) {
    throw new ContentConfigError(
      `Content folder not found: ${root}. Set CONTENT_DIR to a folder of .md, .markdown or .txt article files.`,
    );
  }
  const relPaths = await listContentFiles(root);
  const results = await mapLimit(relPaths, READ_CONCURRENCY, async (rel) =>
    readContentFile(root, rel, maxFileBytes),
  );

  const issues: ContentIssue[] = [];
  const loaded: LoadedFile[] = [];
  const invalidFiles: string[] = [];
  for (const r of results) {
    issues.push(...r.issues.items);
    if (r.loaded) loaded.push(r.loaded);
    else invalidFiles.push(r.issues.file);
  }
  const unique = rejectSharedIds(loaded, issues, invalidFiles);
  return { files: unique, issues, invalidFiles };
}

/** One file's load outcome. */
export interface ReadOutcome {
  issues: IssueList;
  loaded: LoadedFile | null;
  size: number;
  mtimeMs: number;
}

/** Reads one content file, checking its name and size. */
export function readContentFile(root: string, relPath: string, maxFileBytes: number): ReadOutcome {
  const abs = path.join(root, relPath);
  const issues = new IssueList(displayPath(abs));
  const id = articleIdFromPath(relPath);
  if (id === '') {
    issues.error(
      FILE_START,
      'id',
      'the file name gives no usable id (it needs a letter or digit); rename the file',
    );
    return { issues, loaded: null, size: 0, mtimeMs: 0 };
  }
  // Synchronous calls: content files are small and usually in the page cache, where one
  // open+fstat+read+close in this thread costs a fraction of four trips through libuv's pool
  // (10,000 files: about 1.1 s with promises).
  let fd: number | undefined;
  try {
    fd = openSync(abs, 'r');
    const { size, mtimeMs } = fstatSync(fd);
    if (size > maxFileBytes) {
      issues.error(FILE_START, 'file', tooLarge(size, maxFileBytes));
      return { issues, loaded: null, size, mtimeMs };
    }
    const bytes = readFileSync(fd);
    // The file may have grown between stat and read.
    if (bytes.length > maxFileBytes) {
      issues.error(FILE_START, 'file', tooLarge(bytes.length, maxFileBytes));
      return { issues, loaded: null, size, mtimeMs };
    }
    const loaded = {
      file: issues.file,
      relPath,
      id,
      bytes: new Uint8Array(bytes),
      mtimeMs,
      size: bytes.length,
    };
    return { issues, loaded, size: bytes.length, mtimeMs };
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code ?? 'unknown error';
    issues.error(FILE_START, 'file', `cannot be read (${code})`);
    return { issues, loaded: null, size: 0, mtimeMs: 0 };
  } finally {
    if (fd !== undefined) closeSync(fd);
  }
}

function tooLarge(size: number, cap: number): string {
  return `is ${formatBytes(size)} (${size} bytes), over the ${formatBytes(cap)} limit per file (set CONTENT_MAX_FILE_BYTES to change it)`;
}

/** Two files with one id would overwrite each other's detail file, so neither is kept. */
function rejectSharedIds(files: LoadedFile[], issues: ContentIssue[], invalidFiles: string[]): LoadedFile[] {
  const byId = new Map<string, LoadedFile[]>();
  for (const f of files) byId.set(f.id, [...(byId.get(f.id) ?? []), f]);
  const kept: LoadedFile[] = [];
  for (const f of files) {
    const group = byId.get(f.id) ?? [];
    if (group.length === 1) {
      kept.push(f);
      continue;
    }
    issues.push(sharedIdIssue(f, group));
    invalidFiles.push(f.file);
  }
  return kept;
}

/** The error of a file whose id other files in `group` share. */
export function sharedIdIssue(f: { file: string; id: string }, group: { file: string }[]): ContentIssue {
  const others = group.filter((g) => g !== f).map((g) => g.file);
  const list = others.length === 1 ? others[0] : `${others.slice(0, -1).join(', ')} and ${others.at(-1)}`;
  const fileIssues = new IssueList(f.file);
  fileIssues.error(FILE_START, 'id', `"${f.id}" is also the id of ${list}; rename one of the files`);
  return fileIssues.items[0] as ContentIssue;
}

async function mapLimit<T, R>(items: T[], limit: number, fn: (item: T) => Promise<R>): Promise<R[]> {
  const out = new Array<R>(items.length);
  let next = 0;
  async function worker(): Promise<void> {
    while (next < items.length) {
      const i = next++;
      out[i] = await fn(items[i] as T);
    }
  }
  await Promise.all(Array.from({ length: Math.min(limit, items.length) }, worker));
  return out;
}
