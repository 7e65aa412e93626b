import { useEffect, useRef, type RefObject } from 'react';
import { useKeyboardShortcuts } from '../../components/ui/keyboard';
import { replayEarlyKeys } from '../../lib/early-keys';
import type { CardSummary } from '../../types/content';

interface Options {
  listRef: RefObject<HTMLElement | null>;
  items: readonly CardSummary[];
  /** Brings card `index` into the DOM (the list is windowed) and roughly into view. */
  reveal: (index: number) => void;
  hasMore: boolean;
  loadMore: () => void;
  onOpen: (card: CardSummary) => void;
  onOpenOriginal: (card: CardSummary) => void;
  /** Called when a card becomes current by j/k, e.g. to fetch what `v` will need. */
  onCurrent?: (card: CardSummary) => void;
}

/** The first card whose bottom edge is inside the viewport: where `j` starts with no current card. */
function firstInView(list: HTMLElement | null): number {
  for (const card of list?.querySelectorAll('article[aria-posinset]') ?? []) {
    if (card.getBoundingClientRect().bottom > 0) return Number(card.getAttribute('aria-posinset')) - 1;
  }
  return 0;
}

function cardLink(list: HTMLElement | null, index: number): HTMLAnchorElement | null {
  return list?.querySelector<HTMLAnchorElement>(`article[aria-posinset="${index + 1}"] h2 a`) ?? null;
}

/**
 * `j`/`k` move focus to the next/previous card's link, `o` opens the current card, `v` its original.
 * The current card is the last one focused, by these keys, Tab or a click. A card out of the DOM is
 * revealed first and focused once drawn; `j` past the last loaded card loads more and continues.
 */
export function useCardNavigation(options: Options): void {
  const { listRef, items } = options;
  const current = useRef<number | null>(null);
  const pending = useRef<number | null>(null);

  const focusCard = (index: number) => {
    const link = cardLink(listRef.current, index);
    if (link) {
      pending.current = null;
      link.focus();
    } else {
      pending.current = index;
      options.reveal(index);
    }
  };

  // A card asked for before it was drawn (or loaded) takes focus on the render that draws it.
  useEffect(() => {
    if (pending.current !== null && pending.current < items.length) focusCard(pending.current);
  });

  useEffect(() => {
    const list = listRef.current;
    if (!list) return;
    const onFocusIn = (event: FocusEvent) => {
      const position = (event.target as Element).closest('article')?.getAttribute('aria-posinset');
      if (position) current.current = Number(position) - 1;
    };
    list.addEventListener('focusin', onFocusIn);
    return () => list.removeEventListener('focusin', onFocusIn);
  }, [listRef]);

  const move = (step: 1 | -1) => {
    const from = current.current;
    const next = from === null ? firstInView(listRef.current) : Math.max(0, from + step);
    if (next >= items.length) {
      if (!options.hasMore) return;
      pending.current = next;
      options.loadMore();
      return;
    }
    current.current = next;
    const card = items[next];
    if (card) options.onCurrent?.(card);
    focusCard(next);
  };

  const currentCard = () => (current.current === null ? undefined : items[current.current]);

  useKeyboardShortcuts({
    j: (event) => {
      event.preventDefault();
      move(1);
    },
    k: (event) => {
      event.preventDefault();
      move(-1);
    },
    o: () => {
      const card = currentCard();
      if (card) options.onOpen(card);
    },
    v: () => {
      const card = currentCard();
      if (card) options.onOpenOriginal(card);
    },
  });

  // Keys pressed on the prerendered feed before the app took it over count once these shortcuts
  // listen (and the layout's, whose effects run after its children's: see replayEarlyKeys).
  useEffect(replayEarlyKeys, []);
}
