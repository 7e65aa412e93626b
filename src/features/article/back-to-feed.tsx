import { Link } from 'wouter';
import { routes } from '../../config/paths';
import { textLink } from './styles';

export function BackToFeed() {
  return (
    <Link href={routes.feed()} className={`${textLink} text-sm`}>
      <span aria-hidden="true">← </span>Back to the feed
    </Link>
  );
}
