import type { PluginOption } from 'vite';
import { VitePWA } from 'vite-plugin-pwa';

const DAY = 24 * 60 * 60;

/**
 * The service worker and web app manifest (vite-plugin-pwa, generateSW). It sits beside the image
 * step because its caching rules follow the URL layout the build emits: `data/` JSON, `images/`.
 *
 * - Precache: the app shell only (index.html, hashed assets, icons, the web app manifest). Data and
 *   images grow with the corpus, so they are cached as they are viewed instead.
 * - `data/manifest.json`: network first, cached copy when offline. Precaching it would pin an old
 *   manifest whose shard names a newly deployed build no longer serves.
 * - Feed shards and article JSON: stale-while-revalidate (shard names are content-hashed; article
 *   URLs carry the build id), so a story read once opens again offline.
 * - Our cached images: cache first, bounded. Publishers' images (used only when we have no copy):
 *   cache first too, but few and short-lived, since an opaque response may hide an error page.
 */
export function readerPwa(): PluginOption {
  return VitePWA({
    registerType: 'autoUpdate',
    // Registered from src/lib/register-service-worker.ts: no inline script, so the CSP can forbid them.
    injectRegister: false,
    includeAssets: ['favicon.svg', 'icons/apple-touch-icon.png', 'first-paint.js'],
    manifest: {
      name: 'News Reader',
      short_name: 'News',
      description: 'Read a folder of news articles: a card feed by topic, article pages and related stories.',
      display: 'standalone',
      background_color: '#ffffff',
      theme_color: '#1d4ed8',
      icons: [
        { src: 'icons/icon-192.png', sizes: '192x192', type: 'image/png' },
        { src: 'icons/icon-512.png', sizes: '512x512', type: 'image/png' },
        { src: 'icons/icon-maskable-512.png', sizes: '512x512', type: 'image/png', purpose: 'maskable' },
      ],
    },
    workbox: {
      // favicon, apple-touch-icon and the manifest's icons are added by includeAssets and
      // includeManifestIcons; listing them here too would precache each twice.
      globPatterns: ['index.html', 'assets/**/*.{js,css,woff2}'],
      globIgnores: ['data/**', 'images/**'],
      // injectRegister: false turns off vite-plugin-pwa's own autoUpdate wiring; a new build's
      // worker must still take over at once, and the first one must control the page that installed it.
      skipWaiting: true,
      clientsClaim: true,
      navigateFallback: 'index.html',
      navigateFallbackDenylist: [/\/data\//, /\/images\//],
      runtimeCaching: [
        {
          urlPattern: ({ url, sameOrigin }) => sameOrigin && url.pathname.endsWith('/data/manifest.json'),
          handler: 'NetworkFirst',
          options: { cacheName: 'reader-manifest', networkTimeoutSeconds: 4, expiration: { maxEntries: 4 } },
        },
        {
          urlPattern: ({ url, sameOrigin }) => sameOrigin && /\/data\/(feed|articles)\//.test(url.pathname),
          handler: 'StaleWhileRevalidate',
          options: {
            cacheName: 'reader-data',
            cacheableResponse: { statuses: [200] },
            expiration: { maxEntries: 400, maxAgeSeconds: 30 * DAY, purgeOnQuotaError: true },
          },
        },
        {
          urlPattern: ({ url, sameOrigin }) => sameOrigin && url.pathname.includes('/images/'),
          handler: 'CacheFirst',
          options: {
            cacheName: 'reader-images',
            cacheableResponse: { statuses: [200] },
            expiration: { maxEntries: 300, maxAgeSeconds: 30 * DAY, purgeOnQuotaError: true },
          },
        },
        {
          urlPattern: ({ request, sameOrigin }) => !sameOrigin && request.destination === 'image',
          handler: 'CacheFirst',
          options: {
            cacheName: 'reader-remote-images',
            // Status 0 is an opaque cross-origin answer: it may be an error page, and Chromium counts
            // each one as several MB of quota; hence the small cap and short life.
            cacheableResponse: { statuses: [0, 200] },
            expiration: { maxEntries: 60, maxAgeSeconds: 3 * DAY, purgeOnQuotaError: true },
          },
        },
      ],
    },
  });
}
