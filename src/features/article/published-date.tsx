import { useState } from 'react';
import { absoluteTime, relativeTime } from '../../components/ui/relative-time';

/**
 * The article page shows both dates in full: a `<time>` with the absolute date, then how long ago.
 * (Cards use the compact `RelativeTime`.) Nothing for a missing or unreadable date.
 */
export function PublishedDate({ iso, className }: { iso: string | undefined; className?: string }) {
  // Read the clock once per mount: relative dates need not tick while the page is open.
  const [now] = useState(Date.now);
  const date = iso === undefined ? undefined : new Date(iso);
  if (!date || Number.isNaN(date.getTime())) return null;
  return (
    <span className={className}>
      <time dateTime={iso}>{absoluteTime(date)}</time> <span>({relativeTime(date, now)})</span>
    </span>
  );
}
