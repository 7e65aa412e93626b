import { queryOptions, useQuery } from '@tanstack/react-query';
import { dataUrls } from '../config/paths';
import type { Manifest } from '../types/content';
import { fetchJson } from './fetch-json';

export const manifestQueries = {
  all: () => ['manifest'] as const,
  current: () =>
    queryOptions({
      queryKey: manifestQueries.all(),
      queryFn: ({ signal }) => fetchJson<Manifest>(dataUrls.manifest(), signal),
    }),
};

export const useManifest = () => useQuery(manifestQueries.current());
