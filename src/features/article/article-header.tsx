import type { ArticleDetail } from '../../types/content';
import { PublishedDate } from './published-date';
import { usePageHeading } from './use-page-heading';

/** Title, provider and date. The h1 takes focus whenever a new article is shown and names the tab. */
export function ArticleHeader({ article, headingId }: { article: ArticleDetail; headingId: string }) {
  const headingRef = usePageHeading(article.title, article.id);

  return (
    <header className="space-y-3">
      {article.draft && (
        <p className="inline-block rounded border border-amber-700 px-2 py-0.5 text-xs font-semibold tracking-wide text-amber-900 uppercase dark:border-amber-400 dark:text-amber-200">
          Draft<span className="sr-only">: not published yet</span>
        </p>
      )}
      {/* Focused by script so screen readers announce the new page; not a control, so no ring. */}
      <h1
        id={headingId}
        ref={headingRef}
        tabIndex={-1}
        className="text-3xl font-bold tracking-tight text-balance focus:outline-none sm:text-4xl"
      >
        {article.title}
      </h1>
      <p className="flex flex-wrap items-baseline gap-x-3 gap-y-1 text-sm text-slate-700 dark:text-slate-300">
        {article.provider ? (
          <span>
            <span className="font-semibold">{article.provider.name}</span>
            {article.provider.domain && (
              <span className="text-slate-600 dark:text-slate-400"> · {article.provider.domain}</span>
            )}
          </span>
        ) : (
          <span>Unknown provider</span>
        )}
        <PublishedDate iso={article.publishedAt} />
      </p>
    </header>
  );
}
