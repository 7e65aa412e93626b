import { QueryClientProvider, useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { feedQueries } from '../api/feed';
import { useManifest } from '../api/manifest';
import { createQueryClient } from '../lib/query-client';

/** Minimal shell: the manifest and the first shard of the newest-first feed, as a list of titles. */
function FirstShardTitles() {
  const manifest = useManifest();
  const feed = manifest.data?.feeds.newest;
  const shard = useQuery({
    ...feedQueries.shard('newest', null, feed ?? { count: 0, shards: 0, hash: '' }, 0),
    enabled: !!feed && feed.shards > 0,
  });
  if (manifest.isPending) return <p>Loading the news…</p>;
  if (manifest.isError) return <p role="alert">{manifest.error.message}</p>;
  if (shard.isError) return <p role="alert">{shard.error.message}</p>;
  if (feed?.count === 0) return <p>No articles yet.</p>;
  return (
    <ul>
      {shard.data?.items.map((card) => (
        <li key={card.id}>{card.title}</li>
      ))}
    </ul>
  );
}

export function App() {
  const [queryClient] = useState(createQueryClient);
  return (
    <QueryClientProvider client={queryClient}>
      <main>
        <h1>News</h1>
        <FirstShardTitles />
      </main>
    </QueryClientProvider>
  );
}
