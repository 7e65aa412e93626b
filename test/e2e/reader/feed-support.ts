import { expect, type BrowserContext, type Page } from '@playwright/test';

/**
 * Shared by the feed, keyboard and a11y specs. They run against a production build of
 * test/fixtures/content-e2e: 42 published articles (39 real ones and three hand-made, newest
 * first: 900_e2e_linked_related, 901_e2e_many_topics, 902_e2e_unscored; the last two of them carry
 * the topic "Hand Picked"). The seed file there is a draft and stays out of the build.
 */
export const newestTitle = "Hand-made: Yemen's first case, one day on";
export const manyTopicsTitle = 'Hand-made: travel, treatment and the economy in one story';

/** Tests never leave 127.0.0.1: requests anywhere else (remote images, original links) are refused. */
export async function stayLocal(context: BrowserContext, baseURL: string | undefined) {
  const origin = new URL(baseURL!).origin;
  await context.route(
    (url) => url.origin !== origin,
    (route) => route.abort('blockedbyclient'),
  );
}

export function feed(page: Page) {
  return page.getByRole('feed', { name: 'Articles' });
}

export function cardTitles(page: Page) {
  return feed(page).getByRole('article').getByRole('heading', { level: 2 });
}

/**
 * Opens the feed and waits until the app has taken it over: the built page shows the first view
 * (prerendered) before the app runs, and keys pressed before then do nothing. The app's measured
 * rows (`data-row`) only exist once it runs.
 */
export async function openFeed(page: Page, path = '/') {
  await page.goto(path);
  await expect(feed(page).getByRole('article').first()).toBeVisible();
  await expect(feed(page).locator('[data-row]').first()).toBeAttached();
}
