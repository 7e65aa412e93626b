import { expect, test } from '@playwright/test';
import { cardTitles, manyTopicsTitle, newestTitle, openFeed, stayLocal } from './feed-support';

test.beforeEach(async ({ context, baseURL }) => stayLocal(context, baseURL));

test('Tab starts at the skip link, which jumps to the content', async ({ page }) => {
  await openFeed(page);
  await page.keyboard.press('Tab');
  const skip = page.getByRole('link', { name: 'Skip to content' });
  await expect(skip).toBeFocused();
  await expect(skip).toBeVisible();
  await page.keyboard.press('Enter');
  await expect(page.getByRole('main')).toBeFocused();
});

test('j/k move between cards with a visible focus ring; o opens; Esc comes back to the heading', async ({
  page,
}) => {
  await openFeed(page);
  await page.keyboard.press('j');
  const first = page.getByRole('link', { name: newestTitle, exact: true });
  await expect(first).toBeFocused();
  const ring = await page
    .getByRole('article', { name: newestTitle })
    .evaluate((el) => getComputedStyle(el).boxShadow);
  expect(ring).not.toBe('none');

  await page.keyboard.press('j');
  await expect(page.getByRole('link', { name: manyTopicsTitle, exact: true })).toBeFocused();
  await page.keyboard.press('k');
  await expect(first).toBeFocused();
  await page.keyboard.press('j');
  await page.keyboard.press('o');
  await expect(page).toHaveURL(/\/article\/901_e2e_many_topics$/);
  await expect(page.getByRole('heading', { level: 1, name: manyTopicsTitle })).toBeFocused();

  await page.keyboard.press('Escape');
  await expect(page).toHaveURL(/\/$/);
  await expect(page.getByRole('heading', { level: 1, name: 'Latest news' })).toBeFocused();
  await expect(cardTitles(page).first()).toHaveText(newestTitle);
});

test('Enter on the current card opens it', async ({ page }) => {
  await openFeed(page);
  await page.keyboard.press('j');
  await page.keyboard.press('Enter');
  await expect(page).toHaveURL(/\/article\/900_e2e_linked_related$/);
});

test('v opens the current card’s original link in a new tab', async ({ page, context }) => {
  await openFeed(page);
  await page.keyboard.press('j');
  await page.keyboard.press('j');
  const opened = context.waitForEvent(
    'request',
    (request) => request.url() === 'https://example.com/e2e/many-topics',
  );
  const tab = context.waitForEvent('page');
  await page.keyboard.press('v');
  await opened;
  // noopener: the new tab cannot reach back into the reader.
  expect(await (await tab).evaluate(() => window.opener)).toBeNull();
  await expect(page).toHaveURL(/\/$/);
});

test('/ goes to the chips; ? lists the shortcuts and Esc closes the list', async ({ page }) => {
  await openFeed(page);
  await page.keyboard.press('/');
  await expect(
    page.getByRole('group', { name: 'Filter by topic' }).getByRole('button').first(),
  ).toBeFocused();
  await page.keyboard.press('Enter');
  await expect(page).toHaveURL(/\?topics=coronavirus$/);

  await page.keyboard.press('?');
  const dialog = page.getByRole('dialog', { name: 'Keyboard shortcuts' });
  await expect(dialog).toBeVisible();
  await expect(
    dialog.getByText('Open the original story in a new tab (the current card’s, or the open article’s)'),
  ).toBeVisible();
  await page.keyboard.press('j');
  await page.keyboard.press('Escape');
  await expect(dialog).toBeHidden();
  await expect(page).toHaveURL(/\?topics=coronavirus$/);
});
