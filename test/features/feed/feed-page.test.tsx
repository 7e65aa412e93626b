import { screen, waitFor, within } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { createQueryClient } from '../../../src/lib/query-client';
import { renderApp } from '../../app/render-app';
import { buildSite, card, cards, newestShard } from './builders';
import { serveFiles } from './serve-site';

afterEach(() => vi.unstubAllGlobals());

const stories = [
  card('yemen', {
    title: 'Yemen reports first case',
    excerpt: 'Authorities confirmed the first case.',
    publishedAt: '2020-05-06T00:06:00.000Z',
    provider: { name: 'Reuters', domain: 'reuters.com' },
    topics: ['cases', 'coronavirus'],
    quality: 155,
    tier: 'top',
    heat: 3,
  }),
  card('lockdown', {
    title: 'Lockdown eased in Italy',
    publishedAt: '2020-05-07T09:30:00.000Z',
    provider: { name: 'BBC', domain: 'bbc.co.uk' },
    topics: ['lockdown', 'coronavirus'],
    quality: 40,
    tier: 'medium',
    heat: 9,
    draft: true,
  }),
  card('markets', {
    title: 'Markets rally',
    publishedAt: '2020-05-05T12:00:00.000Z',
    provider: { name: 'CNBC' },
    topics: ['markets'],
    quality: undefined,
    tier: undefined,
    heat: undefined,
  }),
];

function titles() {
  return within(screen.getByRole('feed', { name: 'Articles' }))
    .getAllByRole('article')
    .map((article) => within(article).getByRole('heading', { level: 2 }).textContent);
}

describe('the feed', () => {
  it('draws each card: title link, provider and domain, dates, excerpt, topics, quality, draft; newest first', async () => {
    serveFiles(buildSite(stories).files);
    renderApp('/');

    const link = await screen.findByRole('link', { name: 'Lockdown eased in Italy' });
    expect(link).toHaveAttribute('href', '/article/lockdown');
    expect(titles()).toEqual(['Lockdown eased in Italy', 'Yemen reports first case', 'Markets rally']);

    const yemen = screen.getByRole('article', { name: 'Yemen reports first case' });
    expect(within(yemen).getByText('Reuters')).toBeInTheDocument();
    expect(within(yemen).getByText('reuters.com')).toBeInTheDocument();
    expect(within(yemen).getByText('Authorities confirmed the first case.')).toBeInTheDocument();
    const time = within(yemen).getByTitle(/May 2020/);
    expect(time.tagName).toBe('TIME');
    expect(time).toHaveAttribute('dateTime', '2020-05-06T00:06:00.000Z');
    expect(time.textContent).toMatch(/ago \(\d+ May 2020 at \d\d:\d\d\)$/);
    expect(time.getAttribute('title')).toMatch(/^\d+ May 2020 at \d\d:\d\d$/);
    expect(within(yemen).getByRole('list', { name: 'Topics' })).toHaveTextContent('CasesCoronavirus');
    expect(within(yemen).getByText('Quality')).toBeInTheDocument();
    expect(within(yemen).getByText('Top')).toBeInTheDocument();
    expect(within(yemen).queryByText('Draft')).not.toBeInTheDocument();

    expect(
      within(screen.getByRole('article', { name: 'Lockdown eased in Italy' })).getByText('Draft'),
    ).toBeInTheDocument();
    expect(
      within(screen.getByRole('article', { name: 'Markets rally' })).queryByText('Quality'),
    ).not.toBeInTheDocument();
    expect(screen.getByText('3 articles')).toBeInTheDocument();
  });

  it('shows card-shaped placeholders while the news loads', async () => {
    serveFiles(buildSite(stories).files);
    renderApp('/');
    expect(screen.getByRole('heading', { level: 1, name: 'Latest news' })).toBeInTheDocument();
    expect(screen.getByText('Loading articles…')).toBeInTheDocument();
    await screen.findByRole('feed', { name: 'Articles' });
    expect(screen.queryByText('Loading articles…')).not.toBeInTheDocument();
  });

  it('filters by topic chips: pressed state, counts, any-of, the URL, and a clear control', async () => {
    serveFiles(buildSite(stories).files);
    const { user } = renderApp('/');
    const chips = await screen.findByRole('group', { name: 'Filter by topic' });
    const coronavirus = within(chips).getByRole('button', { name: 'Coronavirus 2 articles' });
    expect(coronavirus).toHaveAttribute('aria-pressed', 'false');

    expect(within(chips).getByRole('button', { name: 'Markets 1 article' })).toHaveAttribute(
      'aria-pressed',
      'false',
    );
    await user.click(within(chips).getByRole('button', { name: /^Markets/ }));
    expect(within(chips).getByRole('button', { name: /^Markets/ })).toHaveAttribute('aria-pressed', 'true');
    expect(window.location.search).toBe('?topics=markets');
    await waitFor(() => expect(titles()).toEqual(['Markets rally']));
    expect(screen.getByText('1 article in Markets')).toBeInTheDocument();

    await user.click(within(chips).getByRole('button', { name: /^Cases/ }));
    expect(window.location.search).toBe('?topics=cases,markets');
    await waitFor(() => expect(titles()).toEqual(['Yemen reports first case', 'Markets rally']));

    await user.click(screen.getByRole('button', { name: 'Clear topics' }));
    expect(window.location.search).toBe('');
    await waitFor(() => expect(titles()).toHaveLength(3));
    expect(within(chips).getByRole('button', { name: /^Markets/ })).toHaveAttribute('aria-pressed', 'false');
  });

  it('reads the selection and sort from the URL, and back steps through changes', async () => {
    serveFiles(buildSite(stories).files);
    const { user } = renderApp('/?topics=coronavirus&sort=heat');
    await waitFor(() => expect(titles()).toEqual(['Lockdown eased in Italy', 'Yemen reports first case']));
    expect(screen.getByRole('heading', { level: 1, name: 'Trending news' })).toBeInTheDocument();
    expect(screen.getByRole('radio', { name: 'Trending' })).toBeChecked();

    await user.click(screen.getByRole('radio', { name: 'Quality' }));
    expect(window.location.search).toBe('?topics=coronavirus&sort=quality');
    await waitFor(() => expect(titles()).toEqual(['Yemen reports first case', 'Lockdown eased in Italy']));

    window.history.back();
    await waitFor(() => expect(screen.getByRole('radio', { name: 'Trending' })).toBeChecked());
    expect(window.location.search).toBe('?topics=coronavirus&sort=heat');
  });

  it('shows an article in two chosen topics once', async () => {
    serveFiles(buildSite(stories).files);
    renderApp('/?topics=lockdown,coronavirus');
    await waitFor(() => expect(titles()).toEqual(['Lockdown eased in Italy', 'Yemen reports first case']));
    expect(screen.getByText('2 articles in Coronavirus or Lockdown')).toBeInTheDocument();
  });

  it('offers to clear the topics when none of their articles exist', async () => {
    serveFiles(buildSite(stories).files);
    const { user } = renderApp('/?topics=gone');
    expect(await screen.findByText('No articles in these topics.')).toBeInTheDocument();
    const clear = screen.getAllByRole('button', { name: 'Clear topics' });
    await user.click(clear.at(-1)!);
    expect(window.location.search).toBe('');
    await waitFor(() => expect(titles()).toHaveLength(3));
  });

  it('draws the 40 biggest topics (and any chosen one) until asked for all', async () => {
    const many = Array.from({ length: 45 }, (_, i) =>
      card(`t${i}`, { topics: [`topic${String(i).padStart(2, '0')}`] }),
    );
    serveFiles(buildSite(many).files);
    const { user } = renderApp('/?topics=topic44');
    const chips = await screen.findByRole('group', { name: 'Filter by topic' });
    expect(within(chips).getAllByRole('button', { pressed: false })).toHaveLength(40);
    expect(within(chips).getByRole('button', { name: 'Topic44 1 article' })).toHaveAttribute(
      'aria-pressed',
      'true',
    );
    await user.click(within(chips).getByRole('button', { name: 'Show all 45 topics' }));
    expect(within(chips).getAllByRole('button', { pressed: false })).toHaveLength(44);
  });

  it('says so when there are no articles at all', async () => {
    serveFiles(buildSite([]).files);
    renderApp('/');
    expect(await screen.findByText('There are no articles yet.')).toBeInTheDocument();
    expect(screen.queryByRole('button', { name: 'Clear topics' })).not.toBeInTheDocument();
  });

  it('loads every shard of a longer feed, in order', async () => {
    const many = cards(10);
    const { requests } = serveFiles(buildSite(many, 3).files);
    renderApp('/');
    await waitFor(() => expect(titles()).toHaveLength(10), { timeout: 4000 });
    expect(titles()).toEqual(many.map((c) => c.title));
    expect(requests.filter((r) => r.includes('/feed/newest-all.'))).toHaveLength(4);
    expect(await screen.findByText('That is every article.')).toBeInTheDocument();
  });
});

describe('the feed when data fails', () => {
  it('shows an error with retry when the manifest answers 500, and recovers', async () => {
    const site = buildSite(stories);
    const { failures } = serveFiles(site.files);
    failures.set('/data/manifest.json', 500);
    const { user } = renderApp('/');
    const alert = await screen.findByRole('alert');
    expect(alert).toHaveTextContent('The news index could not be loaded.');
    expect(alert).toHaveTextContent('The request for /data/manifest.json failed (HTTP 500).');
    failures.clear();
    await user.click(within(alert).getByRole('button', { name: 'Try again' }));
    expect(await screen.findByRole('link', { name: 'Markets rally' })).toBeInTheDocument();
  });

  it('shows an error with retry when the first shard cannot be reached', async () => {
    const site = buildSite(stories);
    const { failures } = serveFiles(site.files);
    const shard = newestShard(site, 0);
    failures.set(shard, 'network');
    const { user } = renderApp('/');
    const alert = await screen.findByRole('alert');
    expect(alert).toHaveTextContent('The articles could not be loaded.');
    expect(alert).toHaveTextContent('The reader could not reach the server.');
    failures.clear();
    await user.click(within(alert).getByRole('button', { name: 'Try again' }));
    expect(await screen.findByRole('link', { name: 'Markets rally' })).toBeInTheDocument();
  });

  it('asks for a failing shard three times with the app’s retry policy, not three times three', async () => {
    const site = buildSite(stories);
    const { failures, requests } = serveFiles(site.files);
    const shard = newestShard(site, 0);
    failures.set(shard, 503);
    const client = createQueryClient();
    client.setDefaultOptions({ queries: { ...client.getDefaultOptions().queries, retryDelay: 0 } });
    renderApp('/', client);
    expect(await screen.findByRole('alert')).toHaveTextContent('failed (HTTP 503)');
    expect(requests.filter((r) => r === shard)).toHaveLength(3);
  });

  it('keeps the cards it has when a later shard fails, and retries it', async () => {
    const site = buildSite(cards(5), 3);
    const { failures } = serveFiles(site.files);
    const second = newestShard(site, 1);
    failures.set(second, 404);
    const { user } = renderApp('/');
    const alert = await screen.findByRole('alert');
    expect(alert).toHaveTextContent('More articles could not be loaded.');
    expect(titles()).toHaveLength(3);
    failures.clear();
    await user.click(within(alert).getByRole('button', { name: 'Try again' }));
    await waitFor(() => expect(titles()).toHaveLength(5));
  });
});
