import { createContext, useContext, useState } from 'react';
import { useHydrating } from '../../lib/use-hydrating';

const units: [Intl.RelativeTimeFormatUnit, number][] = [
  ['year', 365 * 86_400],
  ['month', 30 * 86_400],
  ['week', 7 * 86_400],
  ['day', 86_400],
  ['hour', 3_600],
  ['minute', 60],
];

// Built once: a feed draws hundreds of dates and formatters are costly to create.
const relativeFormat = new Intl.RelativeTimeFormat('en', { numeric: 'auto' });
const absoluteFormat = new Intl.DateTimeFormat('en-GB', { dateStyle: 'long', timeStyle: 'short' });
// The build knows no reader's time zone: prerendered dates, and their hydration, are in UTC.
const prerenderFormat = new Intl.DateTimeFormat('en-GB', {
  dateStyle: 'long',
  timeStyle: 'short',
  timeZone: 'UTC',
});

/** "3 days ago", "in 2 hours", "now". */
export function relativeTime(date: Date, now: number): string {
  const seconds = Math.round((date.getTime() - now) / 1000);
  for (const [unit, size] of units) {
    if (Math.abs(seconds) >= size) return relativeFormat.format(Math.trunc(seconds / size), unit);
  }
  return relativeFormat.format(0, 'second');
}

/** "6 May 2020 at 00:37" in the reader's time zone. */
export function absoluteTime(date: Date): string {
  return absoluteFormat.format(date);
}

/**
 * The clock a prerendered page was drawn with (ms since the epoch: the build time). The first view
 * is rendered at build time and hydrated in the browser; both must draw the same text, so while
 * hydrating, relative dates are measured from this clock, and from the reader's clock right after.
 */
export const PrerenderClock = createContext<number | undefined>(undefined);

/**
 * A relative date ("5 years ago") in a `<time>` whose title, and whose screen-reader text, give the
 * absolute date. Renders "date unknown" for an unreadable date rather than "Invalid Date".
 */
export function RelativeTime({ iso, className }: { iso: string; className?: string }) {
  // The clock is read once per mount: relative dates need not tick while a page is open.
  const [mountedAt] = useState(Date.now);
  const prerenderedAt = useContext(PrerenderClock);
  const prerendered = useHydrating() && prerenderedAt !== undefined;
  const now = prerendered ? prerenderedAt : mountedAt;
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return <span className={className}>date unknown</span>;
  const absolute = prerendered ? `${prerenderFormat.format(date)} UTC` : absoluteTime(date);
  return (
    <time dateTime={iso} title={absolute} className={className}>
      {relativeTime(date, now)}
      <span className="sr-only"> ({absolute})</span>
    </time>
  );
}
