import { useQueryClient } from '@tanstack/react-query';
import { useCallback } from 'react';
import { articleQueries } from '../../api/article';
import { httpUrl } from '../../lib/safe-url';
import type { CardSummary } from '../../types/content';

/**
 * The `v` shortcut on a card. Cards carry no URL (the detail file does), so the card's detail is
 * read through `articleQueries.detail`: fetched ahead when a card becomes current with j/k, so the
 * new tab usually opens inside the key press; otherwise it opens once the detail arrives, still
 * within the browser's user-activation window. Failures are announced, never silent.
 */
export function useOpenOriginal(buildId: string, announce: (message: string) => void) {
  const client = useQueryClient();

  const prefetch = useCallback(
    (card: CardSummary) => void client.prefetchQuery(articleQueries.detail(card.id, buildId)),
    [client, buildId],
  );

  const open = useCallback(
    async (card: CardSummary) => {
      const options = articleQueries.detail(card.id, buildId);
      try {
        const detail = client.getQueryData(options.queryKey) ?? (await client.fetchQuery(options));
        const url = httpUrl(detail.url);
        if (url) window.open(url, '_blank', 'noopener,noreferrer');
        else announce(`“${card.title}” has no original link to open.`);
      } catch (error) {
        announce(
          `The original of “${card.title}” could not be opened: ${error instanceof Error ? error.message : String(error)}`,
        );
      }
    },
    [client, buildId, announce],
  );

  return { prefetch, open };
}
