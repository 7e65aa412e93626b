/**
 * `npm run bench`: generates (or reuses) the 10k and 100k corpora, measures every budget of the
 * performance issue, prints a table and writes test/bench/results.json.
 *
 *   --only content,incremental,page   run some parts (default: all)
 *   --small 10k --large 100k          corpus sizes (smaller ones are for developing the harness)
 *   --quick                           fewer runs (3/1/1/1 instead of 5/3/3/3)
 *   --strict                          exit 1 when a budget is missed
 * Partial or resized runs write test/bench/corpora/results-partial.json instead of results.json.
 */
import { execFileSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import os from 'node:os';
import { parseArgs } from 'node:util';
import { GENERATOR_VERSION, generateCorpus, isCorpusCurrent } from './generate-corpus';
import { flushWrites } from './lib/processes';
import { renderTable, type Figure } from './report';
import { coldLarge, coldSmall } from './suites/content-suite';
import { incremental } from './suites/incremental-suite';
import { pageSuite } from './suites/page-suite';
import { CORPORA, corpusDir, parseSize, RESULTS_FILE } from './suites/paths';

// Never download publishers' images from here, whatever the caller's environment says.
process.env.IMAGE_CACHE = 'off';

const PARTS = ['content', 'incremental', 'page'] as const;
type Part = (typeof PARTS)[number];

const { values } = parseArgs({
  options: {
    only: { type: 'string' },
    small: { type: 'string', default: '10k' },
    large: { type: 'string', default: '100k' },
    quick: { type: 'boolean', default: false },
    strict: { type: 'boolean', default: false },
  },
});
const parts = (values.only?.split(',') ?? [...PARTS]) as Part[];
for (const part of parts) if (!PARTS.includes(part)) throw new Error(`--only takes ${PARTS.join(', ')}`);
const small = values.small;
const large = values.large;
const runs = values.quick
  ? { small: 3, large: 1, incremental: 3, visits: 1, lighthouse: 1 }
  : { small: 5, large: 3, incremental: 5, visits: 3, lighthouse: 3 };

function ensureCorpus(size: string) {
  const options = { count: parseSize(size), out: corpusDir(size) };
  if (isCorpusCurrent(options))
    return console.log(`corpus ${size}: cached (generator v${GENERATOR_VERSION})`);
  console.log(`corpus ${size}: generating ${options.count} articles...`);
  const started = performance.now();
  const { bytes } = generateCorpus(options);
  console.log(`  ${(bytes / 1e6).toFixed(0)} MB in ${((performance.now() - started) / 1000).toFixed(1)} s`);
}

function machine() {
  const cpus = os.cpus();
  return {
    cpu: cpus[0]?.model ?? 'unknown',
    cores: cpus.length,
    memoryGB: Math.round(os.totalmem() / 2 ** 30),
    os: `${os.type()} ${os.release()}`,
    node: process.version,
    chromium: safe(() =>
      execFileSync('/usr/bin/chromium', ['--version'], { stdio: ['ignore', 'pipe', 'ignore'] }),
    ),
    loadAverageAtStart: os.loadavg().map((l) => Math.round(l * 100) / 100),
  };
}

function safe(read: () => Buffer | string): string {
  try {
    return String(read()).trim();
  } catch {
    return 'unknown';
  }
}

async function main() {
  const started = new Date();
  const info = machine();
  const commit = safe(() => execFileSync('git', ['rev-parse', '--short', 'HEAD']));
  console.log(
    `bench on ${info.cpu} (${info.cores} cores, ${info.memoryGB} GB), load ${info.loadAverageAtStart.join(' ')}`,
  );
  const needsLarge = parts.includes('content') || parts.includes('page');
  ensureCorpus(small);
  if (needsLarge) ensureCorpus(large);

  const figures: Figure[] = [];
  const raw: Record<string, unknown> = {};
  // Other work on the machine moves every timing: keep the load each part started under.
  const loadAverages: Record<string, number[]> = {};
  const noteLoad = (part: string) =>
    (loadAverages[part] = os.loadavg().map((l) => Math.round(l * 100) / 100));
  if (parts.includes('content')) {
    noteLoad('content');
    const cold = await coldSmall(small, runs.small);
    const big = await coldLarge(large, runs.large);
    figures.push(...cold.figures, ...big.figures);
    raw.content = { [small]: cold.raw, [large]: big.raw };
  }
  if (parts.includes('incremental')) {
    flushWrites();
    noteLoad('incremental');
    const result = await incremental(small, runs.incremental);
    figures.push(...result.figures);
    raw.incremental = result.raw;
  }
  if (parts.includes('page')) {
    for (const size of new Set([small, large])) {
      flushWrites();
      noteLoad(`page ${size}`);
      const result = await pageSuite(size, runs.visits, runs.lighthouse);
      figures.push(...result.figures);
      raw[`page ${size}`] = result.raw;
    }
  }

  const table = renderTable(figures);
  const machineLine =
    `${started.toISOString().slice(0, 10)}, commit ${commit}: ${info.cpu}, ${info.cores} cores, ` +
    `${info.memoryGB} GB, ${info.os}, Node ${info.node}, ${info.chromium}; ` +
    `load average ${info.loadAverageAtStart.join(' ')} at start`;
  console.log(`\n${machineLine}\n\n${table}\n`);
  const complete = parts.length === PARTS.length && small === '10k' && large === '100k';
  const file = complete ? RESULTS_FILE : `${CORPORA}/results-partial.json`;
  const results = {
    startedAt: started.toISOString(),
    minutes: Math.round((Date.now() - started.getTime()) / 600) / 100,
    commit,
    machine: { ...info, loadAverageAtEnd: os.loadavg().map((l) => Math.round(l * 100) / 100), loadAverages },
    corpora: { small, large, generatorVersion: GENERATOR_VERSION },
    runs,
    figures,
    machineLine,
    table,
    raw,
  };
  writeFileSync(file, JSON.stringify(results, null, 2) + '\n');
  console.log(`wrote ${file}`);
  const failed = figures.filter((f) => f.status === 'fail').length;
  const unmeasured = figures.filter((f) => f.status === 'not measurable').length;
  console.log(`${failed} budget(s) missed, ${unmeasured} figure(s) not measurable`);
  if (values.strict && failed > 0) process.exitCode = 1;
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
