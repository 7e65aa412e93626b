import { useKeyboardShortcuts } from '../../components/ui/keyboard';
import { httpUrl } from '../../lib/safe-url';

/** Opens a link in a new tab the way the page's links do: no opener, no referrer. */
export function openInNewTab(url: string | undefined): boolean {
  const safe = httpUrl(url);
  if (safe) window.open(safe, '_blank', 'noopener,noreferrer');
  return safe !== undefined;
}

/**
 * `v` opens the article's original in a new tab. Page-scoped like the feed's j/k/o/v, through the
 * shared shortcut hook, so it stays quiet while typing in a field or inside a dialog.
 */
export function useOpenOriginalKey(url: string | undefined): void {
  useKeyboardShortcuts({
    v: (event) => {
      if (openInNewTab(url)) event.preventDefault();
    },
  });
}
