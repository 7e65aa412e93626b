import { escapeUnprintable } from './text.ts';

/** A position in the original file, 1-based; columns count UTF-16 code units like editors do. */
export interface Pos {
  line: number;
  col: number;
}

/** One problem in one content file. `field` is a path such as `related[2].webUrl`. */
export interface ContentIssue {
  file: string;
  line: number;
  col: number;
  field: string;
  message: string;
  severity: 'error' | 'warning';
}

/** One line per problem; a file name or message holding control characters cannot act on a terminal. */
export function formatIssue(issue: ContentIssue): string {
  return escapeUnprintable(`${issue.file}:${issue.line}:${issue.col} ${issue.field}: ${issue.message}`);
}

/** The top of a file: where file-level problems (size, encoding, id) point. */
export const FILE_START: Pos = { line: 1, col: 1 };

/** Collects the problems of one file; stages push into it instead of throwing. */
export class IssueList {
  readonly items: ContentIssue[] = [];
  constructor(readonly file: string) {}

  error(pos: Pos, field: string, message: string): void {
    this.items.push({ file: this.file, line: pos.line, col: pos.col, field, message, severity: 'error' });
  }

  warning(pos: Pos, field: string, message: string): void {
    this.items.push({ file: this.file, line: pos.line, col: pos.col, field, message, severity: 'warning' });
  }

  get hasErrors(): boolean {
    return this.items.some((i) => i.severity === 'error');
  }
}

// Code-unit comparison, not localeCompare: the order must not depend on the machine's locale.
const cmp = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

export function compareIssues(a: ContentIssue, b: ContentIssue): number {
  return (
    cmp(a.file, b.file) ||
    a.line - b.line ||
    a.col - b.col ||
    cmp(a.field, b.field) ||
    cmp(a.message, b.message)
  );
}

export function compareStrings(a: string, b: string): number {
  return cmp(a, b);
}
