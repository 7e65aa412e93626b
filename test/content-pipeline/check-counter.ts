import path from 'node:path';
import type * as CheckFile from '../../src/content-pipeline/check-file';

/** Base names of the files the pipeline really parsed and validated, in order; tests empty it. */
export const checkedFiles: string[] = [];

/**
 * The check-file module with `checkFile` counting into `checkedFiles`, for a test file's
 * `vi.mock('../../src/content-pipeline/check-file', async (importOriginal) =>
 * (await import('./check-counter')).countingCheckFile(importOriginal))`.
 */
export async function countingCheckFile(importOriginal: <T>() => Promise<T>): Promise<typeof CheckFile> {
  const original = await importOriginal<typeof CheckFile>();
  return {
    ...original,
    checkFile: (...args: Parameters<typeof original.checkFile>) => {
      checkedFiles.push(path.basename(args[0].file));
      return original.checkFile(...args);
    },
  };
}
