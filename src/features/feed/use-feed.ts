import { keepPreviousData, useInfiniteQuery } from '@tanstack/react-query';
import { useMemo } from 'react';
import { feedQueries } from '../../api/feed';
import { mergeFeed, type FeedSource } from '../../api/feed-pages';
import type { FeedSort, Manifest } from '../../types/content';

/**
 * The emitted feeds a selection reads: the all-articles feed when no topic is chosen, else each
 * chosen topic's feed (any-of). A slug the manifest does not know contributes no articles.
 */
export function feedSources(manifest: Manifest, sort: FeedSort, topics: readonly string[]): FeedSource[] {
  if (topics.length === 0) return [{ topic: null, feed: manifest.feeds[sort] }];
  return manifest.topics
    .filter((t) => topics.includes(t.slug))
    .map((t) => ({ topic: t.slug, feed: t.feeds[sort] }));
}

/**
 * The cards of one selection, a shard at a time. While a new selection loads, the previous cards
 * stay on screen (`isPlaceholderData`) rather than flashing skeletons.
 */
export function useFeed(manifest: Manifest, sort: FeedSort, topics: readonly string[]) {
  const sources = useMemo(() => feedSources(manifest, sort, topics), [manifest, sort, topics]);
  const query = useInfiniteQuery({ ...feedQueries.list(sort, sources), placeholderData: keepPreviousData });
  const view = useMemo(() => (query.data ? mergeFeed(query.data.pages) : undefined), [query.data]);
  // The number of articles is known up front for one feed; for a union, once it is fully read.
  const total =
    sources.length === 1 ? sources[0]!.feed.count : view?.complete ? view.items.length : undefined;
  // Which selection the shown cards belong to (the previous one while a new one loads).
  const first = query.data?.pages[0];
  const feedKey = first
    ? `${first.sort}|${first.sources.map((s) => `${s.topic ?? 'all'}.${s.feed.hash}`).join(',')}`
    : '';
  return { query, view, feedKey, total: query.isPlaceholderData ? undefined : total };
}
