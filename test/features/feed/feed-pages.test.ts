import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  firstCursor,
  mergeFeed,
  nextCursor,
  type FeedPage,
  type FeedSource,
} from '../../../src/api/feed-pages';
import { dataFiles } from '../../../src/config/data-files';
import type { FeedShard, FeedSort } from '../../../src/types/content';
import { buildSite, card, cards, ordered, type Site } from './builders';

/** Reads pages the way the infinite query does, until the cursor runs out; returns each merged view. */
function readAll(site: Site, sort: FeedSort, sources: FeedSource[]) {
  const pages: FeedPage[] = [];
  const views = [];
  let cursor = firstCursor(sources) as number[] | undefined;
  while (cursor) {
    if (pages.length > 1000) throw new Error('paging does not end');
    const page: FeedPage = {
      sort,
      sources,
      shards: cursor.map((n, i) => {
        if (n < 0) return null;
        const source = sources[i]!;
        return site.files.get(
          `/data/${dataFiles.shard(sort, source.topic, n, source.feed.hash)}`,
        ) as FeedShard;
      }),
    };
    pages.push(page);
    views.push(mergeFeed(pages));
    cursor = nextCursor(pages);
  }
  return { pages, views };
}

function topicSources(site: Site, sort: FeedSort, slugs: string[]): FeedSource[] {
  return slugs.map((slug) => ({
    topic: slug,
    feed: site.manifest.topics.find((t) => t.slug === slug)!.feeds[sort],
  }));
}

describe('feed paging', () => {
  it('reads one feed shard by shard, in the order the pipeline wrote it', () => {
    const site = buildSite(cards(7), 3);
    const { pages, views } = readAll(site, 'newest', [{ topic: null, feed: site.manifest.feeds.newest }]);
    expect(pages).toHaveLength(3);
    expect(views.map((v) => v.items.length)).toEqual([3, 6, 7]);
    expect(views.map((v) => v.complete)).toEqual([false, false, true]);
    expect(views.at(-1)!.items.map((c) => c.id)).toEqual(['a0', 'a1', 'a2', 'a3', 'a4', 'a5', 'a6']);
  });

  it('shows nothing and asks for nothing for an empty feed', () => {
    const sources = [{ topic: null, feed: { count: 0, shards: 0, hash: 'x' } }];
    expect(firstCursor(sources)).toEqual([-1]);
    const pages = [{ sort: 'newest' as const, sources, shards: [null] }];
    expect(nextCursor(pages)).toBeUndefined();
    expect(mergeFeed(pages)).toEqual({ items: [], complete: true });
  });

  it('merges two topics newest first, keeps an article in both once, and holds back what a later shard could precede', () => {
    const items = [
      card('old-a', { topics: ['a'], publishedAt: '2020-05-01T00:00:00.000Z' }),
      card('both', { topics: ['a', 'b'], publishedAt: '2020-05-05T00:00:00.000Z' }),
      card('new-a', { topics: ['a'], publishedAt: '2020-05-07T00:00:00.000Z' }),
      card('mid-b', { topics: ['b'], publishedAt: '2020-05-03T00:00:00.000Z' }),
      card('new-b', { topics: ['b'], publishedAt: '2020-05-06T00:00:00.000Z' }),
    ];
    const site = buildSite(items, 2);
    const { views } = readAll(site, 'newest', topicSources(site, 'newest', ['a', 'b']));
    // First page: a = [new-a, both], b = [new-b, both]; only what is newer than both frontiers shows.
    expect(views[0]!.items.map((c) => c.id)).toEqual(['new-a', 'new-b']);
    expect(views.at(-1)).toEqual({ complete: true, items: expect.any(Array) });
    expect(views.at(-1)!.items.map((c) => c.id)).toEqual(['new-a', 'new-b', 'both', 'mid-b', 'old-a']);
  });

  it('for any topics, sort and shard size: ends, shows each matching article once in sort order, and only ever appends', () => {
    const article = fc.record({
      topics: fc.subarray(['a', 'b', 'c'], { minLength: 1 }),
      day: fc.integer({ min: 1, max: 4 }),
      quality: fc.option(fc.integer({ min: 0, max: 3 }), { nil: undefined }),
      heat: fc.option(fc.integer({ min: 0, max: 3 }), { nil: undefined }),
    });
    fc.assert(
      fc.property(
        fc.array(article, { minLength: 1, maxLength: 30 }),
        fc.constantFrom<FeedSort>('newest', 'quality', 'heat'),
        fc.integer({ min: 1, max: 4 }),
        fc.subarray(['a', 'b', 'c'], { minLength: 1 }),
        (specs, sort, shardSize, selected) => {
          const items = specs.map((s, i) =>
            card(`x${i}`, {
              topics: s.topics,
              publishedAt: `2020-05-0${s.day}T00:00:00.000Z`,
              quality: s.quality,
              heat: s.heat,
            }),
          );
          const site = buildSite(items, shardSize);
          const present = selected.filter((slug) => site.manifest.topics.some((t) => t.slug === slug));
          fc.pre(present.length > 0);
          const { views } = readAll(site, sort, topicSources(site, sort, present));
          const final = views.at(-1)!;
          expect(final.complete).toBe(true);
          const expected = items.filter((c) => c.topics.some((t) => present.includes(t)));
          // Exactly the order the pipeline gives the same articles in one feed.
          expect(final.items.map((c) => c.id)).toEqual(ordered(sort, expected).map((c) => c.id));
          views.forEach((view, i) => {
            if (i > 0) expect(view.items.slice(0, views[i - 1]!.items.length)).toEqual(views[i - 1]!.items);
          });
        },
      ),
      { numRuns: 300 },
    );
  });
});
