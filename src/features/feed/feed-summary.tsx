import { focusRing } from '../../components/ui/focus-ring';
import { cn } from '../../lib/cn';

const countFormat = new Intl.NumberFormat('en');

export function ClearTopicsButton({ onClear }: { onClear: () => void }) {
  return (
    <button
      type="button"
      onClick={onClear}
      className={cn(
        'rounded-md px-2 py-1 text-sm font-medium text-sky-800 underline hover:bg-sky-50 dark:text-sky-300 dark:hover:bg-slate-800',
        focusRing,
      )}
    >
      Clear topics
    </button>
  );
}

interface Props {
  /** Articles in the selection; unknown for several topics until all their shards are read. */
  total: number | undefined;
  topics: readonly string[];
  topicNames: ReadonlyMap<string, string>;
  onClear: () => void;
}

/** "1,234 articles in Coronavirus or Lockdown", announced politely when the selection changes. */
export function FeedSummary({ total, topics, topicNames, onClear }: Props) {
  const names = topics.map((slug) => topicNames.get(slug) ?? slug);
  // No running count while a union loads: a live region that changes on every shard is noise.
  const count =
    total === undefined ? 'Articles' : `${countFormat.format(total)} ${total === 1 ? 'article' : 'articles'}`;
  return (
    <div className="mb-4 flex min-h-8 flex-wrap items-center gap-x-3 text-sm text-slate-700 dark:text-slate-300">
      <p role="status">
        {count}
        {names.length > 0 && ` in ${names.join(' or ')}`}
      </p>
      {topics.length > 0 && <ClearTopicsButton onClear={onClear} />}
    </div>
  );
}
