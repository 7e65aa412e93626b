import { QueryClientProvider, type QueryClient } from '@tanstack/react-query';
import { useEffect, useState, type ReactNode } from 'react';
import { Router } from 'wouter';
import { PrerenderClock } from '../components/ui/relative-time';
import { subscribeToContentUpdates } from '../lib/content-updates';
import { createQueryClient } from '../lib/query-client';
import { trackNavigation } from './history';
import { Layout } from './layout';
import { AppRoutes } from './routes';

/** wouter wants the base without its trailing slash; Vite's BASE_URL has one. */
export const routerBase = import.meta.env.BASE_URL.replace(/\/$/, '');

/** Where a render outside the browser (the build's prerender) is, inside the router's base. */
export interface ServerLocation {
  path: string;
  search: string;
}

/** Data and routing for the whole app; tests mount it with their own QueryClient. */
export function AppProviders({
  client,
  at,
  children,
}: {
  client: QueryClient;
  at?: ServerLocation;
  children: ReactNode;
}) {
  return (
    <QueryClientProvider client={client}>
      <Router base={routerBase} aroundNav={trackNavigation} ssrPath={at?.path} ssrSearch={at?.search}>
        {children}
      </Router>
    </QueryClientProvider>
  );
}

export interface AppProps {
  /** A client already holding data (the prerendered first view's); a new one otherwise. */
  client?: QueryClient;
  /** Set when rendering outside the browser. */
  at?: ServerLocation;
  /** The clock the prerendered markup was drawn with, while hydrating it (see `PrerenderClock`). */
  prerenderedAt?: number;
}

export function App({ client: given, at, prerenderedAt }: AppProps) {
  const [client] = useState(() => given ?? createQueryClient());
  // Dev only: edited content files refresh the page's data without a reload.
  useEffect(() => subscribeToContentUpdates(client), [client]);
  return (
    <PrerenderClock value={prerenderedAt}>
      <AppProviders client={client} at={at}>
        <Layout>
          <AppRoutes />
        </Layout>
      </AppProviders>
    </PrerenderClock>
  );
}
