import { figure, firstLine, type Figure } from '../report';
import { median, round } from '../lib/stats';
import { measureCold, StepFailed, type ColdRuns } from '../measure/content';
import { cacheDir, corpusDir, writeDir } from './paths';

const MB = 1e6;
const timeBudget = { kind: 'max', limit: 60, text: '< 60 s' } as const;
const memoryBudget = { kind: 'max', limit: 2000, text: '< 2,000 MB' } as const;

/** Cold content step at the small size, as a ratio to the floor measured alongside. */
export async function coldSmall(
  size: string,
  runs: number,
): Promise<{ figures: Figure[]; raw: ColdRuns | (Partial<ColdRuns> & { error: string }) }> {
  console.log(`content step, cold, ${size}: ${runs} runs of floor and step, a fresh process each`);
  const group = `content ${size}`;
  const how = `median of ${runs}, fresh process each, floor and step alternating`;
  const floorName = 'floor (read + gray-matter + JSON.stringify, one thread)';
  const stepName = 'content step, cold (the plugin build path, drafts on; its data writes reported apart)';
  const ratioName = 'content step / floor';
  const ratioBudget = { kind: 'max', limit: 1.5, text: '≤ 1.5×' } as const;
  let raw: ColdRuns;
  try {
    raw = await measureCold(corpusDir(size), runs, { cache: cacheDir(size, 'cold') });
  } catch (error) {
    console.log(`  failed: ${firstLine(error)}`);
    const floors = error instanceof StepFailed ? error.partial.floor.map((r) => r.ms) : [];
    return {
      raw: { error: String(error), ...(error instanceof StepFailed ? error.partial : {}) },
      figures: [
        figure(group, floorName, floors.length ? median(floors) : null, 'ms', {
          detail: how,
          why: 'no floor run',
        }),
        figure(group, stepName, null, 'ms', { error }),
        figure(group, ratioName, null, '×', { budget: ratioBudget, error }),
      ],
    };
  }
  const floor = median(raw.floor.map((r) => r.ms));
  const step = median(raw.step.map((r) => r.ms));
  return {
    raw,
    figures: [
      figure(group, floorName, floor, 'ms', { detail: how }),
      figure(group, stepName, step, 'ms', { detail: how }),
      figure(group, ratioName, round(step / floor, 2), '×', {
        digits: 2,
        budget: ratioBudget,
        detail: `${Math.round(step)} ms / ${Math.round(floor)} ms`,
      }),
    ],
  };
}

/** Cold content step at the large size: buildContent plus writing its files, and peak memory. */
export async function coldLarge(
  size: string,
  runs: number,
): Promise<{ figures: Figure[]; raw: ColdRuns | (Partial<ColdRuns> & { error: string }) }> {
  console.log(`content step, cold, ${size}: ${runs} run(s), writing the files as a build does`);
  const group = `content ${size}`;
  const timeName = 'content step, cold (content step + writing data + linking into the output)';
  const memoryName = 'peak memory (RSS of the step process)';
  let raw: ColdRuns;
  try {
    raw = await measureCold(corpusDir(size), runs, { cache: cacheDir(size, 'cold'), out: writeDir(size) });
  } catch (error) {
    console.log(`  failed: ${firstLine(error)}`);
    const floors = error instanceof StepFailed ? error.partial.floor.map((r) => r.ms) : [];
    const detail = floors.length ? `floor ${round(median(floors) / 1000, 1)} s` : '';
    return {
      raw: { error: String(error), ...(error instanceof StepFailed ? error.partial : {}) },
      figures: [
        figure(group, timeName, null, 's', { budget: timeBudget, error, detail }),
        figure(group, memoryName, null, 'MB', { budget: memoryBudget, error }),
      ],
    };
  }
  const build = median(raw.step.map((r) => r.ms));
  const write = median(raw.step.map((r) => r.writeMs ?? 0));
  const total = median(raw.step.map((r) => r.ms + (r.writeMs ?? 0)));
  const floor = median(raw.floor.map((r) => r.ms));
  const peak = Math.max(...raw.step.map((r) => r.maxRssBytes)) / MB;
  const runsText = runs === 1 ? '1 run' : `median of ${runs}`;
  return {
    raw,
    figures: [
      figure(group, timeName, round(total / 1000, 1), 's', {
        digits: 1,
        budget: timeBudget,
        detail: `${runsText}: step ${round(build / 1000, 1)} s + write ${round(write / 1000, 1)} s (data folder and output links); floor ${round(floor / 1000, 1)} s`,
      }),
      figure(group, memoryName, Math.round(peak), 'MB', {
        budget: memoryBudget,
        detail: `largest of ${runs}; process.resourceUsage().maxRSS`,
      }),
    ],
  };
}
