import type { ContentIssue } from './issues.ts';
import type { LoadedFile } from './load.ts';
import { parseContentFile, parseContentFileFast } from './parse.ts';
import type { SourceArticle } from './source.ts';
import { validateArticle } from './validate.ts';

/** One file's outcome: its article when valid, and its problems. */
export interface FileResult {
  article: SourceArticle | null;
  issues: ContentIssue[];
}

/**
 * One file through parse and validate. The stages report problems instead of throwing; should one
 * throw anyway (a bug, or a library failing on input nobody foresaw), that file gets an error and
 * the run goes on, so a single file can never stop a build or the dev server.
 *
 * Files of the plain shape go through the fast front matter reader; any file it cannot read, or
 * that has any problem at all, is read again by the exact parser, so every result is the exact
 * parser's (test/content-pipeline/fast-path.test.ts holds the two to the same results).
 */
export function checkFile(file: LoadedFile, now: Date): FileResult {
  try {
    const fast = checkFileFast(file, now);
    if (fast) return fast;
  } catch {
    // The exact path below reads the file again and reports whatever it finds.
  }
  return checkFileExact(file, now);
}

/** The fast path alone: the result when the file is of the plain shape and has no problem, else null. */
export function checkFileFast(file: LoadedFile, now: Date): FileResult | null {
  const parsed = parseContentFileFast(file);
  if (parsed === null) return null;
  const article = validateArticle(parsed, now);
  return article !== null && parsed.issues.items.length === 0 ? { article, issues: [] } : null;
}

/** The exact path alone: the `yaml` package's parser, with its positions and messages. */
export function checkFileExact(file: LoadedFile, now: Date): FileResult {
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
