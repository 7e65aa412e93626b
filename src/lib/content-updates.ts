import type { QueryClient } from '@tanstack/react-query';
import type { ContentUpdatedEvent } from '../types/content';

/**
 * Dev only: when the content folder changes, refetch everything the page shows (no full reload),
 * and close Vite's error overlay once no file is broken any more. A no-op in production builds.
 */
export function subscribeToContentUpdates(queryClient: QueryClient): () => void {
  const hot = import.meta.hot;
  if (!hot) return () => {};
  const onUpdate = (event: ContentUpdatedEvent) => {
    void queryClient.invalidateQueries();
    if (event.errors.length === 0)
      document
        .querySelectorAll('vite-error-overlay')
        .forEach((overlay) => (overlay as HTMLElement & { close(): void }).close());
  };
  hot.on('news:content-updated', onUpdate);
  // Vitest's stand-in for import.meta.hot has no `off` (the app is mounted whole in tests too).
  return () => hot.off?.('news:content-updated', onUpdate);
}
