/**
 * The JSON contract between the content pipeline (Node) and the reader (browser).
 * Both sides import these with `import type`; nothing here has runtime code.
 */

/** Quality tier words; thresholds live in `src/config/quality.ts`. */
export type QualityTier = 'low' | 'medium' | 'high' | 'top';

/** Feed orderings the reader offers. */
export type FeedSort = 'newest' | 'quality' | 'heat';

/** An image as the reader draws it: `src` is our cached copy when there is one, else the original. */
export interface ImageRef {
  /** URL to draw: a same-origin cached copy, or the original http(s) URL when not cached. */
  src: string;
  /** The publisher's http(s) URL, used as the fallback when `src` fails to load. */
  original: string;
  /** Intrinsic size from the front matter, used to reserve the box; absent when unknown. */
  width?: number;
  height?: number;
  /** Caption (the front matter's image `title`), plain text. */
  caption?: string;
  /** Copies of the cached image at several widths (the full-size one included), for `srcset`. */
  variants?: { src: string; width: number }[];
}

export interface ProviderRef {
  name: string;
  /** Host name without scheme, e.g. `foxnews.com`; may differ from the article URL's host. */
  domain?: string;
}

export interface TopicRef {
  /** URL-safe, unique within a build. */
  slug: string;
  name: string;
}

/** Only what a card draws. */
export interface CardSummary {
  id: string;
  title: string;
  excerpt?: string;
  /** ISO 8601 in UTC, e.g. `2020-05-06T00:37:00.000Z`. */
  publishedAt: string;
  provider?: ProviderRef;
  /** Topic slugs; names come from the manifest's topic list. */
  topics: string[];
  /** Score from 0 upward (real data reaches 213); absent when the file gives none. */
  quality?: number;
  tier?: QualityTier;
  /** Heat score; absent when unknown (the source writes -1). */
  heat?: number;
  image?: ImageRef;
  /** True for `published: false` articles (only present in dev or with CONTENT_DRAFTS=1). */
  draft: boolean;
}

export interface RelatedItem {
  title: string;
  excerpt?: string;
  publishedAt?: string;
  /** http(s) link to the story; absent when the source link was unusable. */
  url?: string;
  ampUrl?: string;
  /** Set when `url` is also a local article's URL: the reader opens that article instead. */
  articleId?: string;
  type?: string;
  provider?: ProviderRef;
  quality?: number;
  tier?: QualityTier;
  image?: ImageRef;
}

/** One article's detail file. */
export interface ArticleDetail extends Omit<CardSummary, 'topics' | 'image'> {
  topics: TopicRef[];
  category?: string;
  type?: string;
  /** The link the "Read at <provider>" button opens: `originalUrl`, else `webUrl`. */
  url: string;
  ampUrl?: string;
  images: ImageRef[];
  related: RelatedItem[];
}

/** One page of a feed. */
export interface FeedShard {
  /** Position of this shard in its feed, from 0. */
  index: number;
  items: CardSummary[];
}

/**
 * A feed (all articles, or one topic) in one ordering. Shard `n` lives at
 * `data/feed/<sort>-<topic slug or "all">.<hash>/<n>.json` (built by `src/config/paths.ts`), so the
 * manifest grows with the number of topics only, never with the number of shards.
 */
export interface FeedIndex {
  /** Articles in this feed. */
  count: number;
  /** Shards in this feed (`ceil(count / shardSize)`). */
  shards: number;
  /** Content hash over this feed's shards; names the folder of its shards. */
  hash: string;
}

export interface ManifestTopic extends TopicRef {
  count: number;
  feeds: Record<FeedSort, FeedIndex>;
}

export interface Manifest {
  /** Bumped when this contract changes shape. */
  schema: 1;
  /** Changes whenever any emitted file changes; appended to detail URLs for cache safety. */
  buildId: string;
  builtAt: string;
  /** Whether drafts are included in this build. */
  drafts: boolean;
  counts: { articles: number; drafts: number; topics: number; providers: number };
  /** Cards per shard. */
  shardSize: number;
  feeds: Record<FeedSort, FeedIndex>;
  /** Every topic with its article count, most articles first. */
  topics: ManifestTopic[];
  /** The 100 providers with the most articles, most first (`counts.providers` is the full number). */
  providers: (ProviderRef & { count: number })[];
}

/** Payload of the `news:content-updated` HMR event. */
export interface ContentUpdatedEvent {
  buildId: string;
  /** Problems in the current content, formatted `path:line:col field: message`. */
  errors: string[];
  warnings: string[];
}
