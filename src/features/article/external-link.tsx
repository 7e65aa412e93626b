import type { ReactNode } from 'react';
import { httpUrl } from '../../lib/safe-url';

interface Props {
  href: string | undefined;
  className?: string;
  children: ReactNode;
  /** Drawn instead when `href` is missing or not http(s): the text stays, the link goes. */
  fallback?: ReactNode;
}

/**
 * A link to another site, opened in a new tab without giving it our window (`noopener`) or the
 * page the reader came from (`noreferrer`). Its accessible name says it opens a new tab.
 */
export function ExternalLink({ href, className, children, fallback = null }: Props) {
  const url = httpUrl(href);
  if (!url) return <>{fallback}</>;
  return (
    <a href={url} target="_blank" rel="noopener noreferrer" className={className}>
      {children} <span aria-hidden="true">↗</span>
      <span className="sr-only">(opens in a new tab)</span>
    </a>
  );
}
