/**
 * Lists the content folder and stats every article file in a worker thread, so that a build can do
 * it while this thread reads the persistent cache's snapshot: for 10,000 files, about 100 ms of
 * file system calls off the critical path, when the machine has a core to spare for it.
 */
import { statSync } from 'node:fs';
import path from 'node:path';
import { Worker } from 'node:worker_threads';
import { ARTICLE_FILE, listContentFiles } from './load.ts';

/** The article files of a folder as `listContentFiles` gives them, with their size and mtime. */
export interface FolderScan {
  /** The absolute folder scanned. */
  root: string;
  /** In the order and with the filter of `listContentFiles`. */
  relPaths: string[];
  /** `statSync(file).size`, following links; NaN when the file could not be stat'ed. */
  sizes: Float64Array;
  /** `statSync(file).mtimeMs`; NaN when the file could not be stat'ed. */
  mtimes: Float64Array;
  /** Whether a worker thread made it (false when it was made in this thread): for tests and the benchmark. */
  inWorker: boolean;
}

/**
 * What the worker posts back: the paths as one string (joined by NUL, the one character a path
 * cannot hold) and the numbers as transferred buffers, much cheaper to pass than an array.
 */
interface ScanReply {
  paths: string;
  sizes: Float64Array;
  mtimes: Float64Array;
}

// Plain JavaScript, not a serialized function: tsx/esbuild add helpers to the functions they
// transform that do not exist in the worker, and a worker file next to this module breaks once
// the Vite config is bundled. It walks as listContentFiles does (skip dot names, recurse into real
// folders only, keep files and links to files), then stats each file in order. sort() without a
// comparator orders by UTF-16 code units, as compareStrings does. Any error ends the worker, and
// startScan does the work again in its own thread, which reports that error.
const SCAN_WORKER = `
const { readdirSync, statSync } = require('node:fs');
const { join } = require('node:path');
const { parentPort, workerData } = require('node:worker_threads');
const { root, pattern, flags } = workerData;
const articleFile = new RegExp(pattern, flags);
const isLinkToFile = (p) => statSync(p, { throwIfNoEntry: false })?.isFile() ?? false;
const found = [];
const walk = (rel) => {
  for (const entry of readdirSync(join(root, rel), { withFileTypes: true })) {
    if (entry.name.startsWith('.')) continue;
    const relPath = rel ? rel + '/' + entry.name : entry.name;
    if (entry.isDirectory()) walk(relPath);
    else if (articleFile.test(entry.name) && (entry.isFile() || isLinkToFile(join(root, relPath)))) {
      found.push(relPath);
    }
  }
};
walk('');
found.sort();
const sizes = new Float64Array(found.length).fill(NaN);
const mtimes = new Float64Array(found.length).fill(NaN);
found.forEach((relPath, i) => {
  try {
    const info = statSync(join(root, relPath));
    sizes[i] = info.size;
    mtimes[i] = info.mtimeMs;
  } catch {} // NaN stays: gone or unreadable since it was listed
});
parentPort.postMessage({ paths: found.join('\\0'), sizes, mtimes }, [sizes.buffer, mtimes.buffer]);
`;

/**
 * Scans `root` (absolute) in a worker thread. When the worker cannot start or fails, the scan is
 * done again in this thread, so the result, or the error (a missing folder rejects with ENOENT as
 * `listContentFiles` does), is the same either way. The worker runs only while it scans: it ends
 * once it has replied, and is never unref'd, since a caller may have nothing else keeping the
 * process alive while it waits. `inThisThread` is for tests: it skips the worker.
 */
export function startScan(
  root: string,
  { inThisThread = false }: { inThisThread?: boolean } = {},
): Promise<FolderScan> {
  const scan = inThisThread ? scanHere(root) : scanInWorker(root).catch(() => scanHere(root));
  // The caller awaits the scan only after other work that may await too: a missing folder must
  // not count as an unhandled rejection meanwhile. Awaiting `scan` still rejects.
  scan.catch(() => {});
  return scan;
}

function scanInWorker(root: string): Promise<FolderScan> {
  return new Promise((resolve, reject) => {
    // execArgv: [] so the worker does not run this process's `--require` preloads (a test runner's).
    const worker = new Worker(SCAN_WORKER, {
      eval: true,
      execArgv: [],
      workerData: { root, pattern: ARTICLE_FILE.source, flags: ARTICLE_FILE.flags },
    });
    worker.once('message', (reply: ScanReply) => {
      const relPaths = reply.paths === '' ? [] : reply.paths.split('\0');
      resolve({ root, relPaths, sizes: reply.sizes, mtimes: reply.mtimes, inWorker: true });
      void worker.terminate();
    });
    worker.once('error', reject);
    worker.once('exit', () => reject(new Error('the folder scan worker stopped without replying')));
  });
}

async function scanHere(root: string): Promise<FolderScan> {
  const relPaths = await listContentFiles(root);
  const sizes = new Float64Array(relPaths.length).fill(NaN);
  const mtimes = new Float64Array(relPaths.length).fill(NaN);
  relPaths.forEach((rel, i) => {
    try {
      const info = statSync(path.join(root, rel));
      sizes[i] = info.size;
      mtimes[i] = info.mtimeMs;
    } catch {
      // Gone or unreadable since it was listed: NaN matches no record, so the file is read again.
    }
  });
  return { root, relPaths, sizes, mtimes, inWorker: false };
}
