import { expect, test } from '@playwright/test';
import { cardTitles, feed, manyTopicsTitle, newestTitle, openFeed, stayLocal } from './feed-support';

test.beforeEach(async ({ context, baseURL }) => stayLocal(context, baseURL));

test('feed → chip → URL → reload → article → back keeps the selection', async ({ page }) => {
  await openFeed(page);
  await expect(page.getByRole('heading', { level: 1, name: 'Latest news' })).toBeVisible();
  await expect(cardTitles(page).first()).toHaveText(newestTitle);
  await expect(page.getByText('42 articles', { exact: true })).toBeVisible();

  const chip = page.getByRole('button', { name: 'Hand Picked 2 articles' });
  await expect(chip).toHaveAttribute('aria-pressed', 'false');
  await chip.click();
  await expect(chip).toHaveAttribute('aria-pressed', 'true');
  await expect(page).toHaveURL(/\/\?topics=hand-picked$/);
  await expect(cardTitles(page)).toHaveText([newestTitle, manyTopicsTitle]);

  await page.reload();
  await expect(page.getByRole('button', { name: 'Hand Picked 2 articles' })).toHaveAttribute(
    'aria-pressed',
    'true',
  );
  await expect(cardTitles(page)).toHaveText([newestTitle, manyTopicsTitle]);

  const link = page.getByRole('link', { name: manyTopicsTitle, exact: true });
  await expect(link).toHaveAttribute('href', '/article/901_e2e_many_topics');
  await link.click();
  await expect(page).toHaveURL(/\/article\/901_e2e_many_topics$/);
  await expect(page.getByRole('heading', { level: 1, name: manyTopicsTitle })).toBeFocused();

  await page.goBack();
  await expect(page).toHaveURL(/\/\?topics=hand-picked$/);
  await expect(page.getByRole('heading', { level: 1, name: 'Latest news' })).toBeFocused();
  await expect(cardTitles(page)).toHaveText([newestTitle, manyTopicsTitle]);
});

test('two chips show articles in either topic; back and forward step through the choices', async ({
  page,
}) => {
  await openFeed(page);
  await page.getByRole('button', { name: 'Hand Picked 2 articles' }).click();
  await expect(cardTitles(page)).toHaveCount(2);
  await page.getByRole('button', { name: 'Political Impact 3 articles' }).click();
  await expect(page).toHaveURL(/\?topics=hand-picked,political-impact$/);
  // 902 is in Political Impact only; 900 and 901 in Hand Picked; two more real articles in Political Impact.
  await expect(cardTitles(page)).toHaveCount(5);
  await expect(cardTitles(page).nth(0)).toHaveText(newestTitle);
  await expect(cardTitles(page).nth(2)).toHaveText('Hand-made: a story with no scores');

  await page.goBack();
  await expect(cardTitles(page)).toHaveCount(2);
  await expect(page.getByRole('button', { name: 'Political Impact 3 articles' })).toHaveAttribute(
    'aria-pressed',
    'false',
  );
  await page.goForward();
  await expect(cardTitles(page)).toHaveCount(5);

  await page.getByRole('button', { name: 'Clear topics' }).click();
  await expect(page).toHaveURL(/\/$/);
  await expect(page.getByText('42 articles', { exact: true })).toBeVisible();
});

test('sorts by quality and by heat, in the URL', async ({ page }) => {
  await openFeed(page);
  const sort = page.getByRole('group', { name: 'Sort by' });
  await sort.getByText('Quality', { exact: true }).click();
  await expect(page).toHaveURL(/\?sort=quality$/);
  await expect(page.getByRole('heading', { level: 1, name: 'Best-rated news' })).toBeVisible();
  const top = feed(page).getByRole('article').first();
  await expect(top.getByText('Quality', { exact: true })).toBeVisible();
  await expect(top).toContainText('165');

  await sort.getByText('Trending', { exact: true }).click();
  await expect(page).toHaveURL(/\?sort=heat$/);
  await expect(page.getByRole('radio', { name: 'Trending' })).toBeChecked();
  await page.reload();
  await expect(page.getByRole('radio', { name: 'Trending' })).toBeChecked();
});

test('a card: reserved picture box, provider and domain, dates, quality badge, topics', async ({ page }) => {
  await openFeed(page);
  const card = page.getByRole('article', { name: manyTopicsTitle });
  await expect(card.getByText('E2E Wire')).toBeVisible();
  await expect(card.getByText('example.com', { exact: true })).toBeVisible();
  const time = card.locator('time');
  await expect(time).toHaveAttribute('datetime', '2020-05-09T07:00:00.000Z');
  await expect(time).toHaveAttribute('title', /9 May 2020/);
  await expect(time).toContainText('ago');
  await expect(card.getByRole('list', { name: 'Topics' }).getByRole('listitem')).toHaveCount(5);
  await expect(card.getByText('Medium', { exact: true })).toBeVisible();
  // No picture in its front matter: the provider's initials stand in, in a 16:9 box.
  await expect(card.getByText('EW', { exact: true })).toBeVisible();
});

test('loading the feed shifts no layout', async ({ page }) => {
  await page.addInitScript(() => {
    const w = window as unknown as { shifts: number };
    w.shifts = 0;
    new PerformanceObserver((list) => {
      for (const entry of list.getEntries() as (PerformanceEntry & {
        value: number;
        hadRecentInput: boolean;
      })[]) {
        if (!entry.hadRecentInput) w.shifts += entry.value;
      }
    }).observe({ type: 'layout-shift', buffered: true });
  });
  await openFeed(page);
  await page.waitForTimeout(500);
  const shifts = await page.evaluate(() => (window as unknown as { shifts: number }).shifts);
  expect(shifts).toBeLessThanOrEqual(0.05);
});

test('follows a dark system, and remembers the toggle across reloads', async ({ page }) => {
  await page.emulateMedia({ colorScheme: 'dark' });
  await openFeed(page);
  await expect(page.locator('html')).toHaveClass(/\bdark\b/);
  const toggle = page.getByRole('button', { name: 'Dark mode' });
  await expect(toggle).toHaveAttribute('aria-pressed', 'true');
  await toggle.click();
  await expect(page.locator('html')).toHaveClass(/\blight\b/);
  await page.reload();
  await expect(page.locator('html')).toHaveClass(/\blight\b/);
  await expect(page.getByRole('button', { name: 'Dark mode' })).toHaveAttribute('aria-pressed', 'false');
});

test('an unknown address shows the not-found page', async ({ page }) => {
  await page.goto('/no/such/page');
  await expect(page.getByRole('heading', { level: 1, name: 'Page not found' })).toBeVisible();
  await page.getByRole('link', { name: 'Go to the latest news' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Latest news' })).toBeFocused();
});
