import { fireEvent, render, screen } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { FallbackImage } from '../../src/components/ui/fallback-image';
import type { ImageRef } from '../../src/types/content';

const cachedImage: ImageRef = {
  src: '/images/abc.jpg',
  original: 'https://cdn.example.com/photo.jpg',
  width: 1200,
  height: 800,
  variants: [
    { src: '/images/abc-400w.webp', width: 400 },
    { src: '/images/abc-800w.webp', width: 800 },
    { src: '/images/abc.jpg', width: 1200 },
  ],
};
const alt = 'Rescue crews reach the flooded valley';

/**
 * The ratio of the box that reserves the image's space: an empty SVG's viewBox (no style attribute,
 * which the CSP would drop from prerendered markup). It has no role (it is layout, not content),
 * hence the node access.
 */
function reservedRatio(element: HTMLElement): string | null {
  // eslint-disable-next-line testing-library/no-node-access
  const box = element.parentElement;
  expect(box?.getAttribute('style')).toBeFalsy();
  return box?.querySelector(':scope > svg[aria-hidden="true"]')?.getAttribute('viewBox') ?? null;
}

describe('FallbackImage', () => {
  it('draws the cached copy with its variants, a reserved box, lazy loading and no referrer', () => {
    render(
      <FallbackImage
        image={cachedImage}
        alt={alt}
        placeholderText="Fox News"
        sizes="(min-width: 768px) 33vw, 100vw"
      />,
    );
    const img = screen.getByRole('img', { name: alt });
    expect(img).toHaveAttribute('src', '/images/abc.jpg');
    expect(img).toHaveAttribute(
      'srcset',
      '/images/abc-400w.webp 400w, /images/abc-800w.webp 800w, /images/abc.jpg 1200w',
    );
    expect(img).toHaveAttribute('sizes', '(min-width: 768px) 33vw, 100vw');
    expect(img).toHaveAttribute('width', '1200');
    expect(img).toHaveAttribute('height', '800');
    expect(img).toHaveAttribute('loading', 'lazy');
    expect(img).toHaveAttribute('decoding', 'async');
    expect(img).toHaveAttribute('referrerpolicy', 'no-referrer');
    expect(reservedRatio(img)).toBe('0 0 1200 800');
  });

  it('loads eagerly and with high priority for the first row', () => {
    render(<FallbackImage image={cachedImage} alt={alt} placeholderText="Fox News" eager />);
    const img = screen.getByRole('img', { name: alt });
    expect(img).toHaveAttribute('loading', 'eager');
    expect(img).toHaveAttribute('fetchpriority', 'high');
  });

  it('falls back from the cached copy to the original, then to the provider initials', () => {
    render(<FallbackImage image={cachedImage} alt={alt} placeholderText="Fox News" />);

    fireEvent.error(screen.getByRole('img', { name: alt }));
    const original = screen.getByRole('img', { name: alt });
    expect(original).toHaveAttribute('src', 'https://cdn.example.com/photo.jpg');
    expect(original).not.toHaveAttribute('srcset');
    expect(original).toHaveAttribute('referrerpolicy', 'no-referrer');

    fireEvent.error(original);
    const placeholder = screen.getByRole('img', { name: alt });
    expect(placeholder.tagName).toBe('DIV');
    expect(placeholder).toHaveTextContent('FN');
    expect(reservedRatio(placeholder)).toBe('0 0 1200 800');
  });

  it('goes straight to the placeholder when the only source (an uncached original) fails', () => {
    const remote: ImageRef = {
      src: 'https://cdn.example.com/a.jpg',
      original: 'https://cdn.example.com/a.jpg',
    };
    render(<FallbackImage image={remote} alt={alt} placeholderText="Reuters" />);
    fireEvent.error(screen.getByRole('img', { name: alt }));
    expect(screen.getByRole('img', { name: alt })).toHaveTextContent('RE');
  });

  it('shows the placeholder in a 16:9 box when there is no image at all', () => {
    render(<FallbackImage image={undefined} alt={alt} placeholderText="The Guardian" />);
    const placeholder = screen.getByRole('img', { name: alt });
    expect(placeholder).toHaveTextContent('TG');
    expect(reservedRatio(placeholder)).toBe('0 0 16 9');
  });

  it('starts again from the cached copy when a reused card gets another image', () => {
    const { rerender } = render(<FallbackImage image={cachedImage} alt={alt} placeholderText="Fox News" />);
    fireEvent.error(screen.getByRole('img', { name: alt }));
    fireEvent.error(screen.getByRole('img', { name: alt }));
    expect(screen.getByRole('img', { name: alt })).toHaveTextContent('FN');

    const next: ImageRef = {
      src: '/images/def.jpg',
      original: 'https://cdn.example.com/other.jpg',
      width: 4,
      height: 3,
    };
    rerender(<FallbackImage image={next} alt="Another story" placeholderText="Fox News" />);
    expect(screen.getByRole('img', { name: 'Another story' })).toHaveAttribute('src', '/images/def.jpg');
  });
});
