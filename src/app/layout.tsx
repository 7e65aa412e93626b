import { useState, type MouseEvent, type ReactNode } from 'react';
import { Link, useLocation, useSearch } from 'wouter';
import { focusRing } from '../components/ui/focus-ring';
import { useKeyboardShortcuts } from '../components/ui/keyboard';
import { routes } from '../config/paths';
import { cn } from '../lib/cn';
import { canGoBackInApp } from './history';
import { ShortcutsDialog } from './shortcuts-dialog';
import { ThemeToggle } from './theme-toggle';
import { useNavigationEffects } from './use-navigation-effects';

const headerButton = cn(
  'inline-flex items-center rounded-md px-2 py-1.5 text-sm hover:bg-slate-100 dark:hover:bg-slate-800',
  focusRing,
);

function skipToMain(event: MouseEvent) {
  // Focus `main` without putting `#main` into the URL and history.
  event.preventDefault();
  document.getElementById('main')?.focus();
}

/** Every page's frame: skip link, header (name, shortcuts, dark mode), and the one `main`. */
export function Layout({ children }: { children: ReactNode }) {
  const [location, navigate] = useLocation();
  const search = useSearch();
  const [helpOpen, setHelpOpen] = useState(false);
  useNavigationEffects(location, search);

  useKeyboardShortcuts({
    '?': (event) => {
      event.preventDefault();
      setHelpOpen(true);
    },
    Escape: () => {
      if (location === routes.feed()) return;
      if (canGoBackInApp()) history.back();
      else navigate(routes.feed());
    },
  });

  return (
    <div className="flex min-h-dvh flex-col">
      <a
        href="#main"
        onClick={skipToMain}
        className={cn(
          'sr-only rounded-md bg-white px-3 py-2 font-medium text-sky-900 focus:not-sr-only focus:absolute focus:top-2 focus:left-2 focus:z-30',
          focusRing,
        )}
      >
        Skip to content
      </a>
      <header className="border-b border-slate-200 bg-white dark:border-slate-800 dark:bg-slate-950">
        <div className="mx-auto flex h-14 max-w-screen-2xl items-center justify-between gap-4 px-4">
          <Link href={routes.feed()} className={cn('rounded-sm text-lg font-bold tracking-tight', focusRing)}>
            News Reader
          </Link>
          <div className="flex items-center gap-1">
            <button type="button" onClick={() => setHelpOpen(true)} className={headerButton}>
              <span aria-hidden="true" className="font-mono">
                ?
              </span>
              <span className="sr-only sm:not-sr-only sm:ml-1.5">Keyboard shortcuts</span>
            </button>
            <ThemeToggle />
          </div>
        </div>
      </header>
      <main id="main" tabIndex={-1} className="flex-1 focus:outline-none">
        {children}
      </main>
      <ShortcutsDialog open={helpOpen} onClose={() => setHelpOpen(false)} />
    </div>
  );
}
