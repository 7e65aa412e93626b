import type { FeedSort } from '../types/content.ts';
import { dataFiles } from './data-files.ts';

/** Every URL the reader fetches is built here, under Vite's base URL. */
const base = import.meta.env.BASE_URL;

export const dataUrls = {
  manifest: () => `${base}data/${dataFiles.manifest()}`,
  shard: (sort: FeedSort, topic: string | null, index: number, hash: string) =>
    `${base}data/${dataFiles.shard(sort, topic, index, hash)}`,
  /** `buildId` makes the URL change whenever the build does, so caches never serve a stale article. */
  article: (id: string, buildId: string) =>
    `${base}data/${dataFiles.article(encodeURIComponent(id))}?v=${encodeURIComponent(buildId)}`,
};

/** In-app routes, relative to the router's base (the app mounts wouter with Vite's base URL). */
export const routes = {
  feed: () => '/',
  article: (id: string) => `/article/${encodeURIComponent(id)}`,
};
