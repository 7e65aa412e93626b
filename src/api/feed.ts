import { infiniteQueryOptions, queryOptions } from '@tanstack/react-query';
import { dataUrls } from '../config/paths';
import type { FeedIndex, FeedShard, FeedSort } from '../types/content';
import { firstCursor, nextCursor, type FeedCursor, type FeedPage, type FeedSource } from './feed-pages';
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
  /**
   * The feed the reader scrolls: one emitted feed, or the any-of union of several topic feeds, a
   * shard at a time (see `feed-pages.ts`). Each page loads its shards through `shard` above, so a
   * shard read for one selection is reused by the next. The key holds every source, hashes included.
   */
  list: (sort: FeedSort, sources: readonly FeedSource[]) =>
    infiniteQueryOptions({
      queryKey: [...feedQueries.all(), 'list', sort, sources] as const,
      queryFn: async ({ pageParam, client }): Promise<FeedPage> => ({
        sort,
        sources,
        shards: await Promise.all(
          sources.map((source, i) => {
            const index = pageParam[i] ?? -1;
            // The page query retries as a whole; a retry here as well would multiply the attempts.
            return index < 0
              ? null
              : client.fetchQuery({
                  ...feedQueries.shard(sort, source.topic, source.feed, index),
                  retry: false,
                });
          }),
        ),
      }),
      initialPageParam: firstCursor(sources) as FeedCursor,
      getNextPageParam: (_last, pages) => nextCursor(pages),
      staleTime: Infinity, // every input is in the key, and shards never change under their hash
    }),
};
