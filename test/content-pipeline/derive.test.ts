import { describe, expect, it } from 'vitest';
import { deriveContent, nameTopics, topicSlug } from '../../src/content-pipeline/derive';
import type { DerivedArticle } from '../../src/content-pipeline/derive';
import { checkContent } from '../../src/content-pipeline/index';
import type { SourceArticle } from '../../src/content-pipeline/source';
import { fixture, NOW } from './helpers';

const sourcesOf = async (name: string) =>
  (await checkContent({ contentDir: fixture(name), drafts: true, now: NOW })).articles;
const byId = (articles: DerivedArticle[], id: string) => articles.find((a) => a.card.id === id);

const CARD_KEYS = [
  'id',
  'title',
  'excerpt',
  'publishedAt',
  'provider',
  'topics',
  'quality',
  'tier',
  'heat',
  'image',
  'draft',
];
const DETAIL_KEYS = [
  ...CARD_KEYS.filter((k) => k !== 'image'),
  'category',
  'type',
  'url',
  'ampUrl',
  'images',
  'related',
];

describe('topicSlug', () => {
  it.each([
    ['Coronavirus in US', 'coronavirus-in-us'],
    ['Café Culture', 'cafe-culture'],
    ['  AI / Machine-Learning!  ', 'ai-machine-learning'],
    ['All', 'topic-all'],
    ['新冠病毒', 'topic-5ad1c5b6'],
    ['x'.repeat(100), 'x'.repeat(80)],
  ])('%j -> %s', (name, slug) => {
    expect(topicSlug(name)).toBe(slug);
  });
});

describe('deriveContent: drafts', () => {
  it('leaves drafts (and files without `published`) out unless drafts are on', async () => {
    const sources = await sourcesOf('drafts');
    const off = deriveContent(sources, { drafts: false });
    expect(off.articles.map((a) => [a.card.id, a.card.draft])).toEqual([['published', false]]);
    expect([...off.topics.keys()]).toEqual(['shared', 'published-only']);

    const on = deriveContent(sources, { drafts: true });
    expect(on.articles.map((a) => [a.card.id, a.card.draft, a.detail.draft])).toEqual([
      ['draft', true, true],
      ['published', false, false],
      ['unset', true, true],
    ]);
    expect([...on.topics.keys()].sort()).toEqual(['draft-only', 'published-only', 'shared']);
  });
});

describe('deriveContent: related items', () => {
  it('links a related item to the included local article with that URL, never to itself', async () => {
    const sources = await sourcesOf('related');
    const links = (drafts: boolean) =>
      byId(deriveContent(sources, { drafts }).articles, 'a-main')?.detail.related.map((r) => [
        r.title,
        r.articleId,
      ]);
    expect(links(false)).toEqual([
      ['B, by its originalUrl', 'b'],
      ['C, by its webUrl', 'c'],
      ['D, a draft', undefined],
      ['A itself', undefined],
      ['Not local', undefined],
      ['A live blog shared by two files', 'live-1'],
      ['B again, written in capitals', 'b'],
      ['No link at all', undefined],
    ]);
    expect(links(true)?.[2]).toEqual(['D, a draft', 'd-draft']);
  });
});

describe('deriveContent: cards and details', () => {
  it('shapes the seed article: UTC date, tier, no heat for -1, lead image without caption, nothing else', async () => {
    const seed = (await sourcesOf('valid')).filter((a) => a.id === '000_510c411c3dc4518e');
    const [article] = deriveContent(seed, { drafts: true }).articles;
    expect(article?.card).toEqual({
      id: '000_510c411c3dc4518e',
      title: 'Report: OpenAI hired 1,000 contractors to improve its AI models’ coding capabilities',
      excerpt:
        'OpenAI LLC has reportedly hired about 1,000 contractors over the past six months to help hone its artificial intelligence models’ coding capabilities. Semafor reported the development today, citing people familiar with the matter.',
      publishedAt: '2023-01-27T21:02:00.000Z',
      provider: { name: 'SiliconANGLE', domain: 'siliconangle.com' },
      topics: ['machine-learning', 'ai'],
      quality: 32,
      tier: 'low',
      heat: undefined,
      image: {
        src: 'https://d15shllkswkct0.cloudfront.net/wp-content/blogs.dir/1/files/2023/01/openai-1.png',
        original: 'https://d15shllkswkct0.cloudfront.net/wp-content/blogs.dir/1/files/2023/01/openai-1.png',
        width: 859,
        height: 478,
        caption: undefined,
        variants: undefined,
      },
      draft: true,
    });
    const detail = article?.detail;
    expect(detail?.topics).toEqual([
      { slug: 'machine-learning', name: 'Machine Learning' },
      { slug: 'ai', name: 'AI' },
    ]);
    expect(detail?.related.map((r) => [r.quality, r.tier])).toEqual([
      [87, 'high'],
      [87, 'high'],
      [69, 'medium'],
      [46, 'medium'],
      [39, 'low'],
      [39, 'low'],
      [30, 'low'],
    ]);
    expect(detail?.related[6]?.image).toBeUndefined();
    for (const key of Object.keys(article?.card ?? {})) expect(CARD_KEYS).toContain(key);
    for (const key of Object.keys(detail ?? {})) expect(DETAIL_KEYS).toContain(key);
    expect(JSON.stringify(article)).not.toContain('secured');
  });

  it('takes the first usable image as the lead and keeps captions in the detail', async () => {
    const sources = await sourcesOf('tricky');
    const derived = deriveContent(sources, { drafts: true });
    const sizes = byId(derived.articles, 'sizes');
    expect(sizes?.card.image?.src).toBe('https://img.example/a.jpg');
    expect(sizes?.card).toMatchObject({ quality: 0, tier: 'low', heat: undefined });
    const raw = byId(
      deriveContent(await sourcesOf('valid'), { drafts: true }).articles,
      '2020-05-06-raw-format',
    );
    expect(raw?.detail.images[0]?.caption).toBe(
      "NBA's Utah Jazz says Gobert, Mitchell ready to 'move forward' after coronavirus feud",
    );
    expect(raw?.card.image?.caption).toBeUndefined();
    expect(raw?.detail.ampUrl).toBe(
      'https://www.foxnews.com/sports/nbas-utah-jazz-says-gobert-mitchell-ready-to-move-forward-after-coronavirus-feud.amp',
    );
  });

  it('gives names that slug alike one topic, under the most used spelling', async () => {
    const derived = deriveContent(await sourcesOf('tricky'), { drafts: true });
    expect(byId(derived.articles, 'topics')?.card.topics).toEqual([
      'cafe-culture',
      'topic-all',
      'topic-5ad1c5b6',
      'spaced-out',
    ]);
    expect(derived.topics.get('cafe-culture')).toEqual({ slug: 'cafe-culture', name: 'Café Culture' });
  });

  it('names each topic by its most used spelling, a tie going to the one seen first, in order of first mention', () => {
    const topics = nameTopics([
      ['health', 'Sports'],
      ['Health', 'sports'],
      ['Health', 'Économie'],
      ['sports', 'economie'],
      ['Sports'],
    ]);
    expect([...topics.values()]).toEqual([
      { slug: 'health', name: 'Health' },
      { slug: 'sports', name: 'Sports' },
      { slug: 'economie', name: 'Économie' },
    ]);
    expect(nameTopics([])).toEqual(new Map());
  });

  it('points images at their cached copies when the image step has them', async () => {
    const seed = (await sourcesOf('valid')).filter((a) => a.id === '000_510c411c3dc4518e');
    const original =
      'https://d15shllkswkct0.cloudfront.net/wp-content/blogs.dir/1/files/2023/01/openai-1.png';
    const images = new Map([
      [original, { src: '/images/abc.png', variants: [{ src: '/images/abc-400.webp', width: 400 }] }],
    ]);
    const [article] = deriveContent(seed, { drafts: true, images }).articles;
    expect(article?.card.image).toMatchObject({
      src: '/images/abc.png',
      original,
      variants: [{ src: '/images/abc-400.webp', width: 400 }],
    });
    expect(article?.detail.related[0]?.image?.src).toBe(article?.detail.related[0]?.image?.original);
  });

  it('bounds card text and topics, whatever a file holds; the detail keeps everything', () => {
    const long: SourceArticle = {
      id: 'long',
      file: 'long.md',
      title: `${'😀'.repeat(299)}ab`,
      excerpt: 'e'.repeat(1000),
      publishedAt: '2020-05-06T00:00:00.000Z',
      publishedTime: Date.parse('2020-05-06T00:00:00.000Z'),
      url: 'https://example.com/long',
      links: ['https://example.com/long'],
      published: true,
      topics: Array.from({ length: 12 }, (_, i) => `Topic ${i}`),
      images: [],
      related: [],
    };
    const [article] = deriveContent([long], { drafts: false }).articles;
    expect(Array.from(article?.card.title ?? '')).toHaveLength(300);
    expect(article?.card.title.endsWith('😀…')).toBe(true);
    expect(article?.card.excerpt).toBe(`${'e'.repeat(599)}…`);
    expect(article?.card.topics).toHaveLength(10);
    expect(article?.detail.title).toBe(long.title);
    expect(article?.detail.topics).toHaveLength(12);
  });
});
