import { cp, readFile, readdir, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { flushWrites, runTsChild } from '../lib/processes';
import { describeStages, runStep } from './content';
import type { ContentRunResult } from './content-child';
import type { DevUpdateResult } from './dev-update-child';

const DEV_CHILD = path.resolve('test/bench/measure/dev-update-child.ts');

/** A throwaway copy of a corpus, so that edits never touch the cached one. */
export async function scratchCopy(corpusDir: string, scratchDir: string): Promise<void> {
  await rm(scratchDir, { recursive: true, force: true });
  await cp(corpusDir, scratchDir, { recursive: true });
}

/**
 * An edit of one article (its title) so that its content, size and mtime all change: the file and
 * its new text, chosen and made before `write` so that timing `write` times the write alone.
 */
export async function planEdit(
  dir: string,
  run: number,
): Promise<{ file: string; write: () => Promise<void> }> {
  const files = (await readdir(dir, { recursive: true })).filter((name) => name.endsWith('.md')).sort();
  const file = path.join(dir, files[(run * 997 + 13) % files.length]!);
  const text = (await readFile(file, 'utf8')).replace(/^title: "/m, `title: "Edited ${run}: `);
  return { file, write: () => writeFile(file, text) };
}

/** Edits one article (see `planEdit`). */
export async function editOneArticle(dir: string, run: number): Promise<string> {
  const edit = await planEdit(dir, run);
  await edit.write();
  return edit.file;
}

export interface NextBuildRuns {
  /** The first build of the copy (cold: nothing cached yet). */
  prime: ContentRunResult;
  samples: ContentRunResult[];
}

/**
 * The content step of the next build after one file changed: a new process each time (a build is
 * a new process), sharing one cache folder as consecutive builds share the plugin's.
 */
export async function measureNextBuild(
  dir: string,
  runs: number,
  cache: string,
  log = console.log,
): Promise<NextBuildRuns> {
  await rm(cache, { recursive: true, force: true });
  const prime = await runStep(dir, { cache });
  log(`  first build of the copy: ${Math.round(prime.ms)} ms`);
  // The copy and that build wrote 150 MB: a build follows an earlier one that is long on disk.
  flushWrites(log);
  const samples: ContentRunResult[] = [];
  for (let run = 1; run <= runs; run++) {
    await editOneArticle(dir, run);
    const sample = await runStep(dir, { cache });
    samples.push(sample);
    log(
      `  run ${run}/${runs}: next build's content step ${Math.round(sample.ms)} ms + writing data ` +
        `${Math.round(sample.dataWriteMs ?? 0)} ms (${describeStages(sample.stages)})`,
    );
  }
  return { prime, samples };
}

/**
 * Edit-to-HMR-event times in a real Vite dev server (in its own process) over `dir`, its content
 * cache starting empty in `cache`.
 */
export async function measureDevUpdate(dir: string, runs: number, cache: string): Promise<DevUpdateResult> {
  await rm(cache, { recursive: true, force: true });
  return runTsChild<DevUpdateResult>(DEV_CHILD, [dir, String(runs), cache], 15 * 60_000);
}
