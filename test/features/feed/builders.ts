import type {
  ArticleDetail,
  CardSummary,
  FeedIndex,
  FeedShard,
  FeedSort,
  Manifest,
  ManifestTopic,
} from '../../../src/types/content';
import { dataFiles } from '../../../src/config/data-files';

/** Test data in the JSON contract's shapes, and a site (URL path → body) that serves it like a build. */

const sorts: FeedSort[] = ['newest', 'quality', 'heat'];

export function card(id: string, overrides: Partial<CardSummary> = {}): CardSummary {
  return {
    id,
    title: `Story ${id}`,
    excerpt: `What happened in story ${id}.`,
    publishedAt: '2020-05-06T12:00:00.000Z',
    provider: { name: 'Reuters', domain: 'reuters.com' },
    topics: [],
    quality: 50,
    tier: 'medium',
    draft: false,
    ...overrides,
  };
}

/** `count` cards, one hour apart (newest first), with quality falling and heat rising. */
export function cards(count: number, prefix = 'a', overrides: Partial<CardSummary> = {}): CardSummary[] {
  return Array.from({ length: count }, (_, i) =>
    card(`${prefix}${i}`, {
      publishedAt: new Date(Date.UTC(2020, 4, 8, 23) - i * 3_600_000).toISOString(),
      quality: 200 - i,
      heat: i,
      ...overrides,
    }),
  );
}

/** The pipeline's order (content-pipeline/emit.ts): score high to low with no score last, then newest, then id. */
export function ordered(sort: FeedSort, items: readonly CardSummary[]): CardSummary[] {
  const score = (c: CardSummary) => (sort === 'quality' ? c.quality : c.heat);
  const time = (c: CardSummary) => Date.parse(c.publishedAt);
  return [...items].sort((a, b) => {
    if (sort !== 'newest') {
      const sa = score(a);
      const sb = score(b);
      if (sa !== sb) return sa === undefined ? 1 : sb === undefined ? -1 : sb - sa;
    }
    return time(b) - time(a) || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);
  });
}

function chunk<T>(items: T[], size: number): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < items.length; i += size) out.push(items.slice(i, i + size));
  return out;
}

/** The detail file of a card: its original link is `https://example.com/<id>` unless given. */
export function detailOf(item: CardSummary, url = `https://example.com/${item.id}`): ArticleDetail {
  return {
    ...item,
    topics: item.topics.map((slug) => ({ slug, name: slug[0]!.toUpperCase() + slug.slice(1) })),
    url,
    images: item.image ? [item.image] : [],
    related: [],
  };
}

export interface Site {
  manifest: Manifest;
  /** Every emitted file by URL path (as `dataUrls` builds it under base `/`). */
  files: Map<string, unknown>;
}

/**
 * A build of `items`: the all feed and one feed per topic in every sort, cut into shards of
 * `shardSize`, with names from the reader's own `dataFiles`. Topic names are the slugs capitalised.
 */
export function buildSite(items: CardSummary[], shardSize = 3): Site {
  const files = new Map<string, unknown>();
  const emit = (topic: string | null, members: CardSummary[]) => {
    const feeds = {} as Record<FeedSort, FeedIndex>;
    for (const sort of sorts) {
      const shards = chunk(ordered(sort, members), shardSize);
      const index: FeedIndex = {
        count: members.length,
        shards: shards.length,
        hash: `h${topic ?? 'all'}${sort}`,
      };
      shards.forEach((shardItems, n) => {
        const shard: FeedShard = { index: n, items: shardItems };
        files.set(`/data/${dataFiles.shard(sort, topic, n, index.hash)}`, shard);
      });
      feeds[sort] = index;
    }
    return feeds;
  };
  const slugs = [...new Set(items.flatMap((c) => c.topics))];
  const topics: ManifestTopic[] = slugs
    .map((slug) => {
      const members = items.filter((c) => c.topics.includes(slug));
      return {
        slug,
        name: slug[0]!.toUpperCase() + slug.slice(1),
        count: members.length,
        feeds: emit(slug, members),
      };
    })
    .sort((a, b) => b.count - a.count || a.slug.localeCompare(b.slug));
  const manifest: Manifest = {
    schema: 1,
    buildId: 'build-1',
    builtAt: '2020-05-09T00:00:00.000Z',
    drafts: false,
    counts: { articles: items.length, drafts: 0, topics: topics.length, providers: 1 },
    shardSize,
    feeds: emit(null, items),
    topics,
    providers: [{ name: 'Reuters', domain: 'reuters.com', count: items.length }],
  };
  files.set(`/data/${dataFiles.manifest()}`, manifest);
  for (const item of items) files.set(`/data/${dataFiles.article(item.id)}`, detailOf(item));
  return { manifest, files };
}

/** The URL path of shard `n` of the all feed newest first, as the reader asks for it. */
export function newestShard(site: Site, n: number): string {
  return `/data/${dataFiles.shard('newest', null, n, site.manifest.feeds.newest.hash)}`;
}
