import { defineConfig } from 'vitest/config';
import react from '@vitejs/plugin-react';
import tailwindcss from '@tailwindcss/vite';
import { newsContent } from './src/content-pipeline/vite-plugin.ts';
import { readerPwa } from './src/content-pipeline/images/pwa.ts';
import { securityHeaders } from './src/content-pipeline/security-headers.ts';

export default defineConfig({
  // Vitest reuses this config; its tests start their own content servers, so the plugin stays out.
  plugins: [react(), tailwindcss(), !process.env.VITEST && newsContent(), readerPwa(), securityHeaders()],
  server: { host: '127.0.0.1' },
  preview: { host: '127.0.0.1' },
  test: {
    globals: true,
    projects: [
      {
        extends: true,
        test: { name: 'node', include: ['test/**/*.test.ts'], exclude: ['test/e2e/**'], environment: 'node' },
      },
      {
        extends: true,
        test: {
          name: 'dom',
          include: ['test/**/*.test.tsx'],
          exclude: ['test/e2e/**'],
          environment: 'jsdom',
          setupFiles: ['test/setup.ts'],
        },
      },
    ],
  },
});
