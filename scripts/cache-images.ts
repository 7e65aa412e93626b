/**
 * `npm run images`: the build's image step alone. Downloads every image the build of CONTENT_DIR
 * would publish into the cache folder (and makes the card variants), so the next `npm run build`
 * needs no network for them. Always exits 0: a failed image is recorded and retried, never fatal.
 *
 * Environment: CONTENT_DIR, CONTENT_DRAFTS (which articles count), IMAGE_CACHE=off (do nothing),
 * IMAGE_CACHE_DIR (default .cache/images), IMAGE_CACHE_ALLOW_PRIVATE=1 (tests only).
 */
import { readContentEnv } from '../src/content-pipeline/env';
import { cacheImages, emitCachedImages, readImageEnv, type CacheRun } from '../src/content-pipeline/images';
import { buildContent } from '../src/content-pipeline/index';

const content = readContentEnv(process.env, 'build');
const images = readImageEnv(process.env);
if (!images.enabled) {
  console.log('IMAGE_CACHE=off: image step skipped.');
  process.exit(0);
}

let run: CacheRun | undefined;
// buildContent decides which images a build publishes (drafts policy, related items); the hook
// receives exactly that list, so this script and the build can never disagree about it.
await buildContent({
  contentDir: content.contentDir,
  drafts: content.drafts,
  maxFileBytes: content.maxFileBytes,
  async resolveImages(urls) {
    console.log(`${urls.length} image URL(s) in ${content.contentDir}; cache: ${images.cacheDir}`);
    run = await cacheImages(urls, {
      cacheDir: images.cacheDir,
      allowPrivateHosts: images.allowPrivateHosts,
      // Run by hand, so it may take longer than the build's limit; each request keeps its 5 s cap.
      deadlineMs: 15 * 60_000,
      log: console.log,
    });
    await emitCachedImages(run.images, { cacheDir: images.cacheDir });
    return new Map();
  },
});

if (run && run.failed.size > 0) {
  const shown = [...run.failed].slice(0, 20);
  console.log(`Failed (recorded in ${images.cacheDir}/index.json, retried next run):`);
  for (const [url, reason] of shown) console.log(`  ${url}: ${reason}`);
  if (run.failed.size > shown.length) console.log(`  …and ${run.failed.size - shown.length} more`);
}
