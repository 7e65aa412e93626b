/**
 * One article made ready for output: its card as JSON text, and its detail as JSON text with two
 * kinds of holes for what depends on other articles (topic display names, related article ids).
 * The text equals JSON.stringify of deriveContent's objects (tested), but each article is shaped
 * once and kept while its file is unchanged, so a rebuild only fills the holes.
 */
import { createHash, randomBytes } from 'node:crypto';
import type { ProviderRef, TopicRef } from '../types/content.ts';
import type { LinkLookup, LinkSource, ResolvedImage } from './derive.ts';
import { cardOf, detailOf, relatedId, topicSlugsOf } from './derive.ts';
import type { SourceArticle } from './source.ts';

export interface PreparedArticle {
  id: string;
  /** Epoch milliseconds of `publishedAt`, for sorting. */
  time: number;
  quality: number | undefined;
  heat: number | undefined;
  draft: boolean;
  provider: ProviderRef | undefined;
  /** Topic slugs, each once, in file order: the topic feeds this article is in. */
  slugs: string[];
  /** Topic names as written, for choosing each topic's display name. */
  topicNames: string[];
  /** URLs identifying this article, for other articles' related items. */
  links: string[];
  /** Where its links can also be searched, with those of other articles (see `linkLookup`). */
  linkSource?: LinkSource;
  /** Each related item's URL, to find its local article. */
  relatedUrls: (string | undefined)[];
  cardText: string;
  /** Short hash of `cardText`: feed names are hashed from these instead of from every shard byte. */
  cardHash: string;
  /** Detail JSON in pieces: piece 0, topics, piece 1, then each related item's id, then the next piece. */
  detailPieces: string[];
}

export const shortHash = (text: string) => createHash('sha256').update(text).digest('base64url').slice(0, 16);

// Placeholders for the holes, unguessable so that no article text can contain them.
const nonce = randomBytes(12).toString('base64url');
const TOPICS_HOLE = `"topics-${nonce}"`;
const ID_HOLE = `,"articleId":"id-${nonce}"`;

export function prepareArticle(
  a: SourceArticle,
  images: Map<string, ResolvedImage> | undefined,
): PreparedArticle {
  const slugs = topicSlugsOf(a);
  const cardText = JSON.stringify(cardOf(a, slugs, images));
  const ids = a.related.map(() => `id-${nonce}`);
  const detail = detailOf(a, [], ids, images);
  // Stringified once with the holes filled by placeholders, then cut at them.
  const text = JSON.stringify({ ...detail, topics: `topics-${nonce}` });
  const [head = '', rest = ''] = text.split(TOPICS_HOLE);
  const detailPieces = [head, ...rest.split(ID_HOLE)];
  if (detailPieces.length !== ids.length + 2) throw new Error(`detail of ${a.id} could not be cut`);
  return {
    id: a.id,
    time: a.publishedTime,
    quality: a.quality,
    heat: detail.heat,
    draft: detail.draft,
    provider: detail.provider,
    slugs,
    topicNames: a.topics,
    links: a.links,
    relatedUrls: a.related.map((r) => r.url),
    cardText,
    cardHash: shortHash(cardText),
    detailPieces,
  };
}

/** What a detail takes from other articles; equal inputs render an equal detail. */
export interface DetailInputs {
  topicsJson: string;
  ids: (string | undefined)[];
}

/** Each topic's `{ slug, name }` as JSON, made once per run for every detail that lists it. */
export function topicJsonOf(topics: Map<string, TopicRef>): Map<string, string> {
  const out = new Map<string, string>();
  for (const t of topics.values()) out.set(t.slug, JSON.stringify({ slug: t.slug, name: t.name }));
  return out;
}

export function detailInputs(
  p: PreparedArticle,
  topicJson: Map<string, string>,
  lookup: LinkLookup,
): DetailInputs {
  return {
    topicsJson: `[${p.slugs.map((slug) => topicJson.get(slug)).join(',')}]`,
    ids: p.relatedUrls.map((url) => relatedId(url, p.id, lookup)),
  };
}

export function fillDetail(p: PreparedArticle, inputs: DetailInputs): string {
  const pieces = p.detailPieces;
  let out = `${pieces[0]}${inputs.topicsJson}`;
  for (let i = 1; i < pieces.length; i++) {
    out += pieces[i];
    const id = i < pieces.length - 1 ? inputs.ids[i - 1] : undefined;
    if (id !== undefined) out += `,"articleId":${JSON.stringify(id)}`;
  }
  return out;
}
