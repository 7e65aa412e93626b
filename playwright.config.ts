import { defineConfig, devices } from '@playwright/test';
import { CHROMIUM_FLAGS, CHROMIUM_PATH } from './test/support/chromium';

/** A fixture build served by `vite preview`; `env` sets the content folder and options. */
function fixtureServer(port: number, contentDir: string, outDir: string, env: Record<string, string> = {}) {
  const vars = Object.entries({ CONTENT_DIR: contentDir, IMAGE_CACHE: 'off', ...env })
    .map(([k, v]) => `${k}=${v}`)
    .join(' ');
  return {
    command: `env ${vars} npx vite build --outDir ${outDir} --emptyOutDir && npx vite preview --outDir ${outDir} --port ${port} --strictPort --host 127.0.0.1`,
    url: `http://127.0.0.1:${port}/`,
    reuseExistingServer: false,
    timeout: 180_000,
  };
}

/**
 * End-to-end tests run in Debian's Chromium against production builds of fixture content, served by
 * `vite preview` on 127.0.0.1. Each project builds its own content folder into its own outDir.
 */
export default defineConfig({
  testDir: 'test/e2e',
  fullyParallel: false,
  workers: 1,
  forbidOnly: !!process.env.CI,
  retries: 0,
  reporter: process.env.CI ? 'line' : 'list',
  use: {
    ...devices['Desktop Chrome'],
    launchOptions: { executablePath: CHROMIUM_PATH, args: CHROMIUM_FLAGS },
    trace: 'off',
  },
  projects: [
    {
      name: 'reader',
      testMatch: /reader\/.*\.spec\.ts/,
      use: { baseURL: 'http://127.0.0.1:4601' },
    },
    {
      // Starts its own dev server on the project's Vite config over a temporary content folder.
      name: 'dev',
      testMatch: /dev\/.*\.spec\.ts/,
    },
    {
      name: 'images',
      testMatch: /images\/.*\.spec\.ts/,
      use: { baseURL: 'http://127.0.0.1:4611' },
    },
    {
      // Articles whose every text and link field carries a script or javascript: payload.
      name: 'hostile',
      testMatch: /hostile\/.*\.spec\.ts/,
      use: { baseURL: 'http://127.0.0.1:4603' },
    },
  ],
  webServer: [
    fixtureServer(4601, 'test/fixtures/content-e2e', '.cache/e2e/reader'),
    // The publisher host the `images` build caches from: servers start in list order, so it comes before that build.
    {
      command: 'npx tsx test/e2e/images/image-server.ts 4612',
      url: 'http://127.0.0.1:4612/',
      reuseExistingServer: false,
      timeout: 30_000,
    },
    fixtureServer(4611, 'test/fixtures/content-images', '.cache/e2e/images', {
      IMAGE_CACHE: 'on',
      IMAGE_CACHE_DIR: '.cache/e2e/images-cache',
      IMAGE_CACHE_ALLOW_PRIVATE: '1',
    }),
    fixtureServer(4603, 'test/fixtures/content-hostile-e2e', '.cache/e2e/hostile', {
      CONTENT_SKIP_INVALID: '1',
    }),
  ],
});
