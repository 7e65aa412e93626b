import { expect, test, type Locator, type Page } from '@playwright/test';

/**
 * Built from test/fixtures/content-images with the image cache on; the images come from the local
 * publisher host on 127.0.0.1:4612 (test/e2e/images/image-server.ts).
 */
const PUBLISHER = 'http://127.0.0.1:4612';
const harbour = {
  path: '/article/2020-05-06-harbour-cranes',
  title: 'Harbour cranes resume work after the storm',
};
const archive = { path: '/article/2020-05-05-archive-photo', title: 'Museum opens its photo archive' };

/** Resolves once the image has actually decoded (a broken image has naturalWidth 0). */
async function expectDrawn(image: Locator) {
  await expect(image).toBeVisible();
  await expect
    .poll(() => image.evaluate((el: HTMLImageElement) => (el.complete ? el.naturalWidth : 0)))
    .toBeGreaterThan(0);
}

/** Every URL the page requested from the publisher's host. */
function publisherRequests(page: Page): string[] {
  const seen: string[] = [];
  page.on('request', (request) => {
    if (request.url().startsWith(PUBLISHER)) seen.push(request.url());
  });
  return seen;
}

test('the article image is our own copy, served from the app origin, and the publisher is never contacted', async ({
  page,
  baseURL,
}) => {
  const hotlinks = publisherRequests(page);
  await page.goto(harbour.path);
  await expect(page.getByRole('heading', { level: 1, name: harbour.title })).toBeVisible();

  const image = page.getByRole('img', { name: 'Cranes at dawn' });
  await expectDrawn(image);
  const drawn = new URL(await image.evaluate((el: HTMLImageElement) => el.currentSrc));
  expect(drawn.origin).toBe(new URL(baseURL!).origin);
  expect(drawn.pathname).toMatch(/^\/images\/[0-9a-f]{16}(-\d+w\.webp|\.jpg)$/);
  await expect(image).toHaveAttribute('referrerpolicy', 'no-referrer');
  expect(hotlinks).toEqual([]);
});

test('an image that cannot load shows the provider placeholder, never a broken image', async ({ page }) => {
  await page.goto(archive.path);
  await expect(page.getByRole('heading', { level: 1, name: archive.title })).toBeVisible();
  // The build could not cache it (the publisher answers 404), so the page tries the original, then gives up.
  const placeholder = page.getByRole('img', { name: archive.title });
  await expect(placeholder).toHaveText('DP');
  await expect(page.locator('img[src$="/gone.jpg"]')).toHaveCount(0);
});

test('an article read once opens again offline, with its image', async ({ page, context }) => {
  await page.goto(harbour.path);
  await expect(page.getByRole('heading', { level: 1, name: harbour.title })).toBeVisible();
  // The first visit installs the service worker; from the next load on, it caches what the page reads.
  await page.waitForFunction(() => navigator.serviceWorker.controller !== null, undefined, {
    timeout: 15_000,
  });
  await page.reload();
  await expectDrawn(page.getByRole('img', { name: 'Cranes at dawn' }));

  await context.setOffline(true);
  try {
    // Proof that the network really is gone: a URL no cache holds cannot be fetched.
    const probe = await page.evaluate(() =>
      fetch(`/favicon.svg?probe=${Date.now()}`).then(
        () => 'reached',
        () => 'blocked',
      ),
    );
    expect(probe).toBe('blocked');
    const fromWorker: string[] = [];
    page.on('response', (response) => {
      if (response.fromServiceWorker()) fromWorker.push(new URL(response.url()).pathname);
    });
    await page.reload();
    await expect(page.getByRole('heading', { level: 1, name: harbour.title })).toBeVisible();
    const image = page.getByRole('img', { name: 'Cranes at dawn' });
    await expectDrawn(image);
    const drawn = new URL(await image.evaluate((el: HTMLImageElement) => el.currentSrc)).pathname;
    expect(drawn).toMatch(/^\/images\//);
    // The image, the article JSON and the page itself came from the worker's caches.
    expect(fromWorker).toEqual(
      expect.arrayContaining([harbour.path, drawn, '/data/articles/2020-05-06-harbour-cranes.json']),
    );
  } finally {
    await context.setOffline(false);
  }
});
