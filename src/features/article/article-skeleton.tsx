import { LoadingState } from '../../components/ui/states';
import { cn } from '../../lib/cn';

function Bar({ className }: { className: string }) {
  return <div className={cn('animate-pulse rounded bg-slate-200 dark:bg-slate-800', className)} />;
}

/** Placeholder shaped like the article page: title, byline, lead image, text, and the rail. */
export function ArticleSkeleton() {
  return (
    <LoadingState label="Loading the article…">
      <div
        aria-hidden="true"
        className="mx-auto grid max-w-6xl gap-10 px-4 py-6 lg:grid-cols-[minmax(0,1fr)_20rem]"
      >
        <div className="space-y-6">
          <Bar className="h-4 w-32" />
          <div className="space-y-3">
            <Bar className="h-9 w-11/12" />
            <Bar className="h-9 w-2/3" />
            <Bar className="h-4 w-64" />
          </div>
          <Bar className="aspect-video w-full rounded-lg" />
          <div className="space-y-2">
            <Bar className="h-4 w-full" />
            <Bar className="h-4 w-full" />
            <Bar className="h-4 w-3/4" />
          </div>
          <Bar className="h-10 w-48 rounded-md" />
        </div>
        <div className="space-y-5">
          <Bar className="h-6 w-40" />
          {[0, 1, 2].map((row) => (
            <div key={row} className="flex gap-3">
              <Bar className="aspect-video w-24 shrink-0 rounded-md" />
              <div className="flex-1 space-y-2">
                <Bar className="h-4 w-full" />
                <Bar className="h-3 w-2/3" />
              </div>
            </div>
          ))}
        </div>
      </div>
    </LoadingState>
  );
}
