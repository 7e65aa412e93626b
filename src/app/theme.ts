/**
 * Light or dark. The reader follows the system until the toggle is used; the choice is then kept in
 * localStorage. The `dark` class on <html> drives Tailwind's `dark:` variant (see index.css).
 *
 * No flash of the wrong theme without an inline script (the CSP forbids them): `applyTheme()` runs
 * in main.tsx before React renders anything, and until then the page is an empty root whose
 * colours follow the system through `color-scheme` and `light-dark()` (index.css).
 */
export type Theme = 'light' | 'dark';

const storageKey = 'news-reader:theme';
const darkQuery = '(prefers-color-scheme: dark)';

function storedTheme(): Theme | null {
  try {
    const value = localStorage.getItem(storageKey);
    return value === 'light' || value === 'dark' ? value : null;
  } catch {
    return null; // storage blocked: follow the system
  }
}

/** Undefined where the environment has no media queries (tests under jsdom). */
function darkMedia(): MediaQueryList | undefined {
  return typeof window.matchMedia === 'function' ? window.matchMedia(darkQuery) : undefined;
}

function systemTheme(): Theme {
  return darkMedia()?.matches ? 'dark' : 'light';
}

export function currentTheme(): Theme {
  return storedTheme() ?? systemTheme();
}

export function applyTheme(): void {
  const dark = currentTheme() === 'dark';
  document.documentElement.classList.toggle('dark', dark);
  document.documentElement.classList.toggle('light', !dark);
}

const listeners = new Set<() => void>();
const notify = () => {
  applyTheme();
  listeners.forEach((listener) => listener());
};

/** Remembers the choice and applies it at once. */
export function chooseTheme(theme: Theme): void {
  try {
    localStorage.setItem(storageKey, theme);
  } catch {
    // Storage blocked: the choice lasts until the page is closed.
  }
  notify();
}

/** For useSyncExternalStore: system changes (while no choice is stored) and choices made in other tabs. */
export function subscribeToTheme(listener: () => void): () => void {
  listeners.add(listener);
  if (listeners.size === 1) {
    darkMedia()?.addEventListener('change', notify);
    addEventListener('storage', notify);
  }
  return () => {
    listeners.delete(listener);
    if (listeners.size === 0) {
      darkMedia()?.removeEventListener('change', notify);
      removeEventListener('storage', notify);
    }
  };
}
