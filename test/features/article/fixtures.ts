import type { ArticleDetail, FeedIndex, Manifest } from '../../../src/types/content';

const emptyFeed: FeedIndex = { count: 2, shards: 1, hash: 'feedhash' };

export const manifest: Manifest = {
  schema: 1,
  buildId: 'build-1',
  builtAt: '2024-01-01T00:00:00.000Z',
  drafts: true,
  counts: { articles: 2, drafts: 1, topics: 2, providers: 2 },
  shardSize: 24,
  feeds: { newest: emptyFeed, quality: emptyFeed, heat: emptyFeed },
  topics: [],
  providers: [],
};

/** A draft with everything: two captioned images, AMP, heat, and one related item of each kind. */
export const openAi: ArticleDetail = {
  id: '000_510c411c3dc4518e',
  title: 'Report: OpenAI hired 1,000 contractors to improve its AI models’ coding capabilities',
  excerpt: 'OpenAI LLC has reportedly hired about 1,000 contractors over the past six months.',
  publishedAt: '2023-01-27T21:02:00.000Z',
  provider: { name: 'SiliconANGLE', domain: 'siliconangle.com' },
  topics: [
    { slug: 'machine-learning', name: 'Machine Learning' },
    { slug: 'ai', name: 'AI' },
  ],
  quality: 87,
  tier: 'high',
  heat: 42,
  draft: true,
  url: 'https://siliconangle.com/2023/01/27/report-openai-hired-1000-contractors/',
  ampUrl: 'https://siliconangle.com/2023/01/27/report-openai-hired-1000-contractors/amp/',
  images: [
    {
      src: 'https://images.example.com/openai-1.png',
      original: 'https://images.example.com/openai-1.png',
      width: 859,
      height: 478,
      caption: 'The OpenAI logo',
    },
    {
      src: 'https://images.example.com/office.jpg',
      original: 'https://images.example.com/office.jpg',
      width: 1200,
      height: 800,
      caption: 'OpenAI’s office in San Francisco',
    },
  ],
  related: [
    {
      title: 'OpenAI launches tool for detecting AI-generated text',
      publishedAt: '2023-01-31T21:55:00.000Z',
      url: 'https://siliconangle.com/2023/01/31/openai-launches-tool/',
      articleId: '001_local_story',
      provider: { name: 'SiliconANGLE', domain: 'siliconangle.com' },
      quality: 39,
      tier: 'low',
      image: {
        src: 'https://images.example.com/tool.png',
        original: 'https://images.example.com/tool.png',
        width: 989,
        height: 520,
      },
    },
    {
      title: 'OpenAI launches tool to catch AI-generated text',
      publishedAt: '2023-02-01T01:25:00.000Z',
      url: 'https://www.nbcnews.com/tech/tech-news/openai-tool-catch-ai-generated-text-rcna68480',
      provider: { name: 'NBC News', domain: 'nbcnews.com' },
      quality: 187,
    },
    {
      title: 'A story whose link the pipeline dropped',
      provider: { name: 'PC Gamer' },
      quality: 46,
      tier: 'medium',
    },
  ],
};

/** The local article the first one links to: published, no heat, no AMP, no related stories. */
export const localStory: ArticleDetail = {
  id: '001_local_story',
  title: 'OpenAI launches tool for detecting AI-generated text',
  publishedAt: '2023-01-31T21:55:00.000Z',
  provider: { name: 'SiliconANGLE', domain: 'siliconangle.com' },
  topics: [{ slug: 'ai', name: 'AI' }],
  draft: false,
  url: 'https://siliconangle.com/2023/01/31/openai-launches-tool/',
  images: [{ src: 'https://images.example.com/tool.png', original: 'https://images.example.com/tool.png' }],
  related: [],
};

export const manifestPath = '/data/manifest.json';
export const articlePath = (id: string) => `/data/articles/${id}.json`;
