import type { FeedSort } from '../types/content.ts';

/** A feed's folder: one per version of the feed (its hash), holding its shards. */
const feedFolder = (sort: FeedSort, topic: string | null, hash: string) =>
  `feed/${sort}-${topic ?? 'all'}.${hash}`;
const shardIn = (folder: string, index: number) => `${folder}/${index}.json`;

/**
 * File names inside the emitted `data/` folder. The pipeline writes them and the reader's path
 * builders fetch them, so both import this module (it has no environment access).
 */
export const dataFiles = {
  manifest: () => 'manifest.json',
  feed: feedFolder,
  /** Shard `index` in a feed's folder. */
  shardIn,
  shard: (sort: FeedSort, topic: string | null, index: number, hash: string) =>
    shardIn(feedFolder(sort, topic, hash), index),
  article: (id: string) => `articles/${id}.json`,
};
