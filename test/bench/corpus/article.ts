import type { Provider, Topic } from './catalog';
import { regionTags } from './catalog';
import * as shape from './distributions';
import { sampleQuantiles, type Random, type Zipf } from './random';
import type { TextMaker } from './words';

/** One article's front matter, in the field order the seed writes (rendered by `front-matter.ts`). */
export interface GeneratedArticle {
  category: 'news';
  title: string;
  excerpt: string;
  publishedDateTime: string;
  originalUrl: string;
  webUrl: string;
  ampWebUrl?: string;
  cdnAmpWebUrl?: string;
  type: 'article' | 'video';
  quality?: number;
  heat?: number;
  published: boolean;
  provider: { name: string; domain: string; logo?: string };
  topics: string[];
  tags: string[];
  images: GeneratedImage[];
  related: GeneratedRelated[];
  secured: string;
}

export interface GeneratedImage {
  url: string;
  width: number;
  height: number;
  /** The seed writes `isCached: true`; raw/ writes the image `title`. */
  title?: string;
  isCached?: true;
}

export interface GeneratedRelated {
  title: string;
  excerpt: string;
  publishedDateTime: string;
  webUrl: string;
  ampWebUrl?: string;
  cdnAmpWebUrl?: string;
  type: 'article';
  provider: { name: string; domain: string };
  quality: number;
  images: GeneratedImage[];
}

/** What the generator shares between articles: catalogues, popularity and recent stories to link. */
export interface CorpusContext {
  random: Random;
  text: TextMaker;
  topics: { specific: Topic[]; umbrellas: string[] };
  topicRank: Zipf;
  providers: Provider[];
  providerRank: Zipf;
  /** The latest few hundred stories, for related items that point at local articles. */
  recent: GeneratedArticle[];
  count: number;
}

const DAY = 86_400_000;

export function makeArticle(ctx: CorpusContext, index: number): GeneratedArticle {
  const { random, text } = ctx;
  const provider = ctx.providers[ctx.providerRank.sample(random)]!;
  const title = text.title(Math.round(sampleQuantiles(random, shape.titleLength)));
  const date = articleDate(random, index, ctx.count);
  const shared = ctx.recent.length > 0 && random.chance(shape.rates.sharedUrl);
  const url = shared
    ? random.pick(ctx.recent).webUrl
    : articleUrl(random, provider.domain, title, date, index);
  const scores = makeScores(random);
  const article: GeneratedArticle = {
    category: 'news',
    title,
    excerpt: text.prose(Math.round(sampleQuantiles(random, shape.excerptLength))),
    publishedDateTime: date.toISOString().replace(/:\d\d\.\d{3}Z$/, ':00Z'),
    originalUrl: url,
    webUrl: url,
    ...(random.chance(shape.rates.amp) ? ampUrls(url) : {}),
    type: random.chance(shape.rates.video) ? 'video' : 'article',
    ...scores,
    published: !random.chance(shape.rates.draft),
    provider: {
      name: provider.name,
      domain: provider.domain,
      ...(provider.logo
        ? { logo: `https://insideout.app/assets/images/organizations/${provider.domain}-50x50.jpg` }
        : {}),
    },
    topics: makeTopics(ctx),
    tags: Array.from({ length: random.weighted(shape.tagCount) }, () => random.pick(regionTags)).filter(
      (tag, i, all) => all.indexOf(tag) === i,
    ),
    images: Array.from({ length: random.weighted(shape.imageCount) }, () =>
      makeImage(random, provider.domain, title, true),
    ),
    related: [],
    secured: securedBlob(random),
  };
  article.related = Array.from({ length: random.weighted(shape.relatedCount) }, () => makeRelated(ctx, date));
  return article;
}

/** Newest last, spread evenly over the date range with a few hours of jitter. */
function articleDate(random: Random, index: number, count: number): Date {
  const { start, days } = shape.dateRange;
  const base = start + (index / Math.max(1, count)) * days * DAY;
  return new Date(
    Math.round((base + random.int(-6, 6) * 3_600_000 + random.int(0, 59) * 60_000) / 60_000) * 60_000,
  );
}

function makeScores(random: Random): { quality?: number; heat?: number } {
  if (random.chance(shape.rates.noScores)) return {};
  const quality = Math.round(sampleQuantiles(random, shape.quality));
  let heat = quality;
  if (random.chance(shape.rates.heatUnknown)) heat = -1;
  else if (!random.chance(shape.rates.heatEqualsQuality / (1 - shape.rates.heatUnknown)))
    heat = Math.min(255, Math.round(quality * (0.6 + random.next() * 1.1)));
  return { quality, heat };
}

function makeTopics(ctx: CorpusContext): string[] {
  const { random } = ctx;
  const count = random.weighted(shape.topicCount);
  const first = ctx.topics.specific[ctx.topicRank.sample(random)]!;
  const names = new Set<string>();
  while (names.size < count - 1) {
    const topic = names.size === 0 ? first : ctx.topics.specific[ctx.topicRank.sample(random)]!;
    names.add(topic.name);
  }
  names.add(first.umbrella);
  return [...names];
}

function slugify(text: string, max: number): string {
  const slug = text
    .toLowerCase()
    .normalize('NFD')
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-|-$/g, '');
  return slug.slice(0, Math.max(8, max)).replace(/-$/, '');
}

const sections = [
  'news',
  'business',
  'world',
  'local',
  'politics',
  'tech',
  'health',
  'sports',
  'us-news',
  'story',
];

function articleUrl(random: Random, domain: string, title: string, date: Date, index: number): string {
  const target = Math.round(sampleQuantiles(random, shape.urlLength));
  const [y, m, d] = date.toISOString().slice(0, 10).split('-') as [string, string, string];
  const section = random.pick(sections);
  const id = (index * 7919 + 104_729).toString(36);
  switch (random.int(0, 3)) {
    case 0: {
      const prefix = `https://www.${domain}/${section}/${y}/${m}/${d}/`;
      return `${prefix}${slugify(title, target - prefix.length - 1)}/`;
    }
    case 1: {
      const prefix = `https://${domain}/${section}/`;
      return `${prefix}${slugify(title, target - prefix.length - id.length - 1)}-${id}`;
    }
    case 2: {
      const prefix = `https://www.${domain}/${section}/`;
      return `${prefix}${slugify(title, target - prefix.length - 22)}/article_${id}${hex(random, 6)}.html`;
    }
    default: {
      const prefix = `https://${domain}/${y}/${m}/${d}/`;
      return `${prefix}${slugify(title, target - prefix.length - 5)}.html`;
    }
  }
}

function ampUrls(url: string): { ampWebUrl: string; cdnAmpWebUrl: string } {
  const amp = url.endsWith('/') ? `${url}amp/` : `${url}?amp`;
  const host = new URL(amp).host;
  return {
    ampWebUrl: amp,
    cdnAmpWebUrl: `https://${host.replace(/\./g, '-')}.cdn.ampproject.org/c/s/${amp.replace(/^https?:\/\//, '')}`,
  };
}

function makeImage(random: Random, domain: string, title: string, withCaption: boolean): GeneratedImage {
  const width = Math.round(sampleQuantiles(random, shape.imageWidth));
  const height = Math.round(width / random.weighted(shape.aspectRatio));
  const scheme = random.chance(shape.rates.httpImage) ? 'http' : 'https';
  const url = random.pick([
    () =>
      `${scheme}://cdn.${domain}/wp-content/uploads/2023/${random.int(1, 12)}/${slugify(title, random.int(20, 90))}-${width}x${height}.jpg`,
    () => `${scheme}://images.${domain}/${hex(random, 32)}.jpg?width=${width}&format=jpeg`,
    () =>
      `${scheme}://d${random.int(1, 9)}${hex(random, 12)}.cloudfront.net/files/${hex(random, 8)}/${hex(random, 24)}.png`,
  ])();
  const seedStyle = random.chance(shape.rates.imageSeedStyle);
  if (seedStyle || !withCaption)
    return { url, width, height, ...(seedStyle ? { isCached: true as const } : {}) };
  return { url, width, height, title };
}

function makeRelated(ctx: CorpusContext, date: Date): GeneratedRelated {
  const { random, text } = ctx;
  const local = ctx.recent.length > 0 && random.chance(shape.rates.relatedLocal);
  if (local) {
    const other = random.pick(ctx.recent);
    return {
      title: other.title,
      excerpt: other.excerpt,
      publishedDateTime: other.publishedDateTime,
      webUrl: other.webUrl,
      ...(other.ampWebUrl && other.cdnAmpWebUrl
        ? { ampWebUrl: other.ampWebUrl, cdnAmpWebUrl: other.cdnAmpWebUrl }
        : {}),
      type: 'article',
      provider: { name: other.provider.name, domain: other.provider.domain },
      quality: other.quality ?? Math.round(sampleQuantiles(random, shape.relatedQuality)),
      images: other.images.slice(0, 1).map(({ url, width, height }) => ({ url, width, height })),
    };
  }
  const provider = ctx.providers[ctx.providerRank.sample(random)]!;
  const title = text.title(Math.round(sampleQuantiles(random, shape.titleLength)));
  const when = new Date(date.getTime() + random.int(-5 * 24, 5 * 24) * 3_600_000);
  const url = articleUrl(random, provider.domain, title, when, random.int(0, 1e9));
  return {
    title,
    excerpt: text.prose(Math.round(sampleQuantiles(random, shape.excerptLength))),
    publishedDateTime: when.toISOString().replace(/:\d\d\.\d{3}Z$/, ':00Z'),
    webUrl: url,
    ...(random.chance(shape.rates.relatedAmp) ? ampUrls(url) : {}),
    type: 'article',
    provider: { name: provider.name, domain: provider.domain },
    quality: Math.round(sampleQuantiles(random, shape.relatedQuality)),
    images: random.chance(shape.rates.relatedImage) ? [makeImage(random, provider.domain, title, false)] : [],
  };
}

function hex(random: Random, length: number): string {
  return random
    .bytes(Math.ceil(length / 2))
    .toString('hex')
    .slice(0, length);
}

function securedBlob(random: Random): string {
  return `${random.bytes(random.weighted(shape.securedBytes)).toString('base64')};${random.bytes(16).toString('base64')}`;
}
