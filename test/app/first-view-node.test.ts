import { describe, expect, it } from 'vitest';
import { renderFirstView } from '../../src/prerender/render-first-view';
import { buildSite, card } from '../features/feed/builders';

/** The build renders the first view in Node, with no document or window at all. */
describe('the first view rendered at build time, outside any browser', () => {
  const cached = card('cached', {
    image: {
      src: '/images/abc.jpg',
      original: 'https://cdn.example.com/abc.jpg',
      width: 1200,
      height: 800,
      variants: [{ src: '/images/abc-400w.webp', width: 400 }],
    },
  });
  const hostile = card('hostile', {
    publishedAt: '2020-05-05T00:00:00.000Z',
    image: { src: '//evil.example/x.jpg', original: 'javascript:alert(1)' },
  });
  const site = buildSite([cached, hostile], 10);
  const shard = { index: 0, items: [cached, hostile] };
  const firstViewHtml = () => renderFirstView(site.manifest, shard);

  it('draws our cached copy (a path on the site), as the page will, never the publisher first', () => {
    const view = firstViewHtml(); // the markup, as a string
    expect(view).toContain('src="/images/abc.jpg"');
    expect(view).toContain('srcSet="/images/abc-400w.webp 400w"');
    expect(view).not.toContain('src="https://cdn.example.com/abc.jpg"');
  });

  it('loads no image eagerly and hints none: the markup is hidden, unfetched, at other addresses', () => {
    const view = firstViewHtml(); // the markup, as a string
    expect(view).toContain('loading="lazy"');
    expect(view).not.toContain('loading="eager"');
    expect(view).not.toContain('rel="preload"');
  });

  it('still refuses a protocol-relative or script image URL', () => {
    const view = firstViewHtml(); // the markup, as a string
    expect(view).not.toContain('evil.example');
    expect(view).not.toContain('javascript:');
  });
});
