import { lazy, Suspense } from 'react';
import { Route, Switch } from 'wouter';
import { ErrorBoundary } from '../components/ui/error-boundary';
import { LoadingState } from '../components/ui/states';
import { FeedPage } from '../features/feed';
import { NotFoundPage } from './not-found-page';

// The article page is its own chunk: the feed, the first view, does not wait for it.
const ArticlePage = lazy(() =>
  import('../features/article/article-page').then((m) => ({ default: m.ArticlePage })),
);

function decodeParam(value: string): string {
  try {
    return decodeURIComponent(value);
  } catch {
    return value; // a malformed escape: the raw text can only be "not found"
  }
}

/** The reader's pages. Each is its own error region, reset when the address changes. */
export function AppRoutes() {
  return (
    <Switch>
      <Route path="/">
        <ErrorBoundary region="The feed">
          <FeedPage />
        </ErrorBoundary>
      </Route>
      <Route path="/article/:id">
        {(params) => (
          <ErrorBoundary key={params.id} region="The article">
            <Suspense fallback={<LoadingState label="Loading the article…" />}>
              <ArticlePage id={decodeParam(params.id)} />
            </Suspense>
          </ErrorBoundary>
        )}
      </Route>
      <Route>
        <NotFoundPage />
      </Route>
    </Switch>
  );
}
