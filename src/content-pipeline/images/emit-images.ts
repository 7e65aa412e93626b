import { access, mkdir, readFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import sharp from 'sharp';
import type { CachedImage } from './cache-images.ts';
import { DEFAULT_CACHE_DIR } from './cache-images.ts';
import { writeAtomic } from './cache-store.ts';

/** Options of `emitCachedImages`. */
export interface EmitImagesOptions {
  /** The cache folder `cacheImages` used; resized variants are kept beside it. */
  cacheDir?: string;
  /** Vite's base URL, ending in `/`. */
  base?: string;
  /** Widths of the webp variants made for `srcset`; an image is never enlarged. */
  widths?: readonly number[];
}

/** The `ImageRef` fields an image gets from its cached copy. */
export interface ResolvedImage {
  src: string;
  /** Every size for `srcset`, the full-size copy included; absent when there is only one size. */
  variants?: { src: string; width: number }[];
}

export interface EmittedImages {
  /** Original URL -> the fields to put into its `ImageRef`. */
  resolved: Map<string, ResolvedImage>;
  /** Output-relative file name (`images/<hash>.<ext>`) -> absolute path of the file to copy there. */
  files: Map<string, string>;
}

/** Intrinsic size of one cached image and the variant widths made for it, kept between builds. */
interface SizeRecord {
  width?: number;
  height?: number;
  /** Variant widths made (those smaller than the image). */
  widths: number[];
  /** The width list asked for; a record made for another list is redone. */
  asked: number[];
}

const SIZES_FILE = 'sizes.json';

/**
 * Names every cached image by its content hash, and makes webp variants for cards with sharp. The
 * variants live in the cache folder too, so a rebuild redoes no resizing for images it has seen.
 */
export async function emitCachedImages(
  images: Map<string, CachedImage>,
  options: EmitImagesOptions = {},
): Promise<EmittedImages> {
  const cacheDir = resolve(options.cacheDir ?? DEFAULT_CACHE_DIR);
  const variantDir = join(cacheDir, 'variants');
  const base = options.base ?? '/';
  const widths = [...(options.widths ?? [400, 800])].sort((a, b) => a - b);
  const sizes = await readSizes(cacheDir);
  let sizesChanged = false;
  await mkdir(variantDir, { recursive: true });

  const emitted: EmittedImages = { resolved: new Map(), files: new Map() };
  const byHash = new Map<string, ResolvedImage>();
  for (const [url, image] of images) {
    const known = byHash.get(image.sha256);
    if (known) {
      emitted.resolved.set(url, known);
      continue;
    }
    const stem = image.sha256.slice(0, 16);
    const name = `images/${stem}.${image.format.ext}`;
    emitted.files.set(name, image.path);
    let record = sizes[image.sha256];
    if (!record || !(await isComplete(record, stem, widths, variantDir))) {
      record = await makeVariants(image, stem, widths, variantDir);
      sizes[image.sha256] = record;
      sizesChanged = true;
    }
    const variants = record.widths.map((width) => {
      const variantName = `images/${stem}-${width}w.webp`;
      emitted.files.set(variantName, join(variantDir, `${stem}-${width}.webp`));
      return { src: `${base}${variantName}`, width };
    });
    const resolved: ResolvedImage = { src: `${base}${name}` };
    if (variants.length > 0 && record.width)
      resolved.variants = [...variants, { src: resolved.src, width: record.width }];
    byHash.set(image.sha256, resolved);
    emitted.resolved.set(url, resolved);
  }
  if (sizesChanged) await writeAtomic(join(cacheDir, SIZES_FILE), `${JSON.stringify(sizes)}\n`);
  return emitted;
}

/** Whether a stored record was made for these widths and its variant files are all still there. */
async function isComplete(record: SizeRecord, stem: string, widths: number[], variantDir: string) {
  if (JSON.stringify(record.asked) !== JSON.stringify(widths)) return false;
  const present = await Promise.all(
    record.widths.map((width) =>
      access(join(variantDir, `${stem}-${width}.webp`)).then(
        () => true,
        () => false,
      ),
    ),
  );
  return present.every(Boolean);
}

async function makeVariants(image: CachedImage, stem: string, widths: number[], variantDir: string) {
  const record: SizeRecord = { widths: [], asked: widths };
  try {
    const { autoOrient } = await sharp(image.path).metadata();
    record.width = autoOrient.width;
    record.height = autoOrient.height;
    // Resizing an animated GIF keeps its first frame only; cards show it full size instead.
    if (image.format.ext === 'gif' || !record.width) return record;
    for (const width of widths) {
      if (width >= record.width) break;
      const data = await sharp(image.path).autoOrient().resize({ width }).webp({ quality: 75 }).toBuffer();
      await writeAtomic(join(variantDir, `${stem}-${width}.webp`), data);
      record.widths.push(width);
    }
  } catch {
    // sharp could not decode it (truncated or exotic file): publish the copy as is, without
    // variants; the page falls back to the original URL if the browser cannot draw it either.
  }
  return record;
}

async function readSizes(cacheDir: string): Promise<Record<string, SizeRecord>> {
  try {
    return JSON.parse(await readFile(join(cacheDir, SIZES_FILE), 'utf8')) as Record<string, SizeRecord>;
  } catch {
    return {};
  }
}
