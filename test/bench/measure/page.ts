import { gzipSync } from 'node:zlib';
import { chromium, type Browser, type Page, type Response } from 'playwright-core';
import { CHROMIUM_ARGS, CHROMIUM_PATH } from '../lib/chromium';
import { sleep } from '../lib/stats';
import {
  countElements,
  feedPosition,
  installObservers,
  readStore,
  scrollScreens,
  type BenchStore,
} from './page-observers';

/** A file the first view loaded, with its transfer size as a gzip-compressing server would send it. */
export interface LoadedAsset {
  path: string;
  bytes: number;
  gzipBytes: number;
}

/** One fresh-profile visit of the feed. `null` figures could not be measured; `notes` says why. */
export interface PageVisit {
  js: LoadedAsset[];
  json: LoadedAsset[];
  lcpMs: number | null;
  lcpElement: string | null;
  /** Largest session window of unexpected layout shifts during load. */
  clsLoad: number;
  /** The same over load plus the long scroll. */
  clsWithScroll: number | null;
  domInitial: number;
  /** Most elements seen at any point of the scroll. */
  domMax: number | null;
  scroll: { steps: number; px: number; lastCard: number; reachedEnd: boolean } | null;
  /** Event duration (ms) of each chip click; null when under the 16 ms reporting threshold. */
  chipClicks: { chip: string; durationMs: number | null }[] | null;
  notes: string[];
}

const VIEWPORT = { width: 1280, height: 720 };
const SCROLL_STEPS = 120;
const SCREENS_PER_STEP = 2;
const CARD = 'article, [role="article"]';

export async function launchBrowser(): Promise<Browser> {
  return chromium.launch({ executablePath: CHROMIUM_PATH, args: CHROMIUM_ARGS });
}

/** Loads `origin` in a fresh context and measures the first view, a long scroll and chip clicks. */
export async function visitFeed(browser: Browser, origin: string): Promise<PageVisit> {
  const context = await browser.newContext({ viewport: VIEWPORT, deviceScaleFactor: 1 });
  try {
    // tsx compiles with esbuild's keepNames, which wraps named functions in `__name(...)`: give
    // the page an identity `__name` so the serialised observer functions run there.
    await context.addInitScript({ content: 'globalThis.__name ??= (fn) => fn;' });
    await context.addInitScript({ content: `(${installObservers.toString()})();` });
    const page = await context.newPage();
    const network = trackNetwork(page);
    await page.goto(`${origin}/`, { waitUntil: 'load' });
    await page.waitForLoadState('networkidle');
    const notes: string[] = [];
    const hasCards = await page
      .locator(CARD)
      .first()
      .waitFor({ timeout: 15_000 })
      .then(
        () => true,
        () => false,
      );
    if (!hasCards) notes.push('no card (article element or role "article") appeared within 15 s');
    await network.idle();
    await sleep(300);
    const [js, json] = await Promise.all([network.assets(isScript), network.assets(isData)]);
    const loadStore = await page.evaluate(readStore);
    const lcp = loadStore.lcp.at(-1);
    if (!lcp) notes.push('no largest-contentful-paint entry');
    const visit: PageVisit = {
      js,
      json,
      lcpMs: lcp ? lcp.time : null,
      lcpElement: lcp ? lcp.element : null,
      clsLoad: layoutShiftScore(loadStore.shifts),
      clsWithScroll: null,
      domInitial: await page.evaluate(countElements),
      domMax: null,
      scroll: null,
      chipClicks: null,
      notes,
    };
    if (hasCards) await scrollFeed(page, network, visit);
    else notes.push('DOM after scrolling not measurable: the feed renders no cards');
    await clickChips(page, network, visit);
    return visit;
  } finally {
    await context.close();
  }
}

async function scrollFeed(page: Page, network: NetworkTracker, visit: PageVisit) {
  let domMax = visit.domInitial;
  let lastY = -1;
  let stalled = 0;
  let steps = 0;
  for (; steps < SCROLL_STEPS && stalled < 3; steps++) {
    await page.evaluate(scrollScreens, SCREENS_PER_STEP);
    await network.idle();
    domMax = Math.max(domMax, await page.evaluate(countElements));
    const { scrollY } = await page.evaluate(feedPosition);
    stalled = scrollY === lastY ? stalled + 1 : 0;
    lastY = scrollY;
  }
  const position = await page.evaluate(feedPosition);
  visit.domMax = domMax;
  visit.scroll = { steps, px: position.scrollY, lastCard: position.lastCard, reachedEnd: stalled >= 3 };
  visit.clsWithScroll = layoutShiftScore((await page.evaluate(readStore)).shifts);
}

/** Toggles two topic chips on and off again (four clicks), reading each click's Event Timing entries. */
async function clickChips(page: Page, network: NetworkTracker, visit: PageVisit) {
  await page.evaluate(() => window.scrollTo(0, 0));
  await sleep(300);
  const chips = page.locator('button[aria-pressed="false"]');
  const count = await chips.count();
  if (count === 0) {
    visit.notes.push('chip click not measurable: no button with aria-pressed on the page');
    return;
  }
  // Tag the chips so they can be found again after re-renders (React keeps foreign attributes on
  // an element it reuses); names alone are unreliable, as chips read their counts too.
  const picked = Math.min(count, 2);
  const labels: string[] = [];
  for (let i = 0; i < picked; i++) {
    labels.push(
      await chips.nth(i).evaluate((el, tag) => {
        el.setAttribute('data-bench-chip', tag);
        return (el.textContent ?? '').replace(/\s+/g, ' ').trim();
      }, String(i)),
    );
  }
  visit.chipClicks = [];
  for (const i of [0, 0, 1, 1].filter((n) => n < picked)) {
    const chip = page.locator(`[data-bench-chip="${i}"]`);
    const before = (await page.evaluate(readStore)).events.length;
    const clicked = await chip.click({ timeout: 5000 }).then(
      () => true,
      () => false,
    );
    if (!clicked) {
      visit.notes.push(`chip "${labels[i]}" could not be clicked again (re-created or hidden)`);
      continue;
    }
    await network.idle();
    // Entries are queued after the next paint; give the observer time to be called.
    await sleep(400);
    const entries = (await page.evaluate(readStore)).events.slice(before);
    visit.chipClicks.push({ chip: labels[i]!, durationMs: interactionDuration(entries) });
  }
}

/** Duration of the interaction the click produced: its longest pointer/click entry, null when none. */
function interactionDuration(entries: BenchStore['events']): number | null {
  const clicks = entries.filter(
    (e) => e.interactionId > 0 && /^(click|pointerdown|pointerup|mousedown|mouseup)$/.test(e.name),
  );
  return clicks.length === 0 ? null : Math.max(...clicks.map((e) => e.duration));
}

/** CLS as browsers define it: the worst 5 s session window of shifts 1 s or less apart. */
export function layoutShiftScore(shifts: BenchStore['shifts']): number {
  let worst = 0;
  let windowValue = 0;
  let windowStart = -Infinity;
  let previous = -Infinity;
  for (const shift of shifts.filter((s) => !s.hadRecentInput)) {
    if (shift.time - previous > 1000 || shift.time - windowStart > 5000) {
      windowValue = 0;
      windowStart = shift.time;
    }
    windowValue += shift.value;
    previous = shift.time;
    worst = Math.max(worst, windowValue);
  }
  return worst;
}

const isScript = (response: Response) =>
  response.request().resourceType() === 'script' || /\.m?js$/.test(new URL(response.url()).pathname);
const isData = (response: Response) => new URL(response.url()).pathname.includes('/data/');

interface NetworkTracker {
  /** Resolves once no request has been in flight for 200 ms (or after 10 s). */
  idle(): Promise<void>;
  /** Successful same-origin responses so far that match, gzip-sized. */
  assets(match: (response: Response) => boolean): Promise<LoadedAsset[]>;
}

function trackNetwork(page: Page): NetworkTracker {
  let inFlight = 0;
  let lastChange = Date.now();
  const responses: Response[] = [];
  const settle = () => {
    inFlight = Math.max(0, inFlight - 1);
    lastChange = Date.now();
  };
  page.on('request', () => {
    inFlight++;
    lastChange = Date.now();
  });
  page.on('requestfinished', settle);
  page.on('requestfailed', settle);
  page.on('response', (response) => responses.push(response));
  return {
    async idle() {
      const deadline = Date.now() + 10_000;
      while (Date.now() < deadline && (inFlight > 0 || Date.now() - lastChange < 200)) await sleep(50);
    },
    async assets(match) {
      const seen = new Set<string>();
      const assets: LoadedAsset[] = [];
      for (const response of responses) {
        const url = new URL(response.url());
        if (url.hostname !== '127.0.0.1' || !response.ok() || seen.has(url.pathname) || !match(response))
          continue;
        seen.add(url.pathname);
        const body = await response.body();
        assets.push({ path: url.pathname, bytes: body.length, gzipBytes: gzipSync(body).length });
      }
      return assets;
    },
  };
}
