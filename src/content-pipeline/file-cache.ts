import { createHash } from 'node:crypto';
import type { ContentIssue } from './issues.ts';
import type { LoadedFile } from './load.ts';
import { parseContentFile } from './parse.ts';
import type { SourceArticle } from './source.ts';
import { validateArticle } from './validate.ts';

/** One file's outcome: its article when valid, and its problems. */
export interface FileResult {
  article: SourceArticle | null;
  issues: ContentIssue[];
}

interface Entry {
  hash: string;
  /** The fixed `now` the result was computed with, or null for the real clock. */
  clock: number | null;
  result: FileResult;
}

/**
 * Parse and validation results by file, reused while a file's bytes stay the same: parsing is most
 * of a build's time, and the dev server rebuilds on every save. Holds the current files only
 * (entries of files gone from a run are dropped), so it does not grow with the number of saves.
 */
export class ContentCache {
  private readonly entries = new Map<string, Entry>();

  get size(): number {
    return this.entries.size;
  }

  /** @internal Used by checkContent. */
  check(file: LoadedFile, now: Date, fixedClock: boolean): FileResult {
    const hash = createHash('sha256').update(file.bytes).digest('hex');
    const clock = fixedClock ? now.getTime() : null;
    const hit = this.entries.get(file.file);
    if (hit && hit.hash === hash && hit.clock === clock) return hit.result;
    const result = checkFile(file, now);
    // "In the future" is relative to the real clock: such a result must be redone next time. Any
    // other result stays true as the clock moves on.
    const clockBound = clock === null && result.issues.some((i) => i.message.startsWith('is in the future'));
    if (clockBound) this.entries.delete(file.file);
    else this.entries.set(file.file, { hash, clock, result });
    return result;
  }

  /** @internal Drops the entries of files that were not part of the last run. */
  keepOnly(files: Set<string>): void {
    for (const key of this.entries.keys()) if (!files.has(key)) this.entries.delete(key);
  }
}

/**
 * One file through parse and validate. The stages report problems instead of throwing; should one
 * throw anyway (a bug, or a library failing on input nobody foresaw), that file gets an error and
 * the run goes on, so a single file can never stop a build or the dev server.
 */
export function checkFile(file: LoadedFile, now: Date): FileResult {
  try {
    const parsed = parseContentFile(file);
    return { article: validateArticle(parsed, now), issues: parsed.issues.items };
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    const message = `could not be processed (${reason}); please report this file`;
    return {
      article: null,
      issues: [{ file: file.file, line: 1, col: 1, field: 'file', message, severity: 'error' }],
    };
  }
}
