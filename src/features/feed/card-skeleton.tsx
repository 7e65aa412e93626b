import { LoadingState } from '../../components/ui/states';
import { cardGridClasses } from './grid-columns';

/** A grey card the shape of a real one: picture, source line, two title lines, excerpt, badge. */
function CardSkeleton() {
  return (
    <div className="flex flex-col overflow-hidden rounded-xl border border-slate-200 dark:border-slate-800">
      <div className="aspect-video animate-pulse bg-slate-200 dark:bg-slate-800" />
      <div className="space-y-3 p-4">
        <div className="h-3 w-1/2 rounded bg-slate-200 dark:bg-slate-800" />
        <div className="h-4 w-full rounded bg-slate-200 dark:bg-slate-800" />
        <div className="h-4 w-4/5 rounded bg-slate-200 dark:bg-slate-800" />
        <div className="h-3 w-full rounded bg-slate-100 dark:bg-slate-800/60" />
        <div className="h-3 w-2/3 rounded bg-slate-100 dark:bg-slate-800/60" />
        <div className="h-5 w-24 rounded-full bg-slate-200 dark:bg-slate-800" />
      </div>
    </div>
  );
}

/** Loading state of the feed: a first screen of card-shaped placeholders. */
export function FeedSkeleton({ cards = 8 }: { cards?: number }) {
  return (
    <LoadingState label="Loading articles…">
      <div aria-hidden="true" className="@container">
        <div className={cardGridClasses}>
          {Array.from({ length: cards }, (_, i) => (
            <CardSkeleton key={i} />
          ))}
        </div>
      </div>
    </LoadingState>
  );
}
