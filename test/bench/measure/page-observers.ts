/**
 * Browser-side code for the page measurements. Each function here is handed to Playwright
 * (`addInitScript` / `evaluate`), which serialises its source: it must not close over anything.
 */

/** What the observers collect, kept on `window.__bench`. */
export interface BenchStore {
  lcp: { time: number; size: number; element: string }[];
  shifts: { value: number; time: number; hadRecentInput: boolean }[];
  events: { name: string; duration: number; start: number; interactionId: number }[];
}

type BenchWindow = Window & { __bench?: BenchStore };

// LargestContentfulPaint is in lib.dom; LayoutShift and the interactionId of event timing entries
// are newer than it, so they are described here.
interface LayoutShiftEntry extends PerformanceEntry {
  value: number;
  hadRecentInput: boolean;
}
interface EventTimingEntry extends PerformanceEntry {
  interactionId?: number;
}

/** Installed before any page script runs: LCP, layout shifts and event timing (>= 16 ms). */
export function installObservers(): void {
  const store: BenchStore = { lcp: [], shifts: [], events: [] };
  (window as BenchWindow).__bench = store;
  const describe = (element: Element | null) =>
    element ? `${element.tagName.toLowerCase()}${element.id ? '#' + element.id : ''}` : '(removed)';
  new PerformanceObserver((list) => {
    for (const entry of list.getEntries() as LargestContentfulPaint[])
      store.lcp.push({ time: entry.startTime, size: entry.size, element: describe(entry.element) });
  }).observe({ type: 'largest-contentful-paint', buffered: true });
  new PerformanceObserver((list) => {
    for (const entry of list.getEntries() as LayoutShiftEntry[])
      store.shifts.push({ value: entry.value, time: entry.startTime, hadRecentInput: entry.hadRecentInput });
  }).observe({ type: 'layout-shift', buffered: true });
  // durationThreshold is part of the Event Timing spec but missing from TypeScript's lib.dom.
  const eventInit = { type: 'event', buffered: true, durationThreshold: 16 } as PerformanceObserverInit;
  new PerformanceObserver((list) => {
    for (const entry of list.getEntries() as EventTimingEntry[])
      store.events.push({
        name: entry.name,
        duration: entry.duration,
        start: entry.startTime,
        interactionId: entry.interactionId ?? 0,
      });
  }).observe(eventInit);
}

export function readStore(): BenchStore {
  const store = (window as BenchWindow).__bench;
  if (!store) throw new Error('the benchmark observers are not installed');
  return store;
}

/** Elements in the document right now. */
export function countElements(): number {
  return document.getElementsByTagName('*').length;
}

/** Where the feed stands: scroll position, page height, and the furthest card (aria-posinset) drawn. */
export function feedPosition(): { scrollY: number; height: number; cards: number; lastCard: number } {
  const cards = [...document.querySelectorAll('article, [role="article"]')];
  const positions = cards.map((card) => Number(card.getAttribute('aria-posinset') ?? 0));
  return {
    scrollY: window.scrollY,
    height: document.documentElement.scrollHeight,
    cards: cards.length,
    lastCard: Math.max(0, ...positions),
  };
}

/** Scrolls the window by `screens` viewport heights and resolves after two frames. */
export async function scrollScreens(screens: number): Promise<void> {
  window.scrollBy(0, window.innerHeight * screens);
  await new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve)));
}
