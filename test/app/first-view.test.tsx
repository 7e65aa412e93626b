import { QueryClient } from '@tanstack/react-query';
import { act, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { StrictMode } from 'react';
import { hydrateRoot, type Root } from 'react-dom/client';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { App } from '../../src/app/app';
import { loadFirstView } from '../../src/app/first-view';
import { dataFiles } from '../../src/config/data-files';
import { renderFirstView } from '../../src/prerender/render-first-view';
import type { FeedShard } from '../../src/types/content';
import { buildSite, card, cards } from '../features/feed/builders';
import { serveFiles } from '../features/feed/serve-site';

/**
 * The build prerenders the first view (src/prerender) and the browser hydrates it (src/main.tsx).
 * These render the markup exactly as the build does, from a site's manifest and first shard, and
 * hydrate it in jsdom against the same site served through `fetch`.
 */

const hostileTitle = `<script>alert('title')</script><img src=x onerror="window.__hostile='title'"> title`;
const hostileExcerpt = `</p><iframe src="javascript:alert('excerpt')"></iframe> excerpt`;
const stories = [
  card('hostile', {
    title: hostileTitle,
    excerpt: hostileExcerpt,
    publishedAt: '2020-05-09T00:00:00.000Z',
    provider: { name: '<b>Provider</b>', domain: 'example.com' },
    topics: ['health'],
    image: { src: 'javascript:alert(1)', original: 'javascript:alert(2)', width: 1200, height: 800 },
  }),
  ...cards(11, 'n', { topics: ['markets'] }),
];
const site = buildSite(stories, 10);
const firstShard = () =>
  site.files.get(`/data/${dataFiles.shard('newest', null, 0, site.manifest.feeds.newest.hash)}`) as FeedShard;

/** The first view's markup, as the build renders it from this site. */
const firstViewHtml = () => renderFirstView(site.manifest, firstShard());

/**
 * The markup as the build writes it into index.html's root, parsed without running anything in it
 * (scripts from a DOMParser document never execute, even once moved) and put into the page.
 */
function parsed(html: string): HTMLElement {
  const parsedDocument = new DOMParser().parseFromString(`<div id="root">${html}</div>`, 'text/html');
  // eslint-disable-next-line testing-library/no-node-access -- the parsed document is not the page
  const root = parsedDocument.getElementById('root')!;
  const container = document.createElement('div');
  container.append(...root.childNodes);
  document.body.append(container);
  return container;
}

let root: Root | undefined;
afterEach(async () => {
  await act(async () => root?.unmount());
  root = undefined;
  document.body.replaceChildren();
  vi.unstubAllGlobals();
});

describe('the prerendered first view', () => {
  it("shows this build's newest cards, in order, with the feed's heading, chips and sort", () => {
    const body = parsed(renderFirstView(site.manifest, firstShard()));
    const view = within(body);
    expect(view.getByRole('heading', { level: 1, name: 'Latest news' })).toBeInTheDocument();
    const titles = within(view.getByRole('feed', { name: 'Articles' }))
      .getAllByRole('heading', { level: 2 })
      .map((heading) => heading.textContent);
    // Two rows of the widest grid: the newest eight, in the shard's order.
    expect(titles).toEqual(
      firstShard()
        .items.slice(0, 8)
        .map((item) => item.title),
    );
    expect(view.getByRole('button', { name: 'Markets 11 articles' })).toHaveAttribute(
      'aria-pressed',
      'false',
    );
    expect(view.getByRole('radio', { name: 'Newest' })).toBeChecked();
  });

  it('renders every text from content as text: no element, script or handler comes from it', () => {
    const body = parsed(firstViewHtml());
    const view = within(body);
    expect(view.getByRole('link', { name: hostileTitle })).toHaveAttribute('href', '/article/hostile');
    expect(view.getByText(hostileExcerpt)).toBeInTheDocument();
    expect(view.getByText('<b>Provider</b>')).toBeInTheDocument();
    // No element can be named by role for these: the markup is checked for them directly.
    // eslint-disable-next-line testing-library/no-node-access
    expect(body.querySelectorAll('script, iframe, b, [onerror]')).toHaveLength(0);
    // eslint-disable-next-line testing-library/no-node-access
    expect(body.querySelector('img[src="x"], img[src^="javascript:"]')).toBeNull();
    // No inline style either: the page's CSP (style-src 'self') would drop it before any script ran.
    // eslint-disable-next-line testing-library/no-node-access
    expect(body.querySelector('[style]')).toBeNull();
  });

  it('is drawn from the data it is given: another shard, other cards', () => {
    const other: FeedShard = { index: 0, items: [card('other', { title: 'A different newest story' })] };
    const view = within(parsed(renderFirstView(site.manifest, other)));
    expect(view.getAllByRole('heading', { level: 2 }).map((h) => h.textContent)).toEqual([
      'A different newest story',
    ]);
  });
});

describe('hydrating the prerendered first view', () => {
  async function hydrate(buildId = site.manifest.buildId) {
    const container = parsed(renderFirstView(site.manifest, firstShard()));
    const firstTitle = within(container).getAllByRole('heading', { level: 2 })[0]!;
    serveFiles(site.files);
    const client = new QueryClient({ defaultOptions: { queries: { retry: false } } });
    const manifest = await loadFirstView(client, buildId);
    return { container, firstTitle, client, manifest };
  }

  it('takes over the markup without a mismatch, keeping its elements, and the page then works', async () => {
    window.history.replaceState(null, '', '/');
    const { firstTitle, client, manifest, container } = await hydrate();
    expect(manifest?.buildId).toBe(site.manifest.buildId);
    const recoverable = vi.fn();
    await act(async () => {
      root = hydrateRoot(
        container,
        <StrictMode>
          <App client={client} prerenderedAt={Date.parse(manifest!.builtAt)} />
        </StrictMode>,
        { onRecoverableError: recoverable },
      );
    });
    expect(recoverable).not.toHaveBeenCalled();
    // The same element: hydrated, not drawn again.
    expect(screen.getAllByRole('heading', { level: 2 })[0]).toBe(firstTitle);

    const user = userEvent.setup();
    await user.click(screen.getByRole('button', { name: 'Health 1 article' }));
    expect(window.location.search).toBe('?topics=health');
    const feed = await screen.findByRole('feed', { name: 'Articles' });
    await vi.waitFor(() => expect(within(feed).getAllByRole('article')).toHaveLength(1));
  });

  it('refuses markup drawn for another build, so main.tsx draws the page afresh', async () => {
    const { manifest } = await hydrate('an-older-build');
    expect(manifest).toBeUndefined();
  });

  it('fails when the data cannot be loaded, so main.tsx draws the page afresh (with its error state)', async () => {
    const { failures } = serveFiles(site.files);
    failures.set(`/data/${dataFiles.manifest()}`, 500);
    const client = new QueryClient({ defaultOptions: { queries: { retry: false } } });
    await expect(loadFirstView(client, site.manifest.buildId)).rejects.toThrow(/HTTP 500/);
  });
});
