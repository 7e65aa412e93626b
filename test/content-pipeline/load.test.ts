import { mkdir, mkdtemp, rm, symlink, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  articleIdFromPath,
  ContentConfigError,
  displayPath,
  listContentFiles,
  loadContentFiles,
} from '../../src/content-pipeline/load';
import { fixture, lines } from './helpers';

describe('listContentFiles', () => {
  it('finds .md, .markdown and .txt files recursively, in path order, skipping dotfiles and dot-folders', async () => {
    expect(await listContentFiles(fixture('valid'))).toEqual([
      '000_510c411c3dc4518e.txt',
      '001_008411057370fecb.md',
      '002_785b0e6bc7d0bab6.md',
      '2020-05-06-raw-format.md',
      'nested/deeper/2020-05-07 Nested Story.markdown',
    ]);
  });

  it('follows a link to a file but not a link to a folder (which could loop)', async () => {
    const dir = await mkdtemp(path.join(tmpdir(), 'content-links-'));
    try {
      await mkdir(path.join(dir, 'real'));
      await writeFile(path.join(dir, 'real', 'a.md'), '---\ntitle: a\n---\n');
      await symlink(path.join(dir, 'real', 'a.md'), path.join(dir, 'linked.md'));
      await symlink(dir, path.join(dir, 'real', 'loop'));
      expect(await listContentFiles(dir)).toEqual(['linked.md', 'real/a.md']);
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });
});

describe('articleIdFromPath', () => {
  it.each([
    ['000_510c411c3dc4518e.txt', '000_510c411c3dc4518e'],
    ['nested/deeper/2020-05-07 Nested Story.markdown', '2020-05-07-nested-story'],
    ['2020-05-06-NBAs-Utah-Jazz.md', '2020-05-06-nbas-utah-jazz'],
    ['Café Olé!.md', 'caf-ol'],
    ['--trim me--.txt', 'trim-me'],
    ['a.b.c.md', 'a-b-c'],
    ['!!!.md', ''],
  ])('%s -> %s', (file, id) => {
    expect(articleIdFromPath(file)).toBe(id);
  });
});

describe('loadContentFiles', () => {
  it('reads every file with its id and a path relative to the working directory', async () => {
    const result = await loadContentFiles(fixture('valid'));
    expect(result.files.map((f) => [f.id, f.file])).toEqual([
      ['000_510c411c3dc4518e', 'test/fixtures/content-valid/000_510c411c3dc4518e.txt'],
      ['001_008411057370fecb', 'test/fixtures/content-valid/001_008411057370fecb.md'],
      ['002_785b0e6bc7d0bab6', 'test/fixtures/content-valid/002_785b0e6bc7d0bab6.md'],
      ['2020-05-06-raw-format', 'test/fixtures/content-valid/2020-05-06-raw-format.md'],
      [
        '2020-05-07-nested-story',
        'test/fixtures/content-valid/nested/deeper/2020-05-07 Nested Story.markdown',
      ],
    ]);
    expect(new TextDecoder().decode(result.files[0]?.bytes).startsWith('---\ncategory: news\n')).toBe(true);
    expect(result.issues).toEqual([]);
    expect(result.invalidFiles).toEqual([]);
  });

  it('rejects every file of a shared id, naming the others, and a file name with no usable id', async () => {
    const result = await loadContentFiles(fixture('duplicate-ids'));
    const dir = 'test/fixtures/content-duplicate-ids';
    expect(lines(result.issues).sort()).toEqual([
      `error ${dir}/!!!.md:1:1 id: the file name gives no usable id (it needs a letter or digit); rename the file`,
      `error ${dir}/Same-Story.md:1:1 id: "same-story" is also the id of ${dir}/same story.txt; rename one of the files`,
      `error ${dir}/a/dup.md:1:1 id: "dup" is also the id of ${dir}/b/DUP.markdown and ${dir}/c/dup.txt; rename one of the files`,
      `error ${dir}/b/DUP.markdown:1:1 id: "dup" is also the id of ${dir}/a/dup.md and ${dir}/c/dup.txt; rename one of the files`,
      `error ${dir}/c/dup.txt:1:1 id: "dup" is also the id of ${dir}/a/dup.md and ${dir}/b/DUP.markdown; rename one of the files`,
      `error ${dir}/same story.txt:1:1 id: "same-story" is also the id of ${dir}/Same-Story.md; rename one of the files`,
    ]);
    expect(result.files.map((f) => f.id)).toEqual(['unique']);
    expect(result.invalidFiles.sort()).toHaveLength(6);
  });

  it('refuses a file over the size cap without reading it, naming the cap', async () => {
    const capped = await loadContentFiles(fixture('large'), 2048);
    expect(lines(capped.issues)).toEqual([
      'error test/fixtures/content-large/large.md:1:1 file: is 3.1 KiB (3150 bytes), over the 2 KiB limit per file (set CONTENT_MAX_FILE_BYTES to change it)',
    ]);
    expect(capped.files).toEqual([]);
    expect(capped.invalidFiles).toEqual(['test/fixtures/content-large/large.md']);

    const defaultCap = await loadContentFiles(fixture('large'));
    expect(defaultCap.files.map((f) => f.id)).toEqual(['large']);
  });

  it('fails fast on a missing folder, saying what to set', async () => {
    const missing = path.resolve('test/fixtures/content-does-not-exist');
    await expect(loadContentFiles(missing)).rejects.toThrow(
      new ContentConfigError(
        `Content folder not found: ${missing}. Set CONTENT_DIR to a folder of .md, .markdown or .txt article files.`,
      ),
    );
  });
});

describe('displayPath', () => {
  it('is relative inside the working directory and absolute outside it', () => {
    expect(displayPath('/srv/site/content/a.md', '/srv/site')).toBe('content/a.md');
    expect(displayPath('/elsewhere/a.md', '/srv/site')).toBe('/elsewhere/a.md');
    expect(displayPath('/srv/site-other/a.md', '/srv/site')).toBe('/srv/site-other/a.md');
  });
});
