import { lstat, readdir, stat } from 'node:fs/promises';
import path from 'node:path';
import type { AsyncSubscription, Event as WatchEvent } from '@parcel/watcher';
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

    // Vite's file watcher (chokidar) must not watch two folders. The cache folder holds a build's
    // data files (100,000 at that size): watching them runs out of the system's watches. The content
    // folder has its own watcher (configureServer): chokidar re-reads a whole folder, a listing and
    // one lstat per entry, on every write in it, tens of milliseconds per save at 10,000 articles.
    config(userConfig, { command }) {
      const root = path.resolve(userConfig.root ?? process.cwd());
      const ignored: (string | ((file: string) => boolean))[] = [];
      if (options.cacheDir !== false) {
        const folder = path.resolve(root, options.cacheDir ?? '.cache/content');
        ignored.push(`${folder.split(path.sep).join('/')}/**`);
      }
      if (command === 'serve') {
        const contentDir = path.resolve(
          root,
          options.contentDir ?? readContentEnv(process.env, command).contentDir,
        );
        // A function, not a glob: the folder's path is matched as it is, whatever characters it has.
        ignored.push((file: string) => isInside(contentDir, file));
      }
      return ignored.length > 0 ? { server: { watch: { ignored } } } : undefined;
    },

    configResolved(resolved) {
      config = resolved;
      env = { ...readContentEnv(process.env, resolved.command), ...options };
      // A relative folder is the Vite root's, as the watcher has it; kept relative (to the working
      // folder, where the pipeline reads it) so paths in messages stay short.
      if (!path.isAbsolute(env.contentDir))
        env.contentDir = path.relative(process.cwd(), path.resolve(resolved.root, env.contentDir)) || '.';
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
            // Under a content folder that is gone every path reads as deleted: the full run says why.
            const whole = paths === null || !(await stat(contentDir).catch(() => null))?.isDirectory();
            const updated = whole ? undefined : await cache.update([...paths], runOptions());
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

      // The watcher hands over a change at once after a quiet spell, then batches what follows for
      // 50 ms, and a save truncates, then writes: the first report can come before the write, and a
      // rebuild may read the file between the two. The files of a burst are read once more after it
      // settles (unchanged bytes cost a hash), so the last state always lands.
      const onContentChange = (file: string | null) => {
        if (file === null) reported = null;
        else {
          reported?.add(file);
          burst.add(file);
        }
        // One rebuild for all that arrives in this turn; steady() does the waiting for the writes.
        if (!soon) {
          soon = setTimeout(() => {
            soon = undefined;
            rebuild();
          });
        }
        clearTimeout(settle);
        settle = setTimeout(() => {
          for (const again of burst) reported?.add(again);
          burst = new Set();
          rebuild();
        }, SETTLE_MS);
      };

      // The content folder is watched by @parcel/watcher (inotify, FSEvents or Windows' own, from
      // native code), which reports the changed paths without listing the folder again; Vite's
      // watcher leaves it alone (see `config`). A folder that appears or goes is not reported file by
      // file (moved in or out whole), so it asks for a full rescan: the known folders tell a removed
      // folder from a removed file (an editor's backup file must not rescan 10,000 articles).
      const folders = await listFolders(contentDir);
      const onEvents = async (events: WatchEvent[]) => {
        for (const { path: file, type } of events) {
          const rel = path.relative(contentDir, file);
          if (rel.startsWith('..') || path.isAbsolute(rel)) continue;
          if (rel === '') {
            if (type === 'delete') onContentChange(null); // the folder itself went: the rescan says so
            continue;
          }
          if (rel.split(path.sep).some((part) => part.startsWith('.'))) continue;
          if (folders.has(file)) {
            if (type !== 'delete') continue;
            for (const folder of folders) if (isInside(file, folder)) folders.delete(folder);
            onContentChange(null);
          } else if (type === 'create' && (await lstat(file).catch(() => null))?.isDirectory()) {
            for (const folder of [file, ...(await listFolders(file))]) folders.add(folder);
            onContentChange(null);
          } else if (CONTENT_FILE.test(file)) onContentChange(file);
        }
      };
      let watching: AsyncSubscription | undefined;
      try {
        // Loaded with the pipeline (crawl.ts lists the folder with it); here only if that failed.
        const { subscribe } = await import('@parcel/watcher');
        watching = await subscribe(
          contentDir,
          (error, events) => {
            if (error) {
              config.logger.error(`news:content file watcher: ${String(error)}`, { timestamp: true });
              onContentChange(null);
            } else void onEvents(events);
          },
          { ignore: ['**/.*', '**/.*/**'] },
        );
      } catch (error) {
        config.logger.error(
          `news:content cannot watch ${contentDir} (${String(error)}): edits show after a restart of the dev server`,
        );
      }
      const stop = () => {
        clearTimeout(settle);
        clearTimeout(soon);
        const subscription = watching;
        watching = undefined;
        return subscription?.unsubscribe().catch(() => undefined);
      };
      server.httpServer?.once('close', () => void stop());
      // Vite's close() ends the watchers it knows; this one is ours (and a middleware-mode server
      // has no HTTP server to close).
      const close = server.close.bind(server);
      server.close = async () => {
        await stop();
        return close();
      };

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
 * Waits until the files have held still (same size and modification time) for STEADY_MS: a save
 * truncates, then writes, and the watcher can report the first step before the second. A file
 * last modified longer ago than that needs no wait at all; a younger one is looked at again once
 * it has had the rest of the time (the kernel stamps times from a clock a few ms coarse, so "held
 * still" means STEADY_MS less that). At most six rounds; a file still changing by then is read as
 * it is, and the settle pass reads it again.
 */
async function steady(paths: string[]): Promise<void> {
  const look = () =>
    Promise.all(
      paths.map((p) =>
        stat(p).then(
          (s) => ({ key: `${s.size}:${s.mtimeMs}`, mtimeMs: s.mtimeMs }),
          () => null,
        ),
      ),
    );
  let before = await look();
  for (let attempt = 0; attempt < 6; attempt++) {
    const youngest = before.reduce((max, s) => Math.max(max, s?.mtimeMs ?? -Infinity), -Infinity);
    // A clock set differently from the file system's (a network drive) waits one full round at most.
    const wait = Math.min(STEADY_MS, youngest + STEADY_MS - Date.now());
    if (attempt === 0 && !(wait > 0)) return;
    if (wait > 0) await new Promise((resolve) => setTimeout(resolve, wait));
    const now = await look();
    if (now.every((s, i) => s?.key === before[i]?.key)) return;
    before = now;
  }
}

/** Every folder under `dir` (full paths), skipping dot-folders; none if `dir` cannot be read. */
async function listFolders(dir: string): Promise<Set<string>> {
  const folders = new Set<string>();
  const walk = async (folder: string): Promise<void> => {
    const entries = await readdir(folder, { withFileTypes: true }).catch(() => []);
    for (const entry of entries) {
      if (!entry.isDirectory() || entry.name.startsWith('.')) continue;
      const child = path.join(folder, entry.name);
      folders.add(child);
      await walk(child);
    }
  };
  await walk(dir);
  return folders;
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
