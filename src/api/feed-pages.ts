import type { CardSummary, FeedIndex, FeedShard, FeedSort } from '../types/content';

/**
 * Paging over one or more feeds at once. The feed the reader shows is either one emitted feed (all
 * articles, or one topic) or the any-of union of several topic feeds. Every emitted feed is already
 * sorted by the chosen ordering, so the union is a k-way merge of their shards, loaded a shard at a
 * time, de-duplicated by id. Pure functions: the infinite query in `feed.ts` drives them.
 */

/** One emitted feed taking part in the view: `topic` null is the all-articles feed. */
export interface FeedSource {
  topic: string | null;
  feed: FeedIndex;
}

/** Which shard each source loads in one page: its index, or -1 for none. Aligned with the sources. */
export type FeedCursor = number[];

/**
 * One page of the infinite query: the shards it loaded, aligned with its sources (null: none). A
 * page names its sort and sources, so pages kept on screen while the next selection loads are
 * still read against the feeds they came from.
 */
export interface FeedPage {
  sort: FeedSort;
  sources: readonly FeedSource[];
  shards: (FeedShard | null)[];
}

/** What the reader draws: the cards that are safe to show in order, and whether more will come. */
export interface MergedFeed {
  items: CardSummary[];
  complete: boolean;
}

/**
 * The ordering key of each sort, larger first. It must match the pipeline's primary ordering (see
 * `content-pipeline/emit.ts`: newest by `publishedAt`; quality and heat by score, unknown scores
 * after all known ones). The merge below never lets an item pass a tie it cannot see the end of.
 */
export function sortKey(sort: FeedSort, card: CardSummary): number {
  switch (sort) {
    case 'newest':
      return Date.parse(card.publishedAt) || 0;
    case 'quality':
      return card.quality ?? -Infinity;
    case 'heat':
      return card.heat ?? -Infinity;
  }
}

/** Negative when `a` comes first: the key, then the pipeline's tie-breaks (newer, then id). */
function compareCards(sort: FeedSort, a: CardSummary, b: CardSummary): number {
  const byKey = sortKey(sort, b) - sortKey(sort, a);
  if (byKey) return byKey;
  const byDate = (Date.parse(b.publishedAt) || 0) - (Date.parse(a.publishedAt) || 0);
  if (byDate) return byDate;
  return a.id < b.id ? -1 : a.id > b.id ? 1 : 0;
}

export function firstCursor(sources: readonly FeedSource[]): FeedCursor {
  return sources.map((s) => (s.feed.shards > 0 ? 0 : -1));
}

interface SourceState {
  loadedShards: number;
  items: CardSummary[];
  more: boolean;
}

function sourceStates(sources: readonly FeedSource[], pages: readonly FeedPage[]): SourceState[] {
  return sources.map((source, i) => {
    const items: CardSummary[] = [];
    let loadedShards = 0;
    for (const page of pages) {
      const shard = page.shards[i];
      if (!shard) continue;
      loadedShards++;
      for (const item of shard.items) items.push(item);
    }
    return { loadedShards, items, more: loadedShards < source.feed.shards };
  });
}

/**
 * The key no unloaded item can exceed: the largest key at which a source with more shards stopped.
 * Items strictly above it are final; `Infinity` while a source has loaded nothing yet; null when
 * every source is read to its end.
 */
function frontier(sort: FeedSort, states: readonly SourceState[]): number | null {
  let bound: number | null = null;
  for (const s of states) {
    if (!s.more) continue;
    const last = s.items.at(-1);
    const key = last ? sortKey(sort, last) : Infinity;
    bound = bound === null ? key : Math.max(bound, key);
  }
  return bound;
}

/** The next page's cursor: more of every source that holds the frontier; undefined when all are read. */
export function nextCursor(pages: readonly FeedPage[]): FeedCursor | undefined {
  const { sort, sources } = pages[0] ?? { sort: 'newest', sources: [] };
  const states = sourceStates(sources, pages);
  const bound = frontier(sort, states);
  if (bound === null) return undefined;
  return states.map((s) => {
    if (!s.more) return -1;
    const last = s.items.at(-1);
    return !last || sortKey(sort, last) === bound ? s.loadedShards : -1;
  });
}

/**
 * The cards to show so far. One source: every loaded card in the pipeline's order. Several: a
 * k-way merge of the cards above the frontier (so later shards only ever append), first copy of
 * each id kept; an article in two selected topics has one key, so both copies pass together.
 */
export function mergeFeed(pages: readonly FeedPage[]): MergedFeed {
  const { sort, sources } = pages[0] ?? { sort: 'newest', sources: [] };
  if (sources.length === 0) return { items: [], complete: true };
  const states = sourceStates(sources, pages);
  const bound = frontier(sort, states);
  const complete = bound === null;
  if (states.length === 1) return { items: states[0]!.items, complete };

  const heads = states.map(() => 0);
  const seen = new Set<string>();
  const items: CardSummary[] = [];
  for (;;) {
    let best = -1;
    let bestCard: CardSummary | undefined;
    states.forEach((s, i) => {
      const card = s.items[heads[i]!];
      if (card && (!bestCard || compareCards(sort, card, bestCard) < 0)) {
        best = i;
        bestCard = card;
      }
    });
    if (!bestCard || (bound !== null && sortKey(sort, bestCard) <= bound)) break;
    const card = bestCard;
    heads[best] = heads[best]! + 1;
    if (seen.has(card.id)) continue;
    seen.add(card.id);
    items.push(card);
  }
  return { items, complete };
}
