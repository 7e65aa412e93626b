import { figure, firstLine, type Figure } from '../report';
import { median } from '../lib/stats';
import { measureDevUpdate, measureNextBuild, scratchCopy, type NextBuildRuns } from '../measure/incremental';
import type { DevUpdateResult } from '../measure/dev-update-child';
import { cacheDir, corpusDir, scratchDir } from './paths';

const budget = { kind: 'max', limit: 200, text: '< 200 ms' } as const;

interface IncrementalRaw {
  nextBuild: NextBuildRuns | { error: string };
  devUpdate: DevUpdateResult | { error: string };
}

/** Both incremental budgets over a scratch copy of the small corpus (the cached one is never edited). */
export async function incremental(
  size: string,
  runs: number,
): Promise<{ figures: Figure[]; raw: IncrementalRaw }> {
  const dir = scratchDir(size);
  await scratchCopy(corpusDir(size), dir);
  const group = `incremental ${size}`;
  const buildName = "next build's content step after 1 edit";
  const devName = 'dev update (write -> HMR event)';
  const figures: Figure[] = [];
  let nextBuildRaw: IncrementalRaw['nextBuild'];
  let devUpdateRaw: IncrementalRaw['devUpdate'];

  console.log(`incremental, ${size}: next build's content step after editing one file (${runs} runs)`);
  try {
    const nextBuild = await measureNextBuild(dir, runs, cacheDir(size, 'incremental'));
    nextBuildRaw = nextBuild;
    figures.push(
      // The next build's step includes writing the files that changed into the data folder.
      figure(group, buildName, median(nextBuild.samples.map((s) => s.ms + (s.dataWriteMs ?? 0))), 'ms', {
        budget,
        detail:
          `median of ${runs}, new process each, writing changed data files included ` +
          `(median ${Math.round(median(nextBuild.samples.map((s) => s.dataWriteMs ?? 0)))} ms); ` +
          `first build ${Math.round(nextBuild.prime.ms)} ms`,
      }),
    );
  } catch (error) {
    console.log(`  failed: ${firstLine(error)}`);
    nextBuildRaw = { error: String(error) };
    figures.push(figure(group, buildName, null, 'ms', { budget, error }));
  }

  console.log(`incremental, ${size}: dev server, edit to news:content-updated (${runs} runs)`);
  try {
    const devUpdate = await measureDevUpdate(dir, runs, cacheDir(size, 'dev'));
    devUpdateRaw = devUpdate;
    const errors = devUpdate.samples.reduce((sum, s) => sum + s.errors, 0);
    const stale = devUpdate.samples.filter((s) => !s.reflected).length;
    console.log(`  ${devUpdate.samples.map((s) => Math.round(s.ms)).join(', ')} ms`);
    figures.push(
      figure(group, devName, median(devUpdate.samples.map((s) => s.ms)), 'ms', {
        budget,
        detail:
          `median of ${runs}; server start ${Math.round(devUpdate.startupMs)} ms` +
          (errors > 0 ? `; events reported ${errors} content error(s)` : '') +
          (stale > 0 ? `; ${stale} event(s) came before the edit was served` : ''),
      }),
    );
  } catch (error) {
    console.log(`  failed: ${firstLine(error)}`);
    devUpdateRaw = { error: String(error) };
    figures.push(figure(group, devName, null, 'ms', { budget, error }));
  }
  return { figures, raw: { nextBuild: nextBuildRaw, devUpdate: devUpdateRaw } };
}
