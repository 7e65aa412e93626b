import { useEffect, useLayoutEffect, useRef } from 'react';
import { currentEntryKey } from './history';

/**
 * What a multi-page site does for free, done for the single-page reader:
 * - scroll: a new page starts at the top; an entry seen before (back/forward) returns to where it
 *   was left. Entries are told apart by the key `history.ts` gives each one, so no listener order
 *   matters: an entry with a saved position is one we come back to;
 * - focus: after a page change, focus goes to the new page's h1 (else `main`), so keyboard and
 *   screen-reader users start on the new content, unless the page already placed focus itself.
 * A change of query string only (chips, sort) moves neither.
 */
export function useNavigationEffects(pathname: string, search: string): void {
  const positions = useRef(new Map<string, number>());
  const entryKey = useRef('');
  const first = useRef(true);
  const lastPath = useRef(pathname);

  useEffect(() => {
    if ('scrollRestoration' in history) history.scrollRestoration = 'manual';
    const onScroll = () => positions.current.set(entryKey.current, window.scrollY);
    addEventListener('scroll', onScroll, { passive: true });
    return () => removeEventListener('scroll', onScroll);
  }, []);

  // Before paint, so the page is drawn once, at its place.
  useLayoutEffect(() => {
    const key = currentEntryKey();
    const saved = positions.current.get(key);
    entryKey.current = key;
    if (first.current) return;
    if (saved !== undefined) window.scrollTo(0, saved);
    else if (lastPath.current !== pathname) window.scrollTo(0, 0);
  }, [pathname, search]);

  useEffect(() => {
    const isFirst = first.current;
    first.current = false;
    const pathChanged = lastPath.current !== pathname;
    lastPath.current = pathname;
    if (isFirst || !pathChanged) return;
    const main = document.getElementById('main');
    if (!main || main.contains(document.activeElement)) return;
    (main.querySelector<HTMLElement>('h1[tabindex]') ?? main).focus({ preventScroll: true });
  }, [pathname]);
}
