import { createHash } from 'node:crypto';
import { dataFiles } from '../config/data-files.ts';
import type {
  FeedIndex,
  FeedSort,
  Manifest,
  ManifestTopic,
  ProviderRef,
  TopicRef,
} from '../types/content.ts';
import type { DerivedContent } from './derive.ts';
import { compareStrings } from './issues.ts';
import { shortHash } from './prepare.ts';

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
  /**
   * The content keys (`shardKey`) of the shards in a feed folder already written, by index: a
   * shard that holds the same cards as the file there keeps its key rather than being hashed again.
   */
  shardKeysIn?: (folder: string) => string[] | undefined;
}

/** What feeds and the manifest need of an article: its card as text and what sorts it. */
export interface EmitArticle {
  id: string;
  time: number;
  quality: number | undefined;
  heat: number | undefined;
  draft: boolean;
  provider: ProviderRef | undefined;
  /** Topic slugs: the topic feeds it is in. */
  slugs: string[];
  cardText: string;
  cardHash: string;
}

/**
 * A feed's members, made only when first asked: a process restored from the persistent cache has
 * 2,000 topic feeds, and a run after one edit reads the members of a few of them.
 */
export class MemberList {
  private list: EmitArticle[] | undefined;

  constructor(
    readonly length: number,
    private readonly make: () => EmitArticle[],
  ) {}

  static of(list: EmitArticle[]): MemberList {
    const members = new MemberList(list.length, () => list);
    members.list = list;
    return members;
  }

  get(): EmitArticle[] {
    this.list ??= this.make();
    return this.list;
  }
}

export interface Feed {
  sort: FeedSort;
  topic: string | null;
  /** The members, in order (`memberList`, made on first use). */
  readonly members: EmitArticle[];
  memberList: MemberList;
  index: FeedIndex;
  /** Each shard's content key (`shardKey`), in order (made on first use when the hash was known). */
  readonly keys: string[];
  /**
   * The same feed in the previous plan, when its shards are in another folder: the hash naming it,
   * the members, and the shards whose files may hold other cards than those members give.
   */
  previous?: { hash: string; members: EmitArticle[]; differs?: Set<number> };
}

/** A feed of a plan (see `Feed`): its members made when first asked. */
class PlannedFeed implements Feed {
  previous?: Feed['previous'];
  private keyList: string[] | undefined;

  constructor(
    readonly sort: FeedSort,
    readonly topic: string | null,
    readonly memberList: MemberList,
    readonly index: FeedIndex,
    private readonly makeKeys: () => string[],
    keys?: string[],
  ) {
    this.keyList = keys;
  }

  get members(): EmitArticle[] {
    return this.memberList.get();
  }

  get keys(): string[] {
    this.keyList ??= this.makeKeys();
    return this.keyList;
  }
}

const NONE: EmitArticle[] = [];

/**
 * Every data file of a build, made on demand: feed shards are joined from card texts when served
 * or written, so no build holds every shard at once. Detail files come from the caller.
 */
export interface PlannedOutput {
  manifest: Manifest;
  manifestText: string;
  feeds: Feed[];
  /** Shard file name -> its feed and position (made when first asked for). */
  readonly shards: Map<string, { feed: Feed; index: number }>;
  shardSize: number;
  /** Every provider by count (the manifest lists the first ones). */
  providers: ProviderCount[];
}

const SORTS: FeedSort[] = ['newest', 'quality', 'heat'];

const newestFirst = (a: EmitArticle, b: EmitArticle) => b.time - a.time || compareStrings(a.id, b.id);

/** Highest score first; articles without a score after all scored ones; ties newest first. */
const byScore = (score: (a: EmitArticle) => number | undefined) => (a: EmitArticle, b: EmitArticle) => {
  const sa = score(a);
  const sb = score(b);
  if (sa !== sb) return sa === undefined ? 1 : sb === undefined ? -1 : sb - sa;
  return newestFirst(a, b);
};

const ORDER: Record<FeedSort, (a: EmitArticle, b: EmitArticle) => number> = {
  newest: newestFirst,
  quality: byScore((a) => a.quality),
  heat: byScore((a) => a.heat),
};

/**
 * A feed's hash, naming the folder of its shards: over its shards' keys in order (and the shard
 * size), so any change to a member card, the membership or the order gives the feed a new folder.
 */
function feedHash(keys: string[], shardSize: number): string {
  return createHash('sha256')
    .update(`${shardSize}\n${keys.join('')}`)
    .digest('hex')
    .slice(0, 10);
}

/**
 * The keys of a feed's shards. Those that hold the cards the previous version's file holds keep
 * its key (`known`, the keys of that version's folder), so an edit hashes only the shards it
 * changed, not 10,000 card hashes per feed.
 */
function keysOf(
  members: EmitArticle[],
  shardSize: number,
  previous?: Feed['previous'],
  known?: string[],
): string[] {
  const keys: string[] = [];
  for (let n = 0; n * shardSize < members.length; n++) {
    const kept =
      previous &&
      known?.[n] !== undefined &&
      !previous.differs?.has(n) &&
      sameShard(members, previous.members, n, shardSize);
    keys.push(kept ? (known[n] as string) : shardKey(members, n, shardSize));
  }
  return keys;
}

export const feedKey = (f: { sort: FeedSort; topic: string | null }) => `${f.sort}\n${f.topic ?? ''}`;

/**
 * What the previous plan of the same output left: its feeds' hashes, and what changed since. A
 * topic feed none of whose articles was added, changed or removed keeps its members, order and
 * hash, so only the feeds an edit touches are hashed again.
 */
export interface FeedHistory {
  shardSize: number;
  /** `feedKey` -> hash, for every feed of the previous plan. */
  hashes: Map<string, string>;
  /** `feedKey` -> members, for every feed of the previous plan (none when not known). */
  members?: Map<string, MemberList>;
  /** Whether any article was added, changed or removed. */
  changed: boolean;
  /** The topics of the articles added, changed (before and after) or removed. */
  dirtyTopics: Set<string>;
  /** Articles new since the previous plan (added, or the new version of a changed one). */
  added: EmitArticle[];
  /** Articles of the previous plan no longer in it (removed, or the old version of a changed one). */
  removed: Set<EmitArticle>;
  /** The previous plan's providers, by count (same process only). */
  providers?: ProviderCount[];
  /**
   * Feeds whose shards are in the folder of another state than `hashes` and `members` (the state a
   * persistent cache's journal left): `feedKey` -> that hash, and the shards that may hold other
   * cards than the members give.
   */
  written?: Map<string, WrittenFeed>;
}

/**
 * A feed's shard files as written: the hash naming their folder, and the shards not known to hold
 * the cards the history's members give.
 */
export interface WrittenFeed {
  hash: string;
  differs: Set<number>;
}

export type ProviderCount = ProviderRef & { count: number };

/**
 * A feed's new members from its previous ones: the removed articles taken out and the added ones
 * inserted, each found by binary search (not a pass over 10,000 members) while they are few.
 * Undefined when so many were added that sorting afresh is cheaper.
 */
function reorder(
  previous: EmitArticle[],
  added: EmitArticle[],
  removed: Set<EmitArticle>,
  order: (a: EmitArticle, b: EmitArticle) => number,
): EmitArticle[] | undefined {
  if (added.length > 64) return undefined;
  // A few removed articles are found by the order (a total one), many by one pass.
  let kept: EmitArticle[];
  if (removed.size > 64) kept = previous.filter((a) => !removed.has(a));
  else {
    kept = previous.slice();
    for (const a of removed) {
      // Looked for in every member only where the order does not find it (another topic's).
      let at = placeOf(kept, a, order) - 1;
      if (kept[at] !== a) at = kept.indexOf(a);
      if (at !== -1) kept.splice(at, 1);
    }
  }
  for (const a of added) kept.splice(placeOf(kept, a, order), 0, a);
  return kept;
}

/** The index after the last member of `list` (sorted by `order`) that `a` does not come before. */
function placeOf(
  list: EmitArticle[],
  a: EmitArticle,
  order: (a: EmitArticle, b: EmitArticle) => number,
): number {
  let lo = 0;
  let hi = list.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (order(list[mid] as EmitArticle, a) <= 0) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** The text of one shard, identical to JSON.stringify({ index, items }) of its cards. */
export function shardText(feed: Pick<Feed, 'members'>, index: number, shardSize: number): string {
  const cards = feed.members.slice(index * shardSize, (index + 1) * shardSize).map((m) => m.cardText);
  return `{"index":${index},"items":[${cards.join(',')}]}`;
}

/**
 * What identifies a shard's content: its position and its cards' hashes. Two shards with one key
 * have the same text, so a shard of another feed's folder with that key can be linked.
 */
export function shardKey(members: EmitArticle[], index: number, shardSize: number): string {
  const hashes = members.slice(index * shardSize, (index + 1) * shardSize).map((m) => m.cardHash);
  return createHash('sha256')
    .update(`${index}\n${hashes.join('')}`)
    .digest('base64url')
    .slice(0, 22);
}

/** The shards of `members` that do not hold the same articles as those of `before`. */
export function changedShards(members: EmitArticle[], before: EmitArticle[], shardSize: number): number[] {
  const changed: number[] = [];
  for (let n = 0; n * shardSize < members.length; n++) {
    if (!sameShard(members, before, n, shardSize)) changed.push(n);
  }
  return changed;
}

function sameShard(members: EmitArticle[], before: EmitArticle[], index: number, shardSize: number): boolean {
  const start = index * shardSize;
  const end = Math.min(start + shardSize, members.length);
  if (Math.min(start + shardSize, before.length) !== end) return false;
  for (let i = start; i < end; i++) if (members[i] !== before[i]) return false;
  return true;
}

/**
 * Plans every file: feeds in each order, the manifest, and the build id. `articles` must be sorted
 * by id; `detailHashes[i]` is the hash of `articles[i]`'s detail text.
 */
export function planOutput(
  articles: EmitArticle[],
  topicRefs: Map<string, TopicRef>,
  detailHashes: string[],
  options: EmitOptions,
  history?: FeedHistory,
): PlannedOutput {
  const shardSize = options.shardSize ?? SHARD_SIZE;
  const feedList: Feed[] = [];
  const known = history?.shardSize === shardSize ? history : undefined;

  const addFeed = (sort: FeedSort, topic: string | null, ordered: MemberList): FeedIndex => {
    const key = feedKey({ sort, topic });
    const before = known?.hashes.get(key);
    // The same members in the same order: the same hash.
    const same = known && !(topic === null ? known.changed : known.dirtyTopics.has(topic));
    const beforeMembers = known?.members?.get(key);
    const written = known?.written?.get(key) ?? (before ? { hash: before, differs: undefined } : undefined);
    // The version whose files the data folder holds, when its members are known (made only when
    // needed: most of 2,000 topic feeds are unchanged): its shards that hold the same cards keep
    // their keys, and its folder can become this one.
    let previous: Feed['previous'] | null = null;
    const previousOf = () =>
      (previous ??=
        written && beforeMembers
          ? { hash: written.hash, members: beforeMembers.get(), differs: written.differs }
          : undefined);
    const makeKeys = () => {
      const p = previousOf();
      return keysOf(
        ordered.get(),
        shardSize,
        p,
        p && options.shardKeysIn?.(dataFiles.feed(sort, topic, p.hash)),
      );
    };
    const keys = same && before ? undefined : makeKeys();
    const index: FeedIndex = {
      count: ordered.length,
      shards: Math.ceil(ordered.length / shardSize),
      hash: keys ? feedHash(keys, shardSize) : (before as string),
    };
    const feed = new PlannedFeed(sort, topic, ordered, index, makeKeys, keys);
    if (written && beforeMembers && written.hash !== index.hash) feed.previous = previousOf();
    feedList.push(feed);
    return index;
  };

  // Each order is sorted once; a topic's feed is that order filtered to its members (the orders
  // are total, so this equals sorting the topic's own list). In the same process, feeds follow
  // from the previous plan's: kept as they were, or with the changed articles moved.
  const feeds = {} as Record<FeedSort, FeedIndex>;
  const orders = {} as Record<FeedSort, EmitArticle[]>;
  const previous = (sort: FeedSort, topic: string | null, added: EmitArticle[]) => {
    const members = known?.members?.get(feedKey({ sort, topic }));
    if (!members || !known) return undefined;
    if (topic !== null && !known.dirtyTopics.has(topic)) return members;
    const moved = reorder(members.get(), added, known.removed, ORDER[sort]);
    return moved && MemberList.of(moved);
  };
  for (const sort of SORTS) {
    orders[sort] = previous(sort, null, known?.added ?? [])?.get() ?? [...articles].sort(ORDER[sort]);
    feeds[sort] = addFeed(sort, null, MemberList.of(orders[sort]));
  }
  let filtered: Map<string, Record<FeedSort, EmitArticle[]>> | undefined;
  // The added articles of each topic: most topics have none.
  const addedTo = new Map<string, EmitArticle[]>();
  for (const a of known?.added ?? []) {
    for (const slug of a.slugs) {
      const list = addedTo.get(slug);
      if (list) list.push(a);
      else addedTo.set(slug, [a]);
    }
  }
  const topicOrder = (sort: FeedSort, slug: string): MemberList => {
    const kept = previous(sort, slug, addedTo.get(slug) ?? NONE);
    if (kept) return kept;
    if (!filtered) {
      filtered = new Map();
      for (const t of topicRefs.keys()) filtered.set(t, { newest: [], quality: [], heat: [] });
      for (const s of SORTS) for (const a of orders[s]) for (const t of a.slugs) filtered.get(t)?.[s].push(a);
    }
    return MemberList.of(filtered.get(slug)?.[sort] ?? []);
  };
  const topics: ManifestTopic[] = [...topicRefs.values()]
    .map((t) => {
      const topicFeeds = {} as Record<FeedSort, FeedIndex>;
      for (const sort of SORTS) topicFeeds[sort] = addFeed(sort, t.slug, topicOrder(sort, t.slug));
      return { slug: t.slug, name: t.name, count: topicFeeds.newest.count, feeds: topicFeeds };
    })
    .sort((a, b) => b.count - a.count || compareStrings(a.slug, b.slug));

  // The build id changes whenever any file does: details by their hashes (each detail holds its
  // id), feeds by their hashes and sizes (which give every shard's name), in the manifest's order.
  const feedIds: string[] = [];
  const feedId = (sort: FeedSort, topic: string, f: FeedIndex) =>
    feedIds.push(`\n${sort}\n${topic}\n${f.hash}\n${f.count}`);
  for (const sort of SORTS) feedId(sort, '', feeds[sort]);
  for (const t of topics) for (const sort of SORTS) feedId(sort, t.slug, t.feeds[sort]);
  const buildId = createHash('sha256')
    .update(detailHashes.join(''))
    .update(feedIds.join(''))
    .digest('hex')
    .slice(0, 12);
  // The same providers were taken out as put in (an edit that keeps its provider): same counts.
  const providerKeys = (list: Iterable<EmitArticle>) =>
    [...list].map((a) => (a.provider ? `${a.provider.name}\n${a.provider.domain ?? ''}` : '')).sort();
  const sameProviders =
    known?.providers !== undefined &&
    JSON.stringify(providerKeys(known.added)) === JSON.stringify(providerKeys(known.removed));
  const providers = sameProviders && known.providers ? known.providers : countProviders(articles);
  const manifest: Manifest = {
    schema: 1,
    buildId,
    builtAt: options.builtAt,
    drafts: options.drafts,
    counts: {
      articles: articles.length,
      drafts: articles.filter((a) => a.draft).length,
      topics: topics.length,
      providers: providers.length,
    },
    shardSize,
    feeds,
    topics,
    providers: providers.slice(0, MAX_MANIFEST_PROVIDERS),
  };
  // Shard names only when asked for (serving or listing files): a build writes by feed.
  let shards: PlannedOutput['shards'] | undefined;
  return {
    manifest,
    manifestText: JSON.stringify(manifest),
    feeds: feedList,
    get shards() {
      if (shards) return shards;
      shards = new Map();
      for (const feed of feedList) {
        for (let n = 0; n < feed.index.shards; n++) {
          shards.set(dataFiles.shard(feed.sort, feed.topic, n, feed.index.hash), { feed, index: n });
        }
      }
      return shards;
    },
    shardSize,
    providers,
  };
}

export interface EmittedContent {
  manifest: Manifest;
  /** Name inside `data/` -> JSON text; the manifest first, then every other file by name. */
  files: Map<string, string>;
}

/** Every file of derived content at once (small sets: tests, scripts). */
export function emitContent(content: DerivedContent, options: EmitOptions): EmittedContent {
  const details = content.articles.map((a) => JSON.stringify(a.detail));
  const articles = content.articles.map((a): EmitArticle => {
    const cardText = JSON.stringify(a.card);
    return {
      id: a.card.id,
      time: a.time,
      quality: a.card.quality,
      heat: a.card.heat,
      draft: a.card.draft,
      provider: a.card.provider,
      slugs: a.detail.topics.map((t) => t.slug),
      cardText,
      cardHash: shortHash(cardText),
    };
  });
  const plan = planOutput(articles, content.topics, details.map(shortHash), options);
  const files = new Map<string, string>();
  articles.forEach((a, i) => files.set(dataFiles.article(a.id), details[i] ?? ''));
  for (const [name, { feed, index }] of plan.shards) files.set(name, shardText(feed, index, plan.shardSize));
  return { manifest: plan.manifest, files: orderFiles(plan.manifestText, files) };
}

/** The manifest first, then every other file by name: a stable order for callers and tests. */
export function orderFiles(manifestText: string, files: Map<string, string>): Map<string, string> {
  const ordered = new Map<string, string>([[dataFiles.manifest(), manifestText]]);
  for (const name of [...files.keys()].sort(compareStrings)) ordered.set(name, files.get(name) ?? '');
  return ordered;
}

/** Providers by name, most articles first; each shows the domain most of its articles give. */
function countProviders(articles: EmitArticle[]): ProviderCount[] {
  const counts = new Map<string, number>();
  const domains = new Map<string, Map<string, number>>();
  for (const a of articles) {
    const p = a.provider;
    if (!p) continue;
    counts.set(p.name, (counts.get(p.name) ?? 0) + 1);
    if (!p.domain) continue;
    let byDomain = domains.get(p.name);
    if (!byDomain) domains.set(p.name, (byDomain = new Map<string, number>()));
    byDomain.set(p.domain, (byDomain.get(p.domain) ?? 0) + 1);
  }
  return [...counts]
    .map(([name, count]) => {
      let domain: string | undefined;
      let best = 0;
      for (const [d, n] of domains.get(name) ?? []) if (n > best) [domain, best] = [d, n];
      return { name, domain, count };
    })
    .sort((a, b) => b.count - a.count || compareStrings(a.name, b.name));
}
