import { statSync } from 'node:fs';
import { cp, mkdir, mkdtemp, readdir, rm, symlink, utimes, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { ContentConfigError, listContentFiles } from '../../src/content-pipeline/load';
import { startScan } from '../../src/content-pipeline/scan';
import type { FolderScan } from '../../src/content-pipeline/scan';
import { ContentStore } from '../../src/content-pipeline/store';
import type { RunOptions } from '../../src/content-pipeline/store';
import { checkedFiles as checked } from './check-counter';
import { fixture, NOW } from './helpers';

// Counts the files that really get parsed and validated.
vi.mock('../../src/content-pipeline/check-file', async (importOriginal) =>
  (await import('./check-counter')).countingCheckFile(importOriginal),
);

let tmp: string;
beforeEach(async () => {
  tmp = await mkdtemp(path.join(tmpdir(), 'content-scan-'));
  checked.length = 0;
});
afterEach(() => rm(tmp, { recursive: true, force: true }));

/** What the store did before scans: list the folder, then stat each file (NaN when that fails). */
async function listAndStat(root: string) {
  const relPaths = await listContentFiles(root);
  const stats = relPaths.map((rel) => statSync(path.join(root, rel), { throwIfNoEntry: false }));
  return {
    root,
    relPaths,
    sizes: stats.map((s) => s?.size ?? NaN),
    mtimes: stats.map((s) => s?.mtimeMs ?? NaN),
  };
}

const plain = (scan: FolderScan) => ({
  root: scan.root,
  relPaths: scan.relPaths,
  sizes: [...scan.sizes],
  mtimes: [...scan.mtimes],
});

/** Scans `root` in a worker and in this thread, checking both against list-then-stat. */
async function expectSameAsListing(root: string) {
  const expected = await listAndStat(root);
  const inWorker = await startScan(root);
  expect(inWorker.inWorker).toBe(true);
  expect(plain(inWorker)).toEqual(expected);
  const here = await startScan(root, { inThisThread: true });
  expect(here.inWorker).toBe(false);
  expect(plain(here)).toEqual(expected);
  return expected;
}

describe('startScan', () => {
  it('lists and stats what listContentFiles lists, in its order, skipping what it skips', async () => {
    const root = path.join(tmp, 'content');
    const files: Record<string, string> = {
      'b.md': 'b',
      'B.txt': 'upper first',
      'UPPER.MD': 'upper extension',
      'a b.markdown': 'space',
      'é-accent.md': 'non-ASCII',
      'line\nbreak.md': 'a name with a newline',
      'notes.json': 'not an article',
      '.hidden.md': 'dot file',
      '.drafts/x.md': 'in a dot folder',
      'nested/a.md': 'nested',
      'nested/deeper/c.md': 'deeper, longer text',
      'nested/.dot.md': 'nested dot file',
      'folder.md/inside.md': 'a folder with an article name',
    };
    for (const [rel, text] of Object.entries(files)) {
      await mkdir(path.dirname(path.join(root, rel)), { recursive: true });
      await writeFile(path.join(root, rel), text);
    }
    await symlink(path.join(root, 'nested/deeper/c.md'), path.join(root, 'link-to-file.md'));
    await symlink(path.join(root, 'nested'), path.join(root, 'link-to-folder'));
    await symlink(path.join(root, 'nested'), path.join(root, 'link-to-folder.md'));
    await symlink(path.join(root, 'missing.md'), path.join(root, 'dangling.md'));
    await utimes(path.join(root, 'b.md'), 1_000_000, 1_000_000.5);

    const expected = await expectSameAsListing(root);
    expect(expected.relPaths).toEqual([
      'B.txt',
      'UPPER.MD',
      'a b.markdown',
      'b.md',
      'folder.md/inside.md',
      'line\nbreak.md',
      'link-to-file.md',
      'nested/a.md',
      'nested/deeper/c.md',
      'é-accent.md',
    ]);
    // A link gives the size of the file it points to.
    expect(expected.sizes[6]).toBe(files['nested/deeper/c.md']?.length);
    expect(expected.mtimes[3]).toBe(1_000_000_500);
  });

  it("equals listContentFiles + stat on the repository's content fixtures", async () => {
    const names = (await readdir('test/fixtures')).filter((n) => n.startsWith('content-'));
    expect(names.length).toBeGreaterThan(5);
    for (const name of names) {
      const expected = await expectSameAsListing(path.resolve('test/fixtures', name));
      expect(expected.relPaths.length, name).toBeGreaterThan(0);
    }
  });

  it('gives an empty scan of an empty folder', async () => {
    const scan = await expectSameAsListing(tmp);
    expect(scan.relPaths).toEqual([]);
  });

  it('rejects with the error listContentFiles gives when the folder is missing or a file', async () => {
    await writeFile(path.join(tmp, 'file.md'), 'x');
    for (const inThisThread of [false, true]) {
      const missing = startScan(path.join(tmp, 'missing'), { inThisThread });
      // Awaited only later, as a build does after reading its cache: not an unhandled rejection.
      await new Promise((resolve) => setTimeout(resolve, 300));
      await expect(missing).rejects.toMatchObject({ code: 'ENOENT' });
      await expect(startScan(path.join(tmp, 'file.md'), { inThisThread })).rejects.toMatchObject({
        code: 'ENOTDIR',
      });
    }
  });
});

describe('ContentStore.run with a scan', () => {
  const options = (contentDir: string): RunOptions => ({
    contentDir,
    drafts: true,
    now: NOW,
    keepSources: false,
    keepDetails: true,
    writeData: false,
  });
  const outputOf = (store: ContentStore) => {
    const last = store.last;
    if (!last) throw new Error('no run yet');
    const files = [...store.model.names(last.plan)].map((name) => [name, store.file(name)]);
    return { files, issues: last.issues, invalidFiles: last.invalidFiles, fileCount: last.fileCount };
  };
  /** The fixture with every file modified long ago, so that unchanged files are skipped. */
  async function content(): Promise<string> {
    const dir = path.join(tmp, 'content');
    await cp(fixture('related'), dir, { recursive: true });
    await writeFile(path.join(dir, 'e-bad.md'), '---\ntitle: E\npublishedDateTime: yesterday\n---\n');
    for (const name of await readdir(dir)) await utimes(path.join(dir, name), 1_000_000, 1_000_000);
    return dir;
  }

  it('gives the output of a run without one, reading only the edited file', async () => {
    const dir = await content();
    const withScan = new ContentStore();
    const without = new ContentStore();
    await withScan.run(options(dir), startScan(dir));
    await without.run(options(dir));
    expect(outputOf(withScan)).toEqual(outputOf(without));

    await writeFile(
      path.join(dir, 'c.md'),
      '---\ntitle: "C, edited"\npublishedDateTime: 2020-05-06T08:00:00Z\nwebUrl: "https://news.example/c-web"\npublished: true\n---\n',
    );
    await utimes(path.join(dir, 'c.md'), 2_000_000, 2_000_000);
    await rm(path.join(dir, 'b.md'));
    checked.length = 0;
    const run = await withScan.run(options(dir), startScan(dir));
    expect(checked).toEqual(['c.md']);
    expect(Object.keys(run.stages).slice(0, 3)).toEqual(['list', 'load', 'check']);
    await without.run(options(dir));
    expect(outputOf(withScan)).toEqual(outputOf(without));
    expect(outputOf(withScan).files.find(([name]) => name === 'articles/c.json')?.[1]).toContain('C, edited');
  });

  it('reads a file again when the scan could not stat it', async () => {
    const dir = await content();
    const store = new ContentStore();
    await store.run(options(dir));
    // Same size and modification time: only a failed stat (NaN) makes the store read it again.
    await writeFile(path.join(dir, 'e-bad.md'), '---\ntitle: F\npublishedDateTime: yesterday\n---\n');
    await utimes(path.join(dir, 'e-bad.md'), 1_000_000, 1_000_000);
    const scan = await startScan(dir);
    const at = scan.relPaths.indexOf('e-bad.md');
    checked.length = 0;
    await store.run(options(dir), Promise.resolve(scan));
    expect(checked).toEqual([]);
    scan.sizes[at] = NaN;
    scan.mtimes[at] = NaN;
    await store.run(options(dir), Promise.resolve(scan));
    expect(checked).toEqual(['e-bad.md']);
  });

  it('refuses a scan of another folder, and reports a missing content folder as without one', async () => {
    const dir = await content();
    await expect(new ContentStore().run(options(dir), startScan(tmp))).rejects.toThrow(
      `the folder scan is of ${tmp}, not of the content folder ${dir}`,
    );
    const missing = path.join(tmp, 'missing');
    await expect(new ContentStore().run(options(missing), startScan(missing))).rejects.toThrow(
      ContentConfigError,
    );
  });
});
