import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { render } from '@testing-library/react';
import { Route, Router, Switch, useSearch } from 'wouter';
import { memoryLocation } from 'wouter/memory-location';
import { ArticlePage, articleRoutePattern } from '../../../src/features/article';
import { startFixtureServer, type FixtureResponse } from './fixture-server';
import { articlePath, localStory, manifest, manifestPath, openAi } from './fixtures';

/** Stand-in for the shell's feed route: shows which topics the URL selects. */
function FeedStandIn() {
  const topics = new URLSearchParams(useSearch()).get('topics');
  return <h1>Feed{topics ? ` filtered by ${topics}` : ''}</h1>;
}

/** Serves the fixture manifest and both articles; `overrides` replaces or adds paths. */
export async function serveArticles(overrides: [string, FixtureResponse][] = []) {
  const routes = new Map<string, FixtureResponse>([
    [manifestPath, { body: manifest }],
    [articlePath(openAi.id), { body: openAi }],
    [articlePath(localStory.id), { body: localStory }],
    ...overrides,
  ]);
  const server = await startFixtureServer(routes);
  const realFetch = globalThis.fetch;
  // The reader fetches site-relative URLs; send them to the fixture server.
  vi.stubGlobal('fetch', (input: RequestInfo | URL, init?: RequestInit) =>
    realFetch(new URL(String(input), server.origin), init),
  );
  return { ...server, routes };
}

/** The article route as the shell mounts it, in a memory router starting at `path`. */
export function renderArticleRoute(path: string) {
  const queryClient = new QueryClient({ defaultOptions: { queries: { retry: false } } });
  const location = memoryLocation({ path, record: true });
  const view = render(
    <QueryClientProvider client={queryClient}>
      <Router hook={location.hook} searchHook={location.searchHook}>
        <main>
          <Switch>
            <Route path={articleRoutePattern}>{(params) => <ArticlePage id={params.id} />}</Route>
            <Route path="/" component={FeedStandIn} />
          </Switch>
        </main>
      </Router>
    </QueryClientProvider>,
  );
  return { ...view, location, queryClient };
}
