/// <reference types="vite-plugin-pwa/client" />
import { registerSW } from 'virtual:pwa-register';

/**
 * Registers the offline service worker (built by vite-plugin-pwa; see src/content-pipeline/images/pwa.ts).
 * Imported once, for its effect, by main.tsx. Registration waits for the page's load event
 * (`immediate: false`), so the shell's precache download never competes with the first view. In dev
 * the virtual module is a no-op: the dev server runs without a service worker.
 */
registerSW({
  immediate: false,
  onRegisterError(error: unknown) {
    // The reader works without offline support; say why it is missing instead of failing silently.
    console.warn('Offline reading is unavailable: the service worker did not register.', error);
  },
});
