import { createHash } from 'node:crypto';
import { qualityTier } from '../config/quality.ts';
import type {
  ArticleDetail,
  CardSummary,
  ImageRef,
  ProviderRef,
  RelatedItem,
  TopicRef,
} from '../types/content.ts';
import { compareStrings } from './issues.ts';
import type { SourceArticle, SourceImage, SourceProvider, SourceRelated } from './source.ts';

/** A cached copy of an image, from the image step: what replaces the remote URL in `src`. */
export interface ResolvedImage {
  src: string;
  variants?: { src: string; width: number }[];
}

export interface DeriveOptions {
  drafts: boolean;
  /** Original image URL -> cached copy; images not in it keep their remote URL. */
  images?: Map<string, ResolvedImage>;
}

export interface DerivedArticle {
  card: CardSummary;
  detail: ArticleDetail;
  /** Epoch milliseconds of `publishedAt`, for sorting. */
  time: number;
}

export interface DerivedContent {
  /** Included articles, by id. */
  articles: DerivedArticle[];
  /** Every topic of an included article, keyed by slug. */
  topics: Map<string, TopicRef>;
}

/** Cards stay small whatever a file holds: the detail file carries the full text. */
export const CARD_LIMITS = { title: 300, excerpt: 600, topics: 10 };

/** Feed file names use `all` for the unfiltered feed, so no topic may take that slug. */
const RESERVED_SLUGS = new Set(['all']);

// Every article repeats a few topic names: slugging each once saves the Unicode folding per use.
const slugMemo = new Map<string, string>();
const SLUG_MEMO_LIMIT = 100_000;

/** `Coronavirus in US` -> `coronavirus-in-us`; accents folded; names with no Latin letters get a hash. */
export function topicSlug(name: string): string {
  const known = slugMemo.get(name);
  if (known !== undefined) return known;
  const slug = computeSlug(name);
  if (slugMemo.size >= SLUG_MEMO_LIMIT) slugMemo.clear();
  slugMemo.set(name, slug);
  return slug;
}

function computeSlug(name: string): string {
  const slug = name
    .normalize('NFKD')
    .replace(/\p{M}+/gu, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 80)
    .replace(/-+$/, '');
  if (slug === '') return `topic-${createHash('sha256').update(name).digest('hex').slice(0, 8)}`;
  return RESERVED_SLUGS.has(slug) ? `topic-${slug}` : slug;
}

/** An article's topic slugs, each once, in the order the file gives them. */
export const topicSlugsOf = (a: SourceArticle): string[] => [...new Set(a.topics.map(topicSlug))];

/** Cuts text to `max` code points, never inside a surrogate pair. */
function clip(text: string, max: number): string {
  // A string never has more code points than UTF-16 units: most texts need no counting at all.
  if (text.length <= max) return text;
  const points = Array.from(text);
  return points.length <= max
    ? text
    : `${points
        .slice(0, max - 1)
        .join('')
        .trimEnd()}…`;
}

type Images = Map<string, ResolvedImage> | undefined;

function imageRef(img: SourceImage, withCaption: boolean, images: Images): ImageRef {
  const cached = images?.get(img.url);
  return {
    src: cached?.src ?? img.url,
    original: img.url,
    width: img.width,
    height: img.height,
    caption: withCaption ? img.caption : undefined,
    variants: cached?.variants,
  };
}

function provider(p: SourceProvider | undefined): ProviderRef | undefined {
  return p && { name: p.name, domain: p.domain };
}

const heatOf = (a: SourceArticle) => (a.heat !== undefined && a.heat >= 0 ? a.heat : undefined);

/** The card of an article: depends on the article, its own topic slugs and the image map only. */
export function cardOf(a: SourceArticle, slugs: string[], images: Images): CardSummary {
  return {
    id: a.id,
    title: clip(a.title, CARD_LIMITS.title),
    excerpt: a.excerpt === undefined ? undefined : clip(a.excerpt, CARD_LIMITS.excerpt),
    publishedAt: a.publishedAt,
    provider: provider(a.provider),
    topics: slugs.slice(0, CARD_LIMITS.topics),
    quality: a.quality,
    tier: a.quality === undefined ? undefined : qualityTier(a.quality),
    heat: heatOf(a),
    // Cards repeat the title beside the image, so its caption would only duplicate it.
    image: a.images[0] && imageRef(a.images[0], false, images),
    draft: !a.published,
  };
}

/**
 * The detail of an article. Two inputs come from other articles: the topics' display names (the
 * most used spelling) and `relatedIds` (the local article each related item links to, if any).
 */
export function detailOf(
  a: SourceArticle,
  topics: TopicRef[],
  relatedIds: (string | undefined)[],
  images: Images,
): ArticleDetail {
  return {
    id: a.id,
    title: a.title,
    excerpt: a.excerpt,
    publishedAt: a.publishedAt,
    provider: provider(a.provider),
    topics,
    quality: a.quality,
    tier: a.quality === undefined ? undefined : qualityTier(a.quality),
    heat: heatOf(a),
    draft: !a.published,
    category: a.category,
    type: a.type,
    url: a.url,
    ampUrl: a.ampUrl,
    images: a.images.map((img) => imageRef(img, true, images)),
    related: a.related.map((r, i) => relatedOf(r, relatedIds[i], images)),
  };
}

function relatedOf(r: SourceRelated, articleId: string | undefined, images: Images): RelatedItem {
  return {
    title: r.title,
    excerpt: r.excerpt,
    publishedAt: r.publishedAt,
    url: r.url,
    ampUrl: r.ampUrl,
    articleId,
    type: r.type,
    provider: provider(r.provider),
    quality: r.quality,
    tier: r.quality === undefined ? undefined : qualityTier(r.quality),
    image: r.images[0] && imageRef(r.images[0], true, images),
  };
}

/** Links articles by the URLs that identify them, for related items. */
export function linkIndex(articles: Iterable<{ id: string; links: string[] }>): Map<string, string[]> {
  const byLink = new Map<string, string[]>();
  for (const a of articles) {
    for (const link of a.links) {
      const ids = byLink.get(link);
      if (ids) ids.push(a.id);
      else byLink.set(link, [a.id]);
    }
  }
  return byLink;
}

/** The ids of the articles that have a URL among their links, in id order; undefined for none. */
export type LinkLookup = (url: string) => string[] | undefined;

/**
 * Where the links of many articles can be searched without making them one by one (the persistent
 * cache's restored articles): each article's `linkSource`.
 */
export interface LinkSource {
  /** The articles of this source (current or not) that have `url` among their links. */
  withLink(url: string): { id: string }[];
}

interface Linked {
  id: string;
  links: string[];
  linkSource?: LinkSource;
}

/**
 * A link lookup over `articles` (sorted by id). Articles with a link source are searched there, and
 * a hit counts only when `kept` says it is an article of this list: a source holds the articles it
 * was made with, some of them since changed or gone. `fresh` (indexed, with the articles without a
 * source) must hold every article of the list for which `kept` may say otherwise.
 */
export function linkLookup<A extends Linked>(
  articles: A[],
  fresh: A[],
  kept: (a: { id: string }) => boolean,
): LinkLookup {
  const indexed: Linked[] = [];
  const sources = new Set<LinkSource>();
  let last: LinkSource | undefined;
  for (const a of articles) {
    if (!a.linkSource) indexed.push(a);
    else if (a.linkSource !== last) sources.add((last = a.linkSource));
  }
  for (const a of fresh) if (a.linkSource) indexed.push(a);
  const byLink = linkIndex(indexed);
  if (sources.size === 0) return (url) => byLink.get(url);
  const indexedFresh = new Set<{ id: string }>(fresh);
  return (url) => {
    const ids = [...(byLink.get(url) ?? [])];
    for (const source of sources) {
      for (const a of source.withLink(url)) if (!indexedFresh.has(a) && kept(a)) ids.push(a.id);
    }
    return ids.length === 0 ? undefined : ids.sort(compareStrings);
  };
}

/** A live blog can share its URL with other local articles; link the first other one by id. */
export const relatedId = (url: string | undefined, selfId: string, lookup: LinkLookup) =>
  url === undefined ? undefined : lookup(url)?.find((id) => id !== selfId);

/**
 * The reference derivation, as whole objects: what the reader receives. The build itself renders
 * the same JSON through `prepare.ts` (tested to be byte-identical), reusing unchanged articles.
 */
export function deriveContent(sources: SourceArticle[], options: DeriveOptions): DerivedContent {
  const included = sources
    .filter((a) => a.published || options.drafts)
    .sort((a, b) => compareStrings(a.id, b.id));
  const topics = nameTopics(included.map((a) => a.topics));
  const byLink = linkIndex(included);
  const lookup: LinkLookup = (url) => byLink.get(url);
  const articles = included.map((a): DerivedArticle => {
    const slugs = topicSlugsOf(a);
    // nameTopics saw every topic of every included article, so each slug is in `topics`.
    const topicRefs = slugs.map((slug) => topics.get(slug) as TopicRef);
    const ids = a.related.map((r) => relatedId(r.url, a.id, lookup));
    return {
      card: cardOf(a, slugs, options.images),
      detail: detailOf(a, topicRefs, ids, options.images),
      time: a.publishedTime,
    };
  });
  return { articles, topics };
}

/**
 * Names that slug alike share one topic, shown under its most used spelling (ties: the first seen
 * in id order), so the name does not depend on which file happens to be read first.
 */
export function nameTopics(topicLists: Iterable<string[]>): Map<string, TopicRef> {
  return namesOf(countSpellings(topicLists));
}

/** How often each topic spelling is used, in the order first seen. */
export function countSpellings(topicLists: Iterable<string[]>): Map<string, number> {
  // Each spelling counted under one number: a build counts every topic of every article, and a
  // few thousand spellings make up the 20,000 mentions of 10,000 articles.
  const spellings = new Map<string, number>();
  const counts: number[] = [];
  for (const list of topicLists) {
    for (const name of list) {
      const n = spellings.get(name);
      if (n === undefined) {
        spellings.set(name, counts.length);
        counts.push(1);
      } else counts[n] = (counts[n] as number) + 1;
    }
  }
  for (const [name, n] of spellings) spellings.set(name, counts[n] as number);
  return spellings;
}

/** Each topic's name from its spellings' counts (see `nameTopics`), ties to the first in `counts`. */
export function namesOf(counts: Map<string, number>): Map<string, TopicRef> {
  const best = new Map<string, { name: string; count: number }>();
  for (const [name, count] of counts) {
    const slug = topicSlug(name);
    const known = best.get(slug);
    if (!known) best.set(slug, { name, count });
    else if (count > known.count) [known.name, known.count] = [name, count];
  }
  const topics = new Map<string, TopicRef>();
  for (const [slug, { name }] of best) topics.set(slug, { slug, name });
  return topics;
}
