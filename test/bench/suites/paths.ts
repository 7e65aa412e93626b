import path from 'node:path';

/** Everything the benchmark writes lives under this git-ignored folder. */
export const CORPORA = path.resolve('test/bench/corpora');
export const RESULTS_FILE = path.resolve('test/bench/results.json');

export const corpusDir = (size: string) => path.join(CORPORA, size);
/** Throwaway copies that the incremental runs edit. */
export const scratchDir = (size: string) => path.join(CORPORA, '_scratch', size);
/** Where the large content step writes its files, as a build would. */
export const writeDir = (size: string) => path.join(CORPORA, '_out', size);
/** The content step's persistent cache folders (the Vite plugin's `.cache/content`), per use. */
export const cacheDir = (size: string, use: 'cold' | 'incremental' | 'dev') =>
  path.join(CORPORA, '_cache', `${size}-${use}`);
/** `vite build` output per corpus. */
export const buildDir = (size: string) => path.join(CORPORA, '_builds', size);

/** `10k` -> 10000, `1k` -> 1000, `2500` -> 2500. */
export function parseSize(size: string): number {
  const match = /^(\d+)(k?)$/.exec(size);
  if (!match) throw new Error(`corpus size must look like 1k, 10k, 100k or 2500 (got "${size}")`);
  return Number(match[1]) * (match[2] ? 1000 : 1);
}
