/**
 * One content-step measurement in a fresh process (run by `content.ts` through `runTsChild`):
 *   floor --dir D                      list, read, gray-matter and JSON.stringify every file, one thread
 *   step --dir D [--cache C] [--out O]  the pipeline's buildContent (drafts on) with a persistent
 *                                      cache in C, as the Vite plugin runs it; then writes to O
 * Replies with wall times measured around the work only, and this process's peak RSS.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { mkdir, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import matter from 'gray-matter';
import { parseArgs } from 'node:util';
import { buildContent, createContentCache } from '../../../src/content-pipeline/index';
import { replyToParent } from '../lib/processes';

export interface ContentRunResult {
  ms: number;
  /** Time to write the emitted files to disk (step with an outDir only). */
  writeMs?: number;
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
  const cache = cacheDir ? createContentCache({ dir: cacheDir }) : undefined;
  const build = await buildContent({ contentDir: dir, drafts: true, ...(cache ? { cache } : {}) }).catch(
    (error: unknown) => {
      // Say how far it got: the time and memory a crash took are figures too.
      const seconds = Math.round((performance.now() - started) / 1000);
      const rss = Math.round(process.resourceUsage().maxRSS / 1000);
      const reason = error instanceof Error ? error : new Error(String(error));
      const message = `${reason.name}: ${reason.message} after ${seconds} s at ${rss} MB peak RSS`;
      const wrapped = new Error(message);
      wrapped.stack = [message, ...(reason.stack ?? '').split('\n').slice(1)].join('\n');
      throw wrapped;
    },
  );
  const ms = performance.now() - started;
  const result = {
    ms,
    files: build.files.size,
    articles: build.manifest.counts.articles,
    issues: build.issues.length,
  };
  if (!outDir) return result;
  await rm(outDir, { recursive: true, force: true });
  const writeStarted = performance.now();
  await writeFiles(outDir, build.files);
  return { ...result, writeMs: performance.now() - writeStarted };
}

/** The same writing the Vite plugin does in writeBundle: mkdir per folder, 16 writes in flight. */
async function writeFiles(outDir: string, files: Map<string, string>) {
  const dirs = new Set([...files.keys()].map((name) => path.dirname(path.join(outDir, name))));
  for (const dir of dirs) await mkdir(dir, { recursive: true });
  const entries = [...files];
  await Promise.all(
    Array.from({ length: 16 }, async (_, worker) => {
      for (let i = worker; i < entries.length; i += 16) {
        const [name, body] = entries[i]!;
        await writeFile(path.join(outDir, name), body);
      }
    }),
  );
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
