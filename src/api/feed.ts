import { queryOptions } from '@tanstack/react-query';
import { dataUrls } from '../config/paths';
import type { FeedIndex, FeedShard, FeedSort } from '../types/content';
import { fetchJson } from './fetch-json';

export const feedQueries = {
  all: () => ['feed'] as const,
  /** One shard of one feed. The key holds the feed hash, so a rebuilt feed never reuses stale pages. */
  shard: (sort: FeedSort, topic: string | null, feed: FeedIndex, index: number) =>
    queryOptions({
      queryKey: [...feedQueries.all(), sort, topic ?? 'all', feed.hash, index] as const,
      queryFn: ({ signal }) => fetchJson<FeedShard>(dataUrls.shard(sort, topic, index, feed.hash), signal),
      staleTime: Infinity, // shard files are content-addressed: a given URL never changes
    }),
};
