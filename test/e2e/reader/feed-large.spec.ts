import { expect, test } from '@playwright/test';
import { buildSite, cards } from '../../features/feed/builders';
import { feed, stayLocal } from './feed-support';

/**
 * 10,000 articles in 167 shards of 60, served from memory in place of the fixture build's data
 * (same file names, same JSON contract), to show the feed loading shards as it scrolls while the
 * DOM stays within issue 6's budget of 1,500 elements.
 */
const total = 10_000;
const site = buildSite(cards(total), 60);

test.beforeEach(async ({ context, baseURL }) => {
  await stayLocal(context, baseURL);
  await context.route('**/data/**', async (route) => {
    const body = site.files.get(new URL(route.request().url()).pathname);
    await (body === undefined ? route.fulfill({ status: 404 }) : route.fulfill({ json: body }));
  });
});

test('10,000 articles: shards load as the feed scrolls, the DOM stays bounded, the end is reached', async ({
  page,
}) => {
  test.setTimeout(120_000);
  // Only this site's shards: the built page also preloads the fixture build's own first shard.
  const served = [...site.files.keys()].filter((name) => name.includes('/data/feed/'));
  const shardsFetched = () =>
    page.evaluate(
      (names) =>
        performance.getEntriesByType('resource').filter((e) => names.includes(new URL(e.name).pathname))
          .length,
      served,
    );
  const elements = () => page.evaluate(() => document.getElementsByTagName('*').length);

  await page.goto('/');
  await expect(page.getByText('10,000 articles', { exact: true })).toBeVisible();
  await expect(feed(page).getByRole('article').first()).toHaveAttribute('aria-setsize', String(total));
  expect(await shardsFetched()).toBe(1);

  let most = 0;
  const end = page.getByText('That is every article.');
  const toBottom = () => page.evaluate(() => window.scrollTo(0, document.documentElement.scrollHeight));
  for (let step = 0; step < 400 && !(await end.isVisible()); step++) {
    await toBottom();
    await page.waitForTimeout(40);
    most = Math.max(most, await elements());
  }
  await toBottom();
  await expect(end).toBeInViewport();
  await expect(page.getByRole('link', { name: `Story a${total - 1}`, exact: true })).toBeVisible();
  expect(await shardsFetched()).toBe(Math.ceil(total / 60));
  expect(most).toBeLessThanOrEqual(1500);
  expect(await feed(page).getByRole('article').count()).toBeLessThan(60);
});

test('j walks past the first shard into the next one', async ({ page }) => {
  await page.goto('/');
  await expect(page.getByRole('link', { name: 'Story a0', exact: true })).toBeVisible();
  for (let i = 0; i < 60; i++) await page.keyboard.press('j');
  await expect(page.getByRole('link', { name: 'Story a59', exact: true })).toBeFocused();
  // Past the last card of the first shard: the next shard loads and focus moves into it.
  await page.keyboard.press('j');
  await expect(page.getByRole('link', { name: 'Story a60', exact: true })).toBeFocused();
  await page.keyboard.press('j');
  await expect(page.getByRole('link', { name: 'Story a61', exact: true })).toBeFocused();
  await expect(page.getByRole('link', { name: 'Story a61', exact: true })).toBeInViewport();
});

test('back from an article returns to the same place in a long feed', async ({ page }) => {
  await page.goto('/');
  await expect(page.getByRole('link', { name: 'Story a0', exact: true })).toBeVisible();
  // Scroll well into the feed, past the first shard, then open a card that is in view.
  for (let i = 0; i < 12; i++) {
    await page.mouse.wheel(0, 1500);
    await page.waitForTimeout(60);
  }
  // Wheel scrolling is animated: wait until it has come to rest.
  await expect
    .poll(async () => {
      const before = await page.evaluate(() => window.scrollY);
      await page.waitForTimeout(150);
      return (await page.evaluate(() => window.scrollY)) - before;
    })
    .toBe(0);
  const scrolled = await page.evaluate(() => window.scrollY);
  expect(scrolled).toBeGreaterThan(10_000);
  const title = await feed(page).evaluate((list) => {
    const inView = [...list.querySelectorAll('article h2')].find((h) => h.getBoundingClientRect().top > 100);
    return inView?.textContent ?? '';
  });
  const link = page.getByRole('link', { name: title, exact: true });
  const top = (await link.boundingBox())!.y;
  await link.click();
  await expect(page.getByRole('heading', { level: 1, name: title })).toBeVisible();
  expect(await page.evaluate(() => window.scrollY)).toBe(0);

  await page.goBack();
  await expect(link).toBeInViewport();
  expect(await page.evaluate(() => window.scrollY)).toBe(scrolled);
  expect((await link.boundingBox())!.y).toBeCloseTo(top, 0);
});
