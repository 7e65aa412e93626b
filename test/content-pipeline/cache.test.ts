import { cp, mkdtemp, rm, unlink, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { buildContent, createContentCache } from '../../src/content-pipeline/index';
import { fixture, NOW } from './helpers';
import { checkedFiles as parsedFiles } from './check-counter';

// Counts the files that really get parsed and validated.
vi.mock('../../src/content-pipeline/check-file', async (importOriginal) =>
  (await import('./check-counter')).countingCheckFile(importOriginal),
);

let dir: string;
beforeEach(async () => {
  dir = await mkdtemp(path.join(tmpdir(), 'content-cache-'));
  await cp(fixture('related'), dir, { recursive: true });
  parsedFiles.length = 0;
});
afterEach(() => rm(dir, { recursive: true, force: true }));

describe('createContentCache', () => {
  it('parses only the files that changed, and builds the same output as a cold run', async () => {
    const cache = createContentCache();
    await buildContent({ contentDir: dir, drafts: true, now: NOW, cache });
    expect(parsedFiles).toHaveLength(6);

    parsedFiles.length = 0;
    await writeFile(
      path.join(dir, 'c.md'),
      '---\ntitle: "C, edited"\npublishedDateTime: 2020-05-06T08:00:00Z\nwebUrl: "https://news.example/c-web"\npublished: true\n---\n',
    );
    const warm = await buildContent({ contentDir: dir, drafts: true, now: NOW, cache });
    expect(parsedFiles).toEqual(['c.md']);
    expect(JSON.parse(warm.files.get('articles/c.json') ?? '')).toMatchObject({ title: 'C, edited' });

    const cold = await buildContent({ contentDir: dir, drafts: true, now: NOW });
    expect([...warm.files]).toEqual([...cold.files]);
  });

  it('forgets deleted files, so it holds only the current ones', async () => {
    const cache = createContentCache();
    await buildContent({ contentDir: dir, drafts: true, now: NOW, cache });
    expect(cache.size).toBe(6);
    await unlink(path.join(dir, 'live-2.md'));
    await buildContent({ contentDir: dir, drafts: true, now: NOW, cache });
    expect(cache.size).toBe(5);
  });

  it('redoes a file when the build clock changes, and every time while its date is in the future', async () => {
    const cache = createContentCache();
    await writeFile(
      path.join(dir, 'future.md'),
      '---\ntitle: F\npublishedDateTime: 2999-01-01T00:00:00Z\noriginalUrl: https://news.example/f\npublished: true\n---\n',
    );
    await buildContent({ contentDir: dir, drafts: true, now: NOW, cache });
    parsedFiles.length = 0;
    await buildContent({ contentDir: dir, drafts: true, now: new Date('2024-06-02T00:00:00Z'), cache });
    expect(parsedFiles).toHaveLength(7);

    await buildContent({ contentDir: dir, drafts: true, cache });
    parsedFiles.length = 0;
    const build = await buildContent({ contentDir: dir, drafts: true, cache });
    expect(parsedFiles).toEqual(['future.md']);
    expect(build.issues.map((i) => i.message)).toEqual([expect.stringMatching(/^is in the future/)]);
  });
});
