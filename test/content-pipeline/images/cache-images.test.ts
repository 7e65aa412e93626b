import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { cacheImages, type CacheImagesOptions } from '../../../src/content-pipeline/images';
import type { CacheIndex } from '../../../src/content-pipeline/images/cache-store';
import { closedPort, makePng, startImageServer, type ImageServer } from './image-server';

const TIMEOUT_MS = 400;
const MAX_BYTES = 64 * 1024;

let server: ImageServer;
let good: Buffer;
let cacheDir: string;
const url = (path: string) => `${server.origin}${path}`;
const options = (): CacheImagesOptions => ({
  cacheDir,
  timeoutMs: TIMEOUT_MS,
  maxBytes: MAX_BYTES,
  allowPrivateHosts: true,
});
const readIndex = async () => JSON.parse(await readFile(join(cacheDir, 'index.json'), 'utf8')) as CacheIndex;
const entryFor = (index: CacheIndex, wanted: string) =>
  Object.values(index.entries).find((e) => e.url === wanted);

beforeAll(async () => {
  good = await makePng(640, 360);
  server = await startImageServer({
    good,
    other: await makePng(32, 32, { r: 0, g: 0, b: 255 }),
    slowMs: 3_000,
    hugeBytes: 256 * 1024,
  });
});
afterAll(() => server.close());
beforeEach(async () => {
  cacheDir = await mkdtemp(join(tmpdir(), 'image-cache-'));
  server.reset();
  return () => rm(cacheDir, { recursive: true, force: true });
});

describe('cacheImages against a misbehaving host', () => {
  const bad: Record<string, RegExp> = {
    '/missing.png': /^HTTP 404$/,
    '/slow.png': /^timed out after 400 ms$/,
    '/huge-declared.png': /^larger than 65536 bytes \(Content-Length: \d+\)$/,
    '/huge-streamed.png': /^larger than 65536 bytes$/,
    '/page.png': /^content is not a raster image \(declared image\/png\)$/,
    '/png-as-text': /^not an image \(Content-Type: text\/plain\)$/,
    '/logo.svg': /^not an image \(Content-Type: image\/svg\+xml\)$/,
    '/loop': /^more than 3 redirects$/,
    '/to-ftp': /^redirect to a non-http\(s\) URL: ftp:\/\/127\.0\.0\.1\/good\.png$/,
    '/to-data': /^redirect to a non-http\(s\) URL: data:/,
  };

  it('keeps the good images, records every failure with its reason, and finishes in bounded time', async () => {
    const started = Date.now();
    const run = await cacheImages(
      [url('/good.png'), url('/redirect-good'), ...Object.keys(bad).map(url)],
      options(),
    );

    expect(Date.now() - started).toBeLessThan(TIMEOUT_MS + 1_500);
    expect([...run.images.keys()].sort()).toEqual([url('/good.png'), url('/redirect-good')].sort());
    expect(await readFile(run.images.get(url('/good.png'))!.path)).toEqual(good);
    expect(run.images.get(url('/good.png'))!.format).toEqual({ ext: 'png', mime: 'image/png' });
    expect(run.fetched).toBe(2);

    const index = await readIndex();
    for (const [path, reason] of Object.entries(bad)) {
      const entry = entryFor(index, url(path));
      expect(entry, path).toMatchObject({ status: 'failed', attempts: 1 });
      expect(entry?.status === 'failed' && entry.reason, path).toMatch(reason);
      expect(run.failed.get(url(path)), path).toMatch(reason);
    }
    expect(entryFor(index, url('/good.png'))).toMatchObject({ status: 'ok', bytes: good.byteLength });
    // The redirect loop stops after the first request plus three hops.
    expect(server.requests.filter((p) => p === '/loop')).toHaveLength(4);
  });

  it('answers a second run from the cache with no network, and retries only what failed', async () => {
    await cacheImages([url('/good.png'), url('/missing.png')], options());
    server.reset();

    const cachedOnly = await cacheImages([url('/good.png')], options());
    expect(server.requests).toEqual([]);
    expect(cachedOnly).toMatchObject({ reused: 1, fetched: 0 });
    expect(await readFile(cachedOnly.images.get(url('/good.png'))!.path)).toEqual(good);

    await cacheImages([url('/good.png'), url('/missing.png')], options());
    expect(server.requests).toEqual(['/missing.png']);
    expect(entryFor(await readIndex(), url('/missing.png'))).toMatchObject({ status: 'failed', attempts: 2 });
  });

  it('refetches a cached image whose file disappeared', async () => {
    const first = await cacheImages([url('/good.png')], options());
    await rm(first.images.get(url('/good.png'))!.path);
    server.reset();
    const second = await cacheImages([url('/good.png')], options());
    expect(server.requests).toEqual(['/good.png']);
    expect(second.fetched).toBe(1);
  });

  it('never has more than 8 downloads in flight', async () => {
    const urls = Array.from({ length: 24 }, (_, i) => url(`/held-${i}.png`));
    const run = await cacheImages(urls, { ...options(), concurrency: 50 });
    expect(run.fetched).toBe(24);
    expect(server.maxInFlight).toBe(8);
  });

  it('trusts the bytes over a wrong but image-typed Content-Type', async () => {
    const run = await cacheImages([url('/mislabelled.jpg')], options());
    expect(run.images.get(url('/mislabelled.jpg'))?.format).toEqual({ ext: 'png', mime: 'image/png' });
  });

  it('refuses loopback hosts unless private hosts are allowed, without sending a request', async () => {
    const run = await cacheImages([url('/good.png'), 'http://localhost:9/x.png'], {
      ...options(),
      allowPrivateHosts: false,
    });
    expect(run.images.size).toBe(0);
    expect(run.failed.get(url('/good.png'))).toBe('host 127.0.0.1 resolves to private address 127.0.0.1');
    expect(run.failed.get('http://localhost:9/x.png')).toBe('host localhost is local');
    expect(server.requests).toEqual([]);
  });

  it('ignores URLs that are not http(s) and starts nothing after the deadline', async () => {
    const run = await cacheImages(['data:image/png;base64,AAAA', 'javascript:alert(1)', url('/good.png')], {
      ...options(),
      deadlineMs: 0,
    });
    expect(run.images.size).toBe(0);
    expect(run.skipped).toEqual([url('/good.png')]);
    expect(server.requests).toEqual([]);
  });
});

describe('cacheImages with nothing listening', () => {
  it('finishes fast, caches nothing, and stops trying once the network looks down', async () => {
    const port = await closedPort();
    const urls = Array.from({ length: 40 }, (_, i) => `http://127.0.0.1:${port}/image-${i}.jpg`);
    const started = Date.now();
    const run = await cacheImages(urls, options());

    expect(Date.now() - started).toBeLessThan(2_000);
    expect(run.images.size).toBe(0);
    expect(run.failed.get(urls[0]!)).toBe('fetch failed (ECONNREFUSED)');
    // Eight workers each see one refusal before the run presumes the network is down.
    expect(run.failed.size).toBeLessThanOrEqual(16);
    expect(run.skipped.length + run.failed.size).toBe(40);
  });
});
