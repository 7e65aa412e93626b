import { expect, test, type Page } from '@playwright/test';

/**
 * A production build of test/fixtures/content-hostile-e2e (CONTENT_SKIP_INVALID=1), served by
 * `vite preview` with the production headers. Every text field of those articles carries markup
 * that would call alert() or set `window.__hostile` if it were ever parsed as HTML, and every URL
 * field that can hold a bad link holds one.
 */

const payload = (tag: string) =>
  `<script>alert('${tag}')</script><img src=x onerror="window.__hostile='${tag}'"> ${tag}`;

const EVERYTHING = '/article/100_hostile_everything';
const PLAIN = '/article/101_hostile_plain';

interface Watched {
  __violations: string[];
  __hostile?: unknown;
}

let dialogs: string[] = [];

test.beforeEach(async ({ context, page, baseURL }) => {
  // Tests never leave 127.0.0.1: every other origin (publishers' images, too) is refused here.
  const origin = new URL(baseURL ?? '').origin;
  await context.route(
    (url) => url.origin !== origin,
    (route) => route.abort('blockedbyclient'),
  );
  await context.addInitScript(() => {
    const watched = window as unknown as Watched;
    watched.__violations = [];
    document.addEventListener('securitypolicyviolation', (event) => {
      watched.__violations.push(`${event.violatedDirective} ${event.blockedURI}`);
    });
  });
  dialogs = [];
  page.on('dialog', (dialog) => {
    dialogs.push(`${dialog.type()}: ${dialog.message()}`);
    void dialog.dismiss();
  });
});

test.afterEach(async ({ page }) => {
  expect(dialogs, 'no dialog opens').toEqual([]);
  expect(await page.evaluate(() => (window as unknown as Watched).__hostile)).toBeUndefined();
});

/** URL-bearing attributes that are not http(s) or a path on this site, handler attributes, foreign scripts. */
async function unsafeDom(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const found: string[] = [];
    const urlAttributes = [
      'href',
      'src',
      'srcset',
      'action',
      'formaction',
      'poster',
      'data',
      'xlink:href',
      'ping',
    ];
    for (const element of document.querySelectorAll('*')) {
      for (const name of element.getAttributeNames()) {
        const value = element.getAttribute(name) ?? '';
        if (name.startsWith('on')) found.push(`${element.tagName} has ${name}`);
        if (!urlAttributes.includes(name)) continue;
        const urls =
          name === 'srcset' ? value.split(',').map((part) => part.trim().split(/\s+/)[0] ?? '') : [value];
        for (const raw of urls) {
          const absolute = /^[a-z][a-z0-9+.-]*:/i.test(raw);
          let url: URL | null = null;
          try {
            url = new URL(raw, document.baseURI);
          } catch {
            found.push(`${element.tagName} ${name}="${raw}" does not parse`);
            continue;
          }
          if (url.protocol !== 'http:' && url.protocol !== 'https:')
            found.push(`${element.tagName} ${name}="${raw}"`);
          else if (
            !absolute &&
            (raw.startsWith('//') || raw.startsWith('\\') || url.origin !== location.origin)
          )
            found.push(`${element.tagName} ${name}="${raw}" is relative but leaves the site`);
        }
      }
    }
    for (const script of document.scripts) {
      if (!script.src || new URL(script.src).origin !== location.origin)
        found.push(`script "${script.src || script.text}"`);
    }
    for (const selector of ['iframe', 'object', 'embed', 'img[src="x"]', 'svg[onload]', 'b[onmouseover]']) {
      if (document.querySelector(selector)) found.push(`an element ${selector}`);
    }
    return found;
  });
}

async function expectSafeDom(page: Page) {
  expect(await unsafeDom(page)).toEqual([]);
  expect(await page.evaluate(() => (window as unknown as Watched).__violations), 'no CSP violation').toEqual(
    [],
  );
}

test('the feed shows every payload as text, runs none of it, and links only over http(s) or within the reader', async ({
  page,
}) => {
  await page.goto('/');
  const card = page.getByRole('article', { name: payload('title-everything') });
  await expect(card.getByRole('link', { name: payload('title-everything'), exact: true })).toHaveAttribute(
    'href',
    EVERYTHING,
  );
  await expect(card.getByText(payload('provider'), { exact: true })).toBeVisible();
  await expect(card.getByText(payload('topic'), { exact: true })).toBeVisible();
  await expect(card.getByText("javascript:alert('topic')", { exact: true })).toBeVisible();
  await expect(card.getByText(/^<script>alert\('excerpt'\)<\/script>/)).toBeVisible();

  const plain = page.getByRole('article', { name: payload('title-plain') });
  await expect(plain.getByText("javascript:alert('excerpt-as-text')", { exact: true })).toBeVisible();
  await expect(
    plain.getByText('<a href=javascript:alert(5)>Provider link</a>', { exact: true }),
  ).toBeVisible();

  // The skipped files left nothing behind: two articles, and no trace of the invalid ones.
  await expect(page.getByRole('article')).toHaveCount(2);
  await expect(page.getByText('title-invalid-link')).toHaveCount(0);
  await expectSafeDom(page);
});

test('the prerendered feed in the built page shows every payload as text before any app script runs', async ({
  page,
}) => {
  // The app's module is withheld: what is on screen is index.html as the build wrote it.
  await page.route(/\/assets\/index-[\w-]+\.js$/, (route) => route.abort('blockedbyclient'));
  await page.goto('/');
  await expect(page.locator('#root[data-first-view]')).toBeAttached();
  const card = page.getByRole('article', { name: payload('title-everything') });
  await expect(card.getByRole('link', { name: payload('title-everything'), exact: true })).toHaveAttribute(
    'href',
    EVERYTHING,
  );
  await expect(card.getByText(payload('provider'), { exact: true })).toBeVisible();
  await expect(card.getByText(payload('topic'), { exact: true })).toBeVisible();
  await expect(card.getByText(/^<script>alert\('excerpt'\)<\/script>/)).toBeVisible();
  const plain = page.getByRole('article', { name: payload('title-plain') });
  await expect(
    plain.getByText('<a href=javascript:alert(5)>Provider link</a>', { exact: true }),
  ).toBeVisible();
  await expectSafeDom(page);
});

test('the article page shows every payload as text and drops every bad link', async ({ page }) => {
  await page.goto(EVERYTHING);
  await expect(
    page.getByRole('heading', { level: 1, name: payload('title-everything'), exact: true }),
  ).toBeVisible();
  await expect(page).toHaveTitle(`${payload('title-everything')} · News Reader`);
  await expect(page.getByText(payload('caption'), { exact: true })).toBeVisible();
  await expect(page.getByText(payload('dropped-image'))).toHaveCount(0);

  // The one original link, percent-encoded by the pipeline; the javascript: AMP links are gone.
  const original = page.getByRole('link', {
    name: `Read at ${payload('provider')} (opens in a new tab)`,
    exact: true,
  });
  await expect(original).toHaveAttribute(
    'href',
    'https://example.com/hostile-e2e/everything?q=%22%3E%3Cscript%3Ealert(3)%3C/script%3E',
  );
  await expect(original).toHaveAttribute('rel', 'noopener noreferrer');
  await expect(page.getByRole('link', { name: /AMP version/ })).toHaveCount(0);

  const topic = page.getByRole('link', { name: "javascript:alert('topic')", exact: true });
  await expect(topic).toHaveAttribute('href', '/?topics=javascript-alert-topic');

  // Related stories whose links were javascript: or protocol-relative are text, not links.
  const rail = page.getByRole('complementary');
  for (const tag of ['related-javascript', 'related-protocol-relative']) {
    await expect(rail.getByText(payload(tag), { exact: true })).toBeVisible();
    await expect(rail.getByRole('link', { name: payload(tag) })).toHaveCount(0);
  }
  await expect(rail.getByText(payload('related-provider'), { exact: true })).toBeVisible();
  await expect(rail.getByRole('link', { name: payload('related-local'), exact: true })).toHaveAttribute(
    'href',
    PLAIN,
  );
  await expect(
    rail.getByRole('link', { name: `${payload('related-external')} (opens in a new tab)`, exact: true }),
  ).toHaveAttribute('href', 'https://example.com/hostile-e2e/external?q=%3Cscript%3Ealert(7)%3C/script%3E');
  await expectSafeDom(page);
});

test('a related story that is a local article opens in the reader, still as text', async ({ page }) => {
  await page.goto(EVERYTHING);
  await page.getByRole('link', { name: payload('related-local'), exact: true }).click();
  await expect(page).toHaveURL(PLAIN);
  await expect(
    page.getByRole('heading', { level: 1, name: payload('title-plain'), exact: true }),
  ).toBeVisible();
  await expect(
    page.getByRole('link', { name: '<b onmouseover=alert(6)>bold topic</b>', exact: true }),
  ).toBeVisible();
  await expectSafeDom(page);
});

test('the policy is in force: the page can reach no other origin and run no inline script', async ({
  page,
  request,
}) => {
  const response = await request.get(EVERYTHING);
  expect(response.headers()['content-security-policy']).toContain("frame-ancestors 'none'");
  expect(response.headers()['x-content-type-options']).toBe('nosniff');
  expect(response.headers()['referrer-policy']).toBe('no-referrer');

  await page.goto('/');
  await expect(page.getByRole('article')).toHaveCount(2);
  const outcome = await page.evaluate(async () => {
    const script = document.createElement('script');
    script.textContent = "window.__hostile = 'inline'";
    document.body.append(script);
    const fetched = await fetch('http://127.0.0.1:4604/').then(
      () => 'fetched',
      () => 'refused',
    );
    await new Promise((resolve) => setTimeout(resolve, 100));
    const watched = window as unknown as Watched;
    const violations = watched.__violations.splice(0);
    return { fetched, violations };
  });
  // Two policies apply, the meta tag's and the header's, and each reports the inline script; only
  // the meta tag's keeps the page's connections to its own origin (the header's lets the service
  // worker fetch publishers' images).
  expect(outcome).toEqual({
    fetched: 'refused',
    violations: ['script-src-elem inline', 'script-src-elem inline', 'connect-src http://127.0.0.1:4604/'],
  });
});

test('the DOM check itself finds a javascript: link, a protocol-relative image and a handler attribute', async ({
  page,
}) => {
  await page.goto(PLAIN);
  await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
  await page.evaluate(() => {
    const link = document.createElement('a');
    link.setAttribute('href', ' JaVaScRiPt:void 0');
    const image = document.createElement('img');
    image.setAttribute('src', '//evil.example/x.png');
    image.setAttribute('onerror', 'void 0');
    document.body.append(link, image);
  });
  expect((await unsafeDom(page)).sort()).toEqual([
    'A href=" JaVaScRiPt:void 0"',
    'IMG has onerror',
    'IMG src="//evil.example/x.png" is relative but leaves the site',
  ]);
});
