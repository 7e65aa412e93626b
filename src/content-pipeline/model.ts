/**
 * Turns prepared articles into a build's output, remembering each detail between runs: a detail is
 * rendered again only when its article or what it takes from others (topic names, related ids)
 * changed, so a rebuild after one edit costs little more than sorting the feeds.
 */
import { dataFiles } from '../config/data-files.ts';
import type { TopicRef } from '../types/content.ts';
import { countSpellings, linkLookup, namesOf, topicSlug } from './derive.ts';
import type { LinkLookup } from './derive.ts';
import type { EmitArticle, EmitOptions, FeedHistory, PlannedOutput, ProviderCount } from './emit.ts';
import { feedKey, MemberList, planOutput, shardText } from './emit.ts';
import { detailInputs, fillDetail, shortHash, topicJsonOf } from './prepare.ts';
import type { PreparedArticle } from './prepare.ts';

interface DetailMemo {
  prepared: PreparedArticle;
  hash: string;
  /** Kept when the model serves files (dev); a build writes each detail once and drops it. */
  text: string | undefined;
  /**
   * The detail file holds another text than `prepared` renders in the world the model was restored
   * with (a later run wrote it; `hash` is that text's, '' for no file): rendered again next run.
   */
  stale?: boolean;
}

/**
 * Stands for an article the restored model never saw whose detail a later run wrote: never equal
 * to a run's article, in no feed, linking nothing.
 */
const UNSEEN: PreparedArticle = Object.freeze({
  id: '',
  time: 0,
  quality: undefined,
  heat: undefined,
  draft: false,
  provider: undefined,
  slugs: [],
  topicNames: [],
  links: [],
  relatedUrls: [],
  cardText: '',
  cardHash: '',
  detailPieces: [],
});

/** The feeds' hashes of a run, as the persistent cache keeps them. */
export interface SavedFeeds {
  shardSize: number;
  /** Each feed's key, hash and members (indexes into the saved articles); null: members not known. */
  feeds: [string, string, ArrayLike<number> | null][];
  /** Every provider by count, as the manifest's were counted (absent: count again). */
  providers?: ProviderCount[];
}

export interface ModelRun {
  plan: PlannedOutput;
  /** Ids of the last run's details that are no longer part of the output. */
  removedDetails: string[];
}

export interface ModelOptions extends EmitOptions {
  /** Keep every detail's text in memory, to serve it (dev). */
  keepDetails: boolean;
  /** Called with each detail whose text is new or changed in this run, e.g. to write it right away. */
  onDetail?: (id: string, text: string, replaces: boolean) => void;
  /**
   * Gives the detail pieces of an article restored without them (from the persistent cache), when
   * its detail must be rendered again.
   */
  piecesOf?: (p: PreparedArticle) => string[];
}

/** How often each topic spelling is used, and each slug's spellings. */
interface Spellings {
  counts: Map<string, number>;
  bySlug: Map<string, Set<string>>;
}

/** Each spelling's count, and each slug's spellings. */
function spellingIndex(counts: Map<string, number>): Spellings {
  const bySlug = new Map<string, Set<string>>();
  for (const name of counts.keys()) {
    const slug = topicSlug(name);
    const names = bySlug.get(slug);
    if (names) names.add(name);
    else bySlug.set(slug, new Set([name]));
  }
  return { counts, bySlug };
}

/** The one of `names` that the articles (in id order) mention first. */
function firstSeen(articles: PreparedArticle[], names: string[]): string {
  for (const a of articles) for (const name of a.topicNames) if (names.includes(name)) return name;
  return names[0] as string;
}

export class ContentModel {
  private details = new Map<string, DetailMemo>();
  /** The topics as the memos' details name them, and each one's JSON. */
  private topics = new Map<string, TopicRef>();
  private topicJson = new Map<string, string>();
  /**
   * Details whose hash may differ from the one they had at the last `restore` or `markSaved`: id
   * -> that hash ('' for none). Spares the persistent cache a comparison of every detail.
   */
  private changes = new Map<string, string>();
  /**
   * How often the memos' articles use each topic spelling, and each slug's spellings: a run then
   * names again only the topics whose spellings' counts changed.
   */
  private spellings: Spellings | undefined;
  /** The last run's (or the restored) feeds: their hashes, members and shard files' names. */
  private feeds: Pick<FeedHistory, 'shardSize' | 'hashes' | 'members' | 'providers' | 'written'> | undefined;

  /**
   * Restores the memos of a run from the persistent cache (their texts stay on disk): each
   * article's detail hash ('' for none), the topic names those details were rendered with, and how
   * often those articles use each spelling (`spellingCounts`).
   */
  restore(
    articles: PreparedArticle[],
    detailHashes: string[],
    topics: [string, string][],
    spellings: [string, number][],
    saved: SavedFeeds,
  ): void {
    for (let i = 0; i < articles.length; i++) {
      const prepared = articles[i] as PreparedArticle;
      const hash = detailHashes[i];
      if (hash) this.details.set(prepared.id, { prepared, hash, text: undefined });
    }
    this.changes.clear();
    this.spellings = spellingIndex(new Map(spellings));
    this.topics = new Map(topics.map(([slug, name]) => [slug, { slug, name }]));
    this.topicJson = topicJsonOf(this.topics);
    const hashes = new Map<string, string>();
    let members: Map<string, MemberList> | undefined = new Map();
    // Members are indexes into `articles`, each one with a detail (the persistent cache saves them
    // so, and checks its file whole).
    for (const [key, hash, indexes] of saved.feeds) {
      hashes.set(key, hash);
      if (!members) continue;
      if (indexes) {
        members.set(
          key,
          new MemberList(indexes.length, () => Array.from(indexes, (i) => articles[i] as PreparedArticle)),
        );
      } else members = undefined;
    }
    this.feeds = { shardSize: saved.shardSize, hashes, members, providers: saved.providers };
  }

  /**
   * Details that later runs wrote (or removed: hash '') after the state `restore` was given: each
   * is rendered again in the next run, and written only if its text is not the one on disk.
   */
  markWritten(details: [string, string][]): void {
    for (const [id, hash] of details) {
      const memo = this.details.get(id);
      this.noteChange(id, memo);
      this.details.set(id, { prepared: memo?.prepared ?? UNSEEN, hash, text: undefined, stale: true });
    }
  }

  /**
   * Feeds whose shard files a later run wrote after the state `restore` was given (the persistent
   * cache's journal): each one's key, the hash naming their folder and the shards whose files may
   * hold other cards than the restored members give. Lets the next run move the folder and keep
   * the others.
   */
  markFeedsWritten(feeds: [string, string, number[]][]): void {
    if (!this.feeds) return;
    this.feeds.written = new Map(
      feeds.map(([key, hash, differs]) => [key, { hash, differs: new Set(differs) }]),
    );
  }

  /** The last run's (or the restored) feeds: each one's hash and, when known, its members. */
  feedStates():
    { shardSize: number; hashes: Map<string, string>; members?: Map<string, MemberList> } | undefined {
    return (
      this.feeds && {
        shardSize: this.feeds.shardSize,
        hashes: this.feeds.hashes,
        members: this.feeds.members,
      }
    );
  }

  /** The last run's feeds for the persistent cache, members by `indexOf` (none when not known). */
  savedFeeds(indexOf: Map<EmitArticle, number>): SavedFeeds | undefined {
    const feeds = this.feeds;
    if (!feeds) return undefined;
    return {
      shardSize: feeds.shardSize,
      feeds: [...feeds.hashes].map(([key, hash]) => {
        const list = feeds.members
          ?.get(key)
          ?.get()
          .map((a) => indexOf.get(a) ?? -1);
        return [key, hash, list && !list.includes(-1) ? list : null];
      }),
      providers: feeds.providers,
    };
  }

  /** Takes the details as they are for the state the persistent cache saved. */
  markSaved(): void {
    this.changes.clear();
  }

  /**
   * The details whose hash differs from the one they had at the last `restore` or `markSaved`:
   * id and hash ('' for a detail no longer there).
   */
  changedDetails(): [string, string][] {
    const changed: [string, string][] = [];
    for (const [id, before] of this.changes) {
      const hash = this.details.get(id)?.hash ?? '';
      if (hash !== before) changed.push([id, hash]);
    }
    return changed;
  }

  private noteChange(id: string, memo: DetailMemo | undefined): void {
    if (!this.changes.has(id)) this.changes.set(id, memo?.hash ?? '');
  }

  /** A detail's text hash, for the persistent cache. */
  detailHash(id: string): string | undefined {
    return this.details.get(id)?.hash;
  }

  /** Each topic's display name as the details have it, for the persistent cache. */
  topicNames(): [string, string][] {
    return [...this.topics.values()].map((t) => [t.slug, t.name]);
  }

  /** How often the last run's articles use each topic spelling, for the persistent cache. */
  spellingCounts(): [string, number][] {
    return [...(this.spellings?.counts ?? [])];
  }

  /** `articles`: the included articles, sorted by id. */
  run(articles: PreparedArticle[], options: ModelOptions): ModelRun {
    // The same articles tell which feeds can have changed: those of the topics of changed articles.
    const touched = new Set<string>();
    const dirtyTopics = new Set<string>();
    const added: PreparedArticle[] = [];
    const removed = new Set<PreparedArticle>();
    // `links`: the URLs by which other articles' related items find it, added or no longer there.
    const changed = (p: PreparedArticle, links: string[]) => {
      for (const link of links) touched.add(link);
      for (const slug of p.slugs) dirtyTopics.add(slug);
    };
    let kept = 0;
    // Each article's memo, looked up once for both passes.
    const olds: (DetailMemo | undefined)[] = [];
    for (const p of articles) {
      const old = this.details.get(p.id);
      olds.push(old);
      if (old) kept++;
      if (old?.prepared === p) continue;
      added.push(p);
      if (!old) changed(p, p.links);
      else {
        removed.add(old.prepared);
        const before = old.prepared.links;
        changed(
          p,
          p.links.filter((link) => !before.includes(link)),
        );
        changed(
          old.prepared,
          before.filter((link) => !p.links.includes(link)),
        );
      }
    }
    const removedDetails: string[] = [];
    // Every earlier article still here (the usual case): none was removed.
    const ids = kept === this.details.size ? undefined : new Set(articles.map((p) => p.id));
    for (const [id, old] of ids ? this.details : []) {
      if (ids?.has(id)) continue;
      this.noteChange(id, old);
      removedDetails.push(id);
      removed.add(old.prepared);
      changed(old.prepared, old.prepared.links);
    }
    const { topics, spellings } = this.nameTopics(articles, added, removed);
    // What a kept detail takes from other articles can change only through the topics whose name
    // changed and the URLs of articles that were added, changed or removed.
    const renamed = new Set<string>();
    let topicJson = this.topicJson;
    if (topics !== this.topics) {
      topicJson = topicJsonOf(topics);
      for (const [slug, json] of topicJson) if (this.topicJson.get(slug) !== json) renamed.add(slug);
    }
    let lookup: LinkLookup | undefined;
    // Whether an article of the last run is still one (its links searched in their source, if any).
    const stillHere = (a: { id: string }) =>
      this.details.get(a.id)?.prepared === a && !removed.has(a as PreparedArticle);

    // The same ids as before (an edit, no file added or removed): the memos rendered again replace
    // theirs once every one is made, rather than 10,000 going into a new map.
    const inPlace = ids === undefined && articles.length === this.details.size;
    const next = inPlace ? undefined : new Map<string, DetailMemo>();
    const replaced: DetailMemo[] = [];
    const hashes: string[] = [];
    articles.forEach((p, i) => {
      const old = olds[i];
      let memo: DetailMemo;
      if (
        old?.prepared === p &&
        !old.stale &&
        (renamed.size === 0 || !p.slugs.some((slug) => renamed.has(slug))) &&
        (touched.size === 0 || !p.relatedUrls.some((url) => url !== undefined && touched.has(url)))
      ) {
        memo = old;
      } else {
        if (p.detailPieces.length === 0 && options.piecesOf) p.detailPieces = options.piecesOf(p);
        lookup ??= linkLookup(articles, added, stillHere);
        const text = fillDetail(p, detailInputs(p, topicJson, lookup));
        const hash = shortHash(text);
        memo = { prepared: p, hash, text: options.keepDetails ? text : undefined };
        if (!old || old.hash !== hash) options.onDetail?.(p.id, text, old !== undefined);
        this.noteChange(p.id, old);
      }
      if (next) next.set(p.id, memo);
      else if (memo !== old) replaced.push(memo);
      hashes.push(memo.hash);
    });
    if (next) this.details = next;
    for (const memo of replaced) this.details.set(memo.prepared.id, memo);
    this.spellings = spellings;
    this.topics = topics;
    this.topicJson = topicJson;
    const changedAny = added.length > 0 || removed.size > 0;
    const history = this.feeds && { ...this.feeds, changed: changedAny, dirtyTopics, added, removed };
    const plan = planOutput(articles, topics, hashes, options, history);
    this.feeds = {
      providers: plan.providers,
      shardSize: plan.shardSize,
      hashes: new Map(plan.feeds.map((f) => [feedKey(f), f.index.hash])),
      members: new Map(plan.feeds.map((f) => [feedKey(f), f.memberList])),
    };
    return { plan, removedDetails };
  }

  /**
   * The topics of `articles` (the run's, sorted by id), named as `nameTopics` names them, and the
   * spelling counts they come from: the last run's counts moved by the articles added and removed
   * since, when known (the last run's topics when no count changed). Changes nothing: the run
   * takes the counts once it is through.
   */
  private nameTopics(
    articles: PreparedArticle[],
    added: PreparedArticle[],
    removed: Set<PreparedArticle>,
  ): { topics: Map<string, TopicRef>; spellings: Spellings } {
    const known = this.spellings;
    if (!known) {
      const counts = countSpellings(articles.map((a) => a.topicNames));
      return { topics: namesOf(counts), spellings: spellingIndex(counts) };
    }
    const moved = new Map<string, number>();
    const move = (p: PreparedArticle, by: number) => {
      for (const name of p.topicNames) moved.set(name, (moved.get(name) ?? 0) + by);
    };
    for (const p of removed) move(p, -1);
    for (const p of added) move(p, 1);
    for (const [name, by] of moved) if (by === 0) moved.delete(name);
    if (moved.size === 0) return { topics: this.topics, spellings: known };
    // Copies of what changes: a few entries of the counts, the sets of the slugs concerned.
    const counts = new Map(known.counts);
    const bySlug = new Map(known.bySlug);
    const dirty = new Set<string>();
    for (const [name, by] of moved) {
      const slug = topicSlug(name);
      const count = (counts.get(name) ?? 0) + by;
      if (!dirty.has(slug)) bySlug.set(slug, new Set(bySlug.get(slug)));
      dirty.add(slug);
      const names = bySlug.get(slug) as Set<string>;
      if (count > 0) {
        counts.set(name, count);
        names.add(name);
      } else {
        counts.delete(name);
        names.delete(name);
      }
    }
    const topics = new Map(this.topics);
    for (const slug of dirty) {
      let best = 0;
      let tied: string[] = [];
      for (const name of bySlug.get(slug) ?? []) {
        const count = counts.get(name) as number;
        if (count > best) [best, tied] = [count, [name]];
        else if (count === best) tied.push(name);
      }
      if (tied.length === 0) {
        topics.delete(slug);
        bySlug.delete(slug);
      } else {
        topics.set(slug, { slug, name: tied.length === 1 ? (tied[0] as string) : firstSeen(articles, tied) });
      }
    }
    return { topics, spellings: { counts, bySlug } };
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

  /** Ids of the articles of the last run. */
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
