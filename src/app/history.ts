import type { AroundNavHandler } from 'wouter';

/**
 * Every history entry the reader makes carries a key and its depth within the app. The key lets
 * scroll positions be saved and restored per entry; the depth tells whether Esc can go back
 * without leaving the reader (depth 0 is the page the reader was opened on).
 */
interface ReaderEntry {
  readerKey: string;
  readerDepth: number;
}

function readerEntry(state: unknown): ReaderEntry | null {
  if (typeof state !== 'object' || state === null) return null;
  const { readerKey, readerDepth } = state as Partial<ReaderEntry>;
  return typeof readerKey === 'string' && typeof readerDepth === 'number' ? { readerKey, readerDepth } : null;
}

const newKey = () => Math.random().toString(36).slice(2, 10);

/** The current entry's key; gives the entry one first if the reader was just opened on it. */
export function currentEntryKey(): string {
  const entry = readerEntry(history.state);
  if (entry) return entry.readerKey;
  const readerKey = newKey();
  history.replaceState({ ...(history.state as object | null), readerKey, readerDepth: 0 }, '');
  return readerKey;
}

/** Wraps every router navigation: a push gets a new key one level deeper, a replace keeps both. */
export const trackNavigation: AroundNavHandler = (navigate, to, options) => {
  const entry = readerEntry(history.state);
  const depth = entry?.readerDepth ?? 0;
  const state: ReaderEntry = options?.replace
    ? { readerKey: entry?.readerKey ?? newKey(), readerDepth: depth }
    : { readerKey: newKey(), readerDepth: depth + 1 };
  navigate(to, { ...options, state: { ...(options?.state as object | undefined), ...state } });
};

/** True when the previous history entry is a reader page, so going back stays in the app. */
export function canGoBackInApp(): boolean {
  return (readerEntry(history.state)?.readerDepth ?? 0) > 0;
}
