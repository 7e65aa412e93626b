import { useState } from 'react';
import { formatAbsoluteDate, formatRelativeDate } from './format-date';

/** A `<time>` with the absolute date, followed by how long ago that was. Nothing for a bad date. */
export function PublishedDate({ iso, className }: { iso: string | undefined; className?: string }) {
  // Read the clock once per mount: relative dates need not tick while the page is open.
  const [now] = useState(Date.now);
  const absolute = formatAbsoluteDate(iso);
  if (!iso || !absolute) return null;
  return (
    <span className={className}>
      <time dateTime={iso}>{absolute}</time> <span>({formatRelativeDate(iso, now)})</span>
    </span>
  );
}
