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

/** `Coronavirus in US` -> `coronavirus-in-us`; accents folded; names with no Latin letters get a hash. */
export function topicSlug(name: string): string {
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

/** Cuts text to `max` code points, never inside a surrogate pair. */
function clip(text: string, max: number): string {
  const points = Array.from(text);
  return points.length <= max
    ? text
    : `${points
        .slice(0, max - 1)
        .join('')
        .trimEnd()}…`;
}

export function deriveContent(sources: SourceArticle[], options: DeriveOptions): DerivedContent {
  const included = sources
    .filter((a) => a.published || options.drafts)
    .sort((a, b) => compareStrings(a.id, b.id));
  const topics = nameTopics(included);
  const byLink = new Map<string, string[]>();
  for (const a of included) {
    for (const link of a.links) {
      const ids = byLink.get(link);
      if (ids) ids.push(a.id);
      else byLink.set(link, [a.id]);
    }
  }

  const image = (img: SourceImage, withCaption: boolean): ImageRef => {
    const cached = options.images?.get(img.url);
    return {
      src: cached?.src ?? img.url,
      original: img.url,
      width: img.width,
      height: img.height,
      caption: withCaption ? img.caption : undefined,
      variants: cached?.variants,
    };
  };

  const related = (r: SourceRelated, selfId: string): RelatedItem => ({
    title: r.title,
    excerpt: r.excerpt,
    publishedAt: r.publishedAt,
    url: r.url,
    ampUrl: r.ampUrl,
    // A live blog can share its URL with other local articles; link the first other one by id.
    articleId: r.url === undefined ? undefined : byLink.get(r.url)?.find((id) => id !== selfId),
    type: r.type,
    provider: provider(r.provider),
    quality: r.quality,
    tier: r.quality === undefined ? undefined : qualityTier(r.quality),
    image: r.images[0] && image(r.images[0], true),
  });

  const articles = included.map((a): DerivedArticle => {
    // nameTopics saw every topic of every included article, so each slug is in `topics`.
    const topicRefs = [...new Set(a.topics.map(topicSlug))].map((slug) => topics.get(slug) as TopicRef);
    const heat = a.heat !== undefined && a.heat >= 0 ? a.heat : undefined;
    const tier = a.quality === undefined ? undefined : qualityTier(a.quality);
    const card: CardSummary = {
      id: a.id,
      title: clip(a.title, CARD_LIMITS.title),
      excerpt: a.excerpt === undefined ? undefined : clip(a.excerpt, CARD_LIMITS.excerpt),
      publishedAt: a.publishedAt,
      provider: provider(a.provider),
      topics: topicRefs.slice(0, CARD_LIMITS.topics).map((t) => t.slug),
      quality: a.quality,
      tier,
      heat,
      // Cards repeat the title beside the image, so its caption would only duplicate it.
      image: a.images[0] && image(a.images[0], false),
      draft: !a.published,
    };
    const detail: ArticleDetail = {
      id: a.id,
      title: a.title,
      excerpt: a.excerpt,
      publishedAt: a.publishedAt,
      provider: provider(a.provider),
      topics: topicRefs.map((t) => ({ slug: t.slug, name: t.name })),
      quality: a.quality,
      tier,
      heat,
      draft: !a.published,
      category: a.category,
      type: a.type,
      url: a.url,
      ampUrl: a.ampUrl,
      images: a.images.map((img) => image(img, true)),
      related: a.related.map((r) => related(r, a.id)),
    };
    return { card, detail, time: a.publishedTime };
  });
  return { articles, topics };
}

function provider(p: SourceProvider | undefined): ProviderRef | undefined {
  return p && { name: p.name, domain: p.domain };
}

/**
 * Names that slug alike share one topic, shown under its most used spelling (ties: the first seen
 * in id order), so the name does not depend on which file happens to be read first.
 */
function nameTopics(articles: SourceArticle[]): Map<string, TopicRef> {
  const counts = new Map<string, Map<string, number>>();
  for (const a of articles) {
    for (const name of a.topics) {
      const slug = topicSlug(name);
      const names = counts.get(slug) ?? new Map<string, number>();
      names.set(name, (names.get(name) ?? 0) + 1);
      counts.set(slug, names);
    }
  }
  const topics = new Map<string, TopicRef>();
  for (const [slug, names] of counts) {
    let best = '';
    let bestCount = 0;
    for (const [name, count] of names) if (count > bestCount) [best, bestCount] = [name, count];
    topics.set(slug, { slug, name: best });
  }
  return topics;
}
