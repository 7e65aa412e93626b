import { Link } from 'wouter';
import { QualityBadge } from '../../components/ui/quality-badge';
import { qualityTier, tierInfo } from '../../config/quality';
import { cn } from '../../lib/cn';
import type { ArticleDetail } from '../../types/content';
import { feedTopicHref } from './routes';
import { focusRing } from './styles';

const term = 'text-xs font-semibold tracking-wide text-slate-600 uppercase dark:text-slate-400';

/** Topics (each a link to the feed filtered by it), quality with its tier spelled out, and heat. */
export function ArticleFacts({ article }: { article: ArticleDetail }) {
  const tier = article.quality === undefined ? undefined : (article.tier ?? qualityTier(article.quality));
  return (
    <dl className="grid gap-4 sm:grid-cols-[auto_1fr] sm:gap-x-6">
      <dt className={term}>Topics</dt>
      <dd>
        {article.topics.length > 0 ? (
          <ul className="flex flex-wrap gap-2">
            {article.topics.map((topic) => (
              <li key={topic.slug}>
                <Link
                  href={feedTopicHref(topic.slug)}
                  className={cn(
                    focusRing,
                    'inline-block rounded-full border border-slate-300 px-3 py-1 text-sm hover:bg-slate-100 dark:border-slate-600 dark:hover:bg-slate-800',
                  )}
                >
                  {topic.name}
                </Link>
              </li>
            ))}
          </ul>
        ) : (
          <span>No topics</span>
        )}
      </dd>
      <dt className={term}>Quality</dt>
      <dd className="space-y-1">
        {article.quality !== undefined && tier ? (
          <>
            <QualityBadge score={article.quality} tier={tier} size="lg" />
            <p className="text-sm text-slate-700 dark:text-slate-300">
              {tierInfo(tier).label} means {tierInfo(tier).meaning}. The score starts at 0 and is not a
              percentage.
            </p>
          </>
        ) : (
          <span>Not rated: the source gives no quality score.</span>
        )}
      </dd>
      <dt className={term}>Heat</dt>
      <dd>
        {article.heat !== undefined ? (
          <span>
            <span className="font-semibold tabular-nums">{article.heat}</span>{' '}
            <span className="text-sm text-slate-700 dark:text-slate-300">
              (how much the story is trending)
            </span>
          </span>
        ) : (
          <span>Unknown: the source gives no heat score.</span>
        )}
      </dd>
    </dl>
  );
}
