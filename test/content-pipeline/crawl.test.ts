import { execFileSync } from 'node:child_process';
import { cp, mkdir, mkdtemp, rm, stat, symlink, utimes, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { changesSince, crawlFolder, parseSnapshot } from '../../src/content-pipeline/crawl';
import { buildContent, createContentCache } from '../../src/content-pipeline/index';
import { fixture, NOW } from './helpers';
import { checkedFiles as parsedFiles } from './check-counter';

// Counts the files that really get parsed and validated.
vi.mock('../../src/content-pipeline/check-file', async (importOriginal) =>
  (await import('./check-counter')).countingCheckFile(importOriginal),
);

let root: string;
let dir: string;
beforeEach(async () => {
  root = await mkdtemp(path.join(tmpdir(), 'content-crawl-'));
  dir = path.join(root, 'content');
  await cp(fixture('related'), dir, { recursive: true });
  parsedFiles.length = 0;
});
afterEach(() => rm(root, { recursive: true, force: true }));

const scratch = () => path.join(root, 'crawl.tmp');
/** The files of the `related` fixture, in path order. */
const FIXTURE_FILES = ['a-main.md', 'b.md', 'c.md', 'd-draft.md', 'live-1.md', 'live-2.md'];
/** A valid article of its own (no other links to it, nor it to them). */
const article = (title: string) =>
  `---\ntitle: "${title}"\npublishedDateTime: 2020-05-06T08:00:00Z\nwebUrl: "https://news.example/${encodeURIComponent(title)}"\npublished: true\n---\n`;

/** An hour ago: as old as a real folder's files, so that only what a test changes is read again. */
const anHourAgo = () => new Date(Date.now() - 3_600_000);
const age = async (...files: string[]) => {
  const old = anHourAgo();
  for (const file of files) await utimes(file, old, old);
};

describe('crawlFolder', () => {
  it('lists every article file with the modification time fs.stat gives, skipping dot-folders and other files', async () => {
    await mkdir(path.join(dir, 'nested', 'deeper'), { recursive: true });
    await writeFile(path.join(dir, 'nested', 'deeper', 'Café Olé!.markdown'), 'x');
    await writeFile(path.join(dir, 'nested', 'notes.txt'), 'x');
    await mkdir(path.join(dir, '.git'));
    await writeFile(path.join(dir, '.git', 'x.md'), 'x');
    await writeFile(path.join(dir, '.hidden.md'), 'x');
    await writeFile(path.join(dir, 'image.png'), 'x');
    await mkdir(path.join(dir, 'folder.md'));

    const crawl = await crawlFolder(dir, scratch());
    expect(crawl).not.toBeNull();
    const listed = new Map(crawl?.paths.map((p, i) => [p, crawl.mtimesMs[i]]));
    expect([...listed.keys()].sort()).toEqual([
      ...FIXTURE_FILES,
      'nested/deeper/Café Olé!.markdown',
      'nested/notes.txt',
    ]);
    for (const [rel, mtimeMs] of listed) expect(mtimeMs, rel).toBe((await stat(path.join(dir, rel))).mtimeMs);
    // The scratch file is the walk's alone: it is gone once read.
    await expect(stat(scratch())).rejects.toThrow(/ENOENT/);
  });

  it('names links as entries of their own, whatever they point to, without following them', async () => {
    await mkdir(path.join(dir, 'real'));
    await symlink(path.join(dir, 'b.md'), path.join(dir, 'linked.md'));
    await symlink(dir, path.join(dir, 'real', 'loop.md'));
    const crawl = await crawlFolder(dir, scratch());
    expect(crawl?.paths).toContain('linked.md');
    expect(crawl?.paths).toContain('real/loop.md');
    expect(crawl?.paths.filter((p) => p.startsWith('real/loop.md/'))).toEqual([]);
  });

  it('gives null for a folder it cannot walk (none there, or a file)', async () => {
    expect(await crawlFolder(path.join(root, 'missing'), scratch())).toBeNull();
    expect(await crawlFolder(path.join(dir, 'b.md'), scratch())).toBeNull();
  });

  it('walks a folder reached through a link, naming paths under the link', async () => {
    await symlink(dir, path.join(root, 'via-link'));
    const crawl = await crawlFolder(path.join(root, 'via-link'), scratch());
    expect(crawl?.paths.sort()).toEqual(FIXTURE_FILES);
  });
});

describe('parseSnapshot', () => {
  it('reads paths by their byte length, so a newline or a digit inside a name is no problem', () => {
    const entries = [
      ['/r/2020\n01.md', '1700000000123456789', '0'],
      ['/r/sub', '1700000000000000000', '1'],
      ['/r/sub/é.md', '5', '0'],
    ];
    const text = `${entries.length}\n${entries.map(([p, t, d]) => `${Buffer.byteLength(p ?? '')}${p}${t} ${d}\n`).join('')}`;
    expect(parseSnapshot(Buffer.from(text), '/r')).toMatchObject({
      paths: ['2020\n01.md', 'sub/é.md'],
      mtimesMs: [1700000000123.4568, 0.000005],
      complete: true,
      // A path with a newline: a changed byte no longer tells which entry it is in.
      lineByLine: false,
    });
  });

  /** A walk's file of these entries: path, time in ns, 1 for a folder. */
  const walkFile = (entries: [string, string, string][]) =>
    Buffer.from(
      `${entries.length}\n${entries.map(([p, t, d]) => `${Buffer.byteLength(p)}${p}${t} ${d}\n`).join('')}`,
    );
  const WALK: [string, string, string][] = [
    ['/r/a.md', '1700000000000000001', '0'],
    ['/r/sub', '1700000000000000002', '1'],
    ['/r/sub/b.md', '1700000000000000003', '0'],
    ['/r/sub/é.md', '1700000000000000004', '0'],
    ['/r/z.md', '1700000000000000005', '0'],
  ];
  const earlier = (entries = WALK, recheck: number[] = []) => {
    const bytes = walkFile(entries);
    return { bytes, recheck, lineByLine: parseSnapshot(bytes, '/r').lineByLine };
  };
  const withTime = (n: number, time: string) =>
    WALK.map((e, i): [string, string, string] => (i === n ? [e[0], time, e[2]] : e));

  it('compares a walk with an earlier one, listing only the entries whose line changed', () => {
    const changed = changesSince(walkFile(withTime(3, '1700000000999000000')), earlier(), '/r');
    expect(changed).toMatchObject({ paths: ['sub/é.md'], mtimesMs: [1700000000999], complete: false });
    expect(changesSince(walkFile(WALK), earlier(), '/r')).toMatchObject({ paths: [], complete: false });
    // A folder's time is no entry of its own.
    expect(changesSince(walkFile(withTime(1, '1700000000999999999')), earlier(), '/r')?.paths).toEqual([]);
  });

  it('lists again the entries the earlier walk names to check, changed or not', () => {
    const before = earlier();
    const first = parseSnapshot(before.bytes, '/r');
    const recheck = [first.lines[0] ?? -1, first.lines[2] ?? -1];
    const changed = changesSince(walkFile(withTime(4, '1700000000999999999')), { ...before, recheck }, '/r');
    expect(changed?.paths).toEqual(['a.md', 'sub/é.md', 'z.md']);
    expect(changed?.lines).toEqual([...recheck, first.lines[3]]);
    // A line start it does not hold: the walk is read whole instead.
    expect(changesSince(walkFile(WALK), { ...before, recheck: [5] }, '/r')).toBeNull();
  });

  it('gives up, so the walk is read whole, when the entries are not the same ones in the same places', () => {
    const before = earlier();
    const renamed = WALK.map((e, i): [string, string, string] => (i === 0 ? ['/r/c.md', e[1], e[2]] : e));
    expect(changesSince(walkFile(renamed), before, '/r')).toBeNull();
    expect(changesSince(walkFile(WALK.slice(1)), before, '/r')).toBeNull();
    expect(changesSince(walkFile(withTime(0, '17000000000000000010')), before, '/r')).toBeNull();
    const newline: [string, string, string][] = [['/r/x\ny.md', '1700000000000000001', '0'], ...WALK];
    expect(changesSince(walkFile(newline), earlier(newline), '/r')).toBeNull();
  });

  it('throws on a file of another format', () => {
    expect(() => parseSnapshot(Buffer.from('not a snapshot'), '/r')).toThrow(/expected format/);
    expect(() => parseSnapshot(Buffer.from('1\n5/r/a.md123'), '/r')).toThrow(/expected format/);
  });
});

describe('a new process that takes its listing from the crawl', () => {
  const cacheDir = () => path.join(root, 'cache');
  const build = (contentDir = dir) =>
    buildContent({ contentDir, drafts: true, now: NOW, cache: createContentCache({ dir: cacheDir() }) });
  const uncached = (contentDir = dir) => buildContent({ contentDir, drafts: true, now: NOW });

  it('lists what a folder listing lists: links to files, not links to folders, fifos or dot-folders', async () => {
    await mkdir(path.join(dir, 'real'));
    await writeFile(path.join(dir, 'real', 'e.md'), article('E'));
    await writeFile(path.join(dir, 'real', 'g.md'), article('G'));
    await symlink(path.join(dir, 'real', 'e.md'), path.join(dir, 'linked.md'));
    await symlink(dir, path.join(dir, 'real', 'loop.md'));
    await symlink(path.join(root, 'nowhere.md'), path.join(dir, 'dangling.md'));
    await mkdir(path.join(dir, '.drafts'));
    await writeFile(path.join(dir, '.drafts', 'f.md'), '---\ntitle: F\n---\n');
    await build();
    // Added after the first build: the crawl names them, and each must be told for what it is.
    execFileSync('mkfifo', [path.join(dir, 'pipe.md')]);
    await symlink(path.join(dir, 'real', 'g.md'), path.join(dir, 'second-link.md'));
    await rm(path.join(dir, 'real', 'g.md'));
    await writeFile(path.join(dir, 'real', 'g.md'), article('G2'));
    parsedFiles.length = 0;
    const second = await build();
    expect(parsedFiles.sort()).toEqual(['g.md', 'second-link.md']);
    const plain = await uncached();
    expect([...second.files]).toEqual([...plain.files]);
    expect(second.issues).toEqual(plain.issues);
    expect(second.invalidFiles).toEqual(plain.invalidFiles);
    expect(second.files.has('articles/linked.json')).toBe(true);
    expect(second.files.has('articles/f.json')).toBe(false);
  });

  it('reads a linked file again when its target changed, though the link itself did not', async () => {
    await mkdir(path.join(dir, 'real'));
    const target = path.join(dir, 'real', 'e.md');
    await writeFile(target, article('E'));
    await symlink(target, path.join(dir, 'linked.md'));
    await age(target);
    await build();
    await writeFile(target, article('E, edited'));
    const second = await build();
    expect(JSON.parse(second.files.get('articles/linked.json') ?? '')).toMatchObject({ title: 'E, edited' });
    expect([...second.files]).toEqual([...(await uncached()).files]);
  });

  it('notices files added, removed and moved to another folder', async () => {
    await writeFile(path.join(dir, 'y.md'), article('Y'));
    await writeFile(path.join(dir, 'x.md'), article('X'));
    await age(path.join(dir, 'y.md'), path.join(dir, 'x.md'));
    await build();
    await rm(path.join(dir, 'x.md'));
    await mkdir(path.join(dir, 'moved'));
    await cp(path.join(dir, 'y.md'), path.join(dir, 'moved', 'y.md'), { preserveTimestamps: true });
    await rm(path.join(dir, 'y.md'));
    await writeFile(path.join(dir, 'z.md'), article('Z'));
    parsedFiles.length = 0;
    const second = await build();
    // moved/y.md (counted by file name), not x.md, which is gone.
    expect(parsedFiles.filter((f) => /^[xyz]\.md$/.test(f)).sort()).toEqual(['y.md', 'z.md']);
    const plain = await uncached();
    expect([...second.files]).toEqual([...plain.files]);
    expect(second.issues).toEqual(plain.issues);
  });

  it('works on a content folder reached through a link', async () => {
    const viaLink = path.join(root, 'via-link');
    await symlink(dir, viaLink);
    await build(viaLink);
    await writeFile(path.join(dir, 'z.md'), article('Z'));
    parsedFiles.length = 0;
    const second = await build(viaLink);
    expect(parsedFiles).toEqual(['z.md']);
    expect([...second.files]).toEqual([...(await uncached(viaLink)).files]);
  });
});

describe('a new process that compares its walk with the last one', () => {
  const cacheDir = () => path.join(root, 'cache');
  const build = () =>
    buildContent({ contentDir: dir, drafts: true, now: NOW, cache: createContentCache({ dir: cacheDir() }) });
  const uncached = () => buildContent({ contentDir: dir, drafts: true, now: NOW });
  /** A cold build, then one through a walk read whole: the next one can compare its walk. */
  const buildTwice = async () => {
    await build();
    await build();
  };

  it('reads an edited file again, and only that one', async () => {
    const file = path.join(dir, 'z.md');
    await writeFile(file, article('Z1'));
    const old = anHourAgo();
    await utimes(file, old, old);
    await buildTwice();
    await writeFile(file, article('Z2'));
    // A second later: another time of the same length, so the walk's line keeps its length.
    await utimes(file, new Date(old.getTime() + 1000), new Date(old.getTime() + 1000));
    parsedFiles.length = 0;
    const next = await build();
    expect(parsedFiles).toEqual(['z.md']);
    expect(JSON.parse(next.files.get('articles/z.json') ?? '')).toMatchObject({ title: 'Z2' });
    expect([...next.files]).toEqual([...(await uncached()).files]);
  });

  it('reads a linked file again when its target changed, though neither the link nor its line did', async () => {
    await mkdir(path.join(root, 'outside'));
    const target = path.join(root, 'outside', 'e.md');
    await writeFile(target, article('E'));
    await symlink(target, path.join(dir, 'linked.md'));
    await age(target);
    await buildTwice();
    await writeFile(target, article('F'));
    const next = await build();
    expect(JSON.parse(next.files.get('articles/linked.json') ?? '')).toMatchObject({ title: 'F' });
    expect([...next.files]).toEqual([...(await uncached()).files]);
  });

  it('reads a file again that was read too soon after a write, though its size and time are put back', async () => {
    const file = path.join(dir, 'z.md');
    // A whole second, so that the time can be put back exactly; recent enough to be racy.
    const second = new Date(Math.floor(Date.now() / 1000) * 1000);
    await writeFile(file, article('Z1'));
    await utimes(file, second, second);
    await buildTwice();
    await writeFile(file, article('Z2'));
    await utimes(file, second, second);
    const next = await build();
    expect(JSON.parse(next.files.get('articles/z.json') ?? '')).toMatchObject({ title: 'Z2' });
    expect([...next.files]).toEqual([...(await uncached()).files]);
  });

  it('reads the whole walk when a file was renamed to a name of the same length', async () => {
    await writeFile(path.join(dir, 'x.md'), article('X'));
    await age(path.join(dir, 'x.md'));
    await buildTwice();
    await cp(path.join(dir, 'x.md'), path.join(dir, 'w.md'), { preserveTimestamps: true });
    await rm(path.join(dir, 'x.md'));
    const next = await build();
    expect(next.files.has('articles/x.json')).toBe(false);
    expect(next.files.has('articles/w.json')).toBe(true);
    expect([...next.files]).toEqual([...(await uncached()).files]);
  });
});
