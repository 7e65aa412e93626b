import { cp, mkdtemp, readdir, rm, utimes, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { buildContent, checkContent, createContentCache } from '../../src/content-pipeline/index';
import { fixture, NOW } from './helpers';
import { checkedFiles as parsedFiles } from './check-counter';

// Counts the files that really get parsed and validated.
vi.mock('../../src/content-pipeline/check-file', async (importOriginal) =>
  (await import('./check-counter')).countingCheckFile(importOriginal),
);

let root: string;
let dir: string;
let cacheDir: string;
beforeEach(async () => {
  root = await mkdtemp(path.join(tmpdir(), 'content-persist-'));
  dir = path.join(root, 'content');
  cacheDir = path.join(root, 'cache');
  await cp(fixture('related'), dir, { recursive: true });
  // One file with problems, so that issues go through the cache too.
  await writeFile(path.join(dir, 'e-bad.md'), '---\ntitle: E\npublishedDateTime: yesterday\n---\n');
  parsedFiles.length = 0;
});
afterEach(() => rm(root, { recursive: true, force: true }));

const build = () =>
  buildContent({ contentDir: dir, drafts: true, now: NOW, cache: createContentCache({ dir: cacheDir }) });

describe('createContentCache({ dir })', () => {
  it('lets a new cache (a new process) reuse the results, with output identical to an uncached run', async () => {
    const first = await build();
    expect(parsedFiles).toHaveLength(7);
    expect((await readdir(cacheDir)).length).toBeGreaterThan(0);

    parsedFiles.length = 0;
    const second = await build();
    expect(parsedFiles).toEqual([]);

    const uncached = await buildContent({ contentDir: dir, drafts: true, now: NOW });
    expect(uncached.issues.length).toBeGreaterThan(0);
    for (const cached of [first, second]) {
      expect([...cached.files]).toEqual([...uncached.files]);
      expect(cached.issues).toEqual(uncached.issues);
      expect(cached.invalidFiles).toEqual(uncached.invalidFiles);
    }
    const check = await checkContent({
      contentDir: dir,
      drafts: true,
      now: NOW,
      cache: createContentCache({ dir: cacheDir }),
    });
    const plain = await checkContent({ contentDir: dir, drafts: true, now: NOW });
    expect(JSON.stringify(check)).toBe(JSON.stringify(plain));
  });

  it('reads an edited file again, and only that one', async () => {
    await build();
    parsedFiles.length = 0;
    await writeFile(
      path.join(dir, 'c.md'),
      '---\ntitle: "C, edited"\npublishedDateTime: 2020-05-06T08:00:00Z\nwebUrl: "https://news.example/c-web"\npublished: true\n---\n',
    );
    const warm = await build();
    expect(parsedFiles).toEqual(['c.md']);
    expect(JSON.parse(warm.files.get('articles/c.json') ?? '')).toMatchObject({ title: 'C, edited' });
    parsedFiles.length = 0;
    await build();
    expect(parsedFiles).toEqual([]);
  });

  it('journals the files added and removed since the snapshot: the next process reads none again', async () => {
    const article = (n: number) =>
      `---\ntitle: "N${n}"\npublishedDateTime: 2020-05-0${n}T08:00:00Z\nwebUrl: "https://news.example/n${n}"\npublished: true\n---\n`;
    // Enough files that two changes go to a journal (see JOURNAL_RECORDS), not a new snapshot, all
    // an hour old: none is read again for having been written just before it was read.
    for (const n of [1, 2, 3, 4]) await writeFile(path.join(dir, `n${n}.md`), article(n));
    const old = new Date(Date.now() - 3_600_000);
    for (const name of await readdir(dir)) await utimes(path.join(dir, name), old, old);
    await build();
    await writeFile(path.join(dir, 'n5.md'), article(5));
    await utimes(path.join(dir, 'n5.md'), old, old);
    await rm(path.join(dir, 'n1.md'));
    parsedFiles.length = 0;
    await build();
    expect(parsedFiles).toEqual(['n5.md']);
    expect((await readdir(cacheDir, { recursive: true })).some((n) => n.endsWith('journal.json'))).toBe(true);

    parsedFiles.length = 0;
    const next = await build();
    expect(parsedFiles).toEqual([]);
    const uncached = await buildContent({ contentDir: dir, drafts: true, now: NOW });
    expect(next.files.has('articles/n5.json')).toBe(true);
    expect(next.files.has('articles/n1.json')).toBe(false);
    expect([...next.files]).toEqual([...uncached.files]);
  });

  it('ignores corrupt or foreign cache files, never failing the build, and rewrites them', async () => {
    const uncached = await buildContent({ contentDir: dir, drafts: true, now: NOW });
    await build();
    const names = (await readdir(cacheDir, { recursive: true })).filter((n) =>
      /snapshot\.(json|bin)$/.test(n),
    );
    expect(names.length).toBe(2);
    const garbage = ['{"truncated', 'null', '[1,2]', '{"c.md":{"hash":1}}', '\u0000\u0001'];
    await Promise.all(
      names.map((n, i) => writeFile(path.join(cacheDir, n), garbage[i % garbage.length] ?? '')),
    );
    await writeFile(path.join(cacheDir, 'v1-9999.json'), '{}');

    parsedFiles.length = 0;
    const rebuilt = await build();
    expect(parsedFiles).toHaveLength(7);
    expect([...rebuilt.files]).toEqual([...uncached.files]);
    expect(rebuilt.issues).toEqual(uncached.issues);

    parsedFiles.length = 0;
    await build();
    expect(parsedFiles).toEqual([]);
  });

  it('redoes the results computed with another build clock', async () => {
    await build();
    parsedFiles.length = 0;
    await buildContent({
      contentDir: dir,
      drafts: true,
      now: new Date('2024-06-02T00:00:00Z'),
      cache: createContentCache({ dir: cacheDir }),
    });
    expect(parsedFiles).toHaveLength(7);
  });
});
