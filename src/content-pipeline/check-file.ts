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
