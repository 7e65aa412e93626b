import { cp, mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type * as CheckFile from '../../src/content-pipeline/check-file';
import { buildContent, createContentCache } from '../../src/content-pipeline/index';
import { writeContentData } from '../../src/content-pipeline/vite-plugin';
import { fixture, NOW } from './helpers';

// Counts the files that really get parsed and validated.
const checked = vi.hoisted(() => [] as string[]);
vi.mock('../../src/content-pipeline/check-file', async (importOriginal) => {
  const original = await importOriginal<typeof CheckFile>();
  return {
    ...original,
    checkFile: (...args: Parameters<typeof original.checkFile>) => {
      checked.push(path.basename(args[0].file));
      return original.checkFile(...args);
    },
  };
});

let root: string;
let dir: string;
let cacheDir: string;
beforeEach(async () => {
  root = await mkdtemp(path.join(tmpdir(), 'content-output-'));
  dir = path.join(root, 'content');
  cacheDir = path.join(root, 'cache');
  await cp(fixture('related'), dir, { recursive: true });
  checked.length = 0;
});
afterEach(() => rm(root, { recursive: true, force: true }));

/** A build as the plugin runs it, each in a new cache object (a new process): content step, then writeBundle. */
async function build(out: string) {
  const cache = createContentCache({ dir: cacheDir });
  const run = await cache.run({
    contentDir: dir,
    drafts: true,
    now: NOW,
    keepSources: false,
    keepDetails: false,
    writeData: true,
  });
  const count = writeContentData(cache, path.join(out, 'data'));
  return { run, count };
}

async function readTree(folder: string): Promise<Map<string, string>> {
  const names = (await readdir(folder, { recursive: true, withFileTypes: true }))
    .filter((e) => e.isFile())
    .map((e) => path.relative(folder, path.join(e.parentPath, e.name)).split(path.sep).join('/'))
    .sort();
  return new Map(
    await Promise.all(names.map(async (n) => [n, await readFile(path.join(folder, n), 'utf8')] as const)),
  );
}

async function coldFiles(): Promise<Map<string, string>> {
  const cold = await buildContent({ contentDir: dir, drafts: true, now: NOW });
  return new Map([...cold.files].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)));
}

describe('a build through the persistent data folder', () => {
  it('writes the same files as a cold build, and the next build after an edit parses only that file', async () => {
    const first = await build(path.join(root, 'dist1'));
    expect(checked).toHaveLength(6);
    expect(await readTree(path.join(root, 'dist1', 'data'))).toEqual(await coldFiles());
    expect(first.count).toBe((await coldFiles()).size);
    const firstDist = await readTree(path.join(root, 'dist1', 'data'));

    await writeFile(
      path.join(dir, 'c.md'),
      '---\ntitle: "C, edited"\npublishedDateTime: 2020-05-06T08:00:00Z\nwebUrl: "https://news.example/c-web"\npublished: true\n---\n',
    );
    checked.length = 0;
    await build(path.join(root, 'dist2'));
    expect(checked).toEqual(['c.md']);
    const second = await readTree(path.join(root, 'dist2', 'data'));
    expect(second).toEqual(await coldFiles());
    expect(JSON.parse(second.get('articles/c.json') ?? '')).toMatchObject({ title: 'C, edited' });
    // The earlier output (linked from the same folder) still holds the earlier build's text.
    expect(await readTree(path.join(root, 'dist1', 'data'))).toEqual(firstDist);

    checked.length = 0;
    await build(path.join(root, 'dist3'));
    expect(checked).toEqual([]);
    expect(await readTree(path.join(root, 'dist3', 'data'))).toEqual(second);
  });

  it('starts afresh from a damaged snapshot, never failing the build', async () => {
    await build(path.join(root, 'dist1'));
    const names = (await readdir(cacheDir, { recursive: true })).filter((n) =>
      /(snapshot\.json|cards\.bin)$/.test(n),
    );
    expect(names).toHaveLength(2);
    await writeFile(path.join(cacheDir, names[0] ?? ''), '{"truncated');
    checked.length = 0;
    await build(path.join(root, 'dist2'));
    expect(checked).toHaveLength(6);
    expect(await readTree(path.join(root, 'dist2', 'data'))).toEqual(await coldFiles());
  });
});
