import type { Plugin } from 'vite';

/**
 * The production security policy, in one place. The built index.html carries it in a `<meta>` tag
 * (so a host that sends no headers still enforces it); `vite preview` sends the headers; the build
 * writes them to `_headers` for Netlify and Cloudflare Pages. Dev is left alone: Vite's HMR client
 * and React Refresh need inline scripts.
 */

type Directive = [name: string, ...sources: string[]];

/** The document's policy. Nothing inline: scripts and styles come from our own files. */
const DOCUMENT_POLICY: Directive[] = [
  ['default-src', "'self'"],
  ['script-src', "'self'"],
  // React writes `style={{…}}` through CSSOM (element.style), which CSP does not govern; only
  // <style> elements and style="" in markup would need 'unsafe-inline', and the build has neither.
  ['style-src', "'self'"],
  // Cached copies are same-origin; the publisher's original is the fallback. http: only matters on
  // a site served over http: over https, browsers upgrade or block mixed-content images anyway.
  ['img-src', "'self'", 'https:', 'http:'],
  ['font-src', "'self'"],
  ['connect-src', "'self'"],
  ['worker-src', "'self'"],
  ['manifest-src', "'self'"],
  ['frame-src', "'none'"],
  ['object-src', "'none'"],
  ['base-uri', "'none'"],
  ['form-action', "'none'"],
];

/**
 * The header policy also reaches the service worker (its script's response carries it), and the
 * worker fetches publishers' images for the page: under `connect-src 'self'` every remote image
 * fails once the worker controls the page. So the header lets the worker connect to http(s); the
 * page stays at 'self' because the meta policy applies to it too, and a request must pass both.
 * One rule for every path, since static hosts merge overlapping rules differently (Netlify lets
 * the later rule win, Cloudflare joins both values, which would enforce both).
 */
const HEADER_POLICY: Directive[] = [
  ...DOCUMENT_POLICY.map((d): Directive =>
    d[0] === 'connect-src' ? ['connect-src', "'self'", 'https:', 'http:'] : d,
  ),
  // Browsers ignore frame-ancestors in a meta tag.
  ['frame-ancestors', "'none'"],
];

const serialise = (policy: Directive[]) => policy.map((directive) => directive.join(' ')).join('; ');

/** The policy in `<meta http-equiv="Content-Security-Policy">` of the built index.html. */
export const META_CONTENT_SECURITY_POLICY = serialise(DOCUMENT_POLICY);

/** Headers for every response of the built site: what `_headers` and `vite preview` send. */
export const SECURITY_HEADERS: Readonly<Record<string, string>> = {
  'Content-Security-Policy': serialise(HEADER_POLICY),
  // Nothing here needs a referrer: same-origin data requests do not, and outbound links and images
  // already send none (rel="noreferrer", referrerpolicy="no-referrer").
  'Referrer-Policy': 'no-referrer',
  'X-Content-Type-Options': 'nosniff',
  // For browsers that predate frame-ancestors.
  'X-Frame-Options': 'DENY',
  'Cross-Origin-Opener-Policy': 'same-origin',
  'Permissions-Policy':
    'accelerometer=(), browsing-topics=(), camera=(), geolocation=(), gyroscope=(), magnetometer=(), microphone=(), payment=(), usb=()',
};

/** `_headers` for Netlify and Cloudflare Pages. */
export function staticHostHeadersFile(): string {
  const lines = Object.entries(SECURITY_HEADERS).map(([name, value]) => `  ${name}: ${value}`);
  return ['# Written by the build from src/content-pipeline/security-headers.ts.', '/*', ...lines, ''].join(
    '\n',
  );
}

const CHARSET = /<meta\s+charset=[^>]*>/i;

/** Adds the CSP and referrer meta tags right after `<meta charset>`, which must stay first. */
export function withSecurityMeta(html: string): string {
  const charset = CHARSET.exec(html);
  if (!charset)
    throw new Error('index.html needs a <meta charset> in its head: the CSP meta tag goes after it');
  const end = charset.index + charset[0].length;
  const tags =
    `\n    <meta http-equiv="Content-Security-Policy" content="${META_CONTENT_SECURITY_POLICY}" />` +
    `\n    <meta name="referrer" content="no-referrer" />`;
  return html.slice(0, end) + tags + html.slice(end);
}

/** Vite plugin: the meta tags and `_headers` in build, the same headers from `vite preview`. */
export function securityHeaders(): Plugin {
  return {
    name: 'news:security-headers',
    // Builds and `vite preview` (which serves a build); never the dev server.
    apply: (_config, env) => env.command === 'build' || env.isPreview === true,
    transformIndexHtml: withSecurityMeta,
    generateBundle() {
      this.emitFile({ type: 'asset', fileName: '_headers', source: staticHostHeadersFile() });
    },
    configurePreviewServer(server) {
      server.middlewares.use((_req, res, next) => {
        for (const [name, value] of Object.entries(SECURITY_HEADERS)) res.setHeader(name, value);
        next();
      });
    },
  };
}
