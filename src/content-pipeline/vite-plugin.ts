import { stat } from 'node:fs/promises';
import path from 'node:path';
import type { Plugin, ResolvedConfig, ViteDevServer } from 'vite';
import { dataFiles } from '../config/data-files.ts';
import type { ContentUpdatedEvent, Manifest } from '../types/content.ts';
import { linkDataFolder, writeDataFiles } from './data-folder.ts';
import { createContentCache, formatIssue, type ContentCache, type ContentIssue } from './index.ts';
import type { StoreRun } from './store.ts';
import { readContentEnv, type ContentEnv } from './env.ts';
import { copyImageFiles, imageStepForBuild, type ImageResolver } from './images/index.ts';

/** Options for `newsContent()`; each defaults from the environment (see README, "Environment"). */
export type NewsContentOptions = Partial<ContentEnv> & {
  /**
   * Where parse and validation results are kept between runs, so a restarted dev server or the
   * next build skips unchanged files; default `.cache/content` in the Vite root, `false` for none.
   */
  cacheDir?: string | false;
};

/**
 * What `news:content` offers other plugins (as `plugin.api`): in a build, after its `buildStart`,
 * the manifest and the text of the first newest-first shard, the data the first view shows.
 */
export interface NewsContentApi {
  firstView(): { manifest: Manifest; firstShard: string | undefined } | undefined;
  /** Time the last build's content work took (the benchmark reads it). */
  timings(): ContentTimings;
}

/** The custom HMR event sent after every content rebuild in dev. */
export const CONTENT_UPDATED_EVENT = 'news:content-updated';

const CONTENT_FILE = /\.(md|markdown|txt)$/i;
const SETTLE_MS = 150;
const DEBOUNCE_MS = 10;
const STEADY_MS = 15;

/** What a rebuild would tell open pages; equal summaries need no new announcement. */
const summary = (run: StoreRun) => `${run.plan.manifest.buildId}\n${run.issues.map(formatIssue).join('\n')}`;

const isError = (issue: ContentIssue) => issue.severity === 'error';

/** One line per problem plus a count, the same text the build, the dev overlay and check:content show. */
export function describeProblems(issues: ContentIssue[]): string {
  const errors = issues.filter(isError).length;
  return [...issues.map(formatIssue), `${errors} error(s), ${issues.length - errors} warning(s)`].join('\n');
}

/** How long the last build's content work took, by stage, in ms (read by the benchmark). */
export interface ContentTimings {
  stages: Record<string, number>;
  /** Putting the data files into the output folder in writeBundle (links or copies). */
  output?: number;
  outputFiles?: number;
}

/**
 * Turns the content folder into `data/` JSON: served from memory in dev (updated from the files
 * the watcher reports, announced with a custom HMR event), in build written into the cache's data
 * folder as it is made, then linked into the output folder.
 */
export function newsContent(options: NewsContentOptions = {}): Plugin<NewsContentApi> {
  let config: ResolvedConfig;
  let env: ContentEnv;
  let built: StoreRun | undefined;
  let images: ImageResolver | undefined; // build only: dev draws the remote URLs
  // Dev rebuilds after every save, and builds follow each other: unchanged files are not read,
  // parsed or rendered again.
  let cache: ContentCache;
  const timings: ContentTimings = { stages: {} };

  const runOptions = (resolveImages?: ImageResolver['resolveImages']) => {
    const dev = config.command !== 'build';
    return {
      contentDir: env.contentDir,
      drafts: env.drafts,
      maxFileBytes: env.maxFileBytes,
      resolveImages,
      keepSources: dev,
      keepDetails: dev || !cache.persistent,
      writeData: !dev,
    };
  };

  const firstShardName = (manifest: Manifest) => {
    const feed = manifest.feeds.newest;
    return feed.shards > 0 ? dataFiles.shard('newest', null, 0, feed.hash) : undefined;
  };

  return {
    name: 'news:content',

    api: {
      firstView() {
        if (!built) return undefined;
        const name = firstShardName(built.plan.manifest);
        return { manifest: built.plan.manifest, firstShard: name && cache.file(name) };
      },
      timings: () => timings,
    },

    // The cache folder holds a build's data files (100,000 at that size): the dev server's file
    // watcher must not watch them, or it runs out of the system's watches.
    config(userConfig) {
      if (options.cacheDir === false) return;
      const root = path.resolve(userConfig.root ?? process.cwd());
      const folder = path.resolve(root, options.cacheDir ?? '.cache/content');
      return { server: { watch: { ignored: [`${folder.split(path.sep).join('/')}/**`] } } };
    },

    configResolved(resolved) {
      config = resolved;
      env = { ...readContentEnv(process.env, resolved.command), ...options };
      const cacheDir = options.cacheDir ?? '.cache/content';
      cache = createContentCache(cacheDir === false ? {} : { dir: path.resolve(resolved.root, cacheDir) });
    },

    async buildStart() {
      if (config.command !== 'build') return;
      images = imageStepForBuild(config.base, (message) => config.logger.info(message));
      built = await cache.run(runOptions(images?.resolveImages));
      timings.stages = built.stages;
      const errors = built.issues.filter(isError);
      if (errors.length > 0 && !env.skipInvalid) {
        this.error(
          `Content in ${env.contentDir} has problems; fix them or set CONTENT_SKIP_INVALID=1 to build the valid articles:\n` +
            describeProblems(built.issues),
        );
      }
      if (built.issues.length > 0) this.warn(describeProblems(built.issues));
      if (built.invalidFiles.length > 0) {
        this.warn(`Skipped ${built.invalidFiles.length} invalid file(s):\n${built.invalidFiles.join('\n')}`);
      }
    },

    // The first view needs the manifest and the first newest-first shard; announcing both in the
    // built page lets the browser fetch them alongside the script instead of after it.
    transformIndexHtml: {
      order: 'post',
      handler() {
        if (config.command !== 'build' || !built) return [];
        const first = firstShardName(built.plan.manifest);
        const names = [dataFiles.manifest(), ...(first ? [first] : [])];
        return names.map((name) => ({
          tag: 'link',
          attrs: {
            rel: 'preload',
            as: 'fetch',
            crossorigin: 'anonymous',
            href: `${config.base}data/${name}`,
          },
          injectTo: 'head' as const,
        }));
      },
    },

    // Written directly rather than through emitFile: one detail file per article would otherwise
    // flood Vite's size report and hold every file twice in Rollup's bundle at large corpus sizes.
    async writeBundle(outputOptions) {
      if (!built) return;
      const outDir = outputOptions.dir ?? path.resolve(config.root, config.build.outDir);
      const started = performance.now();
      timings.outputFiles = writeContentData(cache, path.join(outDir, 'data'));
      timings.output = performance.now() - started;
      if (images) await copyImageFiles(images.files, outDir);
      config.logger.info(
        `news:content wrote ${timings.outputFiles} data files for ${built.plan.manifest.counts.articles} articles`,
      );
    },

    async configureServer(server) {
      const contentDir = path.resolve(config.root, env.contentDir);
      let current = await cache.run(runOptions());
      let pending: Promise<void> = Promise.resolve();
      let announced = summary(current);
      let settle: ReturnType<typeof setTimeout> | undefined;
      let soon: ReturnType<typeof setTimeout> | undefined;
      // Paths reported since the last rebuild started; null asks for a full rescan.
      let reported: Set<string> | null = new Set();
      let burst = new Set<string>();

      const rebuild = () => {
        // Changes arrive in bursts (editors save in several steps): queue one rebuild after another.
        pending = pending.then(async () => {
          const paths = reported;
          reported = new Set();
          try {
            if (paths) await steady([...paths]);
            const updated = paths === null ? undefined : await cache.update([...paths], runOptions());
            current = updated ?? (await cache.run(runOptions()));
          } catch (error) {
            config.logger.error(`news:content rebuild failed: ${String(error)}`);
            return;
          }
          if (summary(current) === announced) return;
          announced = summary(current);
          announce(server, current);
        });
      };

      // The watcher reports a file at most once per 50 ms and drops the rest, so the last write of a
      // quick burst (a truncate-then-write save, a fix saved right after a break) can go unreported:
      // the files of the burst are read once more after it settles (unchanged bytes cost a hash).
      const onContentChange = (file: string | null) => {
        if (file === null) reported = null;
        else {
          reported?.add(file);
          burst.add(file);
        }
        // A save truncates, then writes: waiting a moment lets the first read see the written file.
        if (!soon) {
          soon = setTimeout(() => {
            soon = undefined;
            rebuild();
          }, DEBOUNCE_MS);
        }
        clearTimeout(settle);
        settle = setTimeout(() => {
          for (const again of burst) reported?.add(again);
          burst = new Set();
          rebuild();
        }, SETTLE_MS);
      };

      server.watcher.add(contentDir);
      const onFsEvent = (file: string) => {
        if (CONTENT_FILE.test(file) && isInside(contentDir, file)) onContentChange(file);
      };
      server.watcher.on('add', onFsEvent);
      server.watcher.on('change', onFsEvent);
      server.watcher.on('unlink', onFsEvent);
      server.watcher.on('unlinkDir', (dir: string) => isInside(contentDir, dir) && onContentChange(null));
      server.httpServer?.once('close', () => {
        clearTimeout(settle);
        clearTimeout(soon);
      });

      const prefix = `${config.base}data/`;
      server.middlewares.use((req, res, next) => {
        const url = req.url?.split('?')[0] ?? '';
        if (!url.startsWith(prefix)) return next();
        const name = decodeName(url.slice(prefix.length));
        res.setHeader('Cache-Control', 'no-cache');
        if (name === undefined) {
          res.statusCode = 400;
          res.setHeader('Content-Type', 'application/json');
          res.end(JSON.stringify({ error: 'malformed URL' }));
          return;
        }
        const body = cache.file(name);
        if (body === undefined) {
          res.statusCode = 404;
          res.setHeader('Content-Type', 'application/json');
          res.end(JSON.stringify({ error: 'not found' }));
          return;
        }
        res.setHeader('Content-Type', 'application/json; charset=utf-8');
        res.end(body);
      });

      server.httpServer?.once('listening', () => {
        if (current.issues.length > 0) config.logger.warn(describeProblems(current.issues));
      });
    },
  };
}

/**
 * Puts the last build's data files into `dataDir`: linked from the cache's data folder when there
 * is one, else written from memory. Returns how many.
 */
export function writeContentData(cache: ContentCache, dataDir: string): number {
  const folder = cache.dataDir;
  if (folder) return linkDataFolder(folder, dataDir);
  return writeDataFiles(dataDir, cache.files());
}

/** Tells open pages that content changed, and shows Vite's error overlay while any file is broken. */
function announce(server: ViteDevServer, build: StoreRun) {
  const firstError = build.issues.find(isError);
  if (firstError) {
    server.config.logger.error(describeProblems(build.issues), { timestamp: true });
    server.ws.send({
      type: 'error',
      err: {
        message: describeProblems(build.issues),
        stack: '',
        id: firstError.file,
        plugin: 'news:content',
        loc: { file: firstError.file, line: firstError.line, column: firstError.col },
      },
    });
  } else {
    server.config.logger.info(`news:content updated (${build.plan.manifest.counts.articles} articles)`, {
      timestamp: true,
    });
  }
  const event: ContentUpdatedEvent = {
    buildId: build.plan.manifest.buildId,
    errors: build.issues.filter(isError).map(formatIssue),
    warnings: build.issues.filter((issue) => !isError(issue)).map(formatIssue),
  };
  server.ws.send(CONTENT_UPDATED_EVENT, event);
}

/**
 * Waits (a few times 15 ms at most) until the files' sizes and modification times hold still: a
 * save truncates, then writes, and the watcher reports the first step and may drop the next.
 */
async function steady(paths: string[]): Promise<void> {
  const look = async () =>
    JSON.stringify(
      await Promise.all(
        paths.map((p) =>
          stat(p).then(
            (s) => [s.size, s.mtimeMs],
            () => null,
          ),
        ),
      ),
    );
  let before = await look();
  for (let attempt = 0; attempt < 6; attempt++) {
    await new Promise((resolve) => setTimeout(resolve, STEADY_MS));
    const now = await look();
    if (now === before) return;
    before = now;
  }
}

function decodeName(encoded: string): string | undefined {
  try {
    return decodeURIComponent(encoded);
  } catch {
    return undefined; // a malformed escape such as %E0%A4%A
  }
}

function isInside(dir: string, file: string): boolean {
  const relative = path.relative(dir, path.resolve(file));
  return relative === '' || (!relative.startsWith('..') && !path.isAbsolute(relative));
}
