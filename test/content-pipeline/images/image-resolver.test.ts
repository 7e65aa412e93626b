import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { createImageResolver, readImageEnv } from '../../../src/content-pipeline/images';
import { closedPort, makePng, startImageServer, type ImageServer } from './image-server';

let server: ImageServer;
let cacheDir: string;
beforeAll(async () => {
  const good = await makePng(1200, 800);
  server = await startImageServer({ good, other: good, slowMs: 1_000, hugeBytes: 1024 });
});
afterAll(() => server.close());
beforeEach(async () => {
  cacheDir = await mkdtemp(join(tmpdir(), 'image-resolver-'));
  return () => rm(cacheDir, { recursive: true, force: true });
});

describe('createImageResolver', () => {
  it('resolves cached images to local URLs and lists the files to publish', async () => {
    const resolver = createImageResolver({ cacheDir, allowPrivateHosts: true, base: '/' });
    const good = `${server.origin}/good.png`;
    const missing = `${server.origin}/missing.png`;
    const resolved = await resolver.resolveImages([good, missing]);

    expect([...resolved.keys()]).toEqual([good]);
    expect(resolved.get(good)?.src).toMatch(/^\/images\/[0-9a-f]{16}\.png$/);
    expect(resolved.get(good)?.variants?.map((v) => v.width)).toEqual([400, 800, 1200]);
    expect([...resolver.files.keys()].sort()).toEqual(
      [
        resolved.get(good)!.src,
        ...resolved
          .get(good)!
          .variants!.slice(0, 2)
          .map((v) => v.src),
      ]
        .map((s) => s.slice(1))
        .sort(),
    );
  });

  it('resolves nothing, quickly, when no host answers: every image keeps its remote URL', async () => {
    const port = await closedPort();
    const started = Date.now();
    const resolved = await createImageResolver({ cacheDir, allowPrivateHosts: true }).resolveImages([
      `http://127.0.0.1:${port}/a.jpg`,
      `http://127.0.0.1:${port}/b.jpg`,
    ]);
    expect(resolved.size).toBe(0);
    expect(Date.now() - started).toBeLessThan(1_000);
  });
});

describe('readImageEnv', () => {
  it('reads IMAGE_CACHE, IMAGE_CACHE_DIR and IMAGE_CACHE_ALLOW_PRIVATE', () => {
    expect(readImageEnv({})).toEqual({ enabled: true, cacheDir: '.cache/images', allowPrivateHosts: false });
    expect(
      readImageEnv({ IMAGE_CACHE: 'off', IMAGE_CACHE_DIR: '/tmp/x', IMAGE_CACHE_ALLOW_PRIVATE: '1' }),
    ).toEqual({
      enabled: false,
      cacheDir: '/tmp/x',
      allowPrivateHosts: true,
    });
  });
});
