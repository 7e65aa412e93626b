import { screen, waitFor, within } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { buildSite, cards } from '../features/feed/builders';
import { serveFiles } from '../features/feed/serve-site';
import { renderApp } from './render-app';

beforeEach(() => {
  localStorage.clear();
  document.documentElement.className = '';
});
afterEach(() => vi.unstubAllGlobals());

/** jsdom has no media queries: a system that prefers dark (or not). */
function systemPrefersDark(dark: boolean) {
  vi.stubGlobal('matchMedia', (query: string) => ({
    matches: dark && query === '(prefers-color-scheme: dark)',
    addEventListener: vi.fn(),
    removeEventListener: vi.fn(),
  }));
}

describe('the shell', () => {
  it('has a skip link to the main landmark, and the app name links home', async () => {
    serveFiles(buildSite(cards(2)).files);
    const { user } = renderApp('/');
    const skip = screen.getByRole('link', { name: 'Skip to content' });
    await user.click(skip);
    expect(screen.getByRole('main')).toHaveFocus();
    expect(window.location.hash).toBe('');
    expect(within(screen.getByRole('banner')).getByRole('link', { name: 'News Reader' })).toHaveAttribute(
      'href',
      '/',
    );
  });

  it('follows a dark system, and remembers the toggle over it', async () => {
    systemPrefersDark(true);
    serveFiles(buildSite(cards(2)).files);
    const view = renderApp('/');
    const toggle = screen.getByRole('button', { name: 'Dark mode' });
    expect(toggle).toHaveAttribute('aria-pressed', 'true');

    await view.user.click(toggle);
    expect(toggle).toHaveAttribute('aria-pressed', 'false');
    expect(document.documentElement).toHaveClass('light');
    expect(document.documentElement).not.toHaveClass('dark');
    view.unmount();

    renderApp('/');
    expect(screen.getByRole('button', { name: 'Dark mode' })).toHaveAttribute('aria-pressed', 'false');
  });

  it('turns dark mode on with the toggle on a light system', async () => {
    systemPrefersDark(false);
    serveFiles(buildSite(cards(2)).files);
    const { user } = renderApp('/');
    await user.click(screen.getByRole('button', { name: 'Dark mode' }));
    expect(screen.getByRole('button', { name: 'Dark mode' })).toHaveAttribute('aria-pressed', 'true');
    expect(document.documentElement).toHaveClass('dark');
  });

  it('lists the shortcuts on ? and closes the list again', async () => {
    serveFiles(buildSite(cards(2)).files);
    const { user } = renderApp('/');
    await user.keyboard('?');
    const dialog = screen.getByRole('dialog', { name: 'Keyboard shortcuts' });
    expect(within(dialog).getByText('Next card')).toBeInTheDocument();
    expect(
      within(dialog).getByText(
        'Open the original story in a new tab (the current card’s, or the open article’s)',
      ),
    ).toBeInTheDocument();
    await user.click(within(dialog).getByRole('button', { name: 'Close' }));
    expect(screen.queryByRole('dialog')).not.toBeInTheDocument();

    await user.click(screen.getByRole('button', { name: 'Keyboard shortcuts' }));
    expect(screen.getByRole('dialog', { name: 'Keyboard shortcuts' })).toBeInTheDocument();
  });

  it('ignores shortcuts while typing in a field', async () => {
    serveFiles(buildSite(cards(2)).files);
    const { user } = renderApp('/');
    const field = document.createElement('input');
    field.setAttribute('aria-label', 'Notes');
    document.body.append(field);
    await user.type(screen.getByRole('textbox', { name: 'Notes' }), '?j');
    expect(screen.queryByRole('dialog')).not.toBeInTheDocument();
    expect(field).toHaveValue('?j');
    field.remove();
  });

  it('shows a not-found page for an unknown path, with a way back to the news', async () => {
    serveFiles(buildSite(cards(2)).files);
    const { user } = renderApp('/no/such/page');
    expect(screen.getByRole('heading', { level: 1, name: 'Page not found' })).toBeInTheDocument();
    expect(document.title).toBe('Page not found · News Reader');
    await user.click(screen.getByRole('link', { name: 'Go to the latest news' }));
    expect(await screen.findByRole('heading', { level: 1, name: 'Latest news' })).toHaveFocus();
  });

  it('opens an article from its card, and Esc returns to the same feed with focus on its heading', async () => {
    const items = cards(3, 'story', { topics: ['health'] });
    serveFiles(buildSite(items).files);
    const { user } = renderApp('/?topics=health');
    await user.click(await screen.findByRole('link', { name: 'Story story1' }));
    expect(window.location.pathname).toBe('/article/story1');
    expect(await screen.findByRole('heading', { level: 1, name: 'Story story1' })).toBeInTheDocument();

    await user.keyboard('{Escape}');
    await waitFor(() => expect(window.location.pathname).toBe('/'));
    expect(window.location.search).toBe('?topics=health');
    await waitFor(() => expect(screen.getByRole('heading', { level: 1, name: 'Latest news' })).toHaveFocus());
  });

  it('goes to the feed on Esc when the article was opened directly', async () => {
    serveFiles(buildSite(cards(2)).files);
    const { user } = renderApp('/article/a1');
    expect(await screen.findByRole('heading', { level: 1, name: 'Story a1' })).toBeInTheDocument();
    await user.keyboard('{Escape}');
    expect(await screen.findByRole('heading', { level: 1, name: 'Latest news' })).toBeInTheDocument();
    expect(window.location.pathname).toBe('/');
  });
});
