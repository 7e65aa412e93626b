import { QueryClient } from '@tanstack/react-query';
import { DataRequestError } from '../api/fetch-json';

/** The app's QueryClient: a 404 is an answer, not a glitch, so it is never retried. */
export function createQueryClient(): QueryClient {
  return new QueryClient({
    defaultOptions: {
      queries: {
        staleTime: 60_000,
        retry: (failureCount, error) =>
          !(error instanceof DataRequestError && error.notFound) && failureCount < 2,
      },
    },
  });
}
