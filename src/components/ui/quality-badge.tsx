import { useId } from 'react';
import { QUALITY_SCALE_NOTE, tierInfo } from '../../config/quality';
import { cn } from '../../lib/cn';
import type { QualityTier } from '../../types/content';

/** Badge sizes: `sm` for cards and the related rail, `lg` for the article header. */
export type QualityBadgeSize = 'sm' | 'lg';

interface Props {
  /** The pipeline's quality score, 0 upward (not a percentage). */
  score: number;
  tier: QualityTier;
  size?: QualityBadgeSize;
  className?: string;
}

// Colour only reinforces the tier word, which is always written out.
const tierClasses: Record<QualityTier, string> = {
  top: 'border-emerald-700 bg-emerald-50 text-emerald-900 dark:border-emerald-400 dark:bg-emerald-950 dark:text-emerald-100',
  high: 'border-sky-700 bg-sky-50 text-sky-900 dark:border-sky-400 dark:bg-sky-950 dark:text-sky-100',
  medium:
    'border-slate-500 bg-slate-50 text-slate-800 dark:border-slate-400 dark:bg-slate-900 dark:text-slate-100',
  low: 'border-amber-700 bg-amber-50 text-amber-900 dark:border-amber-400 dark:bg-amber-950 dark:text-amber-100',
};

const sizeClasses: Record<QualityBadgeSize, string> = {
  sm: 'gap-1 px-2 py-0.5 text-xs',
  lg: 'gap-1.5 px-3 py-1 text-sm',
};

const scoreFormat = new Intl.NumberFormat('en', { maximumFractionDigits: 1 });

/** The tooltip text: what the scale is and what this tier means. */
export function qualityTooltip(tier: QualityTier): string {
  const { label, meaning } = tierInfo(tier);
  return `${QUALITY_SCALE_NOTE} ${label}: ${meaning}.`;
}

/**
 * A quality score with its tier word ("Quality 87 · High"); never colour alone. Hovering shows what
 * the scale is and what the tier means; the same text is the element's accessible description.
 */
export function QualityBadge({ score, tier, size = 'sm', className }: Props) {
  const descriptionId = useId();
  const tooltip = qualityTooltip(tier);
  return (
    <>
      <span
        title={tooltip}
        aria-describedby={descriptionId}
        className={cn(
          'inline-flex shrink-0 items-center rounded-full border font-medium whitespace-nowrap',
          tierClasses[tier],
          sizeClasses[size],
          className,
        )}
      >
        {/* Explicit spaces keep the words apart for screen readers; flex `gap` spaces them visually. */}
        <span>Quality</span> <span className="font-semibold tabular-nums">{scoreFormat.format(score)}</span>{' '}
        <span aria-hidden="true">·</span> <span>{tierInfo(tier).label}</span>
      </span>
      <span id={descriptionId} hidden>
        {tooltip}
      </span>
    </>
  );
}
