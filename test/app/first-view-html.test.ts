import { describe, expect, it } from 'vitest';
import { injectFirstView, startAppAfterFirstPaint } from '../../src/content-pipeline/prerender/vite-plugin';

/** index.html as Vite writes it in a build, before the first view goes in. */
const builtPage = `<!doctype html>
<html lang="en">
  <head>
    <title>News Reader</title>
    <script src="/first-paint.js"></script>
    <script type="module" crossorigin src="/assets/index-abc123.js"></script>
    <link rel="stylesheet" crossorigin href="/assets/index-def456.css">
  </head>
  <body>
    <div id="root"></div>
  </body>
</html>`;

describe('writing the first view into index.html', () => {
  it('fills the root and names the build the markup shows', () => {
    const html = injectFirstView(builtPage, '<main>cards</main>', 'b1d');
    expect(html).toContain('<div id="root" data-first-view="b1d"><main>cards</main></div>');
    expect(html).not.toContain('<div id="root"></div>');
  });

  it('escapes the build id into its attribute', () => {
    expect(injectFirstView(builtPage, '', '"><script>x</script>')).toContain(
      'data-first-view="&quot;&gt;&lt;script&gt;x&lt;/script&gt;"',
    );
  });

  it('fails the build when the page has no empty root, or two', () => {
    expect(() => injectFirstView(builtPage.replace('<div id="root"></div>', ''), '', 'b')).toThrow(
      'news:first-view: index.html must contain <div id="root"></div> exactly once',
    );
    const twice = builtPage.replace('<div id="root"></div>', '<div id="root"></div><div id="root"></div>');
    expect(() => injectFirstView(twice, '', 'b')).toThrow(/exactly once/);
  });

  it("hands the app's module to first-paint.js, which starts it after the first paint", () => {
    const html = startAppAfterFirstPaint(builtPage);
    expect(html).toContain('<script src="/first-paint.js" data-app="/assets/index-abc123.js"></script>');
    expect(html).not.toContain('type="module"');
    expect(html).toContain('<link rel="stylesheet" crossorigin href="/assets/index-def456.css">');
  });

  it('fails the build when either script is missing', () => {
    expect(() =>
      startAppAfterFirstPaint(builtPage.replace('<script src="/first-paint.js"></script>', '')),
    ).toThrow('news:first-view: index.html needs the app module script and first-paint.js in <head>');
    expect(() =>
      startAppAfterFirstPaint(builtPage.replace(/<script type="module"[^>]*><\/script>/, '')),
    ).toThrow(/first-paint\.js/);
  });
});
