/** Puts a build's data files into the output folder: linked from the content cache, or written. */
import { copyFileSync, linkSync, mkdirSync, readdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';

/**
 * Hard-links every file of `source` (the cache's data folder) into `target`, copying where links
 * are not possible (another file system). The cache replaces changed files by new ones instead of
 * rewriting them, so a linked output never changes after its build.
 */
export function linkDataFolder(source: string, target: string): number {
  let count = 0;
  let canLink = true;
  const walk = (rel: string) => {
    mkdirSync(path.join(target, rel), { recursive: true });
    for (const entry of readdirSync(path.join(source, rel), { withFileTypes: true })) {
      const name = rel ? `${rel}/${entry.name}` : entry.name;
      if (entry.isDirectory()) {
        walk(name);
        continue;
      }
      const from = path.join(source, name);
      const to = path.join(target, name);
      if (canLink) {
        try {
          linkSync(from, to);
          count++;
          continue;
        } catch (error) {
          const code = (error as NodeJS.ErrnoException).code;
          if (code !== 'EXDEV' && code !== 'EPERM' && code !== 'ENOTSUP') throw error;
          canLink = false;
        }
      }
      copyFileSync(from, to);
      count++;
    }
  };
  walk('');
  return count;
}

/** Writes data files from memory (no cache folder): one synchronous write after another. */
export function writeDataFiles(target: string, files: Iterable<[string, string]>): number {
  const dirs = new Set<string>();
  let count = 0;
  for (const [name, text] of files) {
    const dir = path.dirname(path.join(target, name));
    if (!dirs.has(dir)) {
      mkdirSync(dir, { recursive: true });
      dirs.add(dir);
    }
    writeFileSync(path.join(target, name), text);
    count++;
  }
  return count;
}
