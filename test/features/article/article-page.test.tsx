import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { articlePath, localStory, manifest, manifestPath, openAi } from './fixtures';
import { renderArticleRoute, serveArticles } from './render-article';

let server: Awaited<ReturnType<typeof serveArticles>>;
afterEach(async () => {
  vi.unstubAllGlobals();
  await server.close();
});

describe('ArticlePage', () => {
  it('shows a skeleton while loading, then the article with focus on its title', async () => {
    server = await serveArticles();
    renderArticleRoute(`/article/${openAi.id}`);
    expect(screen.getByRole('status')).toHaveTextContent('Loading the article…');

    const heading = await screen.findByRole('heading', { level: 1, name: openAi.title });
    expect(heading).toHaveFocus();
    expect(screen.queryByRole('status')).not.toBeInTheDocument();
    expect(document.title).toBe(`${openAi.title} · News Reader`);
    // Opened directly: the manifest first (for the buildId), then the article under that buildId.
    expect(server.requests).toEqual(['/data/manifest.json', `/data/articles/${openAi.id}.json?v=build-1`]);
  });

  it('shows provider, dates, topics that filter the feed, quality with its meaning, heat, images and excerpt', async () => {
    server = await serveArticles();
    renderArticleRoute(`/article/${openAi.id}`);
    const article = await screen.findByRole('article', { name: openAi.title });

    expect(within(article).getByText('SiliconANGLE')).toBeInTheDocument();
    expect(within(article).getByText(/siliconangle\.com/)).toBeInTheDocument();
    const time = within(article).getByText(/^2[78] January 2023 at \d\d:\d\d/);
    expect(time.tagName).toBe('TIME');
    expect(time).toHaveAttribute('datetime', '2023-01-27T21:02:00.000Z');
    expect(within(article).getByText(/^\(\d+ years? ago\)$/)).toBeInTheDocument();

    expect(within(article).getByRole('link', { name: 'Machine Learning' })).toHaveAttribute(
      'href',
      '/?topics=machine-learning',
    );
    expect(within(article).getByRole('link', { name: 'AI' })).toHaveAttribute('href', '/?topics=ai');

    expect(within(article).getByTitle(/High: rated above most stories/)).toHaveTextContent(
      'Quality 87 · High',
    );
    expect(
      within(article).getByText(/High means rated above most stories \(score 70 to 99\)\./),
    ).toBeInTheDocument();
    expect(within(article).getByText('42')).toBeInTheDocument();

    expect(within(article).getByRole('img', { name: 'The OpenAI logo' })).toHaveAttribute('loading', 'eager');
    expect(within(article).getByText('The OpenAI logo', { selector: 'figcaption' })).toBeInTheDocument();
    expect(within(article).getByRole('img', { name: 'OpenAI’s office in San Francisco' })).toHaveAttribute(
      'loading',
      'lazy',
    );
    expect(within(article).getByText(openAi.excerpt!)).toBeInTheDocument();
    expect(within(article).getByText(/Draft/)).toBeInTheDocument();
  });

  it('links to the original and to the AMP version in a new tab, with no opener or referrer', async () => {
    server = await serveArticles();
    renderArticleRoute(`/article/${openAi.id}`);
    const read = await screen.findByRole('link', { name: 'Read at SiliconANGLE (opens in a new tab)' });
    expect(read).toHaveAttribute('href', openAi.url);
    expect(read).toHaveAttribute('target', '_blank');
    expect(read).toHaveAttribute('rel', 'noopener noreferrer');
    const amp = screen.getByRole('link', { name: 'AMP version (opens in a new tab)' });
    expect(amp).toHaveAttribute('href', openAi.ampUrl);
    expect(amp).toHaveAttribute('rel', 'noopener noreferrer');
  });

  it('opens the original in a new tab with the v key', async () => {
    server = await serveArticles();
    const open = vi.spyOn(window, 'open').mockImplementation(() => null);
    renderArticleRoute(`/article/${openAi.id}`);
    await screen.findByRole('heading', { level: 1, name: openAi.title });
    await userEvent.keyboard('v');
    expect(open).toHaveBeenCalledExactlyOnceWith(openAi.url, '_blank', 'noopener,noreferrer');
    open.mockRestore();
  });

  it('says heat is unknown, and shows no AMP link or Draft marker when the article has none', async () => {
    server = await serveArticles();
    renderArticleRoute(`/article/${localStory.id}`);
    await screen.findByRole('heading', { level: 1, name: localStory.title });
    expect(screen.getByText('Unknown: the source gives no heat score.')).toBeInTheDocument();
    expect(screen.getByText('Not rated: the source gives no quality score.')).toBeInTheDocument();
    expect(screen.queryByRole('link', { name: /AMP/ })).not.toBeInTheDocument();
    expect(screen.queryByText(/Draft/)).not.toBeInTheDocument();
    // No caption: the lead image is described by the article title.
    expect(screen.getByRole('img', { name: localStory.title })).toBeInTheDocument();
  });

  it('shows a not-found page for an unknown id, with a link back to the feed', async () => {
    server = await serveArticles();
    const { location } = renderArticleRoute('/article/no-such-article');
    const heading = await screen.findByRole('heading', { level: 1, name: 'Article not found' });
    expect(heading).toHaveFocus();
    expect(screen.getByText('no-such-article')).toBeInTheDocument();

    await userEvent.click(screen.getByRole('link', { name: /Back to the feed/ }));
    expect(await screen.findByRole('heading', { level: 1, name: 'Feed' })).toBeInTheDocument();
    expect(location.history).toEqual(['/article/no-such-article', '/']);
  });

  it('shows an error with retry when the article fails to load, and recovers on retry', async () => {
    server = await serveArticles([[articlePath(openAi.id), { status: 500, body: { error: 'boom' } }]]);
    renderArticleRoute(`/article/${openAi.id}`);
    const alert = await screen.findByRole('alert');
    expect(alert).toHaveTextContent('This article could not be loaded.');
    expect(alert).toHaveTextContent('failed (HTTP 500)');
    expect(screen.queryByRole('heading', { name: 'Article not found' })).not.toBeInTheDocument();

    server.routes.set(articlePath(openAi.id), { body: openAi });
    await userEvent.click(within(alert).getByRole('button', { name: 'Try again' }));
    expect(await screen.findByRole('heading', { level: 1, name: openAi.title })).toBeInTheDocument();
    expect(screen.queryByRole('alert')).not.toBeInTheDocument();
  });

  it('shows an error with retry when the manifest fails, and loads the article once it answers', async () => {
    server = await serveArticles([[manifestPath, { status: 503, body: {} }]]);
    renderArticleRoute(`/article/${openAi.id}`);
    const alert = await screen.findByRole('alert');
    expect(alert).toHaveTextContent('The news index could not be loaded.');

    server.routes.set(manifestPath, { body: manifest });
    await userEvent.click(within(alert).getByRole('button', { name: 'Try again' }));
    expect(await screen.findByRole('heading', { level: 1, name: openAi.title })).toBeInTheDocument();
  });

  it('topic links lead to the feed filtered by that topic', async () => {
    server = await serveArticles();
    const { location } = renderArticleRoute(`/article/${openAi.id}`);
    await userEvent.click(await screen.findByRole('link', { name: 'Machine Learning' }));
    expect(
      await screen.findByRole('heading', { level: 1, name: 'Feed filtered by machine-learning' }),
    ).toBeInTheDocument();
    await waitFor(() => expect(location.history?.at(-1)).toBe('/?topics=machine-learning'));
  });
});

describe('ArticlePage across builds', () => {
  it('keeps the article on screen while a new build’s copy loads, then shows the new copy', async () => {
    server = await serveArticles();
    const { queryClient } = renderArticleRoute(`/article/${openAi.id}`);
    const heading = await screen.findByRole('heading', { level: 1, name: openAi.title });

    server.routes.set(manifestPath, { body: { ...manifest, buildId: 'build-2' } });
    server.routes.set(articlePath(openAi.id), { body: { ...openAi, title: 'Retitled in build 2' } });
    await queryClient.invalidateQueries({ queryKey: ['manifest'] });
    expect(screen.queryByRole('status')).not.toBeInTheDocument();
    expect(await screen.findByRole('heading', { level: 1, name: 'Retitled in build 2' })).toBe(heading);
    expect(server.requests).toContain(`/data/articles/${openAi.id}.json?v=build-2`);
  });
});
