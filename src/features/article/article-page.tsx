import type { ReactNode } from 'react';
import { DataRequestError } from '../../api/fetch-json';
import { ErrorState } from '../../components/ui/states';
import { ArticleNotFound } from './article-not-found';
import { ArticleSkeleton } from './article-skeleton';
import { ArticleView } from './article-view';
import { useArticle } from './use-article';

/**
 * The page at `/article/:id`. Works when opened directly: it loads the manifest for the buildId,
 * then the article. Data already shown stays shown if a background refetch fails.
 */
/** Messages (errors) sit in a narrow column, like the not-found page. */
function Centered({ children }: { children: ReactNode }) {
  return <div className="mx-auto max-w-2xl px-4 py-12">{children}</div>;
}

export function ArticlePage({ id }: { id: string }) {
  const { manifest, detail } = useArticle(id);

  if (detail.data) return <ArticleView article={detail.data} />;
  if (manifest.isError) {
    return (
      <Centered>
        <ErrorState
          title="The news index could not be loaded."
          message={manifest.error.message}
          onRetry={() => void manifest.refetch()}
        />
      </Centered>
    );
  }
  if (detail.isError) {
    if (detail.error instanceof DataRequestError && detail.error.notFound) return <ArticleNotFound id={id} />;
    return (
      <Centered>
        <ErrorState
          title="This article could not be loaded."
          message={detail.error.message}
          onRetry={() => void detail.refetch()}
        />
      </Centered>
    );
  }
  return <ArticleSkeleton />;
}
