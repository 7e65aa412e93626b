import lighthouse from 'lighthouse';
import { launchChromium } from '../lib/chromium';

/** One Lighthouse run: the performance score (0-100) and the lab metrics behind it. */
export interface LighthouseRun {
  score: number;
  metrics: Record<string, number | undefined>;
}

const METRICS = [
  'first-contentful-paint',
  'largest-contentful-paint',
  'total-blocking-time',
  'cumulative-layout-shift',
  'speed-index',
] as const;

/**
 * Lighthouse's default configuration is its mobile preset (emulated phone, simulated slow 4G and
 * 4x CPU slowdown). Each run gets its own fresh Chromium, stopped by pid afterwards.
 */
export async function runLighthouse(url: string): Promise<LighthouseRun> {
  const chromium = await launchChromium();
  try {
    const result = await lighthouse(url, {
      port: chromium.port,
      hostname: '127.0.0.1',
      output: 'json',
      onlyCategories: ['performance'],
      logLevel: 'error',
    });
    const score = result?.lhr.categories.performance?.score;
    if (!result || score === undefined || score === null) {
      throw new Error(
        `Lighthouse gave no performance score: ${result?.lhr.runtimeError?.message ?? 'no result'}`,
      );
    }
    const metrics: LighthouseRun['metrics'] = {};
    for (const id of METRICS) metrics[id] = result.lhr.audits[id]?.numericValue;
    return { score: Math.round(score * 100), metrics };
  } finally {
    await chromium.stop();
  }
}
