// @vitest-environment jsdom
import { openInNewTab } from '../../../src/features/article/open-original';
import { drawableImage, httpUrl, imageUrl } from '../../../src/lib/safe-url';

describe('httpUrl', () => {
  it('keeps absolute http and https URLs', () => {
    expect(httpUrl('https://example.com/a?b=c#d')).toBe('https://example.com/a?b=c#d');
    expect(httpUrl('http://example.com/')).toBe('http://example.com/');
  });

  it.each([
    'javascript:alert(1)',
    'JavaScript:alert(1)',
    ' https://example.com/',
    'java\tscript:alert(1)',
    'https://exa\nmple.com/',
    'data:text/html,<script>alert(1)</script>',
    'vbscript:msgbox(1)',
    '//evil.example.com/x',
    '/relative/path',
    'ftp://example.com/file',
    '',
  ])('refuses %j', (value) => {
    expect(httpUrl(value)).toBeUndefined();
  });

  it('refuses a value that is not a string at all', () => {
    expect(httpUrl(undefined)).toBeUndefined();
    expect(httpUrl({ href: 'https://example.com' } as unknown as string)).toBeUndefined();
  });
});

describe('imageUrl', () => {
  it('keeps http(s) URLs and paths on this site (cached copies)', () => {
    expect(imageUrl('https://images.example.com/a.jpg')).toBe('https://images.example.com/a.jpg');
    expect(imageUrl('/assets/images/ab12cd.webp')).toBe('/assets/images/ab12cd.webp');
  });

  it.each([
    '//evil.example.com/a.jpg',
    '/\\evil.example.com/a.jpg',
    'data:image/png;base64,AAAA',
    'javascript:alert(1)',
    ' /a.jpg',
  ])('refuses %j', (value) => {
    expect(imageUrl(value)).toBeUndefined();
  });
});

describe('drawableImage', () => {
  it('keeps a cached copy, its variants and the original', () => {
    const image = {
      src: '/assets/images/a1.webp',
      original: 'https://images.example.com/a.jpg',
      width: 800,
      height: 600,
      variants: [{ src: '/assets/images/a1-400.webp', width: 400 }],
    };
    expect(drawableImage(image)).toEqual(image);
  });

  it('falls back to the original when the cached copy is not drawable, dropping unsafe variants', () => {
    expect(
      drawableImage({
        src: 'javascript:alert(1)',
        original: 'https://images.example.com/a.jpg',
        variants: [{ src: 'data:image/png;base64,AAAA', width: 400 }],
      }),
    ).toEqual({
      src: 'https://images.example.com/a.jpg',
      original: 'https://images.example.com/a.jpg',
      variants: undefined,
    });
  });

  it('gives nothing (so the placeholder shows) when neither URL is drawable', () => {
    expect(
      drawableImage({ src: 'data:image/png;base64,AAAA', original: '//evil.example.com/a.jpg' }),
    ).toBeUndefined();
  });
});

describe('openInNewTab', () => {
  afterEach(() => vi.restoreAllMocks());

  it('opens http(s) links without opener or referrer, and nothing else', () => {
    const open = vi.spyOn(window, 'open').mockImplementation(() => null);
    expect(openInNewTab('https://example.com/story')).toBe(true);
    expect(open).toHaveBeenCalledWith('https://example.com/story', '_blank', 'noopener,noreferrer');
    expect(openInNewTab('javascript:alert(1)')).toBe(false);
    expect(openInNewTab('  https://example.com/leading-space')).toBe(false);
    expect(openInNewTab(undefined)).toBe(false);
    expect(open).toHaveBeenCalledTimes(1);
  });
});
