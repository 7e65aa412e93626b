import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { runnerImport, type Plugin, type ResolvedConfig } from 'vite';
import type { FeedShard, Manifest } from '../../types/content.ts';
import type { NewsContentApi } from '../vite-plugin.ts';

type RenderModule = { renderFirstView(manifest: Manifest, firstShard: FeedShard | null): string };

/** The browser-side module that draws the first view; loaded through Vite, so it runs as the app's code does. */
const renderModule = path.resolve(
  path.dirname(fileURLToPath(import.meta.url)),
  '../../prerender/render-first-view.tsx',
);

/** The empty mount point index.html must contain exactly once. */
const ROOT = '<div id="root"></div>';

const escapeAttribute = (value: string) =>
  value.replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

/**
 * Puts the first view's markup into `html`'s root, marked with the build it shows
 * (`data-first-view`, read by main.tsx before it hydrates).
 */
export function injectFirstView(html: string, markup: string, buildId: string): string {
  const at = html.indexOf(ROOT);
  if (at < 0 || html.indexOf(ROOT, at + 1) >= 0) {
    throw new Error(`news:first-view: index.html must contain ${ROOT} exactly once`);
  }
  return `${html.slice(0, at)}<div id="root" data-first-view="${escapeAttribute(buildId)}">${markup}</div>${html.slice(at + ROOT.length)}`;
}

const APP_SCRIPT = /<script type="module" crossorigin src="([^"]+)"><\/script>\s*/;
const FIRST_PAINT_SCRIPT = /<script src="([^"]*\/first-paint\.js)"><\/script>/;

/**
 * Hands the app's entry module from its own `<script type="module">` to public/first-paint.js
 * (`data-app`), which starts it right after the first paint: the prerendered page is then drawn
 * from the HTML and CSS alone, without waiting for the script's download and evaluation.
 */
export function startAppAfterFirstPaint(html: string): string {
  const app = APP_SCRIPT.exec(html);
  const firstPaint = FIRST_PAINT_SCRIPT.exec(html);
  if (!app || !firstPaint) {
    throw new Error('news:first-view: index.html needs the app module script and first-paint.js in <head>');
  }
  return html
    .replace(APP_SCRIPT, '')
    .replace(FIRST_PAINT_SCRIPT, `<script src="${firstPaint[1]}" data-app="${app[1]}"></script>`);
}

/**
 * Build only: renders the feed's first screen with the app's React components (react-dom/server)
 * from the data `news:content` emitted, and writes it into index.html, so the browser paints real
 * cards before any script has run. No data is embedded: the page preloads the manifest and the
 * first shard, and main.tsx hydrates once both are in the query cache.
 */
export function firstViewPrerender(): Plugin {
  let config: ResolvedConfig;
  let content: NewsContentApi | undefined;
  return {
    name: 'news:first-view',
    apply: 'build',

    configResolved(resolved) {
      config = resolved;
      content = resolved.plugins.find((plugin) => plugin.name === 'news:content')?.api as
        NewsContentApi | undefined;
    },

    transformIndexHtml: {
      order: 'post',
      async handler(html) {
        const view = content?.firstView();
        if (!view) return html; // no content plugin (e.g. a test build): the page draws everything itself
        const { module } = await runnerImport<RenderModule>(renderModule, {
          configFile: false,
          root: config.root,
          base: config.base,
          mode: config.mode,
          logLevel: 'error',
        });
        const firstShard = view.firstShard === undefined ? null : (JSON.parse(view.firstShard) as FeedShard);
        const markup = module.renderFirstView(view.manifest, firstShard);
        return startAppAfterFirstPaint(injectFirstView(html, markup, view.manifest.buildId));
      },
    },
  };
}
