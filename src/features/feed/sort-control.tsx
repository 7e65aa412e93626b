import { cn } from '../../lib/cn';
import type { FeedSort } from '../../types/content';
import { feedSorts } from './feed-params';

/** Newest, quality or trending, as a radio group styled as a segmented control. */
export function SortControl({ sort, onChange }: { sort: FeedSort; onChange: (sort: FeedSort) => void }) {
  return (
    <fieldset className="flex items-center gap-2 text-sm">
      <legend className="sr-only">Sort by</legend>
      <span aria-hidden="true" className="text-slate-600 dark:text-slate-400">
        Sort
      </span>
      <div className="inline-flex rounded-lg border border-slate-300 p-0.5 dark:border-slate-700">
        {feedSorts.map((option) => (
          <label key={option.sort} className="cursor-pointer">
            <input
              type="radio"
              name="feed-sort"
              value={option.sort}
              checked={sort === option.sort}
              onChange={() => onChange(option.sort)}
              className="peer sr-only"
            />
            <span
              className={cn(
                'block rounded-md px-3 py-1 text-slate-700 hover:bg-slate-100 dark:text-slate-300 dark:hover:bg-slate-800',
                'peer-checked:bg-slate-900 peer-checked:font-semibold peer-checked:text-white dark:peer-checked:bg-slate-100 dark:peer-checked:text-slate-900',
                'peer-focus-visible:outline-2 peer-focus-visible:outline-offset-2 peer-focus-visible:outline-sky-600 dark:peer-focus-visible:outline-sky-400',
              )}
            >
              {option.label}
            </span>
          </label>
        ))}
      </div>
    </fieldset>
  );
}
