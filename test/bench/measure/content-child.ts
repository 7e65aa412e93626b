/**
 * One content-step measurement in a fresh process (run by `content.ts` through `runTsChild`):
 *   floor --dir D                      list, read, gray-matter and JSON.stringify every file, one thread
 *   step --dir D [--cache C] [--out O]  the content step as the Vite plugin's build runs it (drafts
 *                                      on, persistent cache and data folder in C); then puts the
 *                                      files into O as its writeBundle does
 * Replies with wall times measured around the work only, and this process's peak RSS.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { rm } from 'node:fs/promises';
import path from 'node:path';
import matter from 'gray-matter';
import { parseArgs } from 'node:util';
import { createContentCache } from '../../../src/content-pipeline/index';
import { writeContentData } from '../../../src/content-pipeline/vite-plugin';
import { replyToParent } from '../lib/processes';

export interface ContentRunResult {
  ms: number;
  /**
   * Time writing files, with an outDir: the data folder written during the step (`dataWriteMs`)
   * plus writeBundle's links from it into the output folder (`outputMs`). `ms` excludes it.
   */
  writeMs?: number;
  /** Writing the cache's data folder during the step (details as rendered, shards, manifest). */
  dataWriteMs?: number;
  /** writeBundle: hard-linking (or copying) the data folder into the output folder. */
  outputMs?: number;
  /** The step's own stage times in ms (list, load, check, prepare, derive+emit, write, cache). */
  stages?: Record<string, number>;
  files: number;
  articles?: number;
  issues?: number;
  /** Peak resident set size of this process, in bytes. */
  maxRssBytes: number;
}

const ARTICLE_FILE = /\.(?:md|markdown|txt)$/i;

function floor(dir: string): Omit<ContentRunResult, 'maxRssBytes'> {
  const started = performance.now();
  const names = readdirSync(dir, { recursive: true, encoding: 'utf8' })
    .filter((name) => ARTICLE_FILE.test(name) && !name.split(path.sep).some((part) => part.startsWith('.')))
    .sort();
  let chars = 0;
  for (const name of names) {
    const text = readFileSync(path.join(dir, name), 'utf8');
    // Options (even empty) keep gray-matter from caching every text, as the pipeline does too.
    chars += JSON.stringify(matter(text, {}).data).length;
  }
  if (chars === 0) throw new Error(`floor: nothing parsed in ${dir}`);
  return { ms: performance.now() - started, files: names.length };
}

async function step(
  dir: string,
  outDir: string | undefined,
  cacheDir: string | undefined,
): Promise<Omit<ContentRunResult, 'maxRssBytes'>> {
  const started = performance.now();
  // What the Vite plugin does in a build: buildStart runs the content step, which writes the data
  // files into the cache's data folder as they are made; writeBundle links them into dist/data.
  const cache = createContentCache(cacheDir ? { dir: cacheDir } : {});
  const run = await cache
    .run({
      contentDir: dir,
      drafts: true,
      keepSources: false,
      keepDetails: !cacheDir,
      writeData: true,
    })
    .catch((error: unknown) => {
      // Say how far it got: the time and memory a crash took are figures too.
      const seconds = Math.round((performance.now() - started) / 1000);
      const rss = Math.round(process.resourceUsage().maxRSS / 1000);
      const reason = error instanceof Error ? error : new Error(String(error));
      const message = `${reason.name}: ${reason.message} after ${seconds} s at ${rss} MB peak RSS`;
      const wrapped = new Error(message);
      wrapped.stack = [message, ...(reason.stack ?? '').split('\n').slice(1)].join('\n');
      throw wrapped;
    });
  // The data files are written while the step runs (details as rendered, then the shards): that
  // time is reported as writing, apart from the content step, as the floor writes nothing.
  const dataWriteMs = (run.stages['write details'] ?? 0) + (run.stages['write shards+manifest'] ?? 0);
  const ms = performance.now() - started - dataWriteMs;
  const result = {
    ms,
    dataWriteMs,
    stages: run.stages,
    files: run.plan.shards.size + run.plan.manifest.counts.articles + 1,
    articles: run.plan.manifest.counts.articles,
    issues: run.issues.length,
  };
  if (!outDir) return result;
  await rm(outDir, { recursive: true, force: true });
  const outputStarted = performance.now();
  writeContentData(cache, path.join(outDir, 'data'));
  const outputMs = performance.now() - outputStarted;
  return { ...result, outputMs, writeMs: dataWriteMs + outputMs };
}

const { positionals, values } = parseArgs({
  allowPositionals: true,
  options: { dir: { type: 'string' }, out: { type: 'string' }, cache: { type: 'string' } },
});
await replyToParent(async () => {
  if (!values.dir) throw new Error('usage: content-child.ts floor|step --dir D [--cache C] [--out O]');
  const result =
    positionals[0] === 'floor' ? floor(values.dir) : await step(values.dir, values.out, values.cache);
  return { ...result, maxRssBytes: process.resourceUsage().maxRSS * 1024 };
});
