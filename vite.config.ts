import { defineConfig } from 'vitest/config';
import react from '@vitejs/plugin-react';
import tailwindcss from '@tailwindcss/vite';
import { newsContent } from './src/content-pipeline/vite-plugin.ts';
import { readerPwa } from './src/content-pipeline/images/pwa.ts';
import { securityHeaders } from './src/content-pipeline/security-headers.ts';
import { firstViewPrerender } from './src/content-pipeline/prerender/vite-plugin.ts';

export default defineConfig({
  // Vitest reuses this config; its tests start their own content servers, so the content plugins stay out.
  plugins: [
    react(),
    tailwindcss(),
    !process.env.VITEST && newsContent(),
    !process.env.VITEST && firstViewPrerender(),
    readerPwa(),
    securityHeaders(),
  ],
  build: {
    rolldownOptions: {
      output: {
        // Chromium's explicit compile hint: the entry chunk is the first view's code, nearly all of it
        // run at load, so V8 compiles it while streaming the download, off the main thread, instead
        // of parsing each function again on the main thread when it is first called.
        // After minification, which would drop the comment.
        postBanner: (chunk) => (chunk.isEntry ? '//# allFunctionsCalledOnLoad' : ''),
      },
    },
  },
  server: {
    host: '127.0.0.1',
    // Generated corpora and build output (100,000+ files) would exhaust the system's file watchers.
    watch: { ignored: ['**/test/bench/corpora/**', '**/.cache/**', '**/dist/**'] },
  },
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
