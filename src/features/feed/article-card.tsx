import { memo } from 'react';
import { Link } from 'wouter';
import { FallbackImage } from '../../components/ui/fallback-image';
import { QualityBadge } from '../../components/ui/quality-badge';
import { RelativeTime } from '../../components/ui/relative-time';
import { routes } from '../../config/paths';
import { qualityTier } from '../../config/quality';
import type { CardSummary } from '../../types/content';

interface Props {
  card: CardSummary;
  /** 1-based place in the feed, and the feed's length (-1 while unknown), for `role="feed"`. */
  position: number;
  setSize: number;
  /** The first row's images load eagerly: they are the largest thing in the first view. */
  eager: boolean;
  topicNames: ReadonlyMap<string, string>;
}

/** A card's width at each grid breakpoint (`columnsFor`), so the browser picks a fitting variant. */
const cardImageSizes = '(min-width: 1280px) 25vw, (min-width: 960px) 33vw, (min-width: 600px) 50vw, 100vw';

/**
 * One story in the feed. The title is the card's only link; it stretches over the whole card so the
 * card clicks like a link, while Tab stops once per card. The picture repeats the title, so it is
 * hidden from screen readers.
 */
export const ArticleCard = memo(function ArticleCard({ card, position, setSize, eager, topicNames }: Props) {
  const titleId = `card-title-${card.id}`;
  const provider = card.provider;
  return (
    <article
      aria-labelledby={titleId}
      aria-posinset={position}
      aria-setsize={setSize}
      className="relative flex h-full flex-col overflow-hidden rounded-xl border border-slate-200 bg-white shadow-sm transition-shadow hover:shadow-md has-[a:focus-visible]:ring-2 has-[a:focus-visible]:ring-sky-600 has-[a:focus-visible]:ring-offset-2 dark:border-slate-800 dark:bg-slate-900 dark:ring-offset-slate-950 dark:has-[a:focus-visible]:ring-sky-400"
    >
      <div aria-hidden="true">
        <FallbackImage
          image={card.image}
          alt=""
          placeholderText={provider?.name ?? card.title}
          eager={eager}
          sizes={cardImageSizes}
        />
      </div>
      <div className="flex flex-1 flex-col gap-2 p-4">
        <p className="flex flex-wrap items-center gap-x-2 gap-y-1 text-xs text-slate-600 dark:text-slate-400">
          {card.draft && (
            <span className="rounded border border-amber-700 px-1.5 font-semibold tracking-wide text-amber-900 uppercase dark:border-amber-400 dark:text-amber-200">
              Draft
            </span>
          )}
          <span className="font-semibold text-slate-800 dark:text-slate-200">
            {provider?.name ?? 'Unknown provider'}
          </span>
          {provider?.domain && <span>{provider.domain}</span>}
          <RelativeTime iso={card.publishedAt} />
        </p>
        <h2 id={titleId} className="line-clamp-3 text-base leading-snug font-semibold text-balance">
          <Link
            href={routes.article(card.id)}
            className="after:absolute after:inset-0 after:content-[''] hover:underline focus-visible:outline-none"
          >
            {card.title}
          </Link>
        </h2>
        {card.excerpt && (
          <p className="line-clamp-3 text-sm text-slate-700 dark:text-slate-300">{card.excerpt}</p>
        )}
        <div className="mt-auto flex flex-wrap items-center gap-2 pt-1">
          {card.quality !== undefined && (
            // Above the stretched link, so the badge's tooltip still shows on hover.
            <QualityBadge
              score={card.quality}
              tier={card.tier ?? qualityTier(card.quality)}
              className="relative z-10"
            />
          )}
          {card.topics.length > 0 && (
            <ul aria-label="Topics" className="flex flex-wrap gap-1.5">
              {card.topics.map((slug) => (
                <li
                  key={slug}
                  className="rounded-full bg-slate-100 px-2 py-0.5 text-xs text-slate-700 dark:bg-slate-800 dark:text-slate-300"
                >
                  {topicNames.get(slug) ?? slug}
                </li>
              ))}
            </ul>
          )}
        </div>
      </div>
    </article>
  );
});
