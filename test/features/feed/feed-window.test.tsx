import { act, screen, waitFor, within } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { renderApp } from '../../app/render-app';
import { buildSite, cards, newestShard } from './builders';
import { serveFiles } from './serve-site';

/**
 * jsdom does no layout, so every box would measure 0 and the whole feed would count as on screen.
 * Here each drawn row of cards measures 400px in a 768px window, which is what the windowing needs.
 */
beforeEach(() => {
  vi.spyOn(HTMLElement.prototype, 'offsetHeight', 'get').mockImplementation(function (this: HTMLElement) {
    return this.dataset.row === undefined ? 0 : 400;
  });
});
afterEach(() => {
  vi.restoreAllMocks();
  vi.unstubAllGlobals();
  Object.defineProperty(window, 'scrollY', { value: 0, configurable: true });
});

function scrollTo(y: number) {
  Object.defineProperty(window, 'scrollY', { value: y, configurable: true });
  act(() => void window.dispatchEvent(new Event('scroll')));
}

function shardRequests(requests: string[]) {
  return requests.filter((r) => r.includes('/feed/newest-all.')).length;
}

describe('a long feed', () => {
  it('draws a few screens of cards, and loads the next shard only when the reader nears the end', async () => {
    const { requests } = serveFiles(buildSite(cards(1000), 40).files);
    renderApp('/');
    const feed = await screen.findByRole('feed', { name: 'Articles' });
    await screen.findByRole('link', { name: 'Story a0' });
    expect(within(feed).getAllByRole('article').length).toBeLessThan(10);
    expect(shardRequests(requests)).toBe(1);
    expect(screen.getByText('1,000 articles')).toBeInTheDocument();

    // Row 38 of 40 loaded: near the end, so the next shard comes, and only nearby cards are drawn.
    scrollTo(38 * 424);
    await waitFor(() => expect(shardRequests(requests)).toBe(2));
    await screen.findByRole('link', { name: 'Story a38' });
    const drawn = within(feed).getAllByRole('article');
    expect(drawn.length).toBeLessThan(10);
    expect(screen.queryByRole('link', { name: 'Story a0' })).not.toBeInTheDocument();
    expect(drawn[0]).toHaveAttribute('aria-setsize', '1000');
  });

  it('j past the last loaded card loads the next shard and moves on to its first card', async () => {
    const site = buildSite(cards(6), 3);
    const { requests, failures } = serveFiles(site.files);
    failures.set(newestShard(site, 1), 500);
    const { user } = renderApp('/');
    expect(await screen.findByRole('alert')).toHaveTextContent('More articles could not be loaded.');
    expect(shardRequests(requests)).toBe(2);
    failures.clear();
    screen.getByRole('link', { name: 'Story a2' }).focus();
    await user.keyboard('j');
    await waitFor(() => expect(screen.getByRole('link', { name: 'Story a3' })).toHaveFocus());
    expect(shardRequests(requests)).toBe(3);
  });
});
