import { screen, waitFor, within } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { renderApp } from '../../app/render-app';
import { buildSite, cards, detailOf } from './builders';
import { serveFiles } from './serve-site';

afterEach(() => vi.unstubAllGlobals());

const items = cards(4, 'a', { topics: ['health'] });

async function ready() {
  return screen.findByRole('link', { name: 'Story a3' });
}

describe('feed shortcuts', () => {
  it('j and k move focus from card to card; o opens the current one', async () => {
    serveFiles(buildSite(items).files);
    const { user } = renderApp('/');
    await ready();
    await user.keyboard('j');
    expect(screen.getByRole('link', { name: 'Story a0' })).toHaveFocus();
    await user.keyboard('jj');
    expect(screen.getByRole('link', { name: 'Story a2' })).toHaveFocus();
    await user.keyboard('k');
    expect(screen.getByRole('link', { name: 'Story a1' })).toHaveFocus();
    await user.keyboard('kkk');
    expect(screen.getByRole('link', { name: 'Story a0' })).toHaveFocus();
    await user.keyboard('o');
    expect(window.location.pathname).toBe('/article/a0');
  });

  it('presses the keys kept from before the app took the page over once, in order', async () => {
    serveFiles(buildSite(items).files);
    const kept = vi.fn(() => ['j', 'j', 'x']);
    vi.stubGlobal('__newsEarlyKeys', kept);
    renderApp('/');
    await ready();
    await waitFor(() => expect(screen.getByRole('link', { name: 'Story a1' })).toHaveFocus());
    expect(kept).toHaveBeenCalledOnce();
    expect('__newsEarlyKeys' in window).toBe(false);
  });

  it('continues from a card reached with Tab', async () => {
    serveFiles(buildSite(items).files);
    const { user } = renderApp('/');
    const link = await screen.findByRole('link', { name: 'Story a2' });
    link.focus();
    await user.keyboard('j');
    expect(screen.getByRole('link', { name: 'Story a3' })).toHaveFocus();
  });

  it('v opens the current card’s original link in a new tab with no opener', async () => {
    serveFiles(buildSite(items).files);
    const { user } = renderApp('/');
    await ready();
    await user.keyboard('jjv');
    await waitFor(() =>
      expect(window.open).toHaveBeenCalledWith('https://example.com/a1', '_blank', 'noopener,noreferrer'),
    );
  });

  it('v refuses a link that is not http(s), and says why', async () => {
    const site = buildSite(items);
    site.files.set('/data/articles/a0.json', detailOf(items[0]!, 'javascript:alert(1)'));
    serveFiles(site.files);
    const { user } = renderApp('/');
    await ready();
    await user.keyboard('jv');
    expect(await screen.findByText('“Story a0” has no original link to open.')).toBeInTheDocument();
    expect(window.open).not.toHaveBeenCalled();
  });

  it('v says so when the article cannot be loaded', async () => {
    const { failures } = serveFiles(buildSite(items).files);
    failures.set('/data/articles/a0.json', 500);
    const { user } = renderApp('/');
    await ready();
    await user.keyboard('jv');
    expect(
      await screen.findByText(
        /^The original of “Story a0” could not be opened: The request for \/data\/articles\/a0\.json\?v=build-1 failed \(HTTP 500\)\.$/,
      ),
    ).toBeInTheDocument();
    expect(window.open).not.toHaveBeenCalled();
  });

  it('/ moves focus to the topic chips, on the first chip that is on', async () => {
    serveFiles(buildSite([...items, ...cards(2, 'b', { topics: ['sport'] })]).files);
    const { user } = renderApp('/?topics=sport');
    await screen.findByRole('link', { name: 'Story b1' });
    await user.keyboard('/');
    const chips = screen.getByRole('group', { name: 'Filter by topic' });
    expect(within(chips).getByRole('button', { name: 'Sport 2 articles' })).toHaveFocus();
  });
});
