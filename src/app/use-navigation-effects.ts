import { useEffect, useLayoutEffect, useRef } from 'react';
import { currentEntryKey } from './history';

/**
 * What a multi-page site does for free, done for the single-page reader:
 * - scroll: a new page starts at the top; back/forward return to where that entry was left;
 * - focus: after a page change, focus goes to the new page's h1 (else `main`), so keyboard and
 *   screen-reader users start on the new content, unless the page already placed focus itself.
 * A change of query string only (chips, sort) moves neither.
 */
export function useNavigationEffects(pathname: string, search: string): void {
  const positions = useRef(new Map<string, number>());
  const entryKey = useRef('');
  const restoreTo = useRef<number | null>(null);
  const first = useRef(true);
  const lastPath = useRef(pathname);

  useEffect(() => {
    if ('scrollRestoration' in history) history.scrollRestoration = 'manual';
    entryKey.current = currentEntryKey();
    const onScroll = () => positions.current.set(entryKey.current, window.scrollY);
    const onPop = () => {
      entryKey.current = currentEntryKey();
      // Read now: the page being left may clamp the scroll position before the next one draws.
      restoreTo.current = positions.current.get(entryKey.current) ?? 0;
    };
    const onPush = () => {
      entryKey.current = currentEntryKey();
      restoreTo.current = null;
    };
    addEventListener('scroll', onScroll, { passive: true });
    addEventListener('popstate', onPop);
    addEventListener('pushState', onPush);
    return () => {
      removeEventListener('scroll', onScroll);
      removeEventListener('popstate', onPop);
      removeEventListener('pushState', onPush);
    };
  }, []);

  useLayoutEffect(() => {
    if (first.current) return;
    const pathChanged = lastPath.current !== pathname;
    if (restoreTo.current !== null) window.scrollTo(0, restoreTo.current);
    else if (pathChanged) window.scrollTo(0, 0);
    restoreTo.current = null;
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
