import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import type { ContentIssue } from '../../src/content-pipeline/issues';
import { compareIssues, formatIssue } from '../../src/content-pipeline/issues';
import type { LoadedFile } from '../../src/content-pipeline/load';
import { parseContentFile } from '../../src/content-pipeline/parse';
import type { ParsedFile } from '../../src/content-pipeline/parse';

/** Folder of a content fixture, relative to the project root (where vitest runs). */
export const fixture = (name: string) => `test/fixtures/content-${name}`;

/** A file as `load` would hand it over, from text or bytes, without touching the disk. */
export function fileFrom(content: string | Uint8Array, name = 'inline.md'): LoadedFile {
  const bytes = typeof content === 'string' ? new TextEncoder().encode(content) : content;
  return { file: name, relPath: name, id: path.basename(name).replace(/\.[^.]*$/, ''), bytes, mtimeMs: 0 };
}

export const parseText = (content: string | Uint8Array, name?: string): ParsedFile =>
  parseContentFile(fileFrom(content, name));

/** Issues as the lines a person reads, severity first, in the order a build reports them. */
export const lines = (issues: ContentIssue[]) =>
  [...issues].sort(compareIssues).map((i) => `${i.severity} ${formatIssue(i)}`);

/** A fixed build clock, so "in the future" does not depend on the day the tests run. */
export const NOW = new Date('2024-06-01T00:00:00Z');

/**
 * Runs `fn` and returns its result with the CPU time this process spent, in ms. Budgets are checked
 * against CPU time because wall time on a shared machine mostly measures the other processes.
 */
export function cpuTimed<T>(fn: () => T): { result: T; cpuMs: number; wallMs: number } {
  const wall = performance.now();
  const cpu = process.cpuUsage();
  const result = fn();
  const used = process.cpuUsage(cpu);
  return { result, cpuMs: (used.user + used.system) / 1000, wallMs: performance.now() - wall };
}

/** Every file under `folder` by its path there (with `/`), sorted, with its text. */
export async function readTree(folder: string): Promise<Map<string, string>> {
  const names = (await readdir(folder, { recursive: true, withFileTypes: true }))
    .filter((e) => e.isFile())
    .map((e) => path.relative(folder, path.join(e.parentPath, e.name)).split(path.sep).join('/'))
    .sort();
  return new Map(
    await Promise.all(names.map(async (n) => [n, await readFile(path.join(folder, n), 'utf8')] as const)),
  );
}
