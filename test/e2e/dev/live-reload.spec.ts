import { cp, mkdtemp, readFile, rm, unlink, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { expect, test } from '@playwright/test';
import { createServer, type ViteDevServer } from 'vite';

/**
 * `npm run dev` as a reader sees it: the project's own Vite config over a temporary content folder,
 * in Chromium. Saves update the open page in place (no full reload); a broken save shows Vite's
 * overlay naming file, line and field while the valid articles stay on screen.
 */
let dir: string;
let server: ViteDevServer;
let origin: string;

test.beforeAll(async () => {
  dir = await mkdtemp(path.join(tmpdir(), 'news-live-'));
  await cp('test/fixtures/dev-server', dir, { recursive: true });
  process.env.CONTENT_DIR = dir;
  server = await createServer({ logLevel: 'silent', server: { host: '127.0.0.1', port: 0 } });
  await server.listen();
  const address = server.httpServer?.address();
  if (!address || typeof address === 'string') throw new Error('dev server has no TCP address');
  origin = `http://127.0.0.1:${address.port}`;
});

test.afterAll(async () => {
  delete process.env.CONTENT_DIR;
  await server?.close();
  await rm(dir, { recursive: true, force: true });
});

test('edits, breakage and deletion reach the open page without a reload', async ({ page }) => {
  await page.goto(`${origin}/`);
  await expect(page.getByRole('link', { name: 'Alpha story', exact: true })).toBeVisible();
  // A full reload would wipe this marker.
  await page.evaluate(() => Object.assign(window, { __sameDocument: true }));

  const alpha = path.join(dir, 'alpha.md');
  const alphaSource = await readFile(alpha, 'utf8');
  await writeFile(alpha, alphaSource.replace('"Alpha story"', '"Alpha story, revised"'));
  await expect(page.getByRole('link', { name: 'Alpha story, revised', exact: true })).toBeVisible();

  const beta = path.join(dir, 'beta.md');
  const betaSource = await readFile(beta, 'utf8');
  await writeFile(beta, betaSource.replace('quality: 61', 'quality: "very good"'));
  const overlay = page.locator('vite-error-overlay');
  await expect(overlay).toBeAttached();
  await expect(overlay.locator('.message')).toContainText('beta.md:8:10 quality: must be a number');
  await expect(page.getByRole('link', { name: 'Alpha story, revised', exact: true })).toBeAttached();

  await writeFile(beta, betaSource);
  await expect(overlay).not.toBeAttached();
  await expect(page.getByRole('link', { name: 'Beta story', exact: true })).toBeVisible();

  await unlink(beta);
  await expect(page.getByRole('link', { name: 'Beta story', exact: true })).not.toBeAttached();
  expect(await page.evaluate(() => (window as unknown as { __sameDocument?: boolean }).__sameDocument)).toBe(
    true,
  );
});
