import { Link } from 'wouter';
import { FallbackImage } from '../../components/ui/fallback-image';
import { QualityBadge } from '../../components/ui/quality-badge';
import { routes } from '../../config/paths';
import { qualityTier } from '../../config/quality';
import { cn } from '../../lib/cn';
import type { RelatedItem } from '../../types/content';
import { ExternalLink } from './external-link';
import { PublishedDate } from './published-date';
import { textLink } from './styles';

/** A local article opens its page here; any other story opens in a new tab; with no link, text. */
function RelatedTitle({ item }: { item: RelatedItem }) {
  const className = cn(textLink, 'font-semibold');
  if (item.articleId) {
    return (
      <Link href={routes.article(item.articleId)} className={className}>
        {item.title}
      </Link>
    );
  }
  return (
    <ExternalLink
      href={item.url}
      className={className}
      fallback={<span className="font-semibold">{item.title}</span>}
    >
      {item.title}
    </ExternalLink>
  );
}

export function RelatedStory({ item }: { item: RelatedItem }) {
  const providerName = item.provider?.name;
  return (
    <article className="flex gap-3">
      {/* The thumbnail repeats the title beside it, so it is hidden from screen readers. */}
      <div aria-hidden="true" className="w-24 shrink-0">
        <FallbackImage
          image={item.image}
          alt=""
          placeholderText={providerName ?? item.title}
          sizes="6rem"
          className="rounded-md"
        />
      </div>
      <div className="min-w-0 space-y-1 text-sm">
        <h3 className="leading-snug">
          <RelatedTitle item={item} />
        </h3>
        <p className="text-slate-700 dark:text-slate-300">
          {providerName ?? 'Unknown provider'}
          {item.publishedAt && (
            <>
              {' · '}
              <PublishedDate iso={item.publishedAt} />
            </>
          )}
        </p>
        {item.quality !== undefined && (
          <QualityBadge score={item.quality} tier={item.tier ?? qualityTier(item.quality)} />
        )}
      </div>
    </article>
  );
}
