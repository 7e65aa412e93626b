import { expect, test, type Page } from '@playwright/test';
import { dataFiles } from '../../../src/config/data-files';
import type { FeedShard, Manifest } from '../../../src/types/content';
import { cardTitles, feed, manyTopicsTitle, newestTitle, stayLocal } from './feed-support';

/**
 * The build prerenders the feed's first screen into index.html (src/prerender), and the app
 * hydrates it. Here the built page is read with the app's module withheld (what a reader sees
 * before it runs), then with it.
 */

test.beforeEach(async ({ context, baseURL }) => stayLocal(context, baseURL));

/** Withholds the app's own module (public/first-paint.js still runs: theme and address). */
async function withoutApp(page: Page) {
  await page.route(/\/assets\/index-[\w-]+\.js$/, (route) => route.abort('blockedbyclient'));
}

async function thisBuild(page: Page): Promise<{ manifest: Manifest; shard: FeedShard }> {
  const manifest = (await (await page.request.get('/data/manifest.json')).json()) as Manifest;
  const { hash } = manifest.feeds.newest;
  const shard = (await (
    await page.request.get(`/data/${dataFiles.shard('newest', null, 0, hash)}`)
  ).json()) as FeedShard;
  return { manifest, shard };
}

/** Console errors other than refused outside requests (publishers' images). */
function consoleErrors(page: Page): string[] {
  const errors: string[] = [];
  page.on('console', (message) => {
    if (message.type() === 'error' && !message.text().startsWith('Failed to load resource'))
      errors.push(message.text());
  });
  page.on('pageerror', (error) => errors.push(error.message));
  return errors;
}

test("the page itself holds this build's newest cards, before any of the app's script runs", async ({
  page,
}) => {
  const { manifest, shard } = await thisBuild(page);
  await withoutApp(page);
  await page.goto('/');
  await expect(page.locator('#root')).toHaveAttribute('data-first-view', manifest.buildId);
  await expect(page.getByRole('heading', { level: 1, name: 'Latest news' })).toBeVisible();
  await expect(cardTitles(page)).toHaveText(shard.items.slice(0, 8).map((item) => item.title));
  await expect(cardTitles(page).first()).toHaveText(newestTitle);
  await expect(
    page.getByRole('group', { name: 'Filter by topic' }).getByRole('button').first(),
  ).toBeVisible();
});

test('the app takes the prerendered page over without an error, keeping its elements, and it works', async ({
  page,
}) => {
  const errors = consoleErrors(page);
  // The first card's title as the HTML parser made it, before the app's module (started after the
  // first paint) can run.
  await page.addInitScript(() => {
    document.addEventListener('DOMContentLoaded', () => {
      (window as unknown as { __prerendered?: Element | null }).__prerendered =
        document.querySelector('[role="feed"] h2');
    });
  });
  await page.goto('/');
  await expect(page.locator('[role="feed"] [data-row]').first()).toBeAttached(); // measured: the app runs
  expect(
    await page.evaluate(() => {
      const kept = (window as unknown as { __prerendered?: Element | null }).__prerendered;
      return Boolean(kept?.isConnected) && kept === document.querySelector('[role="feed"] h2');
    }),
  ).toBe(true);

  const chips = page.getByRole('group', { name: 'Filter by topic' });
  await chips.getByRole('button', { name: /^Hand Picked/ }).click();
  await expect(page).toHaveURL(/\?topics=hand-picked$/);
  await expect(feed(page).getByRole('article')).toHaveCount(2);
  await page.goBack();
  await expect(cardTitles(page).first()).toHaveText(newestTitle);
  expect(errors).toEqual([]);
});

test('keys pressed on the prerendered page before the app takes it over still count', async ({ page }) => {
  // The app's module is held back until the keys have been pressed on the page as it was built.
  let release = () => {};
  const released = new Promise<void>((resolve) => (release = resolve));
  await page.route(/\/assets\/index-[\w-]+\.js$/, async (route) => {
    await released;
    await route.continue();
  });
  // Not until `load`: the module held here delays it if the page has painted (and started the
  // module) before everything else had loaded, as on a busy machine.
  await page.goto('/', { waitUntil: 'domcontentloaded' });
  await expect(cardTitles(page).first()).toHaveText(newestTitle);
  await expect(page.locator('[role="feed"] [data-row]')).toHaveCount(0); // not taken over yet
  await page.keyboard.press('j');
  await page.keyboard.press('j');
  release();
  await expect(page.locator('[role="feed"] [data-row]').first()).toBeAttached(); // measured: the app runs
  await expect(page.getByRole('link', { name: manyTopicsTitle, exact: true })).toBeFocused();
  // Pressed once only: the next j goes on from there.
  await page.keyboard.press('k');
  await expect(page.getByRole('link', { name: newestTitle, exact: true })).toBeFocused();
});

test('a stored dark theme is painted before the app runs, whatever the system prefers', async ({ page }) => {
  await page.emulateMedia({ colorScheme: 'light' });
  await page.addInitScript(() => localStorage.setItem('news-reader:theme', 'dark'));
  await withoutApp(page);
  await page.goto('/');
  await expect(page.locator('html')).toHaveClass(/\bdark\b/);
  const card = feed(page).getByRole('article').first();
  await expect(card).toBeVisible();
  // slate-900 cards on a slate-950 page, not the light theme's white.
  expect(await card.evaluate((element) => getComputedStyle(element).backgroundColor)).not.toBe(
    'rgb(255, 255, 255)',
  );
  expect(
    await page.locator('body').evaluate((element) => getComputedStyle(element).backgroundColor),
  ).not.toBe('rgb(248, 250, 252)');
});

test('another address never shows the prerendered feed, before or after the app draws its page', async ({
  page,
}) => {
  const { shard } = await thisBuild(page);
  const article = shard.items[1]!;
  await withoutApp(page);
  await page.goto(`/article/${article.id}`);
  await expect(page.locator('#root')).toBeHidden();
  await page.unrouteAll();

  await page.goto('/?sort=quality');
  await expect(page.getByRole('heading', { level: 1, name: 'Best-rated news' })).toBeVisible();
  await page.goto(`/article/${article.id}`);
  await expect(page.getByRole('heading', { level: 1, name: article.title })).toBeVisible();
  await expect(feed(page)).toHaveCount(0);
});

test('markup of another build is not hydrated: the page is drawn afresh from the data it gets', async ({
  page,
}) => {
  const errors = consoleErrors(page);
  const { manifest } = await thisBuild(page);
  // As a page kept by the service worker would meet a newer build's data.
  await page.route('**/data/manifest.json', (route) =>
    route.fulfill({ json: { ...manifest, buildId: 'a-newer-build' } }),
  );
  await page.goto('/');
  await expect(page.locator('#root:not([data-first-view])')).toBeAttached();
  await expect(cardTitles(page).first()).toHaveText(newestTitle);
  expect(errors).toEqual([]);
});
