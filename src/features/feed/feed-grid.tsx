import { useEffect, useRef, useState } from 'react';
import { cn } from '../../lib/cn';
import type { CardSummary } from '../../types/content';
import { ArticleCard } from './article-card';
import { cardGridClasses, columnClasses, useGridLayout } from './grid-columns';
import { useCardNavigation } from './use-card-navigation';
import { useWindowRows } from './use-window-rows';

export interface FeedGridProps {
  /** Names the selection the cards belong to; measured row heights are kept per selection. */
  feedKey: string;
  items: CardSummary[];
  /** Articles in the whole feed, or -1 while unknown. */
  setSize: number;
  busy: boolean;
  topicNames: ReadonlyMap<string, string>;
  hasMore: boolean;
  /** False while a page loads or after one failed (the results show a retry button then). */
  canLoadMore: boolean;
  loadMore: () => void;
  onOpen: (card: CardSummary) => void;
  onOpenOriginal: (card: CardSummary) => void;
  onCurrent: (card: CardSummary) => void;
}

const rowEstimate = 440;
const rowGap = 24;
/** Start loading the next shard this many rows before the end. */
const loadAhead = 3;
/**
 * Cards drawn before the list is measured (the prerendered first view and its hydration): two rows
 * of the widest grid, more than a first screen at any width. The widest grid's first row is eager.
 */
const unmeasuredCards = 8;
const unmeasuredEager = 4;

// Row heights measured on screen, kept when the feed unmounts so that coming back to it (Esc, the
// back button) lays rows out at their real heights and the saved scroll position lands on the same
// cards. A few selections are enough.
const measuredRows = new Map<string, Map<number, number>>();
function rowSizes(key: string): Map<number, number> {
  const sizes = measuredRows.get(key) ?? new Map<number, number>();
  measuredRows.delete(key);
  measuredRows.set(key, sizes);
  if (measuredRows.size > 8) measuredRows.delete(measuredRows.keys().next().value ?? '');
  return sizes;
}

/**
 * The cards as a `role="feed"` grid, windowed by rows against the page scroll, so the DOM holds a
 * few screens of cards however far the feed is read.
 */
export function FeedGrid(props: FeedGridProps) {
  const { feedKey, items, hasMore, canLoadMore, loadMore } = props;
  const listRef = useRef<HTMLDivElement>(null);
  const { columns, top, measured } = useGridLayout(listRef);
  const rowCount = Math.ceil(items.length / columns);
  const [sizes, setSizes] = useState(() => rowSizes(`${feedKey}:${columns}`));
  const [sizesFor, setSizesFor] = useState(columns);
  if (sizesFor !== columns) {
    // Another column count regroups the cards into other rows: their heights start over.
    setSizesFor(columns);
    setSizes(rowSizes(`${feedKey}:${columns}`));
  }
  const { start, end, before, after, measure, scrollTopFor } = useWindowRows({
    count: rowCount,
    estimate: rowEstimate,
    gap: rowGap,
    top,
    overscan: 800,
    sizes,
  });

  useEffect(() => {
    if (measured && hasMore && canLoadMore && end >= rowCount - loadAhead) loadMore();
  }, [measured, hasMore, canLoadMore, end, rowCount, loadMore]);

  useCardNavigation({
    listRef,
    items,
    reveal: (index) => window.scrollTo({ top: scrollTopFor(Math.floor(index / columns)) }),
    hasMore,
    loadMore,
    onOpen: props.onOpen,
    onOpenOriginal: props.onOpenOriginal,
    onCurrent: props.onCurrent,
  });

  const card = (item: CardSummary, index: number, eager: boolean) => (
    <ArticleCard
      key={item.id}
      card={item}
      position={index + 1}
      setSize={props.setSize}
      eager={eager}
      topicNames={props.topicNames}
    />
  );
  const drawn = [];
  if (!measured) {
    // Not measured yet: one grid whose columns follow the list's width through container queries
    // (the same breakpoints as `columnsFor`), so this markup is laid out right before any script
    // runs. The layout effect then measures and regroups the cards into rows before the next paint;
    // the first card stays the same element.
    drawn.push(
      <div key={0} className={cardGridClasses}>
        {items.slice(0, unmeasuredCards).map((item, i) => card(item, i, i < unmeasuredEager))}
      </div>,
    );
  } else {
    for (let row = start; row < end; row++) {
      drawn.push(
        <div key={row} data-row={row} ref={measure} className={cn('grid gap-6', columnClasses[columns])}>
          {items
            .slice(row * columns, (row + 1) * columns)
            .map((item, i) => card(item, row * columns + i, row === 0))}
        </div>,
      );
    }
  }

  return (
    <div
      ref={listRef}
      role="feed"
      aria-label="Articles"
      aria-busy={props.busy}
      className="@container flex flex-col gap-6"
      // No style attribute before measuring: the prerendered copy of this markup is under a CSP
      // that drops inline styles (React sets them through the DOM afterwards, which CSP allows).
      style={measured ? { paddingTop: before, paddingBottom: after } : undefined}
    >
      {drawn}
    </div>
  );
}
