import path from 'node:path';
import { runTsChild } from '../lib/processes';
import type { ContentRunResult } from './content-child';

const CHILD = path.resolve('test/bench/measure/content-child.ts');
const TIMEOUT = 15 * 60_000;

export const runFloor = (dir: string) => runTsChild<ContentRunResult>(CHILD, ['floor', dir], TIMEOUT);

/** The pipeline's buildContent in a fresh process; with `outDir`, also writes its files there. */
export const runStep = (dir: string, outDir?: string) =>
  runTsChild<ContentRunResult>(CHILD, ['step', dir, ...(outDir ? [outDir] : [])], TIMEOUT);

export interface ColdRuns {
  floor: ContentRunResult[];
  step: ContentRunResult[];
}

/**
 * Cold content step against the floor, alternating floor and step runs so that both see the same
 * machine load and the same (warm) OS page cache. Each run is a fresh process.
 */
export async function measureCold(
  dir: string,
  runs: number,
  outDir?: string,
  log = console.log,
): Promise<ColdRuns> {
  const result: ColdRuns = { floor: [], step: [] };
  for (let run = 1; run <= runs; run++) {
    const floor = await runFloor(dir);
    const step = await runStep(dir, outDir);
    result.floor.push(floor);
    result.step.push(step);
    const write = step.writeMs === undefined ? '' : ` + write ${Math.round(step.writeMs)} ms`;
    log(
      `  run ${run}/${runs}: floor ${Math.round(floor.ms)} ms, step ${Math.round(step.ms)} ms${write}, ` +
        `peak RSS ${Math.round(step.maxRssBytes / 1e6)} MB`,
    );
  }
  return result;
}
