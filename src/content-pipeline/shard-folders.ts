/** Puts a plan's feed shards into the data folder, one folder per version of each feed. */
import { linkSync, mkdirSync, renameSync, rmSync, unlinkSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { dataFiles } from '../config/data-files.ts';
import { keepsShard, shardKey, shardText, type PlannedOutput } from './emit.ts';

/**
 * Writes the shards of `plan` into `dir`, where `shardKeys` (file name -> content key, kept up to
 * date here) lists the shard files already there. A feed's shards share the folder named by its
 * hash:
 * - a folder already there holds that version of the feed, and is left as it is;
 * - the folder of the feed's previous version becomes the new one by one rename, however many
 *   shards it holds (an edit gives both global feeds of each order a new hash), and only its
 *   shards that hold other cards now are replaced;
 * - any other shard is linked to a file with the same content when there is one, else written.
 * Folders the plan no longer has are removed. A file is replaced by a new one, never rewritten in
 * place: copies linked elsewhere (a build's output) keep their text.
 */
export function writeShards(dir: string, plan: PlannedOutput, shardKeys: Map<string, string>): void {
  const known = new Map<string, string[]>();
  for (const name of shardKeys.keys()) {
    const folder = name.slice(0, name.lastIndexOf('/'));
    const names = known.get(folder);
    if (names) names.push(name);
    else known.set(folder, [name]);
  }
  const folders = plan.feeds.map((feed) => dataFiles.feed(feed.sort, feed.topic, feed.index.hash));
  const planned = new Set(folders);
  const moved = new Set<string>();

  // A shard file by content key, made when first needed and kept in step with `shardKeys`.
  let byKey: Map<string, string> | undefined;
  const sameContent = (key: string) => {
    if (!byKey) {
      byKey = new Map();
      for (const [name, k] of shardKeys) byKey.set(k, name);
    }
    return byKey.get(key);
  };
  const forget = (name: string) => {
    const key = shardKeys.get(name);
    shardKeys.delete(name);
    if (key !== undefined && byKey?.get(key) === name) byKey.delete(key);
  };
  const note = (name: string, key: string) => {
    shardKeys.set(name, key);
    byKey?.set(key, name);
  };

  plan.feeds.forEach((feed, i) => {
    const folder = folders[i] as string;
    const count = feed.index.shards;
    if (known.has(folder) || count === 0) return;
    const from = feed.previous && dataFiles.feed(feed.sort, feed.topic, feed.previous.hash);
    // Shards whose file in the moved folder holds other cards: replaced below.
    const stale = new Set<number>();
    // Keys worked out while sorting the moved files: those shards need them again below.
    const keys = new Map<number, string>();
    const old = from === undefined ? undefined : known.get(from);
    if (
      from !== undefined &&
      old !== undefined &&
      !planned.has(from) &&
      !moved.has(from) &&
      tryRename(path.join(dir, from), path.join(dir, folder))
    ) {
      moved.add(from);
      for (const name of old) {
        const n = Number(name.slice(from.length + 1, -'.json'.length));
        const key = shardKeys.get(name) as string;
        forget(name);
        const now = dataFiles.shard(feed.sort, feed.topic, n, feed.index.hash);
        if (n >= count) {
          removeFile(path.join(dir, now));
          continue;
        }
        // Not known to hold the same cards (the history may not know what the file holds, as
        // after a journal): its key tells.
        const fresh = keepsShard(feed, n, plan.shardSize) ? key : shardKey(feed, n, plan.shardSize);
        if (fresh === key) note(now, key);
        else {
          stale.add(n);
          keys.set(n, fresh);
        }
      }
    } else {
      mkdirSync(path.join(dir, folder), { recursive: true });
    }
    for (let n = 0; n < count; n++) {
      const name = dataFiles.shard(feed.sort, feed.topic, n, feed.index.hash);
      if (shardKeys.has(name)) continue;
      const key = keys.get(n) ?? shardKey(feed, n, plan.shardSize);
      const target = path.join(dir, name);
      const same = sameContent(key);
      if (same === undefined || !tryLink(path.join(dir, same), target)) {
        if (stale.has(n)) removeFile(target);
        writeFileSync(target, shardText(feed, n, plan.shardSize));
      }
      note(name, key);
    }
  });

  for (const [folder, names] of known) {
    if (planned.has(folder) || moved.has(folder)) continue;
    rmSync(path.join(dir, folder), { recursive: true, force: true });
    for (const name of names) forget(name);
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
