import { mkdtemp, readFile, rm, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import sharp from 'sharp';
import { beforeEach, describe, expect, it } from 'vitest';
import { copyImageFiles, emitCachedImages, type CachedImage } from '../../../src/content-pipeline/images';
import { sha256 } from '../../../src/content-pipeline/images/cache-store';
import { makePng } from './image-server';

let cacheDir: string;
beforeEach(async () => {
  cacheDir = await mkdtemp(join(tmpdir(), 'image-emit-'));
  return () => rm(cacheDir, { recursive: true, force: true });
});

/** Puts an image into the cache folder the way `cacheImages` would have. */
async function cached(
  url: string,
  bytes: Buffer,
  ext: 'png' | 'gif' = 'png',
): Promise<[string, CachedImage]> {
  const path = join(cacheDir, `${sha256(Buffer.from(url)).slice(0, 8)}.${ext}`);
  await writeFile(path, bytes);
  const mime = ext === 'png' ? 'image/png' : 'image/gif';
  return [url, { url, path, format: { ext, mime }, bytes: bytes.byteLength, sha256: sha256(bytes) }];
}

describe('emitCachedImages', () => {
  it('names the copy by content hash and makes smaller webp variants for srcset', async () => {
    const bytes = await makePng(1000, 500);
    const stem = sha256(bytes).slice(0, 16);
    const { resolved, files } = await emitCachedImages(
      new Map([await cached('https://a.example/p.png', bytes)]),
      {
        cacheDir,
        base: '/reader/',
      },
    );

    expect(resolved.get('https://a.example/p.png')).toEqual({
      src: `/reader/images/${stem}.png`,
      variants: [
        { src: `/reader/images/${stem}-400w.webp`, width: 400 },
        { src: `/reader/images/${stem}-800w.webp`, width: 800 },
        { src: `/reader/images/${stem}.png`, width: 1000 },
      ],
    });
    expect([...files.keys()].sort()).toEqual([
      `images/${stem}-400w.webp`,
      `images/${stem}-800w.webp`,
      `images/${stem}.png`,
    ]);
    const variant = await sharp(files.get(`images/${stem}-400w.webp`)!).metadata();
    expect(variant).toMatchObject({ format: 'webp', width: 400, height: 200 });
  });

  it('never enlarges: a small image gets no variants', async () => {
    const bytes = await makePng(300, 200);
    const { resolved, files } = await emitCachedImages(
      new Map([await cached('https://a.example/s.png', bytes)]),
      { cacheDir },
    );
    expect(resolved.get('https://a.example/s.png')).toEqual({
      src: `/images/${sha256(bytes).slice(0, 16)}.png`,
    });
    expect(files.size).toBe(1);
  });

  it('publishes one file for two URLs with the same bytes', async () => {
    const bytes = await makePng(200, 100);
    const images = new Map([
      await cached('https://a.example/1.png', bytes),
      await cached('https://b.example/2.png', bytes),
    ]);
    const { resolved, files } = await emitCachedImages(images, { cacheDir });
    expect(resolved.get('https://a.example/1.png')).toEqual(resolved.get('https://b.example/2.png'));
    expect(files.size).toBe(1);
  });

  it('reuses variants made by an earlier build instead of resizing again', async () => {
    const images = new Map([await cached('https://a.example/p.png', await makePng(900, 600))]);
    const first = await emitCachedImages(images, { cacheDir });
    const variantPath = [...first.files.values()].find((p) => p.endsWith('-400.webp'))!;
    const madeAt = (await stat(variantPath)).mtimeMs;
    const second = await emitCachedImages(images, { cacheDir });
    expect(second.resolved).toEqual(first.resolved);
    expect((await stat(variantPath)).mtimeMs).toBe(madeAt);
  });

  it('publishes an undecodable file as is, without variants', async () => {
    const truncated = (await makePng(900, 600)).subarray(0, 40);
    const { resolved } = await emitCachedImages(
      new Map([await cached('https://a.example/t.png', truncated)]),
      { cacheDir },
    );
    expect(resolved.get('https://a.example/t.png')).toEqual({
      src: `/images/${sha256(truncated).slice(0, 16)}.png`,
    });
  });
});

describe('copyImageFiles', () => {
  it('copies every emitted file under its output name', async () => {
    const bytes = await makePng(900, 600);
    const { files } = await emitCachedImages(new Map([await cached('https://a.example/p.png', bytes)]), {
      cacheDir,
    });
    const outDir = join(cacheDir, 'dist');
    await copyImageFiles(files, outDir);
    const name = `images/${sha256(bytes).slice(0, 16)}.png`;
    expect(await readFile(join(outDir, name))).toEqual(bytes);
    expect((await sharp(join(outDir, name.replace('.png', '-800w.webp'))).metadata()).width).toBe(800);
  });
});
