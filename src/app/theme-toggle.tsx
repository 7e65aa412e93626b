import { useSyncExternalStore } from 'react';
import { focusRing } from '../components/ui/focus-ring';
import { cn } from '../lib/cn';
import { chooseTheme, currentTheme, subscribeToTheme } from './theme';

/** A "Dark mode" toggle button: pressed in dark mode; the choice is remembered. */
export function ThemeToggle() {
  const theme = useSyncExternalStore(subscribeToTheme, currentTheme, () => 'light' as const);
  const dark = theme === 'dark';
  return (
    <button
      type="button"
      aria-pressed={dark}
      onClick={() => chooseTheme(dark ? 'light' : 'dark')}
      title={dark ? 'Switch to light mode' : 'Switch to dark mode'}
      className={cn(
        'inline-flex items-center gap-2 rounded-md px-2 py-1.5 text-sm hover:bg-slate-100 dark:hover:bg-slate-800',
        focusRing,
      )}
    >
      {/*
        Both icons, picked by the `dark` class on <html> rather than by state: the prerendered page
        (index.html) shows the right one before React has read the stored choice.
      */}
      <svg aria-hidden="true" viewBox="0 0 20 20" className="size-5 fill-current">
        <path className="hidden dark:inline" d="M10 3a7 7 0 1 0 7 7 5.5 5.5 0 0 1-7-7Z" />
        <path
          className="dark:hidden"
          d="M10 6a4 4 0 1 0 0 8 4 4 0 0 0 0-8Zm-.75-4h1.5v2.5h-1.5Zm0 13.5h1.5V18h-1.5ZM2 9.25h2.5v1.5H2Zm13.5 0H18v1.5h-2.5ZM4.1 5.16l1.06-1.06 1.77 1.77-1.06 1.06Zm9 9 1.06-1.06 1.77 1.77-1.06 1.06ZM4.1 14.84l1.77-1.77 1.06 1.06-1.77 1.77Zm9-9 1.77-1.77 1.06 1.06-1.77 1.77Z"
        />
      </svg>
      <span className="sr-only sm:not-sr-only">Dark mode</span>
    </button>
  );
}
