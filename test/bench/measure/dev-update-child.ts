/**
 * Dev update time (run by `incremental.ts` in its own process): a real Vite dev server on
 * 127.0.0.1 with the content plugin over `<dir>`, a WebSocket HMR client, and for each run the time
 * from writing one edited file to receiving the `news:content-updated` event.
 */
import path from 'node:path';
import { createServer } from 'vite';
import WebSocket from 'ws';
import { dataFiles } from '../../../src/config/data-files';
import { newsContent } from '../../../src/content-pipeline/vite-plugin';
import type { ContentUpdatedEvent } from '../../../src/types/content';
import { replyToParent } from '../lib/processes';
import { sleep } from '../lib/stats';
import { planEdit } from './incremental';

export interface DevUpdateResult {
  /** createServer + listen, which includes the first content build. */
  startupMs: number;
  /** `reflected`: the article served right after the event carries the edit. */
  samples: { ms: number; errors: number; reflected: boolean }[];
  maxRssBytes: number;
}

interface HmrMessage {
  type: string;
  event?: string;
  data?: ContentUpdatedEvent;
}

const [dir, runsArg, cacheDir] = process.argv.slice(2);

async function measure(): Promise<DevUpdateResult> {
  if (!dir || !cacheDir) throw new Error('usage: dev-update-child.ts <content dir> <runs> <cache dir>');
  const runs = Number(runsArg ?? 5);
  const started = performance.now();
  const server = await createServer({
    configFile: false,
    root: dir,
    logLevel: 'silent',
    plugins: [newsContent({ contentDir: dir, drafts: true, skipInvalid: false, cacheDir })],
    server: { host: '127.0.0.1', port: 0, strictPort: false },
  });
  let socket: WebSocket | undefined;
  try {
    await server.listen();
    const startupMs = performance.now() - started;
    const address = server.httpServer?.address();
    if (!address || typeof address === 'string') throw new Error('dev server has no TCP address');
    const updates: { at: number; data?: ContentUpdatedEvent }[] = [];
    socket = new WebSocket(`ws://127.0.0.1:${address.port}/`, 'vite-hmr');
    socket.on('message', (raw) => {
      const message = JSON.parse(String(raw)) as HmrMessage;
      if (message.type === 'custom' && message.event === 'news:content-updated')
        updates.push({ at: performance.now(), ...(message.data ? { data: message.data } : {}) });
    });
    await new Promise((resolve, reject) => {
      socket?.once('open', resolve);
      socket?.once('error', reject);
    });
    // Let the file watcher finish its first scan of the folder before the first edit.
    await sleep(2000);
    const samples: DevUpdateResult['samples'] = [];
    let rebuildMs = startupMs;
    for (let run = 1; run <= runs; run++) {
      // No rebuild may still be running when the file is written, or its event would be taken for
      // this edit's: wait out well over one rebuild's time without events.
      await quiet(updates, Math.max(1500, 1.5 * rebuildMs));
      const seen = updates.length;
      // The clock starts at the write: listing the folder to pick the file is not the server's time.
      const { file, write } = await planEdit(dir, 100 + run);
      const writeStarted = performance.now();
      await write();
      const update = await nextUpdate(updates, seen, 120_000);
      const ms = update.at - writeStarted;
      rebuildMs = ms;
      const reflected = await servesEdit(address.port, file, 100 + run);
      samples.push({ ms, errors: update.data?.errors.length ?? 0, reflected });
    }
    return { startupMs, samples, maxRssBytes: process.resourceUsage().maxRSS * 1024 };
  } finally {
    socket?.close();
    await server.close();
  }
}

/** Waits until no update has arrived for `ms`, so a late event is not counted for the next edit. */
async function quiet(updates: { at: number }[], ms: number) {
  for (;;) {
    const last = updates.at(-1)?.at ?? 0;
    const idle = performance.now() - last;
    if (idle >= ms) return;
    await sleep(ms - idle);
  }
}

/** Whether the dev server now serves the edited title of `file` (its id is the file name). */
async function servesEdit(port: number, file: string, run: number): Promise<boolean> {
  const id = path.basename(file).replace(/\.[^.]*$/, '');
  const response = await fetch(`http://127.0.0.1:${port}/data/${dataFiles.article(id)}`);
  if (!response.ok) return false;
  const detail = (await response.json()) as { title?: string };
  return detail.title?.startsWith(`Edited ${run}: `) ?? false;
}

async function nextUpdate<T>(updates: T[], seen: number, timeoutMs: number): Promise<T> {
  const deadline = performance.now() + timeoutMs;
  while (performance.now() < deadline) {
    const update = updates[seen];
    if (update) return update;
    await sleep(2);
  }
  throw new Error(`no news:content-updated event within ${timeoutMs} ms of the edit`);
}

await replyToParent(measure);
