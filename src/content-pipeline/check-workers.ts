import { availableParallelism } from 'node:os';
import { Worker } from 'node:worker_threads';
import type { CheckRequest } from './check-worker.ts';
import type { FileResult } from './check-file.ts';
import type { LoadedFile } from './load.ts';

/** Below this many files to parse, starting workers costs more than it saves. */
export const WORKER_THRESHOLD = 500;
const MAX_WORKERS = 4;
/** Files per message to a worker. */
const BATCH = 250;

/** Worker threads to use for `count` files to parse: 0 (parse in this thread) when not worth it. */
export function workerCount(count: number): number {
  if (count <= WORKER_THRESHOLD) return 0;
  const cores = Math.min(availableParallelism(), MAX_WORKERS);
  return cores < 2 ? 0 : cores;
}

/**
 * Parses and validates `files` in `workers` threads, each taking a contiguous share, so the results
 * come back in file order, the same as `checkFile` one by one. Resolves with null when a worker
 * cannot run (no TypeScript loader in this process, for one): the caller then parses in-thread.
 */
export async function checkInWorkers(
  files: LoadedFile[],
  now: Date,
  workers: number,
): Promise<FileResult[] | null> {
  const share = Math.ceil(files.length / workers);
  const started: Worker[] = [];
  try {
    const parts = await Promise.all(
      Array.from({ length: workers }, async (_, i) => {
        const worker = startWorker();
        started.push(worker);
        const failed = new Promise<never>((_resolve, reject) => {
          worker.once('error', reject);
          worker.once('exit', (code) => reject(new Error(`worker exited (${code})`)));
        });
        failed.catch(() => undefined); // reported through the race below
        // Handed over in batches: a worker holds copies of a batch's bytes, not of its whole share.
        const results: FileResult[] = [];
        const mine = files.slice(i * share, (i + 1) * share);
        for (let start = 0; start < mine.length; start += BATCH) {
          const request: CheckRequest = { files: mine.slice(start, start + BATCH), now: now.getTime() };
          const reply = new Promise<FileResult[]>((resolve) => worker.once('message', resolve));
          worker.postMessage(request);
          results.push(...(await Promise.race([reply, failed])));
        }
        return results;
      }),
    );
    return parts.flat();
  } catch {
    return null;
  } finally {
    await Promise.all(started.map((w) => w.terminate()));
  }
}

// Node runs no TypeScript by itself, and tsx's loader does not reach worker threads: the worker
// starts with a small script that registers tsx (a dev dependency, present wherever the pipeline's
// .ts sources run) before loading the real entry. Without tsx the worker fails and the caller
// parses in-thread.
const BOOTSTRAP = `
const { workerData } = require('node:worker_threads');
import(workerData.loader).then((tsx) => { tsx.register(); return import(workerData.entry); });
`;

function startWorker(): Worker {
  const entry = new URL('./check-worker.ts', import.meta.url);
  const loader = import.meta.resolve('tsx/esm/api');
  return new Worker(BOOTSTRAP, { eval: true, workerData: { loader, entry: entry.href } });
}
