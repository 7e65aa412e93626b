import { availableParallelism } from 'node:os';
import { setImmediate as nextTurn } from 'node:timers/promises';
import { Worker } from 'node:worker_threads';
import type { CheckReply, CheckRequest } from './check-worker.ts';
import type { FileResult } from './check-file.ts';
import { checkFile } from './check-file.ts';
import type { LoadedFile } from './load.ts';
import { withPlainEnv } from './yaml-tree.ts';

/**
 * Up to this many files are checked in this thread alone. A worker costs about 1 s of CPU before it
 * checks anything (starting, registering tsx, compiling the parser's modules, warming up), while
 * this thread checks about 10,000 plain files a second; measured at 10,000 files on 2 shared cores,
 * one worker added 1 s of CPU and made the wall time worse, so workers start only above this.
 */
export const WORKER_THRESHOLD = 15_000;
const MAX_WORKERS = 4;
/** Files per piece of work, for this thread and for each worker. */
const CHUNK = 250;

/** Worker threads to start besides this one for `count` files: 0 (all in this thread) when not worth it. */
export function workerCount(count: number): number {
  if (count <= WORKER_THRESHOLD) return 0;
  return Math.max(0, Math.min(availableParallelism(), MAX_WORKERS) - 1);
}

/**
 * Parses and validates `files` in this thread and `workers` worker threads at once: all take
 * chunks from one queue, this thread from the start while the workers load, each worker once it is
 * ready, so a slow start only costs what the worker did not take. The results are in file order,
 * the same as `checkFile` one by one. A worker that fails (no TypeScript loader in this process,
 * for one) leaves its chunk and the rest to the others and this thread. Never null now; the type
 * stays for callers written when a failed worker meant "check in this thread yourself".
 *
 * For tests: `inThisThread: false` leaves all the work to the workers while one runs, and `entry`
 * replaces the worker's module (a missing one makes every worker fail).
 */
export async function checkInWorkers(
  files: LoadedFile[],
  now: Date,
  workers: number,
  { inThisThread = true, entry = WORKER_ENTRY }: { inThisThread?: boolean; entry?: URL } = {},
): Promise<FileResult[] | null> {
  const results: (FileResult | undefined)[] = new Array<FileResult | undefined>(files.length);
  const chunks: number[] = [];
  for (let start = 0; start < files.length; start += CHUNK) chunks.push(start);
  chunks.reverse(); // taken with pop(), from the first
  const retry: number[] = [];
  const take = () => retry.pop() ?? chunks.pop();
  const started: Worker[] = [];
  // Chunks handed to workers and not yet back; `wake` lets this thread wait for one.
  let outstanding = 0;
  let alive = workers;
  let wake: (() => void) | null = null;
  const changed = () => {
    const resume = wake;
    wake = null;
    resume?.();
  };

  const attach = (worker: Worker) => {
    let current: number | undefined;
    const give = () => {
      current = take();
      if (current === undefined) return;
      outstanding++;
      const request: CheckRequest = { files: files.slice(current, current + CHUNK), now: now.getTime() };
      worker.postMessage(request);
    };
    let stopped = false;
    const stop = () => {
      if (stopped) return;
      stopped = true;
      alive--;
      if (current !== undefined) {
        retry.push(current);
        current = undefined;
        outstanding--;
      }
      changed();
    };
    worker.on('message', (reply: CheckReply) => {
      if (reply.results && current !== undefined) {
        const at = current;
        reply.results.forEach((r, i) => (results[at + i] = r));
        current = undefined;
        outstanding--;
        changed();
      }
      give();
    });
    worker.once('error', stop);
    worker.once('exit', stop);
  };

  try {
    for (let i = 0; i < workers; i++) {
      const worker = startWorker(entry);
      started.push(worker);
      attach(worker);
    }
    for (;;) {
      const left = retry.length + chunks.length > 0;
      // Workers still loading hold nothing and are not waited for.
      if (!left && outstanding === 0) break;
      if (!left || (!inThisThread && alive > 0)) {
        await new Promise<void>((resolve) => (wake = resolve));
        continue;
      }
      const start = take() ?? 0;
      withPlainEnv(() => {
        const end = Math.min(start + CHUNK, files.length);
        for (let i = start; i < end; i++) results[i] = checkFile(files[i] as LoadedFile, now);
      });
      // Lets workers' replies in, so they get their next chunk while this thread works.
      await nextTurn();
    }
  } finally {
    await Promise.all(started.map((w) => w.terminate()));
  }
  return results.every((r) => r !== undefined) ? (results as FileResult[]) : null;
}

// Node runs no TypeScript by itself, and tsx's loader does not reach worker threads: the worker
// starts with a small script that registers tsx (a dev dependency, present wherever the pipeline's
// .ts sources run) before loading the real entry. Without tsx the worker fails and the chunks it
// would have taken are checked in this thread.
const BOOTSTRAP = `
const { workerData } = require('node:worker_threads');
import(workerData.loader).then((tsx) => { tsx.register(); return import(workerData.entry); });
`;

const WORKER_ENTRY = new URL('./check-worker.ts', import.meta.url);

function startWorker(entry: URL): Worker {
  const loader = import.meta.resolve('tsx/esm/api');
  return new Worker(BOOTSTRAP, { eval: true, workerData: { loader, entry: entry.href } });
}
