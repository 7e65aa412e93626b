import { defineConfig } from 'vitest/config';
import react from '@vitejs/plugin-react';
import tailwindcss from '@tailwindcss/vite';
import { readerPwa } from './src/content-pipeline/images/pwa';

export default defineConfig({
  plugins: [react(), tailwindcss(), readerPwa()],
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
