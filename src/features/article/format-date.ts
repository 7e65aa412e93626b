/** Dates on the article page: a readable absolute date and a relative one ("5 years ago"). */

const units: [Intl.RelativeTimeFormatUnit, number][] = [
  ['year', 365 * 24 * 3600],
  ['month', 30 * 24 * 3600],
  ['week', 7 * 24 * 3600],
  ['day', 24 * 3600],
  ['hour', 3600],
  ['minute', 60],
];

function parse(iso: string | undefined): Date | undefined {
  if (typeof iso !== 'string') return undefined;
  const date = new Date(iso);
  return Number.isNaN(date.getTime()) ? undefined : date;
}

/** "6 May 2020, 00:37 UTC" in the reader's time zone (or `timeZone`); `undefined` for a bad date. */
export function formatAbsoluteDate(iso: string | undefined, timeZone?: string): string | undefined {
  const date = parse(iso);
  if (!date) return undefined;
  return new Intl.DateTimeFormat('en-GB', {
    day: 'numeric',
    month: 'long',
    year: 'numeric',
    hour: '2-digit',
    minute: '2-digit',
    timeZoneName: 'short',
    timeZone,
  }).format(date);
}

/** "3 days ago", "in 2 hours", "now"; `undefined` for a bad date. */
export function formatRelativeDate(iso: string | undefined, now: number): string | undefined {
  const date = parse(iso);
  if (!date) return undefined;
  const seconds = Math.round((date.getTime() - now) / 1000);
  const format = new Intl.RelativeTimeFormat('en', { numeric: 'auto' });
  for (const [unit, size] of units) {
    if (Math.abs(seconds) >= size) return format.format(Math.trunc(seconds / size), unit);
  }
  return format.format(0, 'second');
}
