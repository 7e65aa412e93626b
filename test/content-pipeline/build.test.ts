import { cp, mkdtemp, rm, utimes } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { buildContent, formatIssue } from '../../src/content-pipeline/index';
import type { ArticleDetail } from '../../src/types/content';
import { fixture, NOW } from './helpers';

const SECRET_FRAGMENTS = ['secured', 'QYYjifqRqMmsbdV9', 'Y9tMZxtzyC93YgYB', 'c2VjcmV0'];

/** Every string under a key that ends up in an href or src. */
function linksIn(value: unknown, out: string[] = []): string[] {
  if (Array.isArray(value)) for (const v of value) linksIn(v, out);
  else if (value && typeof value === 'object') {
    for (const [key, v] of Object.entries(value)) {
      if (typeof v === 'string' && ['url', 'ampUrl', 'src', 'original'].includes(key)) out.push(v);
      else linksIn(v, out);
    }
  }
  return out;
}

describe('buildContent', () => {
  it('builds published articles only by default, and drafts too when asked', async () => {
    const off = await buildContent({ contentDir: fixture('valid'), drafts: false, now: NOW });
    expect(off.issues).toEqual([]);
    expect(off.manifest.counts).toEqual({ articles: 4, drafts: 0, topics: 3, providers: 3 });
    expect([...off.files.keys()].filter((n) => n.startsWith('articles/'))).toEqual([
      'articles/001_008411057370fecb.json',
      'articles/002_785b0e6bc7d0bab6.json',
      'articles/2020-05-06-raw-format.json',
      'articles/2020-05-07-nested-story.json',
    ]);

    const on = await buildContent({ contentDir: fixture('valid'), drafts: true, now: NOW });
    expect(on.manifest.counts).toEqual({ articles: 5, drafts: 1, topics: 5, providers: 4 });
    const seed = JSON.parse(on.files.get('articles/000_510c411c3dc4518e.json') ?? '') as ArticleDetail;
    expect(seed).toMatchObject({ draft: true, publishedAt: '2023-01-27T21:02:00.000Z' });
    expect(on.manifest.drafts).toBe(true);
  });

  it('never writes `secured`, and every link it writes is http(s)', async () => {
    for (const name of ['valid', 'tricky']) {
      const build = await buildContent({ contentDir: fixture(name), drafts: true, now: NOW });
      for (const [file, text] of build.files) {
        for (const fragment of SECRET_FRAGMENTS) expect(text, file).not.toContain(fragment);
        for (const link of linksIn(JSON.parse(text))) expect(link, file).toMatch(/^https?:\/\/[^\s/]/);
      }
    }
  });

  it('keeps every valid article when other files are broken, and lists the broken ones', async () => {
    const build = await buildContent({ contentDir: fixture('broken'), drafts: true, now: NOW });
    expect([...build.files.keys()].filter((n) => n.startsWith('articles/'))).toEqual(['articles/valid.json']);
    expect(build.invalidFiles).toHaveLength(20);
    expect(build.invalidFiles).not.toContain('test/fixtures/content-broken/valid.md');
    expect(build.invalidFiles[0]).toBe('test/fixtures/content-broken/bad-dates.md');
    const formatted = build.issues.map(formatIssue);
    expect(formatted).toContain(
      'test/fixtures/content-broken/js-engine.md:1:4 front matter: is written in "js"; only YAML front matter is read',
    );
    // Sorted by file, then line, then column.
    const keys = build.issues.map((i) => [i.file, i.line, i.col] as const);
    const sorted = [...keys].sort((a, b) =>
      a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : a[1] - b[1] || a[2] - b[2],
    );
    expect(keys).toEqual(sorted);
  });

  it('is byte-identical from one run to the next', async () => {
    const a = await buildContent({ contentDir: fixture('valid'), drafts: true });
    const b = await buildContent({ contentDir: fixture('valid'), drafts: true });
    expect([...a.files]).toEqual([...b.files]);
  });

  it('dates the build by the `now` option, else by the newest content file', async () => {
    const dir = await mkdtemp(path.join(tmpdir(), 'content-build-'));
    try {
      await cp(fixture('drafts'), dir, { recursive: true });
      await utimes(
        path.join(dir, 'draft.md'),
        new Date('2021-01-01T00:00:00Z'),
        new Date('2021-01-01T00:00:00Z'),
      );
      await utimes(
        path.join(dir, 'unset.md'),
        new Date('2021-03-04T05:06:07Z'),
        new Date('2021-03-04T05:06:07Z'),
      );
      await utimes(
        path.join(dir, 'published.md'),
        new Date('2021-02-01T00:00:00Z'),
        new Date('2021-02-01T00:00:00Z'),
      );
      expect((await buildContent({ contentDir: dir, drafts: false })).manifest.builtAt).toBe(
        '2021-03-04T05:06:07.000Z',
      );
      expect((await buildContent({ contentDir: dir, drafts: false, now: NOW })).manifest.builtAt).toBe(
        NOW.toISOString(),
      );
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });

  it('asks the image step once for the images it publishes, and uses its answers', async () => {
    const calls: string[][] = [];
    const build = await buildContent({
      contentDir: fixture('valid'),
      drafts: false,
      now: NOW,
      resolveImages: async (urls) => {
        calls.push(urls);
        return new Map(urls.slice(0, 1).map((url) => [url, { src: '/images/first.jpg' }]));
      },
    });
    expect(calls).toEqual([
      [
        'https://cf-images.us-east-1.prod.boltdns.net/v1/static/694940094001/image.jpg',
        'https://s2.reutersmedia.net/resources/r/?m=02&d=20200505&t=2&i=1517517715&w=&fh=545px&fw=&ll=&pl=&sq=&r=LYNXMPEG440VF',
        'https://static.politico.com/e4/0e/38b0076049bf913715318e838618/200505-trump-gty-773.jpg',
      ],
    ]);
    const raw = JSON.parse(build.files.get('articles/2020-05-06-raw-format.json') ?? '') as ArticleDetail;
    expect(raw.images[0]).toMatchObject({
      src: '/images/first.jpg',
      original: 'https://cf-images.us-east-1.prod.boltdns.net/v1/static/694940094001/image.jpg',
    });
  });

  it('fails fast on a content folder that does not exist', async () => {
    await expect(buildContent({ contentDir: fixture('missing'), drafts: false })).rejects.toThrow(
      /Content folder not found/,
    );
  });
});
