import { useCallback, useEffect, useMemo, useState, useSyncExternalStore } from 'react';

/**
 * Windowing for a list of rows that scrolls with the page: only the rows near the viewport are in
 * the DOM; the rest are padding of the right height. Rows are laid out in normal flow (so the
 * browser's scroll anchoring keeps the reader's place when a row's measured height differs from
 * its estimate) and measured as they are drawn. A few dozen lines instead of a library, to keep
 * the first view's JavaScript small.
 */
interface Options {
  count: number;
  /** Height assumed for a row not yet measured, and the gap between rows, in px. */
  estimate: number;
  gap: number;
  /** The list's top in document coordinates. */
  top: number;
  /** Rows drawn beyond each edge of the viewport, in px. */
  overscan: number;
  /** Heights measured earlier for this list (kept when it unmounts, so coming back lays out alike). */
  sizes: Map<number, number>;
}

export interface WindowRows {
  start: number;
  end: number;
  /** Padding standing in for the rows before `start` and after `end`. */
  before: number;
  after: number;
  /** Ref callback for each drawn row, which must carry `data-row={index}`. */
  measure: (element: HTMLElement | null) => void | (() => void);
  /** The document offset that shows row `index` a third of the way down the viewport. */
  scrollTopFor: (index: number) => number;
}

function subscribeToViewport(onChange: () => void): () => void {
  addEventListener('scroll', onChange, { passive: true });
  addEventListener('resize', onChange);
  return () => {
    removeEventListener('scroll', onChange);
    removeEventListener('resize', onChange);
  };
}

/** First index in the sorted `offsets` whose value is greater than `value`. */
function upperBound(offsets: Float64Array, value: number): number {
  let low = 0;
  let high = offsets.length;
  while (low < high) {
    const mid = (low + high) >>> 1;
    if (offsets[mid]! > value) high = mid;
    else low = mid + 1;
  }
  return low;
}

export function useWindowRows({ count, estimate, gap, top, overscan, sizes }: Options): WindowRows {
  const [version, setVersion] = useState(0);
  // offsets[i] is where row i starts, relative to the list; offsets[count] is the end plus one gap.
  const offsets = useMemo(() => {
    void version; // measured sizes changed
    const out = new Float64Array(count + 1);
    for (let i = 0; i < count; i++) out[i + 1] = out[i]! + (sizes.get(i) ?? estimate) + gap;
    return out;
  }, [count, estimate, gap, sizes, version]);

  // The drawn range is read from the page's scroll position as an external store: a scroll event
  // re-renders the list only when the range of rows it needs changes.
  const rangeNow = useCallback(() => {
    const from = window.scrollY - top - overscan;
    const to = window.scrollY + window.innerHeight - top + overscan;
    const start = Math.min(count, Math.max(0, upperBound(offsets, from) - 1));
    const end = Math.min(count, Math.max(start, upperBound(offsets, to)));
    return `${start}:${end}`;
  }, [offsets, top, overscan, count]);
  const range = useSyncExternalStore(subscribeToViewport, rangeNow, () => '0:0');

  const record = useCallback(
    (element: HTMLElement, height: number) => {
      const index = Number(element.dataset.row);
      if (Number.isNaN(index) || sizes.get(index) === height) return;
      sizes.set(index, height);
      setVersion((v) => v + 1);
    },
    [sizes],
  );
  const observer = useMemo(
    () =>
      typeof ResizeObserver === 'undefined'
        ? null
        : new ResizeObserver((entries) => {
            for (const entry of entries)
              record(entry.target as HTMLElement, (entry.target as HTMLElement).offsetHeight);
          }),
    [record],
  );
  useEffect(() => () => observer?.disconnect(), [observer]);

  const measure = useCallback(
    (element: HTMLElement | null) => {
      if (!element) return;
      record(element, element.offsetHeight);
      observer?.observe(element);
      return () => observer?.unobserve(element);
    },
    [record, observer],
  );

  const [start = 0, end = 0] = range.split(':').map(Number);
  return {
    start,
    end,
    before: offsets[start]!,
    after: offsets[count]! - offsets[end]!,
    measure,
    scrollTopFor: (index) => Math.max(0, top + offsets[Math.min(index, count)]! - window.innerHeight / 3),
  };
}
