import { readdir, stat } from 'node:fs/promises';
import path from 'node:path';
import { figure, firstLine, type Figure } from '../report';
import { benchEnv, runVite, startPreview } from '../lib/processes';
import { median, round } from '../lib/stats';
import { runLighthouse, type LighthouseRun } from '../measure/lighthouse';
import { launchBrowser, visitFeed, type PageVisit } from '../measure/page';
import { buildDir, corpusDir } from './paths';

const KB = 1000;

export interface PageRaw {
  buildMs: number | null;
  dist: { bytes: number; files: number; dataBytes: number; dataFiles: number } | null;
  visits: PageVisit[];
  lighthouse: LighthouseRun[];
  lighthouseError?: string;
  /** Why the build or a visit failed. */
  errors: string[];
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
  let build: { ms: number };
  try {
    build = await runVite(
      ['build', '--outDir', outDir, '--emptyOutDir', '--logLevel', 'warn'],
      env,
      30 * 60_000,
    );
  } catch (error) {
    console.log(`  build failed: ${firstLine(error)}`);
    const raw: PageRaw = { buildMs: null, dist: null, visits: [], lighthouse: [], errors: [String(error)] };
    return { raw, figures: pageFigures(size, raw, error) };
  }
  const dist = await folderSize(outDir);
  console.log(
    `  built in ${round(build.ms / 1000, 1)} s: ${dist.files} files, ${round(dist.bytes / 1e6, 1)} MB`,
  );

  const raw: PageRaw = { buildMs: build.ms, dist, visits: [], lighthouse: [], errors: [] };
  const server = await startPreview(outDir, env);
  try {
    const browser = await launchBrowser();
    try {
      for (let run = 1; run <= visits; run++) {
        try {
          const visit = await visitFeed(browser, server.origin);
          raw.visits.push(visit);
          console.log(`  visit ${run}/${visits}: ${summarise(visit)}`);
        } catch (error) {
          raw.errors.push(String(error));
          console.log(`  visit ${run}/${visits} failed: ${firstLine(error)}`);
        }
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

function pageFigures(size: string, raw: PageRaw, error?: unknown): Figure[] {
  const group = `page ${size}`;
  const { visits } = raw;
  const n = visits.length;
  const notes = [...new Set(visits.flatMap((v) => v.notes))];
  const fallback = raw.errors[0] ? firstLine(raw.errors[0]) : 'no visit succeeded';
  const why = (pattern: RegExp) => notes.find((note) => pattern.test(note)) ?? fallback;
  const failed = error === undefined ? {} : { error };
  const how = `median of ${n} fresh visits`;
  const orNull = (values: number[], pick: (values: number[]) => number) =>
    values.length ? pick(values) : null;

  const first = visits[0];
  const js = orNull(
    visits.map((v) => sum(v.js.map((a) => a.gzipBytes)) / KB),
    median,
  );
  const json = orNull(
    visits.map((v) => sum(v.json.map((a) => a.gzipBytes)) / KB),
    median,
  );
  const lcp = orNull(
    visits.flatMap((v) => (v.lcpMs === null ? [] : [v.lcpMs])),
    median,
  );
  const cls = orNull(
    visits.map((v) => v.clsLoad),
    median,
  );
  const dom = orNull(
    visits.flatMap((v) => (v.domMax === null ? [] : [v.domMax])),
    (d) => Math.max(...d),
  );
  // Entries under the 16 ms threshold are not reported by the browser: count them as 16 ms.
  const clickMs = visits.flatMap((v) => v.chipClicks ?? []).map((c) => c.durationMs ?? 16);
  const score = orNull(
    raw.lighthouse.map((r) => r.score),
    median,
  );
  const deepest = Math.max(0, ...visits.map((v) => v.scroll?.lastCard ?? 0));
  const maybe = (value: number | null, digits: number) => (value === null ? null : round(value, digits));

  return [
    figure(group, 'initial JS (gzip)', maybe(js, 1), 'kB', {
      ...failed,
      digits: 1,
      budget: { kind: 'max', limit: 100, text: '≤ 100 kB' },
      detail: `${first?.js.length ?? 0} files: ${first?.js.map((a) => path.basename(a.path)).join(', ') ?? ''}`,
      why: fallback,
    }),
    figure(group, 'JSON for the first view (gzip)', maybe(json, 1), 'kB', {
      ...failed,
      digits: 1,
      budget: { kind: 'max', limit: 150, text: '≤ 150 kB' },
      detail: `${first?.json.length ?? 0} files: ${first?.json.map((a) => a.path.replace(/^.*\/data\//, '')).join(', ') ?? ''}`,
      why: fallback,
    }),
    figure(group, 'LCP', maybe(lcp, 0), 'ms', {
      ...failed,
      budget: { kind: 'max', limit: 1000, text: '≤ 1,000 ms' },
      detail: `${how}; element ${first?.lcpElement ?? '-'}`,
      why: why(/largest-contentful-paint/),
    }),
    figure(group, 'CLS (load)', maybe(cls, 3), '', {
      ...failed,
      digits: 3,
      budget: { kind: 'max', limit: 0.05, text: '≤ 0.05' },
      detail: `${how}; with the long scroll: ${visits.map((v) => (v.clsWithScroll === null ? '-' : round(v.clsWithScroll, 3))).join(', ')}`,
      why: fallback,
    }),
    figure(group, 'DOM elements, most seen while scrolling', dom, '', {
      ...failed,
      budget: { kind: 'max', limit: 1500, text: '≤ 1,500' },
      detail: `largest over ${n} visits; scrolled to card ${deepest} (${first?.scroll?.steps ?? 0} steps of 2 screens)`,
      why: why(/DOM/),
    }),
    figure(
      group,
      'topic-chip click event duration',
      orNull(clickMs, (c) => Math.round(median(c))),
      'ms',
      {
        ...failed,
        budget: { kind: 'max', limit: 100, text: '≤ 100 ms' },
        detail: `median of ${clickMs.length} clicks, worst ${clickMs.length ? Math.round(Math.max(...clickMs)) : '-'} ms; under 16 ms counted as 16`,
        why: why(/chip/),
      },
    ),
    figure(group, 'Lighthouse performance (mobile)', score, '', {
      ...failed,
      budget: { kind: 'min', limit: 95, text: '≥ 95' },
      detail: lighthouseDetail(raw.lighthouse),
      why: raw.lighthouseError ? firstLine(raw.lighthouseError) : fallback,
    }),
    figure(group, 'dist size', raw.dist ? round(raw.dist.bytes / 1e6, 1) : null, 'MB', {
      digits: 1,
      detail: raw.dist
        ? `${raw.dist.files} files; data/ ${round(raw.dist.dataBytes / 1e6, 1)} MB in ${raw.dist.dataFiles} files`
        : '',
      why: fallback,
    }),
    figure(
      group,
      'vite build (whole build)',
      raw.buildMs === null ? null : round(raw.buildMs / 1000, 1),
      's',
      {
        ...failed,
        digits: 1,
      },
    ),
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

async function folderSize(dir: string): Promise<NonNullable<PageRaw['dist']>> {
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
