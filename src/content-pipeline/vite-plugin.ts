import { mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import type { Plugin, ResolvedConfig, ViteDevServer } from 'vite';
import { dataFiles } from '../config/data-files.ts';
import type { ContentUpdatedEvent, Manifest } from '../types/content.ts';
import {
  buildContent,
  createContentCache,
  formatIssue,
  type ContentBuild,
  type ContentCache,
  type ContentIssue,
} from './index.ts';
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
}

/** The custom HMR event sent after every content rebuild in dev. */
export const CONTENT_UPDATED_EVENT = 'news:content-updated';

const CONTENT_FILE = /\.(md|markdown|txt)$/i;
const SETTLE_MS = 150;

/** What a rebuild would tell open pages; equal summaries need no new announcement. */
const summary = (build: ContentBuild) =>
  `${build.manifest.buildId}\n${build.issues.map(formatIssue).join('\n')}`;

const isError = (issue: ContentIssue) => issue.severity === 'error';

/** One line per problem plus a count, the same text the build, the dev overlay and check:content show. */
export function describeProblems(issues: ContentIssue[]): string {
  const errors = issues.filter(isError).length;
  return [...issues.map(formatIssue), `${errors} error(s), ${issues.length - errors} warning(s)`].join('\n');
}

/**
 * Turns the content folder into `data/` JSON: served from memory in dev (rebuilt on every change,
 * announced with a custom HMR event), written into the output folder in build.
 */
export function newsContent(options: NewsContentOptions = {}): Plugin<NewsContentApi> {
  let config: ResolvedConfig;
  let env: ContentEnv;
  let built: ContentBuild | undefined;
  let images: ImageResolver | undefined; // build only: dev draws the remote URLs
  // Dev rebuilds after every save, and builds follow each other: unchanged files are not parsed or
  // validated again.
  let cache: ContentCache;

  const run = (resolveImages?: ImageResolver['resolveImages']) =>
    buildContent({
      contentDir: env.contentDir,
      drafts: env.drafts,
      maxFileBytes: env.maxFileBytes,
      resolveImages,
      cache,
    });

  const firstShardName = (manifest: Manifest) => {
    const feed = manifest.feeds.newest;
    return feed.shards > 0 ? dataFiles.shard('newest', null, 0, feed.hash) : undefined;
  };

  return {
    name: 'news:content',

    api: {
      firstView() {
        if (!built) return undefined;
        const name = firstShardName(built.manifest);
        return { manifest: built.manifest, firstShard: name && built.files.get(name) };
      },
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
      built = await run(images?.resolveImages);
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
        const first = firstShardName(built.manifest);
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
      await writeDataFiles(path.join(outDir, 'data'), built.files);
      if (images) await copyImageFiles(images.files, outDir);
      config.logger.info(
        `news:content wrote ${built.files.size} data files for ${built.manifest.counts.articles} articles`,
      );
    },

    async configureServer(server) {
      const contentDir = path.resolve(config.root, env.contentDir);
      let current = await run();
      let pending: Promise<void> = Promise.resolve();
      let announced = summary(current);
      let settle: ReturnType<typeof setTimeout> | undefined;

      const rebuild = () => {
        // Changes arrive in bursts (editors save in several steps): queue one rebuild after another.
        pending = pending.then(async () => {
          try {
            current = await run();
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
      // one more rebuild after the burst settles picks it up; it costs little as unchanged files are cached.
      const onContentChange = () => {
        rebuild();
        clearTimeout(settle);
        settle = setTimeout(rebuild, SETTLE_MS);
      };

      server.watcher.add(contentDir);
      const onFsEvent = (file: string) => {
        if (CONTENT_FILE.test(file) && isInside(contentDir, file)) onContentChange();
      };
      server.watcher.on('add', onFsEvent);
      server.watcher.on('change', onFsEvent);
      server.watcher.on('unlink', onFsEvent);
      server.watcher.on('unlinkDir', (dir: string) => isInside(contentDir, dir) && onContentChange());
      server.httpServer?.once('close', () => clearTimeout(settle));

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
        const body = current.files.get(name);
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

/** Tells open pages that content changed, and shows Vite's error overlay while any file is broken. */
function announce(server: ViteDevServer, build: ContentBuild) {
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
    server.config.logger.info(`news:content updated (${build.manifest.counts.articles} articles)`, {
      timestamp: true,
    });
  }
  const event: ContentUpdatedEvent = {
    buildId: build.manifest.buildId,
    errors: build.issues.filter(isError).map(formatIssue),
    warnings: build.issues.filter((issue) => !isError(issue)).map(formatIssue),
  };
  server.ws.send(CONTENT_UPDATED_EVENT, event);
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

async function writeDataFiles(dataDir: string, files: Map<string, string>) {
  const dirs = new Set([...files.keys()].map((name) => path.dirname(path.join(dataDir, name))));
  await Promise.all([...dirs].map((dir) => mkdir(dir, { recursive: true })));
  const entries = [...files];
  // Bounded parallelism: enough to keep the disk busy without opening thousands of handles.
  const workers = Array.from({ length: 16 }, async (_, worker) => {
    for (let i = worker; i < entries.length; i += 16) {
      const [name, body] = entries[i]!;
      await writeFile(path.join(dataDir, name), body);
    }
  });
  await Promise.all(workers);
}
