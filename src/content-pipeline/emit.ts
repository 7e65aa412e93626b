import { createHash } from 'node:crypto';
import { dataFiles } from '../config/data-files.ts';
import type {
  CardSummary,
  FeedIndex,
  FeedShard,
  FeedSort,
  Manifest,
  ManifestTopic,
  ProviderRef,
} from '../types/content.ts';
import type { DerivedArticle, DerivedContent } from './derive.ts';
import { compareStrings } from './issues.ts';

/** Cards per shard: one shard is the first screenful and then some, about 15 KB gzipped. */
export const SHARD_SIZE = 60;
/**
 * Providers listed in the manifest. The manifest may grow with the topic list only, so the long
 * tail of publishers is cut; `counts.providers` still gives the total.
 */
export const MAX_MANIFEST_PROVIDERS = 100;

export interface EmitOptions {
  drafts: boolean;
  /** ISO time written as `builtAt`; the only value allowed to differ between identical builds. */
  builtAt: string;
  shardSize?: number;
}

export interface EmittedContent {
  manifest: Manifest;
  /** Name inside `data/` -> JSON text; the manifest first, then every other file by name. */
  files: Map<string, string>;
}

const SORTS: FeedSort[] = ['newest', 'quality', 'heat'];

const newestFirst = (a: DerivedArticle, b: DerivedArticle) =>
  b.time - a.time || compareStrings(a.card.id, b.card.id);

/** Highest score first; articles without a score after all scored ones; ties newest first. */
const byScore =
  (score: (a: DerivedArticle) => number | undefined) => (a: DerivedArticle, b: DerivedArticle) => {
    const sa = score(a);
    const sb = score(b);
    if (sa !== sb) return sa === undefined ? 1 : sb === undefined ? -1 : sb - sa;
    return newestFirst(a, b);
  };

const ORDER: Record<FeedSort, (a: DerivedArticle, b: DerivedArticle) => number> = {
  newest: newestFirst,
  quality: byScore((a) => a.card.quality),
  heat: byScore((a) => a.card.heat),
};

const hash = (text: string, length: number) =>
  createHash('sha256').update(text).digest('hex').slice(0, length);

export function emitContent(content: DerivedContent, options: EmitOptions): EmittedContent {
  const shardSize = options.shardSize ?? SHARD_SIZE;
  const files = new Map<string, string>();

  const feedsOf = (articles: DerivedArticle[], topic: string | null) => {
    const feeds = {} as Record<FeedSort, FeedIndex>;
    for (const sort of SORTS) {
      const cards = [...articles].sort(ORDER[sort]).map((a) => a.card);
      feeds[sort] = emitFeed(cards, sort, topic, shardSize, files);
    }
    return feeds;
  };

  const feeds = feedsOf(content.articles, null);
  const byTopic = new Map<string, DerivedArticle[]>();
  for (const a of content.articles) {
    for (const t of a.detail.topics) {
      const list = byTopic.get(t.slug);
      if (list) list.push(a);
      else byTopic.set(t.slug, [a]);
    }
  }
  const topics: ManifestTopic[] = [...content.topics.values()]
    .map((t) => {
      const articles = byTopic.get(t.slug) ?? [];
      return { slug: t.slug, name: t.name, count: articles.length, feeds: feedsOf(articles, t.slug) };
    })
    .sort((a, b) => b.count - a.count || compareStrings(a.slug, b.slug));

  for (const a of content.articles) files.set(dataFiles.article(a.card.id), JSON.stringify(a.detail));

  // Hashed file by file: joined into one string, 100,000 details pass V8's maximum string length.
  const names = [...files.keys()].sort(compareStrings);
  const digest = createHash('sha256');
  for (const name of names) digest.update(`${name}\n${files.get(name)}\n`);
  const buildId = digest.digest('hex').slice(0, 12);
  const providers = countProviders(content.articles);
  const manifest: Manifest = {
    schema: 1,
    buildId,
    builtAt: options.builtAt,
    drafts: options.drafts,
    counts: {
      articles: content.articles.length,
      drafts: content.articles.filter((a) => a.card.draft).length,
      topics: topics.length,
      providers: providers.length,
    },
    shardSize,
    feeds,
    topics,
    providers: providers.slice(0, MAX_MANIFEST_PROVIDERS),
  };
  const ordered = new Map<string, string>([[dataFiles.manifest(), JSON.stringify(manifest)]]);
  for (const name of names) ordered.set(name, files.get(name) ?? '');
  return { manifest, files: ordered };
}

/** Writes one feed's shards; the hash covers all of them, so any change renames every shard. */
function emitFeed(
  cards: CardSummary[],
  sort: FeedSort,
  topic: string | null,
  size: number,
  files: Map<string, string>,
): FeedIndex {
  const shards: string[] = [];
  for (let index = 0; index * size < cards.length; index++) {
    const shard: FeedShard = { index, items: cards.slice(index * size, (index + 1) * size) };
    shards.push(JSON.stringify(shard));
  }
  const feedHash = hash(shards.join('\n'), 10);
  shards.forEach((text, index) => files.set(dataFiles.shard(sort, topic, index, feedHash), text));
  return { count: cards.length, shards: shards.length, hash: feedHash };
}

/** Providers by name, most articles first; each shows the domain most of its articles give. */
function countProviders(articles: DerivedArticle[]): (ProviderRef & { count: number })[] {
  const byName = new Map<string, { count: number; domains: Map<string, number> }>();
  for (const a of articles) {
    const p = a.card.provider;
    if (!p) continue;
    const entry = byName.get(p.name) ?? { count: 0, domains: new Map<string, number>() };
    entry.count++;
    if (p.domain) entry.domains.set(p.domain, (entry.domains.get(p.domain) ?? 0) + 1);
    byName.set(p.name, entry);
  }
  return [...byName]
    .map(([name, { count, domains }]) => {
      let domain: string | undefined;
      let best = 0;
      for (const [d, n] of domains) if (n > best) [domain, best] = [d, n];
      return { name, domain, count };
    })
    .sort((a, b) => b.count - a.count || compareStrings(a.name, b.name));
}
