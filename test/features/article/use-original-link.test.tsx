import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { renderHook, waitFor } from '@testing-library/react';
import type { ReactNode } from 'react';
import { openInNewTab, useOriginalLink } from '../../../src/features/article';
import { localStory, openAi } from './fixtures';
import { serveArticles } from './render-article';

let server: Awaited<ReturnType<typeof serveArticles>> | undefined;
afterEach(async () => {
  vi.unstubAllGlobals();
  vi.restoreAllMocks();
  await server?.close();
  server = undefined;
});

function wrapper({ children }: { children: ReactNode }) {
  const queryClient = new QueryClient({ defaultOptions: { queries: { retry: false } } });
  return <QueryClientProvider client={queryClient}>{children}</QueryClientProvider>;
}

describe('useOriginalLink (for the shell’s `v` shortcut)', () => {
  it('gives the open article’s original link and label once it has loaded', async () => {
    server = await serveArticles();
    const { result, rerender } = renderHook(({ id }: { id: string | undefined }) => useOriginalLink(id), {
      wrapper,
      initialProps: { id: openAi.id as string | undefined },
    });
    expect(result.current).toBeUndefined();
    await waitFor(() => expect(result.current).toEqual({ url: openAi.url, label: 'Read at SiliconANGLE' }));

    rerender({ id: localStory.id });
    await waitFor(() => expect(result.current?.url).toBe(localStory.url));
    rerender({ id: undefined });
    expect(result.current).toBeUndefined();
  });

  it('gives nothing for an unknown article', async () => {
    server = await serveArticles();
    const { result } = renderHook(() => useOriginalLink('missing'), { wrapper });
    await waitFor(() => expect(server?.requests).toContain('/data/articles/missing.json?v=build-1'));
    expect(result.current).toBeUndefined();
  });
});

describe('openInNewTab', () => {
  it('opens http(s) links without opener or referrer, and nothing else', () => {
    const open = vi.spyOn(window, 'open').mockImplementation(() => null);
    openInNewTab('https://example.com/story');
    expect(open).toHaveBeenCalledWith('https://example.com/story', '_blank', 'noopener,noreferrer');
    openInNewTab('javascript:alert(1)');
    openInNewTab('  https://example.com/leading-space');
    expect(open).toHaveBeenCalledTimes(1);
  });
});
