import { QueryClient } from '@tanstack/react-query';
import { configure, render } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { vi } from 'vitest';
import { AppProviders } from '../../src/app/app';
import { Layout } from '../../src/app/layout';
import { AppRoutes } from '../../src/app/routes';

// The machine running these is shared: give async queries time beyond the 1 s default.
configure({ asyncUtilTimeout: 5000 });

/**
 * The whole reader at `path`, on jsdom's real history (so the URL, back and forward are real), with
 * a fresh QueryClient that never retries (unless a test passes its own). jsdom has no scrolling or modal dialogs: those are stood
 * in for with the smallest behaviour the reader relies on.
 */
export function renderApp(
  path = '/',
  client = new QueryClient({ defaultOptions: { queries: { retry: false } } }),
) {
  window.history.replaceState(null, '', path);
  vi.stubGlobal('scrollTo', vi.fn());
  vi.stubGlobal('open', vi.fn());
  if (!HTMLDialogElement.prototype.showModal) {
    HTMLDialogElement.prototype.showModal = function showModal(this: HTMLDialogElement) {
      this.setAttribute('open', '');
    };
    HTMLDialogElement.prototype.close = function close(this: HTMLDialogElement) {
      this.removeAttribute('open');
      this.dispatchEvent(new Event('close'));
    };
  }
  const user = userEvent.setup();
  const view = render(
    <AppProviders client={client}>
      <Layout>
        <AppRoutes />
      </Layout>
    </AppProviders>,
  );
  return { user, client, ...view };
}
