import { copyFile, mkdir } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { cacheImages, DEFAULT_CACHE_DIR, type CacheImagesOptions } from './cache-images.ts';
import { emitCachedImages, type EmitImagesOptions, type ResolvedImage } from './emit-images.ts';

export { cacheImages, DEFAULT_CACHE_DIR } from './cache-images.ts';
export type { CacheImagesOptions, CachedImage, CacheRun } from './cache-images.ts';
export { emitCachedImages } from './emit-images.ts';
export type { EmitImagesOptions, EmittedImages, ResolvedImage } from './emit-images.ts';

/** Options of the whole image step: download limits plus output naming. */
export interface ImageStepOptions extends CacheImagesOptions, EmitImagesOptions {}

/** The image step's environment: `IMAGE_CACHE=off`, `IMAGE_CACHE_DIR`, `IMAGE_CACHE_ALLOW_PRIVATE=1`. */
export interface ImageEnv {
  enabled: boolean;
  cacheDir: string;
  allowPrivateHosts: boolean;
}

export function readImageEnv(env: NodeJS.ProcessEnv = process.env): ImageEnv {
  return {
    enabled: env.IMAGE_CACHE !== 'off',
    cacheDir: env.IMAGE_CACHE_DIR || DEFAULT_CACHE_DIR,
    allowPrivateHosts: env.IMAGE_CACHE_ALLOW_PRIVATE === '1',
  };
}

/** What a build uses: `resolveImages` for the pipeline, then `files` to copy into the output folder. */
export interface ImageResolver {
  resolveImages(urls: string[]): Promise<Map<string, ResolvedImage>>;
  /** Output-relative name -> cached file, for the images the last `resolveImages` call resolved. */
  readonly files: Map<string, string>;
}

/**
 * Caches and names images for one build. Any failure inside the step leaves every image on its
 * remote URL: missing local copies degrade the page, a failed build would block publishing.
 */
export function createImageResolver(options: ImageStepOptions = {}): ImageResolver {
  let files = new Map<string, string>();
  return {
    async resolveImages(urls) {
      try {
        const run = await cacheImages(urls, options);
        const emitted = await emitCachedImages(run.images, options);
        files = emitted.files;
        return emitted.resolved;
      } catch (error) {
        options.log?.(`images: step failed, keeping remote URLs: ${String(error)}`);
        files = new Map();
        return new Map();
      }
    },
    get files() {
      return files;
    },
  };
}

/**
 * The image step as a production build runs it, configured from the environment; undefined when
 * `IMAGE_CACHE=off`. `base` is Vite's base URL, so image URLs work under a sub-path.
 */
export function imageStepForBuild(
  base: string,
  log: (message: string) => void,
  env = process.env,
): ImageResolver | undefined {
  const { enabled, cacheDir, allowPrivateHosts } = readImageEnv(env);
  return enabled ? createImageResolver({ cacheDir, allowPrivateHosts, base, log }) : undefined;
}

/** Copies the resolved images into the output folder (`<outDir>/images/...`). */
export async function copyImageFiles(files: Map<string, string>, outDir: string): Promise<void> {
  const targets = [...files].map(([name, source]) => [source, join(outDir, name)] as const);
  await Promise.all(
    [...new Set(targets.map(([, target]) => dirname(target)))].map((dir) => mkdir(dir, { recursive: true })),
  );
  // A few copies at a time keep the disk busy without opening thousands of handles at once.
  const workers = Array.from({ length: 8 }, async (_, worker) => {
    for (let i = worker; i < targets.length; i += 8) {
      const [source, target] = targets[i]!;
      await copyFile(source, target);
    }
  });
  await Promise.all(workers);
}
