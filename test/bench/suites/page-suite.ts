import { readdir, stat } from 'node:fs/promises';
import path from 'node:path';
import { figure, type Figure } from '../report';
import { benchEnv, runVite, startPreview } from '../lib/processes';
import { median, round } from '../lib/stats';
import { runLighthouse, type LighthouseRun } from '../measure/lighthouse';
import { launchBrowser, visitFeed, type PageVisit } from '../measure/page';
import { buildDir, corpusDir } from './paths';

const KB = 1000;

export interface PageRaw {
  buildMs: number;
  dist: { bytes: number; files: number; dataBytes: number; dataFiles: number };
  visits: PageVisit[];
  lighthouse: LighthouseRun[];
  lighthouseError?: string;
}

/**
 * Builds the corpus (drafts included, so the page holds every generated article; no image
 * downloads), serves it with `vite preview` on 127.0.0.1 and measures it in Chromium.
 */
export async function pageSuite(
  size: string,
  visits: number,
  lighthouseRuns: number,
): Promise<{ figures: Figure[]; raw: PageRaw }> {
  const outDir = buildDir(size);
  const env = benchEnv({ CONTENT_DIR: corpusDir(size), CONTENT_DRAFTS: '1' });
  console.log(`page, ${size}: vite build`);
  const build = await runVite(
    ['build', '--outDir', outDir, '--emptyOutDir', '--logLevel', 'warn'],
    env,
    30 * 60_000,
  );
  const dist = await folderSize(outDir);
  console.log(
    `  built in ${round(build.ms / 1000, 1)} s: ${dist.files} files, ${round(dist.bytes / 1e6, 1)} MB`,
  );

  const raw: PageRaw = { buildMs: build.ms, dist, visits: [], lighthouse: [] };
  const server = await startPreview(outDir, env);
  try {
    const browser = await launchBrowser();
    try {
      for (let run = 1; run <= visits; run++) {
        const visit = await visitFeed(browser, server.origin);
        raw.visits.push(visit);
        console.log(`  visit ${run}/${visits}: ${summarise(visit)}`);
      }
    } finally {
      await browser.close();
    }
    for (let run = 1; run <= lighthouseRuns; run++) {
      try {
        const result = await runLighthouse(`${server.origin}/`);
        raw.lighthouse.push(result);
        console.log(`  lighthouse ${run}/${lighthouseRuns}: ${result.score}`);
      } catch (error) {
        raw.lighthouseError = String(error);
        console.log(`  lighthouse ${run}/${lighthouseRuns} failed: ${String(error).slice(0, 300)}`);
      }
    }
  } finally {
    await server.stop();
  }
  return { raw, figures: pageFigures(size, raw) };
}

function summarise(visit: PageVisit): string {
  const js = sum(visit.js.map((a) => a.gzipBytes)) / KB;
  const json = sum(visit.json.map((a) => a.gzipBytes)) / KB;
  const clicks = visit.chipClicks
    ?.map((c) => (c.durationMs === null ? '<16' : Math.round(c.durationMs)))
    .join('/');
  return [
    `JS ${round(js, 1)} kB`,
    `JSON ${round(json, 1)} kB`,
    `LCP ${visit.lcpMs === null ? '-' : Math.round(visit.lcpMs)} ms`,
    `CLS ${round(visit.clsLoad, 3)}`,
    `DOM ${visit.domInitial}->${visit.domMax ?? '-'} (card ${visit.scroll?.lastCard ?? '-'})`,
    `chip ${clicks ?? '-'} ms`,
    ...visit.notes,
  ].join(', ');
}

function pageFigures(size: string, raw: PageRaw): Figure[] {
  const group = `page ${size}`;
  const { visits } = raw;
  const n = visits.length;
  const notes = [...new Set(visits.flatMap((v) => v.notes))];
  const why = (pattern: RegExp) => notes.find((note) => pattern.test(note));
  const how = `median of ${n} fresh visits`;

  const js = median(visits.map((v) => sum(v.js.map((a) => a.gzipBytes)))) / KB;
  const json = median(visits.map((v) => sum(v.json.map((a) => a.gzipBytes)))) / KB;
  const first = visits[0];
  const lcps = visits.map((v) => v.lcpMs).filter((v): v is number => v !== null);
  const doms = visits.map((v) => v.domMax).filter((v): v is number => v !== null);
  const clicks = visits.flatMap((v) => v.chipClicks ?? []);
  // Entries under the 16 ms threshold are not reported by the browser: count them as 16 ms.
  const clickMs = clicks.map((c) => c.durationMs ?? 16);
  const scores = raw.lighthouse.map((r) => r.score);
  const deepest = Math.max(0, ...visits.map((v) => v.scroll?.lastCard ?? 0));

  return [
    figure(group, 'initial JS (gzip)', round(js, 1), 'kB', {
      digits: 1,
      budget: { kind: 'max', limit: 100, text: '≤ 100 kB' },
      detail: `${first?.js.length ?? 0} files: ${first?.js.map((a) => path.basename(a.path)).join(', ') ?? ''}`,
    }),
    figure(group, 'JSON for the first view (gzip)', round(json, 1), 'kB', {
      digits: 1,
      budget: { kind: 'max', limit: 150, text: '≤ 150 kB' },
      detail: `${first?.json.length ?? 0} files: ${first?.json.map((a) => a.path.replace(/^.*\/data\//, '')).join(', ') ?? ''}`,
    }),
    figure(group, 'LCP', lcps.length ? Math.round(median(lcps)) : null, 'ms', {
      budget: { kind: 'max', limit: 1000, text: '≤ 1,000 ms' },
      detail: `${how}; element ${first?.lcpElement ?? '-'}`,
      why: why(/largest-contentful-paint/) ?? 'no LCP entry',
    }),
    figure(group, 'CLS (load)', n ? round(median(visits.map((v) => v.clsLoad)), 3) : null, '', {
      digits: 3,
      budget: { kind: 'max', limit: 0.05, text: '≤ 0.05' },
      detail: `${how}; with the long scroll: ${visits.map((v) => (v.clsWithScroll === null ? '-' : round(v.clsWithScroll, 3))).join(', ')}`,
    }),
    figure(group, 'DOM elements, most seen while scrolling', doms.length ? Math.max(...doms) : null, '', {
      budget: { kind: 'max', limit: 1500, text: '≤ 1,500' },
      detail: `largest over ${n} visits; scrolled to card ${deepest} (${visits[0]?.scroll?.steps ?? 0} steps of 2 screens)`,
      why: why(/DOM/) ?? 'no scroll measured',
    }),
    figure(
      group,
      'topic-chip click event duration',
      clickMs.length ? Math.round(median(clickMs)) : null,
      'ms',
      {
        budget: { kind: 'max', limit: 100, text: '≤ 100 ms' },
        detail: `median of ${clickMs.length} clicks, worst ${clickMs.length ? Math.round(Math.max(...clickMs)) : '-'} ms; under 16 ms counted as 16`,
        why: why(/chip/) ?? 'no chip clicked',
      },
    ),
    figure(group, 'Lighthouse performance (mobile)', scores.length ? median(scores) : null, '', {
      budget: { kind: 'min', limit: 95, text: '≥ 95' },
      detail: lighthouseDetail(raw.lighthouse),
      why: raw.lighthouseError?.slice(0, 200) ?? 'no run',
    }),
    figure(group, 'dist size', round(raw.dist.bytes / 1e6, 1), 'MB', {
      digits: 1,
      detail: `${raw.dist.files} files; data/ ${round(raw.dist.dataBytes / 1e6, 1)} MB in ${raw.dist.dataFiles} files`,
    }),
    figure(group, 'vite build (whole build)', round(raw.buildMs / 1000, 1), 's', { digits: 1 }),
  ];
}

function lighthouseDetail(runs: LighthouseRun[]): string {
  if (runs.length === 0) return '';
  const m = (id: string) => median(runs.map((r) => r.metrics[id] ?? 0));
  return (
    `median of ${runs.length} (${runs.map((r) => r.score).join(', ')}); ` +
    `FCP ${Math.round(m('first-contentful-paint'))} ms, LCP ${Math.round(m('largest-contentful-paint'))} ms, ` +
    `TBT ${Math.round(m('total-blocking-time'))} ms, CLS ${round(m('cumulative-layout-shift'), 3)}`
  );
}

const sum = (values: number[]) => values.reduce((a, b) => a + b, 0);

async function folderSize(dir: string): Promise<PageRaw['dist']> {
  const dist = { bytes: 0, files: 0, dataBytes: 0, dataFiles: 0 };
  const entries = await readdir(dir, { recursive: true, withFileTypes: true });
  for (const entry of entries) {
    if (!entry.isFile()) continue;
    const full = path.join(entry.parentPath, entry.name);
    const { size } = await stat(full);
    dist.bytes += size;
    dist.files++;
    if (path.relative(dir, full).startsWith(`data${path.sep}`)) {
      dist.dataBytes += size;
      dist.dataFiles++;
    }
  }
  return dist;
}
