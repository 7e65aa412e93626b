import { rm } from 'node:fs/promises';
import path from 'node:path';
import { runTsChild } from '../lib/processes';
import type { ContentRunResult } from './content-child';

const CHILD = path.resolve('test/bench/measure/content-child.ts');
const TIMEOUT = 15 * 60_000;

export const runFloor = (dir: string) =>
  runTsChild<ContentRunResult>(CHILD, ['floor', '--dir', dir], TIMEOUT);

/**
 * The pipeline's buildContent in a fresh process, with its persistent cache in `cache` as the Vite
 * plugin keeps one; with `out`, also writes the emitted files there.
 */
export const runStep = (dir: string, options: { cache: string; out?: string }) =>
  runTsChild<ContentRunResult>(
    CHILD,
    ['step', '--dir', dir, '--cache', options.cache, ...(options.out ? ['--out', options.out] : [])],
    TIMEOUT,
  );

export interface ColdRuns {
  floor: ContentRunResult[];
  step: ContentRunResult[];
}

/** The step failed (a crash repeats, so the remaining runs are skipped); `partial` has the runs so far. */
export class StepFailed extends Error {
  constructor(
    readonly partial: ColdRuns,
    cause: unknown,
  ) {
    super(cause instanceof Error ? cause.message : String(cause));
  }
}

/**
 * Cold content step against the floor, alternating floor and step runs so that both see the same
 * machine load and the same (warm) OS page cache. Each run is a fresh process and starts with an
 * empty cache folder (a first build: it pays for filling the cache, as a real one does).
 */
export async function measureCold(
  dir: string,
  runs: number,
  folders: { cache: string; out?: string },
  log = console.log,
): Promise<ColdRuns> {
  const result: ColdRuns = { floor: [], step: [] };
  for (let run = 1; run <= runs; run++) {
    const floor = await runFloor(dir);
    result.floor.push(floor);
    await rm(folders.cache, { recursive: true, force: true });
    const step = await runStep(dir, folders).catch((error: unknown) => {
      throw new StepFailed(result, error);
    });
    result.step.push(step);
    const data = ` + writing data ${Math.round(step.dataWriteMs ?? 0)} ms`;
    const write =
      step.outputMs === undefined ? data : `${data} + output links ${Math.round(step.outputMs)} ms`;
    log(
      `  run ${run}/${runs}: floor ${Math.round(floor.ms)} ms, step ${Math.round(step.ms)} ms${write}, ` +
        `peak RSS ${Math.round(step.maxRssBytes / 1e6)} MB\n    stages: ${describeStages(step.stages)}`,
    );
  }
  return result;
}

/** `list 40 ms, load 300 ms, …`: where a step's time went. */
export function describeStages(stages: Record<string, number> | undefined): string {
  if (!stages) return '(none reported)';
  return Object.entries(stages)
    .map(([stage, ms]) => `${stage} ${Math.round(ms)} ms`)
    .join(', ');
}
