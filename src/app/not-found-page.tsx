import { Link } from 'wouter';
import { focusRing } from '../components/ui/focus-ring';
import { useDocumentTitle } from '../components/ui/use-document-title';
import { routes } from '../config/paths';
import { cn } from '../lib/cn';

/** Any path the reader has no page for. */
export function NotFoundPage() {
  useDocumentTitle('Page not found · News Reader');
  return (
    <div className="mx-auto max-w-2xl space-y-4 px-4 py-12">
      <h1 tabIndex={-1} className={cn('rounded-sm text-3xl font-bold', focusRing)}>
        Page not found
      </h1>
      <p>There is no page at this address. It may have moved, or the link may be mistyped.</p>
      <Link
        href={routes.feed()}
        className={cn('rounded-sm text-sky-800 underline dark:text-sky-300', focusRing)}
      >
        Go to the latest news
      </Link>
    </div>
  );
}
