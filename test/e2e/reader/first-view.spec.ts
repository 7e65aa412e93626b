import { expect, test } from '@playwright/test';
import { cardTitles, newestTitle, openFeed, stayLocal } from './feed-support';

test.beforeEach(async ({ context, baseURL }) => stayLocal(context, baseURL));

test('the first view reads the manifest and one shard, once each, announced in the page head', async ({
  page,
}) => {
  const dataRequests: string[] = [];
  page.on('request', (request) => {
    const { pathname } = new URL(request.url());
    if (pathname.startsWith('/data/')) dataRequests.push(pathname);
  });
  await openFeed(page);
  await expect(cardTitles(page).first()).toHaveText(newestTitle);

  const preloads = await page
    .locator('head link[rel="preload"][as="fetch"]')
    .evaluateAll((links) => links.map((link) => new URL((link as HTMLLinkElement).href).pathname));
  expect(preloads).toEqual([
    '/data/manifest.json',
    expect.stringMatching(/^\/data\/feed\/newest-all\.\w+\/0\.json$/),
  ]);
  // A preload the app's own fetch did not reuse would show here as a second request.
  expect(dataRequests.sort()).toEqual([...preloads].sort());
});
