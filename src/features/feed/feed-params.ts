import type { FeedSort } from '../../types/content';

/**
 * The feed's state lives in the URL so it can be shared, survives a reload, and back/forward step
 * through it: `?topics=slug1,slug2&sort=quality`. `newest` and no topics are the defaults and are
 * left out. Slugs are kept sorted, so one selection has one URL (and one cache entry).
 */
export interface FeedParams {
  topics: string[];
  sort: FeedSort;
}

export const feedSorts: readonly { sort: FeedSort; label: string; heading: string }[] = [
  { sort: 'newest', label: 'Newest', heading: 'Latest news' },
  { sort: 'quality', label: 'Quality', heading: 'Best-rated news' },
  { sort: 'heat', label: 'Trending', heading: 'Trending news' },
];

export function readFeedParams(search: string): FeedParams {
  const params = new URLSearchParams(search);
  const topics = [...new Set((params.get('topics') ?? '').split(',').map((t) => t.trim()))]
    .filter(Boolean)
    .sort();
  const wanted = params.get('sort');
  const sort = feedSorts.find((s) => s.sort === wanted)?.sort ?? 'newest';
  return { topics, sort };
}

/** `?topics=a,b&sort=heat`, or `''` for the defaults. Commas stay readable; slugs are encoded. */
export function feedSearch({ topics, sort }: FeedParams): string {
  const parts: string[] = [];
  if (topics.length > 0) parts.push(`topics=${[...topics].sort().map(encodeURIComponent).join(',')}`);
  if (sort !== 'newest') parts.push(`sort=${sort}`);
  return parts.length > 0 ? `?${parts.join('&')}` : '';
}

export function toggleTopic(topics: readonly string[], slug: string): string[] {
  return topics.includes(slug) ? topics.filter((t) => t !== slug) : [...topics, slug].sort();
}
