import { LoadingState } from '../../components/ui/states';

const bar = 'animate-pulse rounded bg-slate-200 dark:bg-slate-800';

/** Placeholder shaped like the article page: title, byline, lead image, text, and the rail. */
export function ArticleSkeleton() {
  return (
    <LoadingState label="Loading the article…">
      <div aria-hidden="true" className="mx-auto grid max-w-6xl gap-10 px-4 py-6 lg:grid-cols-[minmax(0,1fr)_20rem]">
        <div className="space-y-6">
          <div className={`${bar} h-4 w-32`} />
          <div className="space-y-3">
            <div className={`${bar} h-9 w-11/12`} />
            <div className={`${bar} h-9 w-2/3`} />
            <div className={`${bar} h-4 w-64`} />
          </div>
          <div className={`${bar} aspect-video w-full rounded-lg`} />
          <div className="space-y-2">
            <div className={`${bar} h-4 w-full`} />
            <div className={`${bar} h-4 w-full`} />
            <div className={`${bar} h-4 w-3/4`} />
          </div>
          <div className={`${bar} h-10 w-48 rounded-md`} />
        </div>
        <div className="space-y-5">
          <div className={`${bar} h-6 w-40`} />
          {[0, 1, 2].map((row) => (
            <div key={row} className="flex gap-3">
              <div className={`${bar} aspect-video w-24 shrink-0 rounded-md`} />
              <div className="flex-1 space-y-2">
                <div className={`${bar} h-4 w-full`} />
                <div className={`${bar} h-3 w-2/3`} />
              </div>
            </div>
          ))}
        </div>
      </div>
    </LoadingState>
  );
}
