/**
 * Turns prepared articles into a build's output, remembering each detail between runs: a detail is
 * rendered again only when its article or what it takes from others (topic names, related ids)
 * changed, so a rebuild after one edit costs little more than sorting the feeds.
 */
import { dataFiles } from '../config/data-files.ts';
import type { TopicRef } from '../types/content.ts';
import { linkIndex, nameTopics } from './derive.ts';
import type { EmitOptions, PlannedOutput } from './emit.ts';
import { planOutput, shardText } from './emit.ts';
import { detailInputs, fillDetail, inputsKey, shortHash, topicJsonOf } from './prepare.ts';
import type { PreparedArticle } from './prepare.ts';

interface DetailMemo {
  prepared: PreparedArticle;
  /** The inputs key, or its short hash when restored from the persistent cache. */
  key: string;
  hashedKey: boolean;
  hash: string;
  /** Kept when the model serves files (dev); a build writes each detail once and drops it. */
  text: string | undefined;
}

export interface ModelRun {
  plan: PlannedOutput;
  topics: Map<string, TopicRef>;
  /** Ids whose detail text changed (or is new) in this run. */
  changedDetails: string[];
}

export interface ModelOptions extends EmitOptions {
  /** Keep every detail's text in memory, to serve it (dev). */
  keepDetails: boolean;
  /** Called with each detail whose text is new or changed in this run, e.g. to write it right away. */
  onDetail?: (id: string, text: string) => void;
  /**
   * Gives the detail pieces of an article restored without them (from the persistent cache), when
   * its detail must be rendered again.
   */
  piecesOf?: (p: PreparedArticle) => string[];
}

export class ContentModel {
  private details = new Map<string, DetailMemo>();

  /** Restores a detail's memo from the persistent cache (its text stays on disk). */
  remember(prepared: PreparedArticle, keyHash: string, hash: string): void {
    this.details.set(prepared.id, { prepared, key: keyHash, hashedKey: true, hash, text: undefined });
  }

  /** A detail's inputs key (hashed) and text hash, for the persistent cache. */
  memo(id: string): { keyHash: string; hash: string } | undefined {
    const memo = this.details.get(id);
    return memo && { keyHash: memo.hashedKey ? memo.key : shortHash(memo.key), hash: memo.hash };
  }

  private plan: PlannedOutput | undefined;

  /** `articles`: the included articles, sorted by id. */
  run(articles: PreparedArticle[], options: ModelOptions): ModelRun {
    const topics = nameTopics(articles.map((a) => a.topicNames));
    const byLink = linkIndex(articles);
    const topicJson = topicJsonOf(topics);
    const next = new Map<string, DetailMemo>();
    const hashes: string[] = [];
    const changedDetails: string[] = [];
    for (const p of articles) {
      const inputs = detailInputs(p, topicJson, byLink);
      const key = inputsKey(inputs);
      const old = this.details.get(p.id);
      let memo: DetailMemo;
      if (old && old.prepared === p && old.key === (old.hashedKey ? shortHash(key) : key)) {
        memo = old;
      } else {
        if (p.detailPieces.length === 0 && options.piecesOf) p.detailPieces = options.piecesOf(p);
        const text = fillDetail(p, inputs);
        const hash = shortHash(text);
        memo = { prepared: p, key, hashedKey: false, hash, text: options.keepDetails ? text : undefined };
        if (!old || old.hash !== hash) {
          changedDetails.push(p.id);
          options.onDetail?.(p.id, text);
        }
      }
      next.set(p.id, memo);
      hashes.push(memo.hash);
    }
    this.details = next;
    const plan = planOutput(articles, topics, hashes, options, this.plan);
    this.plan = plan;
    return { plan, topics, changedDetails };
  }

  /** A data file's text by name, or undefined (dev serving; needs `keepDetails`). */
  file(plan: PlannedOutput, name: string): string | undefined {
    if (name === dataFiles.manifest()) return plan.manifestText;
    const shard = plan.shards.get(name);
    if (shard) return shardText(shard.feed, shard.index, plan.shardSize);
    const match = /^articles\/(.+)\.json$/.exec(name);
    const memo = match ? this.details.get(match[1] ?? '') : undefined;
    return memo && dataFiles.article(memo.prepared.id) === name ? memo.text : undefined;
  }

  /** Ids of the articles of the last run, by id. */
  ids(): IterableIterator<string> {
    return this.details.keys();
  }

  /** Whether `name` is a file of the output. */
  has(plan: PlannedOutput, name: string): boolean {
    if (name === dataFiles.manifest() || plan.shards.has(name)) return true;
    const match = /^articles\/(.+)\.json$/.exec(name);
    const memo = match ? this.details.get(match[1] ?? '') : undefined;
    return memo !== undefined && dataFiles.article(memo.prepared.id) === name;
  }

  /** Every file's name, the manifest first, then details by id and shards feed by feed. */
  *names(plan: PlannedOutput): Generator<string> {
    yield dataFiles.manifest();
    for (const id of this.details.keys()) yield dataFiles.article(id);
    yield* plan.shards.keys();
  }
}
