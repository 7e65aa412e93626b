import type { IssueList } from './issues.ts';
import { checkIsoDateTime, DATE_EXAMPLE } from './dates.ts';
import { cleanText, quote } from './text.ts';
import { checkHttpUrl } from './urls.ts';
import type { YMap, YNode } from './yaml-tree.ts';

/**
 * Typed readers over the YAML tree. Each reports its own problem at the value's position (or, for
 * a missing field, at the mapping that should hold it) and returns undefined, so validation goes on
 * and one run reports every problem. A YAML null (`key:` or `key: ~`) counts as absent.
 */

export const child = (path: string, key: string) => (path ? `${path}.${key}` : key);
export const item = (path: string, index: number) => `${path}[${index}]`;

export function describe(node: YNode): string {
  if (node.kind === 'seq') return 'a list';
  if (node.kind === 'map') return 'a mapping';
  const v = node.value;
  if (typeof v === 'string') return `the text ${quote(v)}`;
  if (typeof v === 'number') return `the number ${v}`;
  return v === null ? 'an empty value' : `${v}`;
}

/** The value node of `key`, unless the key is missing or its value is null. */
export function present(map: YMap, key: string): YNode | undefined {
  const node = map.fields.get(key);
  return node && !(node.kind === 'scalar' && node.value === null) ? node : undefined;
}

export function requireField(issues: IssueList, map: YMap, key: string, path: string): YNode | undefined {
  const node = present(map, key);
  if (!node) issues.error(map.fields.get(key)?.pos ?? map.pos, child(path, key), 'is required');
  return node;
}

/** Trimmed text with control characters removed (a warning says so); undefined when absent or empty. */
export function readText(
  issues: IssueList,
  map: YMap,
  key: string,
  path: string,
  required = false,
): string | undefined {
  const name = child(path, key);
  const node = required ? requireField(issues, map, key, path) : present(map, key);
  if (!node) return undefined;
  if (node.kind !== 'scalar' || typeof node.value !== 'string') {
    issues.error(node.pos, name, `must be a string (got ${describe(node)})`);
    return undefined;
  }
  const { text, removed } = cleanText(node.value);
  if (removed.length > 0) issues.warning(node.pos, name, `control characters removed: ${removed.join(', ')}`);
  const trimmed = text.trim();
  if (trimmed === '' && required) issues.error(node.pos, name, 'must not be empty');
  return trimmed === '' ? undefined : trimmed;
}

export function readNumber(
  issues: IssueList,
  map: YMap,
  key: string,
  path: string,
  min: number,
  rule: string,
) {
  const node = present(map, key);
  if (!node) return undefined;
  const ok =
    node.kind === 'scalar' &&
    typeof node.value === 'number' &&
    Number.isFinite(node.value) &&
    node.value >= min;
  if (!ok) {
    issues.error(node.pos, child(path, key), `must be ${rule} (got ${describe(node)})`);
    return undefined;
  }
  return node.value as number;
}

export function readBoolean(issues: IssueList, map: YMap, key: string, path: string): boolean | undefined {
  const node = present(map, key);
  if (!node) return undefined;
  if (node.kind === 'scalar' && typeof node.value === 'boolean') return node.value;
  issues.error(node.pos, child(path, key), `must be true or false (got ${describe(node)})`);
  return undefined;
}

export function readList(issues: IssueList, map: YMap, key: string, path: string): YNode[] {
  const node = present(map, key);
  if (!node) return [];
  if (node.kind === 'seq') return node.items;
  issues.error(node.pos, child(path, key), `must be a list (got ${describe(node)})`);
  return [];
}

export function asMap(issues: IssueList, node: YNode, path: string, what: string): YMap | undefined {
  if (node.kind === 'map') return node;
  issues.error(node.pos, path, `must be a mapping with ${what} (got ${describe(node)})`);
  return undefined;
}

/** A list of strings; wrong items are errors, empty ones are skipped. */
export function readTextList(issues: IssueList, map: YMap, key: string, path: string): string[] {
  const out: string[] = [];
  readList(issues, map, key, path).forEach((node, i) => {
    const name = item(child(path, key), i);
    if (node.kind !== 'scalar' || typeof node.value !== 'string') {
      issues.error(node.pos, name, `must be a string (got ${describe(node)})`);
      return;
    }
    const { text, removed } = cleanText(node.value);
    if (removed.length > 0)
      issues.warning(node.pos, name, `control characters removed: ${removed.join(', ')}`);
    if (text.trim() !== '') out.push(text.trim());
  });
  return out;
}

/**
 * An http(s) link. When `dropped` is given the link is optional: a bad one is left out with a
 * warning ending in `dropped`; otherwise a bad link is an error.
 */
export function readUrl(
  issues: IssueList,
  map: YMap,
  key: string,
  path: string,
  dropped?: string,
): string | undefined {
  const node = present(map, key);
  if (!node) return undefined;
  const raw = node.kind === 'scalar' && typeof node.value === 'string' ? node.value : null;
  const check = raw === null ? { ok: false as const, reason: `got ${describe(node)}` } : checkHttpUrl(raw);
  if (check.ok) return check.url;
  const message =
    raw === null
      ? `must be an http(s) URL (${check.reason})`
      : `must be an http(s) URL, but it ${check.reason} (got ${quote(raw)})`;
  if (dropped) issues.warning(node.pos, child(path, key), `${message}; ${dropped}`);
  else issues.error(node.pos, child(path, key), message);
  return undefined;
}

/** An ISO 8601 date-time with an offset, as UTC ISO text and epoch milliseconds. */
export function readDate(issues: IssueList, map: YMap, key: string, path: string, required = false) {
  const node = required ? requireField(issues, map, key, path) : present(map, key);
  if (!node) return undefined;
  const raw = node.kind === 'scalar' && typeof node.value === 'string' ? node.value : null;
  const check = raw === null ? null : checkIsoDateTime(raw);
  if (check?.ok) return { node, iso: check.iso, time: check.time };
  const why = check
    ? `${check.reason} (got ${quote(raw ?? '')})`
    : `must be an ISO 8601 date-time with an offset, e.g. ${DATE_EXAMPLE} (got ${describe(node)})`;
  issues.error(node.pos, child(path, key), why);
  return undefined;
}
