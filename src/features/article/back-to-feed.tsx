import { Link } from 'wouter';
import { routes } from '../../config/paths';
import { cn } from '../../lib/cn';
import { textLink } from './styles';

export function BackToFeed() {
  return (
    <Link href={routes.feed()} className={cn(textLink, 'text-sm')}>
      <span aria-hidden="true">← </span>Back to the feed
    </Link>
  );
}
