import { startTransition, useLayoutEffect, useRef, useState, type RefObject } from 'react';
import { useHydrating } from '../../lib/use-hydrating';

/**
 * Columns for a feed of the given width: one on a phone, up to four on a wide screen. The skeleton
 * uses the same widths as container queries (`cardGridClasses`), so loading never reflows the page.
 */
export function columnsFor(width: number): 1 | 2 | 3 | 4 {
  if (width >= 1200) return 4;
  if (width >= 880) return 3;
  if (width >= 560) return 2;
  return 1;
}

export const columnClasses = {
  1: 'grid-cols-1',
  2: 'grid-cols-2',
  3: 'grid-cols-3',
  4: 'grid-cols-4',
} as const satisfies Record<ReturnType<typeof columnsFor>, string>;

/** The same breakpoints as `columnsFor`, for a grid inside an `@container`. */
export const cardGridClasses =
  'grid grid-cols-1 gap-6 @min-[560px]:grid-cols-2 @min-[880px]:grid-cols-3 @min-[1200px]:grid-cols-4';

export interface GridLayout {
  columns: ReturnType<typeof columnsFor>;
  /** The list's distance from the top of the document, for the window virtualizer's scroll margin. */
  top: number;
  /**
   * False until the list has been measured in this page: on the server (the prerendered first view)
   * and in the render that hydrates it, where the column count can only come from CSS.
   */
  measured: boolean;
}

// The last measured layout: a list drawn again (back from an article) starts from it, so its first
// render already has the right rows and a restored scroll position lands where it was.
const unmeasured: GridLayout = { columns: 1, top: 0, measured: false };
let lastLayout = unmeasured;

/** Measures the list before paint and again whenever it or the page around it changes size. */
export function useGridLayout(ref: RefObject<HTMLElement | null>): GridLayout {
  // The prerendered markup, and the render that hydrates it, know nothing of this page's layout.
  const hydrating = useHydrating();
  const [layout, setLayout] = useState<GridLayout>(() => (hydrating ? unmeasured : lastLayout));
  const measured = useRef(layout.measured);
  useLayoutEffect(() => {
    const element = ref.current;
    if (!element) return;
    const measure = () => {
      const columns = columnsFor(element.clientWidth);
      const top = Math.round(element.getBoundingClientRect().top + window.scrollY);
      const update = (prev: GridLayout) =>
        prev.measured && prev.columns === columns && prev.top === top
          ? prev
          : (lastLayout = { columns, top, measured: true });
      // The unmeasured grid already shows the right columns (container queries): regrouping it
      // into measured rows changes nothing on screen, so it may wait and yield to the browser.
      if (measured.current) setLayout(update);
      else startTransition(() => setLayout(update));
      measured.current = true;
    };
    measure();
    if (typeof ResizeObserver === 'undefined') return;
    const observer = new ResizeObserver(measure);
    observer.observe(element);
    observer.observe(document.body);
    return () => observer.disconnect();
  }, [ref]);
  return layout;
}
