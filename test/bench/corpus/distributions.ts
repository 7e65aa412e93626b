import type { Quantiles } from './random';

/**
 * Shapes measured on ../shared/corpus/coronavirus-2020/raw/ (6,241 real files) and the seed. Each
 * table says where its figures come from; quantiles are `[probability, value]` read off the sorted
 * values (min, p10, p25, median, p75, p90, p99, max).
 */
const q = (values: readonly number[]): Quantiles => {
  const probabilities = [0, 0.1, 0.25, 0.5, 0.75, 0.9, 0.99, 1];
  return values.map((value, i) => [probabilities[i]!, value] as const);
};

/** Characters in `title`: median 72, max 177. */
export const titleLength = q([22, 53, 59, 72, 86, 100, 134, 177]);
/** Characters in `excerpt` (never absent in the real data; often cut mid-sentence). */
export const excerptLength = q([8, 125, 148, 194, 229, 274, 349, 505]);
/** `quality`: 0 to 213, median 62 (not a percentage). */
export const quality = q([0, 34, 47, 62, 80, 105, 150, 213]);
/** `quality` of related items (seed: 30-87). */
export const relatedQuality = q([0, 34, 50, 65, 84, 110, 150, 170]);
/** Characters in `webUrl`. */
export const urlLength = q([25, 74, 92, 109, 129, 151, 191, 450]);
/** Image `width` in pixels; heights follow from common aspect ratios. */
export const imageWidth = q([270, 500, 720, 1024, 1200, 1440, 4960, 9790]);

/** Number of `topics`: 1: 627, 2: 4,990, 3: 590, 4: 33, 5: 1 (the last is always the umbrella topic). */
export const topicCount = [
  [1, 627],
  [2, 4990],
  [3, 590],
  [4, 33],
  [5, 1],
] as const;

/** Number of top-level `images`: 1,554 files have none, 4,687 one; 2-3 kept rare to exercise the path. */
export const imageCount = [
  [0, 1554],
  [1, 4625],
  [2, 50],
  [3, 12],
] as const;

/** Number of `related` items: 4,700 files have none; the seed has 7. */
export const relatedCount = [
  [0, 4700],
  [1, 947],
  [2, 302],
  [3, 147],
  [4, 66],
  [5, 17],
  [6, 50],
  [7, 8],
  [9, 1],
  [10, 1],
  [11, 1],
  [16, 1],
] as const;

/** Number of region `tags` (absent when 0). */
export const tagCount = [
  [0, 2019],
  [1, 3024],
  [2, 802],
  [3, 381],
  [4, 11],
  [5, 4],
] as const;

/** Image aspect ratios (width / height) as seen in the data: mostly 3:2, 16:9 and 4:3. */
export const aspectRatio = [
  [1.5, 40],
  [16 / 9, 30],
  [4 / 3, 15],
  [2, 8],
  [1, 7],
] as const;

/** Length in bytes of the `secured` blob's first part (base64 of 240, 369 or 384 bytes). */
export const securedBytes = [
  [240, 45],
  [369, 50],
  [384, 5],
] as const;

export const rates = {
  /** `published: false`: "some drafts" (the raw corpus is 86% drafts; a benchmark wants most published). */
  draft: 0.1,
  /** `heat: -1` (unknown): 896 of 6,228. */
  heatUnknown: 0.144,
  /** `heat` equal to `quality`: 4,764 of 6,228. */
  heatEqualsQuality: 0.765,
  /** Neither `quality` nor `heat`: 13 of 6,241. */
  noScores: 0.002,
  /** Top-level `ampWebUrl` + `cdnAmpWebUrl`: 3,472 of 6,241. */
  amp: 0.556,
  /** Related item with AMP URLs: 1,461 of 2,743. */
  relatedAmp: 0.533,
  /** Related item with an image: 2,007 of 2,743. */
  relatedImage: 0.732,
  /** Related item whose URL is another article of the corpus (exercises local linking). */
  relatedLocal: 0.25,
  /** Provider with a logo (`provider.images`); logos appear on 1,309 of 6,241 files. */
  providerLogo: 0.21,
  /** Image written as the seed does (`isCached: true`) rather than as raw/ does (`title`). */
  imageSeedStyle: 0.5,
  /** `http:` image URLs (a few in the real data). */
  httpImage: 0.005,
  /** Another story's URL reused (live blogs: 14 URLs shared by several stories). */
  sharedUrl: 0.002,
  /** `type: video` instead of `article`. */
  video: 0.01,
} as const;

/** Publication dates: spread over these months, newest last (file numbers follow date order). */
export const dateRange = { start: Date.UTC(2023, 0, 1), days: 181 } as const;
