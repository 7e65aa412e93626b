import { cn } from '../../lib/cn';
import { focusRing } from './focus-ring';

interface Props {
  label: string;
  pressed: boolean;
  onToggle: () => void;
  /** Shown after the label and read as "N articles". */
  count?: number;
}

const stateClasses = {
  on: 'border-sky-700 bg-sky-700 text-white hover:bg-sky-800 dark:border-sky-300 dark:bg-sky-300 dark:text-slate-950 dark:hover:bg-sky-200',
  off: 'border-slate-300 bg-white text-slate-800 hover:border-slate-500 dark:border-slate-600 dark:bg-slate-900 dark:text-slate-100 dark:hover:border-slate-400',
} as const satisfies Record<'on' | 'off', string>;

const countFormat = new Intl.NumberFormat('en');

/** A filter chip: a toggle button with `aria-pressed`; a check mark shows "on" without relying on colour. */
export function ToggleChip({ label, pressed, onToggle, count }: Props) {
  return (
    <button
      type="button"
      aria-pressed={pressed}
      // Spelled out, so the name reads "Coronavirus 12 articles" whatever the spans around the parts.
      aria-label={
        count === undefined
          ? label
          : `${label} ${countFormat.format(count)} ${count === 1 ? 'article' : 'articles'}`
      }
      onClick={onToggle}
      className={cn(
        'inline-flex shrink-0 items-center gap-1.5 rounded-full border px-3 py-1 text-sm font-medium whitespace-nowrap',
        focusRing,
        stateClasses[pressed ? 'on' : 'off'],
      )}
    >
      {pressed && (
        <svg aria-hidden="true" viewBox="0 0 16 16" className="size-3.5 fill-current">
          <path d="M6.2 11.6 2.6 8l1.1-1.1 2.5 2.5 6.1-6.1 1.1 1.1z" />
        </svg>
      )}
      <span>{label}</span>
      {count !== undefined && <span className="tabular-nums opacity-80">{countFormat.format(count)}</span>}
    </button>
  );
}
