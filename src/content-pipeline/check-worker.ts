/**
 * Worker-thread side of `checkInWorkers`: parses and validates the files it is handed and posts
 * back their results in the same order.
 */
import { parentPort } from 'node:worker_threads';
import { checkFile } from './check-file.ts';
import type { LoadedFile } from './load.ts';
import { withPlainEnv } from './yaml-tree.ts';

export interface CheckRequest {
  files: LoadedFile[];
  /** The build clock, in epoch milliseconds. */
  now: number;
}

parentPort?.on('message', ({ files, now }: CheckRequest) => {
  const clock = new Date(now);
  parentPort?.postMessage(withPlainEnv(() => files.map((file) => checkFile(file, clock))));
});
