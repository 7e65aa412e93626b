import { StrictMode } from 'react';
import { renderToString } from 'react-dom/server';
import { App } from '../app/app';
import { firstViewLocation, seedFirstView } from '../app/first-view';
import { createQueryClient } from '../lib/query-client';
import type { FeedShard, Manifest } from '../types/content';

/**
 * The first view (the feed at its defaults) as HTML, drawn by the app's own components from the
 * build's manifest and first newest-first shard, with the build time as the clock. Runs in Node at
 * build time (src/content-pipeline/prerender); the browser hydrates the result. Every text from
 * content goes through React's escaping: nothing here writes HTML by hand.
 */
export function renderFirstView(manifest: Manifest, firstShard: FeedShard | null): string {
  const client = createQueryClient();
  seedFirstView(client, manifest, firstShard);
  try {
    return renderToString(
      <StrictMode>
        <App client={client} at={firstViewLocation} prerenderedAt={Date.parse(manifest.builtAt)} />
      </StrictMode>,
    );
  } finally {
    client.clear();
  }
}
