import { StrictMode, startTransition } from 'react';
import { createRoot, hydrateRoot } from 'react-dom/client';
import { App } from './app/app';
import { isFirstViewAddress, loadFirstView } from './app/first-view';
import { applyTheme } from './app/theme';
import { createQueryClient } from './lib/query-client';
import './index.css';
import './lib/register-service-worker';

// Before the first render (public/first-paint.js has already done it before the first paint).
applyTheme();

async function start(root: HTMLElement) {
  const client = createQueryClient();
  // The build prerenders the first view into #root and names the build it shows (see src/prerender).
  const prerendered = root.dataset.firstView;
  if (prerendered && isFirstViewAddress(location.pathname, location.search)) {
    const manifest = await loadFirstView(client, prerendered).catch(() => undefined);
    if (manifest) {
      // A transition, so hydration yields to the browser every few milliseconds instead of holding
      // the main thread in one long task; the page is already drawn meanwhile.
      startTransition(() => {
        hydrateRoot(
          root,
          <StrictMode>
            <App client={client} prerenderedAt={Date.parse(manifest.builtAt)} />
          </StrictMode>,
        );
      });
      return;
    }
  }
  // Another page, markup of another build, or data that failed to load: draw from scratch.
  root.replaceChildren();
  delete root.dataset.firstView;
  createRoot(root).render(
    <StrictMode>
      <App client={client} />
    </StrictMode>,
  );
}

const root = document.getElementById('root');
if (!root) throw new Error('index.html has no #root element');
void start(root);
