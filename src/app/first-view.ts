import type { QueryClient } from '@tanstack/react-query';
import { feedQueries } from '../api/feed';
import { firstCursor, type FeedPage } from '../api/feed-pages';
import { manifestQueries } from '../api/manifest';
import { feedSources } from '../features/feed/use-feed';
import type { FeedShard, Manifest } from '../types/content';
import { routerBase, type ServerLocation } from './app';

/**
 * The first view is the feed at its defaults (newest first, every topic): the build renders it
 * into index.html (src/prerender) from the manifest and the first newest-first shard, and the
 * browser hydrates that markup once the same two files are in its query cache.
 */
export const firstViewLocation: ServerLocation = { path: '/', search: '' };

/** Whether the address the page was opened at shows the first view (anything else draws afresh). */
export function isFirstViewAddress(pathname: string, search: string): boolean {
  return pathname.replace(/\/+$/, '') === routerBase && (search === '' || search === '?');
}

function firstViewFeed(manifest: Manifest) {
  return feedQueries.list('newest', feedSources(manifest, 'newest', []));
}

/** Build side: puts the first view's data into `client` exactly as the browser's queries hold it. */
export function seedFirstView(client: QueryClient, manifest: Manifest, firstShard: FeedShard | null): void {
  client.setQueryData(manifestQueries.current().queryKey, manifest);
  const options = firstViewFeed(manifest);
  const sources = feedSources(manifest, 'newest', []);
  const page: FeedPage = { sort: 'newest', sources, shards: sources.map(() => firstShard) };
  client.setQueryData(options.queryKey, { pages: [page], pageParams: [firstCursor(sources)] });
}

/**
 * Browser side: loads the manifest and the first page through the app's own queries (the page
 * preloads both). Returns the manifest when the prerendered markup, drawn for build
 * `prerenderedBuild`, shows this data and can be hydrated; undefined when it is stale (a newer
 * build's data, e.g. an older page kept by the service worker) or the data could not be loaded.
 */
export async function loadFirstView(
  client: QueryClient,
  prerenderedBuild: string,
): Promise<Manifest | undefined> {
  const manifest = await client.fetchQuery(manifestQueries.current());
  if (manifest.buildId !== prerenderedBuild) return undefined;
  await client.prefetchInfiniteQuery(firstViewFeed(manifest));
  return client.getQueryData(firstViewFeed(manifest).queryKey) ? manifest : undefined;
}
