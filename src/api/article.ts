import { queryOptions } from '@tanstack/react-query';
import { dataUrls } from '../config/paths';
import type { ArticleDetail } from '../types/content';
import { fetchJson } from './fetch-json';

export const articleQueries = {
  all: () => ['article'] as const,
  detail: (id: string, buildId: string) =>
    queryOptions({
      queryKey: [...articleQueries.all(), id, buildId] as const,
      queryFn: ({ signal }) => fetchJson<ArticleDetail>(dataUrls.article(id, buildId), signal),
    }),
};
