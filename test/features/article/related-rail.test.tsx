import { screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { articlePath, localStory, openAi } from './fixtures';
import { renderArticleRoute, serveArticles } from './render-article';

let server: Awaited<ReturnType<typeof serveArticles>>;
afterEach(async () => {
  vi.unstubAllGlobals();
  vi.restoreAllMocks();
  await server.close();
});

async function openRail() {
  renderArticleRoute(`/article/${openAi.id}`);
  return screen.findByRole('complementary', { name: 'Related stories' });
}

describe('Related rail', () => {
  it('lists each related story with title, provider, date and its own quality badge', async () => {
    server = await serveArticles();
    const rail = await openRail();
    const items = within(rail).getAllByRole('listitem');
    expect(items).toHaveLength(3);

    const [local, external, unlinked] = items as [HTMLElement, HTMLElement, HTMLElement];
    expect(
      within(local).getByRole('heading', { name: 'OpenAI launches tool for detecting AI-generated text' }),
    ).toBeInTheDocument();
    expect(local).toHaveTextContent('SiliconANGLE');
    expect(within(local).getByText(/^(31 January|1 February) 2023 at/)).toHaveAttribute(
      'datetime',
      '2023-01-31T21:55:00.000Z',
    );
    expect(within(local).getByTitle(/Low:/)).toHaveTextContent('Quality 39 · Low');
    // No tier in the data: the badge derives it from the score.
    expect(within(external).getByTitle(/Top:/)).toHaveTextContent('Quality 187 · Top');
    expect(external).toHaveTextContent('NBC News');
    expect(within(unlinked).getByTitle(/Medium:/)).toHaveTextContent('Quality 46 · Medium');
  });

  it('opens a related local article in the reader, moving focus to its title', async () => {
    server = await serveArticles();
    const { location } = renderArticleRoute(`/article/${openAi.id}`);
    const rail = await screen.findByRole('complementary', { name: 'Related stories' });
    const link = within(rail).getByRole('link', { name: localStory.title });
    expect(link).toHaveAttribute('href', `/article/${localStory.id}`);
    expect(link).not.toHaveAttribute('target');

    await userEvent.click(link);
    const heading = await screen.findByRole('heading', { level: 1, name: localStory.title });
    expect(heading).toHaveFocus();
    expect(location.history).toEqual([`/article/${openAi.id}`, `/article/${localStory.id}`]);
  });

  it('opens any other related story in a new tab, safely', async () => {
    server = await serveArticles();
    const rail = await openRail();
    const link = within(rail).getByRole('link', {
      name: 'OpenAI launches tool to catch AI-generated text (opens in a new tab)',
    });
    expect(link).toHaveAttribute(
      'href',
      'https://www.nbcnews.com/tech/tech-news/openai-tool-catch-ai-generated-text-rcna68480',
    );
    expect(link).toHaveAttribute('target', '_blank');
    expect(link).toHaveAttribute('rel', 'noopener noreferrer');
  });

  it('shows a story with no usable link as text, and drops a link that is not http(s)', async () => {
    const withBadLink = {
      ...openAi,
      related: [
        ...openAi.related,
        { title: 'Sneaky', url: 'javascript:alert(1)', provider: { name: 'Evil' } },
      ],
    };
    server = await serveArticles([[articlePath(openAi.id), { body: withBadLink }]]);
    const rail = await openRail();
    expect(within(rail).getByText('A story whose link the pipeline dropped')).toBeInTheDocument();
    expect(within(rail).queryByRole('link', { name: /A story whose link/ })).not.toBeInTheDocument();
    expect(within(rail).getByText('Sneaky')).toBeInTheDocument();
    expect(within(rail).queryByRole('link', { name: /Sneaky/ })).not.toBeInTheDocument();
    expect(within(rail).getAllByRole('link')).toHaveLength(2);
  });

  it('says so when there are no related stories', async () => {
    server = await serveArticles();
    renderArticleRoute(`/article/${localStory.id}`);
    const rail = await screen.findByRole('complementary', { name: 'Related stories' });
    expect(within(rail).getByText('No related stories for this article.')).toBeInTheDocument();
  });

  it('contains a related item that cannot be drawn: the rail shows an error, the article stays', async () => {
    const consoleError = vi.spyOn(console, 'error').mockImplementation(() => undefined);
    // A file that breaks the contract: a related title that is an object, not text.
    const broken = JSON.stringify({ ...openAi, related: [{ title: { text: 'not a string' }, quality: 50 }] });
    server = await serveArticles([[articlePath(openAi.id), { body: broken, raw: true }]]);
    const rail = await openRail();

    expect(within(rail).getByRole('alert')).toHaveTextContent('Related stories could not be shown.');
    expect(screen.getByRole('heading', { level: 1, name: openAi.title })).toBeInTheDocument();
    expect(
      screen.getByRole('link', { name: 'Read at SiliconANGLE (opens in a new tab)' }),
    ).toBeInTheDocument();
    expect(consoleError).toHaveBeenCalled();
  });
});
