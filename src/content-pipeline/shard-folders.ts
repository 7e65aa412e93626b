/** Puts a plan's feed shards into the data folder, one folder per version of each feed. */
import { linkSync, mkdirSync, renameSync, rmSync, unlinkSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { dataFiles } from '../config/data-files.ts';
import { shardText, type PlannedOutput } from './emit.ts';

/**
 * Writes the shards of `plan` into `dir`, where `folders` (feed folder -> the content key of each
 * of its shards, kept up to date here) lists the feed folders already there. A feed's shards share
 * the folder named by its hash:
 * - a folder already there holds that version of the feed, and is left as it is;
 * - the folder of the feed's previous version becomes the new one by one rename, however many
 *   shards it holds (an edit gives both global feeds of each order a new hash), and only its
 *   shards that hold other cards now are replaced;
 * - any other shard is linked to a file with the same content when there is one, else written.
 * Folders the plan no longer has are removed. A file is replaced by a new one, never rewritten in
 * place: copies linked elsewhere (a build's output) keep their text.
 */
export function writeShards(dir: string, plan: PlannedOutput, folders: Map<string, string[]>): void {
  const size = plan.shardSize;
  const names = plan.feeds.map((feed) => dataFiles.feed(feed.sort, feed.topic, feed.index.hash));
  const planned = new Set(names);

  // Where a shard with a given key is, made when first needed; checked against `folders` when used.
  let byKey: Map<string, [string, number]> | undefined;
  const sameContent = (key: string): string | undefined => {
    if (!byKey) {
      byKey = new Map();
      for (const [folder, keys] of folders) keys.forEach((k, n) => byKey?.set(k, [folder, n]));
    }
    const at = byKey.get(key);
    return at && folders.get(at[0])?.[at[1]] === key ? dataFiles.shardIn(at[0], at[1]) : undefined;
  };

  plan.feeds.forEach((feed, i) => {
    const folder = names[i] as string;
    const count = feed.index.shards;
    if (folders.has(folder) || count === 0) return;
    const from = feed.previous && dataFiles.feed(feed.sort, feed.topic, feed.previous.hash);
    const old = from === undefined ? undefined : folders.get(from);
    const keys = feed.keys;
    // Shards 0 to `inPlace` - 1 have a file in the folder, moved with it; those in `stale` hold
    // other cards now.
    let inPlace = 0;
    const stale = new Set<number>();
    if (
      from !== undefined &&
      old !== undefined &&
      !planned.has(from) &&
      tryRename(path.join(dir, from), path.join(dir, folder))
    ) {
      folders.delete(from);
      inPlace = Math.min(old.length, count);
      for (let n = count; n < old.length; n++) removeFile(path.join(dir, dataFiles.shardIn(folder, n)));
      for (let n = 0; n < inPlace; n++) if (keys[n] !== old[n]) stale.add(n);
    } else {
      mkdirSync(path.join(dir, folder), { recursive: true });
    }
    for (let n = 0; n < count; n++) {
      if (n < inPlace && !stale.has(n)) continue;
      const key = keys[n] as string;
      const target = path.join(dir, dataFiles.shardIn(folder, n));
      const same = sameContent(key);
      if (same === undefined || !tryLink(path.join(dir, same), target)) {
        if (n < inPlace) removeFile(target);
        writeFileSync(target, shardText(feed, n, size));
      }
    }
    folders.set(folder, keys);
    if (byKey) keys.forEach((key, n) => byKey?.set(key, [folder, n]));
  });

  for (const folder of [...folders.keys()]) {
    if (planned.has(folder)) continue;
    rmSync(path.join(dir, folder), { recursive: true, force: true });
    folders.delete(folder);
  }
}

/** Removes a file if it is there. */
export function removeFile(target: string): void {
  try {
    unlinkSync(target);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
  }
}

/** Renames `from` to `to`; false when that cannot be done (nothing there, or `to` taken). */
function tryRename(from: string, to: string): boolean {
  try {
    renameSync(from, to);
    return true;
  } catch {
    return false;
  }
}

/** Links `to` to the file `from`, replacing any file there; false when that cannot be done. */
function tryLink(from: string, to: string): boolean {
  try {
    linkSync(from, to);
    return true;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'EEXIST') return false;
  }
  try {
    removeFile(to);
    linkSync(from, to);
    return true;
  } catch {
    return false;
  }
}
