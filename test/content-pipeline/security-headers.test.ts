import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { build, createServer, preview } from 'vite';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  META_CONTENT_SECURITY_POLICY,
  SECURITY_HEADERS,
  securityHeaders,
  staticHostHeadersFile,
  withSecurityMeta,
} from '../../src/content-pipeline/security-headers';

const DOCUMENT_POLICY =
  "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' https: http:; font-src 'self'; " +
  "connect-src 'self'; worker-src 'self'; manifest-src 'self'; frame-src 'none'; object-src 'none'; " +
  "base-uri 'none'; form-action 'none'";

describe('the policy', () => {
  it('keeps the document to its own scripts, styles and connections, with no inline code', () => {
    expect(META_CONTENT_SECURITY_POLICY).toBe(DOCUMENT_POLICY);
  });

  it('sends the same policy as a header, plus frame-ancestors, and lets the service worker fetch images', () => {
    expect(SECURITY_HEADERS).toEqual({
      'Content-Security-Policy': DOCUMENT_POLICY.replace(
        "connect-src 'self'",
        "connect-src 'self' https: http:",
      ).concat("; frame-ancestors 'none'"),
      'Referrer-Policy': 'no-referrer',
      'X-Content-Type-Options': 'nosniff',
      'X-Frame-Options': 'DENY',
      'Cross-Origin-Opener-Policy': 'same-origin',
      'Permissions-Policy':
        'accelerometer=(), browsing-topics=(), camera=(), geolocation=(), gyroscope=(), magnetometer=(), microphone=(), payment=(), usb=()',
    });
  });

  it('writes _headers for Netlify and Cloudflare Pages as one rule for every path', () => {
    expect(staticHostHeadersFile().split('\n')).toEqual([
      '# Written by the build from src/content-pipeline/security-headers.ts.',
      '/*',
      ...Object.entries(SECURITY_HEADERS).map(([name, value]) => `  ${name}: ${value}`),
      '',
    ]);
  });

  it('puts the meta tags right after <meta charset>, and refuses a page without one', () => {
    const html =
      '<!doctype html><html><head>\n    <meta charset="UTF-8" />\n    <title>x</title></head></html>';
    expect(withSecurityMeta(html)).toBe(
      '<!doctype html><html><head>\n    <meta charset="UTF-8" />' +
        `\n    <meta http-equiv="Content-Security-Policy" content="${DOCUMENT_POLICY}" />` +
        '\n    <meta name="referrer" content="no-referrer" />' +
        '\n    <title>x</title></head></html>',
    );
    expect(() => withSecurityMeta('<html><head><title>x</title></head></html>')).toThrow(
      'index.html needs a <meta charset> in its head: the CSP meta tag goes after it',
    );
  });
});

describe('securityHeaders() in Vite', () => {
  let root: string;
  const page =
    '<!doctype html>\n<html><head>\n<meta charset="UTF-8" />\n<title>t</title>\n</head>' +
    '<body><div id="root"></div><script type="module" src="/main.js"></script></body></html>\n';

  beforeAll(async () => {
    root = await mkdtemp(path.join(tmpdir(), 'news-security-'));
    await writeFile(path.join(root, 'index.html'), page);
    await writeFile(path.join(root, 'main.js'), 'document.getElementById("root").textContent = "ok";\n');
  });
  afterAll(async () => {
    await rm(root, { recursive: true, force: true });
  });

  const config = () => ({
    configFile: false as const,
    root,
    logLevel: 'silent' as const,
    plugins: [securityHeaders()],
  });

  it('build: the meta tags in index.html, _headers beside it; preview: the headers on every response', async () => {
    await build({ ...config(), build: { outDir: 'dist' } });
    const html = await readFile(path.join(root, 'dist', 'index.html'), 'utf8');
    expect(html).toContain(
      `<meta charset="UTF-8" />\n    <meta http-equiv="Content-Security-Policy" content="${DOCUMENT_POLICY}" />`,
    );
    expect(html).not.toMatch(/<script(?![^>]*\bsrc=)[^>]*>/);
    expect(await readFile(path.join(root, 'dist', '_headers'), 'utf8')).toBe(staticHostHeadersFile());

    const server = await preview({
      ...config(),
      build: { outDir: 'dist' },
      preview: { host: '127.0.0.1', port: 0 },
    });
    try {
      const address = server.httpServer.address();
      if (!address || typeof address === 'string') throw new Error('preview server has no TCP address');
      // An SPA route (served index.html) and a static asset both carry every header.
      for (const url of ['/article/some-id', '/_headers']) {
        const response = await fetch(`http://127.0.0.1:${address.port}${url}`);
        expect(response.status).toBe(200);
        for (const [name, value] of Object.entries(SECURITY_HEADERS))
          expect(response.headers.get(name)).toBe(value);
      }
    } finally {
      await server.close();
    }
  });

  it('dev: nothing changes, since HMR needs inline scripts', async () => {
    const server = await createServer({
      ...config,
      root,
      server: { host: '127.0.0.1', port: 0, hmr: false },
    });
    await server.listen();
    try {
      const address = server.httpServer?.address();
      if (!address || typeof address === 'string') throw new Error('dev server has no TCP address');
      const response = await fetch(`http://127.0.0.1:${address.port}/`);
      expect(response.headers.get('Content-Security-Policy')).toBeNull();
      expect(await response.text()).not.toContain('Content-Security-Policy');
    } finally {
      await server.close();
    }
  });
});
