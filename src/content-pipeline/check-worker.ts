/**
 * Worker-thread side of `checkInWorkers`: says when it is ready, then parses and validates each
 * chunk of files it is handed and posts back their results in the same order.
 */
import { parentPort } from 'node:worker_threads';
import type { FileResult } from './check-file.ts';
import { checkFile } from './check-file.ts';
import type { LoadedFile } from './load.ts';
import { withPlainEnv } from './yaml-tree.ts';

export interface CheckRequest {
  files: LoadedFile[];
  /** The build clock, in epoch milliseconds. */
  now: number;
}

/** `results` is absent in the first message, which only says the worker is ready. */
export interface CheckReply {
  results?: FileResult[];
}

parentPort?.on('message', ({ files, now }: CheckRequest) => {
  const clock = new Date(now);
  const reply: CheckReply = { results: withPlainEnv(() => files.map((file) => checkFile(file, clock))) };
  parentPort?.postMessage(reply);
});
parentPort?.postMessage({} satisfies CheckReply);
