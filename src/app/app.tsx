import { QueryClientProvider, type QueryClient } from '@tanstack/react-query';
import { useEffect, useState, type ReactNode } from 'react';
import { Router } from 'wouter';
import { subscribeToContentUpdates } from '../lib/content-updates';
import { createQueryClient } from '../lib/query-client';
import { trackNavigation } from './history';
import { Layout } from './layout';
import { AppRoutes } from './routes';

/** wouter wants the base without its trailing slash; Vite's BASE_URL has one. */
const routerBase = import.meta.env.BASE_URL.replace(/\/$/, '');

/** Data and routing for the whole app; tests mount it with their own QueryClient. */
export function AppProviders({ client, children }: { client: QueryClient; children: ReactNode }) {
  return (
    <QueryClientProvider client={client}>
      <Router base={routerBase} aroundNav={trackNavigation}>
        {children}
      </Router>
    </QueryClientProvider>
  );
}

export function App() {
  const [client] = useState(createQueryClient);
  // Dev only: edited content files refresh the page's data without a reload.
  useEffect(() => subscribeToContentUpdates(client), [client]);
  return (
    <AppProviders client={client}>
      <Layout>
        <AppRoutes />
      </Layout>
    </AppProviders>
  );
}
