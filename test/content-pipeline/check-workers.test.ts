import { mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { isDeepStrictEqual } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { checkInWorkers, WORKER_THRESHOLD, workerCount } from '../../src/content-pipeline/check-workers';
import { checkFile } from '../../src/content-pipeline/check-file';
import { buildContent } from '../../src/content-pipeline/index';
import { compareIssues } from '../../src/content-pipeline/issues';
import { loadContentFiles } from '../../src/content-pipeline/load';
import { fixture, NOW } from './helpers';

let dir: string;
beforeAll(async () => {
  dir = await mkdtemp(path.join(tmpdir(), 'content-workers-'));
  const source = fixture('related');
  const texts = await Promise.all((await readdir(source)).map((n) => readFile(path.join(source, n), 'utf8')));
  const broken = [
    '---\ntitle: E\npublishedDateTime: yesterday\n---\n',
    '---\ntitle: [unclosed\n---\n',
    'no front matter\n',
    '---\ntitle: F\npublishedDateTime: 2999-01-01T00:00:00Z\noriginalUrl: https://news.example/f\npublished: true\n---\n',
  ];
  const all = [...texts, ...broken];
  await Promise.all(
    Array.from({ length: WORKER_THRESHOLD + 50 }, (_, i) =>
      writeFile(path.join(dir, `a-${String(i).padStart(4, '0')}.md`), all[i % all.length] ?? ''),
    ),
  );
}, 120_000);
afterAll(() => rm(dir, { recursive: true, force: true }));

/** Enough files for several chunks per thread, without checking all of them each time. */
async function someFiles() {
  const { files } = await loadContentFiles(dir);
  return files.slice(0, 1234);
}

describe('checkInWorkers', () => {
  it('is used only for many files', () => {
    expect(workerCount(WORKER_THRESHOLD)).toBe(0);
  });

  it('gives the results of checkFile, in file order', async () => {
    const files = await someFiles();
    const inWorkers = await checkInWorkers(files, NOW, 2);
    expect(inWorkers).not.toBeNull();
    const inThread = files.map((f) => checkFile(f, NOW));
    expect(inWorkers?.length).toBe(files.length);
    expect(isDeepStrictEqual(inWorkers, inThread)).toBe(true);
  }, 60_000);

  it('gives the same results when the workers do all the work', async () => {
    const files = await someFiles();
    const inWorkers = await checkInWorkers(files, NOW, 2, { inThisThread: false });
    const inThread = files.map((f) => checkFile(f, NOW));
    expect(inWorkers?.length).toBe(files.length);
    expect(isDeepStrictEqual(inWorkers, inThread)).toBe(true);
  }, 60_000);

  it('checks everything in this thread when no worker can start', async () => {
    const files = await someFiles();
    const missing = new URL('./no-such-worker.ts', import.meta.url);
    const results = await checkInWorkers(files, NOW, 2, { inThisThread: false, entry: missing });
    expect(results?.length).toBe(files.length);
    expect(
      isDeepStrictEqual(
        results,
        files.map((f) => checkFile(f, NOW)),
      ),
    ).toBe(true);
  }, 60_000);

  it('leaves a build unchanged', async () => {
    const build = await buildContent({ contentDir: dir, drafts: true, now: NOW });
    expect(build.issues.length).toBeGreaterThan(WORKER_THRESHOLD / 4);
    const { files } = await loadContentFiles(dir);
    const issues = files.flatMap((f) => checkFile(f, NOW).issues);
    expect(build.issues).toEqual([...issues].sort(compareIssues));
  }, 120_000);
});
