import AxeBuilder from '@axe-core/playwright';
import { expect, test, type Page } from '@playwright/test';
import { openFeed, stayLocal } from './feed-support';

test.beforeEach(async ({ context, baseURL }) => stayLocal(context, baseURL));

async function expectNoViolations(page: Page) {
  const { violations } = await new AxeBuilder({ page }).analyze();
  expect(violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`)).toEqual([]);
}

for (const colorScheme of ['light', 'dark'] as const) {
  test(`the feed has no axe violations (${colorScheme})`, async ({ page }) => {
    await page.emulateMedia({ colorScheme });
    await openFeed(page, '/?topics=hand-picked,political-impact&sort=quality');
    await page.keyboard.press('j');
    await expectNoViolations(page);
  });
}

test('the shortcut list and the not-found page have no axe violations', async ({ page }) => {
  await openFeed(page);
  await page.keyboard.press('?');
  await expect(page.getByRole('dialog', { name: 'Keyboard shortcuts' })).toBeVisible();
  await expectNoViolations(page);
  await page.goto('/no/such/page');
  await expect(page.getByRole('heading', { level: 1, name: 'Page not found' })).toBeVisible();
  await expectNoViolations(page);
});
