import { useWindowVirtualizer, type VirtualItem } from '@tanstack/react-virtual';
import { useEffect, useRef } from 'react';
import { cn } from '../../lib/cn';
import type { CardSummary } from '../../types/content';
import { ArticleCard } from './article-card';
import { columnClasses, useGridLayout } from './grid-columns';
import { useCardNavigation } from './use-card-navigation';

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

// Row heights measured on screen, kept when the feed unmounts so that coming back to it (Esc, the
// back button) lays rows out at their real heights and the saved scroll position lands on the same
// cards. A few selections are enough.
const measuredRows = new Map<string, VirtualItem[]>();
function rememberRows(key: string, rows: VirtualItem[]) {
  measuredRows.delete(key);
  measuredRows.set(key, rows);
  if (measuredRows.size > 8) measuredRows.delete(measuredRows.keys().next().value ?? '');
}

/**
 * The cards as a `role="feed"` grid, windowed by rows against the page scroll, so the DOM holds a
 * few screens of cards however far the feed is read. Rows are measured as they are drawn.
 */
export function FeedGrid(props: FeedGridProps) {
  const { feedKey, items, hasMore, canLoadMore, loadMore } = props;
  const listRef = useRef<HTMLDivElement>(null);
  const { columns, top } = useGridLayout(listRef);
  const rowCount = Math.ceil(items.length / columns);
  const measureKey = `${feedKey}:${columns}`;
  const virtualizer = useWindowVirtualizer({
    count: rowCount,
    estimateSize: () => rowEstimate,
    gap: rowGap,
    overscan: 2,
    scrollMargin: top,
    getItemKey: (index) => `${columns}:${index}`,
    initialMeasurementsCache: measuredRows.get(measureKey),
  });
  const rows = virtualizer.getVirtualItems();
  const lastRow = rows.at(-1)?.index ?? -1;

  useEffect(() => () => rememberRows(measureKey, virtualizer.measurementsCache), [measureKey, virtualizer]);

  useEffect(() => {
    if (hasMore && canLoadMore && lastRow >= rowCount - loadAhead) loadMore();
  }, [hasMore, canLoadMore, lastRow, rowCount, loadMore]);

  useCardNavigation({
    listRef,
    items,
    reveal: (index) => virtualizer.scrollToIndex(Math.floor(index / columns), { align: 'center' }),
    firstInView: () => {
      const row = virtualizer.getVirtualItems().find((r) => r.end >= window.scrollY);
      return row ? row.index * columns : 0;
    },
    hasMore,
    loadMore,
    onOpen: props.onOpen,
    onOpenOriginal: props.onOpenOriginal,
    onCurrent: props.onCurrent,
  });

  return (
    <div
      ref={listRef}
      role="feed"
      aria-label="Articles"
      aria-busy={props.busy}
      className="relative"
      style={{ height: virtualizer.getTotalSize() }}
    >
      {rows.map((row) => (
        <div
          key={row.key}
          data-index={row.index}
          ref={virtualizer.measureElement}
          className={cn('absolute top-0 left-0 grid w-full gap-6', columnClasses[columns])}
          style={{ transform: `translateY(${row.start - top}px)` }}
        >
          {items.slice(row.index * columns, (row.index + 1) * columns).map((card, i) => {
            const index = row.index * columns + i;
            return (
              <ArticleCard
                key={card.id}
                card={card}
                position={index + 1}
                setSize={props.setSize}
                eager={row.index === 0}
                topicNames={props.topicNames}
              />
            );
          })}
        </div>
      ))}
    </div>
  );
}
