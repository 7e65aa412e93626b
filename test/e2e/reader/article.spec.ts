import AxeBuilder from '@axe-core/playwright';
import { expect, test, type APIRequestContext, type Page } from '@playwright/test';
import { dataFiles } from '../../../src/config/data-files';
import { qualityTier, tierInfo } from '../../../src/config/quality';
import type { ArticleDetail, FeedShard, Manifest, RelatedItem } from '../../../src/types/content';

/**
 * The article page against a production build of test/fixtures/content-e2e. The articles to open are
 * picked from the build's own JSON, and the page is checked against that JSON.
 */

async function getJson<T>(request: APIRequestContext, file: string): Promise<T> {
  const response = await request.get(`/data/${file}`);
  expect(response.ok(), `GET /data/${file}`).toBe(true);
  return (await response.json()) as T;
}

/** Every article in the build, newest first, with its detail file. */
async function loadArticles(request: APIRequestContext): Promise<ArticleDetail[]> {
  const manifest = await getJson<Manifest>(request, dataFiles.manifest());
  const { shards, hash } = manifest.feeds.newest;
  const ids: string[] = [];
  for (let index = 0; index < shards; index++) {
    const shard = await getJson<FeedShard>(request, dataFiles.shard('newest', null, index, hash));
    ids.push(...shard.items.map((card) => card.id));
  }
  return Promise.all(
    ids.map((id) => getJson<ArticleDetail>(request, dataFiles.article(encodeURIComponent(id)))),
  );
}

let articles: ArticleDetail[] = [];
test.beforeAll(async ({ request }) => {
  articles = await loadArticles(request);
  expect(articles.length, 'the e2e fixture build has articles').toBeGreaterThan(0);
});

type LocalRelated = RelatedItem & { articleId: string };

/** An article whose related rail links to another local article and shows quality badges. */
function withLocalRelated(): { article: ArticleDetail; related: LocalRelated } {
  for (const article of articles) {
    const related = article.related.find((item): item is LocalRelated => !!item.articleId);
    if (related && article.related.some((item) => item.quality !== undefined)) return { article, related };
  }
  throw new Error(
    'test/fixtures/content-e2e needs an article whose related list links to another local article and gives quality scores',
  );
}

// Tests never leave 127.0.0.1: remote images are refused, which also exercises the placeholders.
test.beforeEach(async ({ context, baseURL }) => {
  const origin = new URL(baseURL!).origin;
  await context.route(
    (url) => url.origin !== origin,
    (route) => route.abort('blockedbyclient'),
  );
});

async function expectArticle(page: Page, article: ArticleDetail) {
  const heading = page.getByRole('heading', { level: 1, name: article.title, exact: true });
  await expect(heading).toBeVisible();
  await expect(heading).toBeFocused();
}

test('opens an article directly, with a safe "Read at" link to the original', async ({ page }) => {
  const article = articles[0]!;
  await page.goto(`/article/${encodeURIComponent(article.id)}`);
  await expectArticle(page, article);
  await expect(page).toHaveTitle(`${article.title} · News Reader`);

  const name = article.provider
    ? `Read at ${article.provider.name} (opens in a new tab)`
    : 'Read the original (opens in a new tab)';
  const original = page.getByRole('link', { name, exact: true });
  await expect(original).toHaveAttribute('href', article.url);
  await expect(original).toHaveAttribute('target', '_blank');
  await expect(original).toHaveAttribute('rel', 'noopener noreferrer');

  const topic = article.topics[0];
  if (topic)
    await expect(page.getByRole('link', { name: topic.name, exact: true })).toHaveAttribute(
      'href',
      `/?topics=${topic.slug}`,
    );
});

test('v opens the original in a new tab that cannot reach back into the reader', async ({
  page,
  context,
}) => {
  const article = articles[0]!;
  await page.goto(`/article/${encodeURIComponent(article.id)}`);
  await expectArticle(page, article);
  const requested = context.waitForEvent('request', (request) => request.url() === new URL(article.url).href);
  const tab = context.waitForEvent('page');
  await page.keyboard.press('v');
  await requested;
  expect(await (await tab).evaluate(() => window.opener)).toBeNull();
  await expect(page).toHaveURL(`/article/${encodeURIComponent(article.id)}`);
});

test('opens an article from the feed, and back returns to the feed', async ({ page }) => {
  const article = articles[0]!;
  await page.goto('/');
  await page.getByRole('link', { name: article.title, exact: true }).first().click();
  await expect(page).toHaveURL(`/article/${encodeURIComponent(article.id)}`);
  await expectArticle(page, article);

  await page.goBack();
  await expect(page).toHaveURL('/');
  await expect(page.getByRole('link', { name: article.title, exact: true }).first()).toBeVisible();
});

test('the related rail shows quality badges, and a local related story opens in the reader', async ({
  page,
}) => {
  const { article, related } = withLocalRelated();
  await page.goto(`/article/${encodeURIComponent(article.id)}`);
  await expectArticle(page, article);

  const rail = page.getByRole('complementary', { name: 'Related stories' });
  await expect(rail.getByRole('listitem')).toHaveCount(article.related.length);
  for (const item of article.related.filter((r) => r.quality !== undefined)) {
    const tier = item.tier ?? qualityTier(item.quality!);
    await expect(rail.getByText(`Quality ${item.quality} · ${tierInfo(tier).label}`).first()).toBeVisible();
  }
  for (const item of article.related.filter((r) => !r.articleId && r.url)) {
    const link = rail.getByRole('link', { name: `${item.title} (opens in a new tab)`, exact: true }).first();
    await expect(link).toHaveAttribute('href', item.url!);
    await expect(link).toHaveAttribute('target', '_blank');
    await expect(link).toHaveAttribute('rel', 'noopener noreferrer');
  }

  await rail.getByRole('link', { name: related.title, exact: true }).first().click();
  await expect(page).toHaveURL(`/article/${encodeURIComponent(related.articleId)}`);
  const target = articles.find((a) => a.id === related.articleId)!;
  await expectArticle(page, target);

  await page.goBack();
  await expect(page).toHaveURL(`/article/${encodeURIComponent(article.id)}`);
  await expectArticle(page, article);
});

test('an unknown article id shows the not-found page with a way back to the feed', async ({ page }) => {
  await page.goto('/article/no-such-article');
  await expect(page.getByRole('heading', { level: 1, name: 'Article not found' })).toBeFocused();
  await page.getByRole('link', { name: 'Back to the feed' }).click();
  await expect(page).toHaveURL('/');
});

test('the article page has no axe violations, in light and dark colour schemes', async ({ page }) => {
  const { article } = withLocalRelated();
  for (const colorScheme of ['light', 'dark'] as const) {
    await page.emulateMedia({ colorScheme });
    await page.goto(`/article/${encodeURIComponent(article.id)}`);
    await expectArticle(page, article);
    if (colorScheme === 'dark') await expect(page.locator('html')).toHaveClass(/\bdark\b/);
    await expect(page.getByRole('complementary', { name: 'Related stories' })).toBeVisible();
    const results = await new AxeBuilder({ page }).analyze();
    expect(results.violations, `${colorScheme}: ${results.violations.map((v) => v.id).join(', ')}`).toEqual(
      [],
    );
  }
});
