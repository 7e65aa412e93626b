import { describe, expect, it } from 'vitest';
import { deriveContent, linkIndex, nameTopics } from '../../src/content-pipeline/derive';
import { emitContent, shardText } from '../../src/content-pipeline/emit';
import { buildContent, checkContent } from '../../src/content-pipeline/index';
import { detailInputs, fillDetail, prepareArticle, topicJsonOf } from '../../src/content-pipeline/prepare';
import type { SourceArticle } from '../../src/content-pipeline/source';
import type { FeedShard } from '../../src/types/content';
import { fixture, NOW } from './helpers';

const FIXTURES = ['related', 'valid', 'tricky', 'feeds', 'images', 'large', 'drafts']
  .map(fixture)
  .concat('test/fixtures/hostile');

async function sourcesOf(dir: string): Promise<SourceArticle[]> {
  return (await checkContent({ contentDir: dir, drafts: true, now: NOW })).articles;
}

describe('prepareArticle and fillDetail', () => {
  it.each(FIXTURES)('render exactly JSON.stringify of the derived card and detail (%s)', async (dir) => {
    const sources = await sourcesOf(dir);
    expect(sources.length).toBeGreaterThan(0);
    const images = new Map([[sources[0]?.images[0]?.url ?? 'none', { src: '/images/x.jpg' }]]);
    const derived = deriveContent(sources, { drafts: true, images });
    const prepared = derived.articles.map((d) => {
      const source = sources.find((s) => s.id === d.card.id) as SourceArticle;
      return prepareArticle(source, images);
    });
    const topics = nameTopics(prepared.map((p) => p.topicNames));
    const byLink = linkIndex(prepared);
    derived.articles.forEach((d, i) => {
      const p = prepared[i]!;
      expect(p.cardText).toBe(JSON.stringify(d.card));
      expect(fillDetail(p, detailInputs(p, topicJsonOf(topics), (url) => byLink.get(url)))).toBe(JSON.stringify(d.detail));
    });
  });

  it('renders a detail with the current topic names and related ids when those change', async () => {
    const sources = await sourcesOf(fixture('related'));
    const main = sources.find((s) => s.id === 'a-main') as SourceArticle;
    const p = prepareArticle(main, undefined);
    const json = fillDetail(p, {
      topicsJson: JSON.stringify([{ slug: 'x', name: 'Renamed' }]),
      ids: p.relatedUrls.map((_, i) => (i === 0 ? 'some-id' : undefined)),
    });
    const detail = JSON.parse(json) as { topics: unknown; related: { articleId?: string }[] };
    expect(detail.topics).toEqual([{ slug: 'x', name: 'Renamed' }]);
    expect(detail.related[0]?.articleId).toBe('some-id');
    expect(detail.related.slice(1).every((r) => r.articleId === undefined)).toBe(true);
  });
});

describe('shards joined from card texts', () => {
  it('equal JSON.stringify of the shard object, and the build keeps every byte of the reference', async () => {
    const dir = fixture('feeds');
    const out = emitContent(deriveContent(await sourcesOf(dir), { drafts: true }), {
      drafts: true,
      builtAt: 'x',
      shardSize: 2,
    });
    for (const [name, text] of out.files) {
      if (!name.startsWith('feed/')) continue;
      const shard = JSON.parse(text) as FeedShard;
      expect(text).toBe(JSON.stringify({ index: shard.index, items: shard.items }));
    }
    const feed = {
      sort: 'newest' as const,
      topic: null,
      members: [],
      index: { count: 0, shards: 0, hash: '' },
    };
    expect(shardText(feed, 0, 60)).toBe(JSON.stringify({ index: 0, items: [] }));

    const build = await buildContent({ contentDir: dir, drafts: true, now: NOW });
    const reference = emitContent(deriveContent(await sourcesOf(dir), { drafts: true }), {
      drafts: true,
      builtAt: build.manifest.builtAt,
    });
    expect([...build.files]).toEqual([...reference.files]);
  });
});
