import type { FeedSort } from '../types/content.ts';

/**
 * File names inside the emitted `data/` folder. The pipeline writes them and the reader's path
 * builders fetch them, so both import this module (it has no environment access).
 */
export const dataFiles = {
  manifest: () => 'manifest.json',
  shard: (sort: FeedSort, topic: string | null, index: number, hash: string) =>
    `feed/${sort}-${topic ?? 'all'}-${index}.${hash}.json`,
  article: (id: string) => `articles/${id}.json`,
};
