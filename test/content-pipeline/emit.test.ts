import { describe, expect, it } from 'vitest';
import { dataFiles } from '../../src/config/data-files';
import { deriveContent } from '../../src/content-pipeline/derive';
import { emitContent, MAX_MANIFEST_PROVIDERS } from '../../src/content-pipeline/emit';
import { checkContent } from '../../src/content-pipeline/index';
import type { SourceArticle } from '../../src/content-pipeline/source';
import type { FeedShard, FeedSort, Manifest } from '../../src/types/content';
import { fixture, NOW } from './helpers';

const BUILT_AT = '2024-06-01T00:00:00.000Z';
const sources = async () =>
  (await checkContent({ contentDir: fixture('feeds'), drafts: false, now: NOW })).articles;
const emit = (articles: SourceArticle[], shardSize = 2) =>
  emitContent(deriveContent(articles, { drafts: false }), { drafts: false, builtAt: BUILT_AT, shardSize });

/** The ids of one feed, shard by shard, read back through the manifest like the reader does. */
function feedIds(out: ReturnType<typeof emit>, sort: FeedSort, topic: string | null): string[][] {
  const index =
    topic === null
      ? out.manifest.feeds[sort]
      : out.manifest.topics.find((t) => t.slug === topic)?.feeds[sort];
  if (!index) throw new Error(`no feed ${sort}/${topic}`);
  return Array.from({ length: index.shards }, (_, n) => {
    const text = out.files.get(dataFiles.shard(sort, topic, n, index.hash));
    const shard = JSON.parse(text ?? 'null') as FeedShard;
    expect(shard.index).toBe(n);
    return shard.items.map((card) => card.id);
  });
}

describe('emitContent: feeds', () => {
  it('orders every feed: newest by date then id; by score with unscored last, ties newest first', async () => {
    const out = emit(await sources());
    expect(feedIds(out, 'newest', null)).toEqual([['e5', 'e3'], ['e1', 'e2'], ['e4']]);
    expect(feedIds(out, 'quality', null)).toEqual([['e3', 'e1'], ['e4', 'e5'], ['e2']]);
    expect(feedIds(out, 'heat', null)).toEqual([['e4', 'e1'], ['e5', 'e3'], ['e2']]);
    expect(feedIds(out, 'newest', 'x')).toEqual([['e1', 'e2']]);
    expect(feedIds(out, 'newest', 'y')).toEqual([['e3', 'e2']]);
    expect(feedIds(out, 'quality', 'y')).toEqual([['e3', 'e2']]);
  });

  it('writes a small manifest: counts, topics most used first, per-sort feed indexes', async () => {
    const out = emit(await sources());
    const manifest = JSON.parse(out.files.get('manifest.json') ?? '') as Manifest;
    expect(manifest).toEqual(out.manifest);
    expect(manifest).toMatchObject({
      schema: 1,
      builtAt: BUILT_AT,
      drafts: false,
      counts: { articles: 5, drafts: 0, topics: 2, providers: 0 },
      shardSize: 2,
      providers: [],
    });
    expect(manifest.buildId).toMatch(/^[0-9a-f]{12}$/);
    expect(manifest.feeds.newest).toEqual({
      count: 5,
      shards: 3,
      hash: expect.stringMatching(/^[0-9a-f]{10}$/),
    });
    expect(
      manifest.topics.map((t) => [t.slug, t.name, t.count, t.feeds.heat.count, t.feeds.heat.shards]),
    ).toEqual([
      ['x', 'X', 2, 2, 1],
      ['y', 'Y', 2, 2, 1],
    ]);
    expect([...out.files.keys()][0]).toBe('manifest.json');
    expect([...out.files.keys()].filter((name) => name.startsWith('articles/'))).toEqual(
      ['e1', 'e2', 'e3', 'e4', 'e5'].map(dataFiles.article),
    );
  });

  it('is deterministic, and renames exactly the feeds whose content changed', async () => {
    const articles = await sources();
    const first = emit(articles);
    expect([...emit(articles).files]).toEqual([...first.files]);

    // e4 is in no topic: the topic feeds keep their names, the "all" feeds and the build id change.
    const changed = emit(articles.map((a) => (a.id === 'e4' ? { ...a, title: 'e4, edited' } : a)));
    expect(changed.manifest.feeds.newest.hash).not.toBe(first.manifest.feeds.newest.hash);
    expect(changed.manifest.buildId).not.toBe(first.manifest.buildId);
    expect(changed.manifest.topics.map((t) => t.feeds.newest.hash)).toEqual(
      first.manifest.topics.map((t) => t.feeds.newest.hash),
    );
  });

  it('emits only a manifest for no articles', () => {
    const out = emit([]);
    expect([...out.files.keys()]).toEqual(['manifest.json']);
    expect(out.manifest.feeds.newest).toEqual({ count: 0, shards: 0, hash: expect.any(String) });
    expect(out.manifest.topics).toEqual([]);
  });
});

describe('emitContent: providers', () => {
  const article = (n: number, provider: { name: string; domain?: string }): SourceArticle => ({
    id: `a${String(n).padStart(4, '0')}`,
    file: `a${n}.md`,
    title: `Article ${n}`,
    publishedAt: '2020-05-06T00:00:00.000Z',
    publishedTime: Date.parse('2020-05-06T00:00:00.000Z'),
    url: `https://example.com/${n}`,
    links: [`https://example.com/${n}`],
    published: true,
    provider,
    topics: [],
    images: [],
    related: [],
  });

  it('counts providers by name, shows their most common domain, and lists only the largest ones', () => {
    const articles = [
      article(1, { name: 'Reuters', domain: 'reuters.com' }),
      article(2, { name: 'Reuters', domain: 'uk.reuters.com' }),
      article(3, { name: 'Reuters', domain: 'uk.reuters.com' }),
      article(4, { name: 'AP' }),
      ...Array.from({ length: MAX_MANIFEST_PROVIDERS + 5 }, (_, i) =>
        article(100 + i, { name: `P${String(i).padStart(3, '0')}` }),
      ),
    ];
    const { manifest } = emit(articles, 60);
    expect(manifest.counts.providers).toBe(MAX_MANIFEST_PROVIDERS + 7);
    expect(manifest.providers).toHaveLength(MAX_MANIFEST_PROVIDERS);
    expect(manifest.providers.slice(0, 3)).toEqual([
      { name: 'Reuters', domain: 'uk.reuters.com', count: 3 },
      { name: 'AP', domain: undefined, count: 1 },
      { name: 'P000', domain: undefined, count: 1 },
    ]);
  });
});
