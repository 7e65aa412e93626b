import { figure, type Figure } from '../report';
import { median } from '../lib/stats';
import { measureDevUpdate, measureNextBuild, scratchCopy, type NextBuildRuns } from '../measure/incremental';
import type { DevUpdateResult } from '../measure/dev-update-child';
import { corpusDir, scratchDir } from './paths';

const budget = { kind: 'max', limit: 200, text: '< 200 ms' } as const;

export async function incremental(
  size: string,
  runs: number,
): Promise<{ figures: Figure[]; raw: { nextBuild: NextBuildRuns; devUpdate: DevUpdateResult } }> {
  const dir = scratchDir(size);
  await scratchCopy(corpusDir(size), dir);
  const group = `incremental ${size}`;

  console.log(`incremental, ${size}: next build's content step after editing one file (${runs} runs)`);
  const nextBuild = await measureNextBuild(dir, runs);
  const buildMs = median(nextBuild.samples.map((s) => s.ms));

  console.log(`incremental, ${size}: dev server, edit to news:content-updated (${runs} runs)`);
  const devUpdate = await measureDevUpdate(dir, runs);
  const devMs = median(devUpdate.samples.map((s) => s.ms));
  const errors = devUpdate.samples.reduce((sum, s) => sum + s.errors, 0);
  const stale = devUpdate.samples.filter((s) => !s.reflected).length;
  console.log(`  ${devUpdate.samples.map((s) => Math.round(s.ms)).join(', ')} ms`);

  return {
    raw: { nextBuild, devUpdate },
    figures: [
      figure(group, "next build's content step after 1 edit", buildMs, 'ms', {
        budget,
        detail: `median of ${runs}, new process each; first build ${Math.round(nextBuild.prime.ms)} ms`,
      }),
      figure(group, 'dev update (write -> HMR event)', devMs, 'ms', {
        budget,
        detail:
          `median of ${runs}; server start ${Math.round(devUpdate.startupMs)} ms` +
          (errors > 0 ? `; events reported ${errors} content error(s)` : '') +
          (stale > 0 ? `; ${stale} event(s) came before the edit was served` : ''),
      }),
    ],
  };
}
