import { useEffect, useRef, useState } from 'react';
import type { ImageRef } from '../../types/content';
import { cn } from '../../lib/cn';
import { drawableImage } from '../../lib/safe-url';
import { useHydrating } from '../../lib/use-hydrating';

interface Props {
  image: ImageRef | undefined;
  /** Describes the picture for screen readers; the article title when the image has no caption. */
  alt: string;
  /** Shown (as initials) when no image can be drawn, e.g. the provider's name. */
  placeholderText: string;
  /** Eager for the first row of cards and the article's lead image; lazy everywhere else. */
  eager?: boolean;
  /** The `sizes` attribute for the cached copy's `srcset`, e.g. `(min-width: 768px) 33vw, 100vw`. */
  sizes?: string;
  className?: string;
}

interface Source {
  src: string;
  srcSet?: string;
}

/** Cached copy first (with its resized variants), then the publisher's original. */
function sourcesOf(input: ImageRef | undefined): Source[] {
  // Checked again here, whatever the caller did: only http(s) or same-site paths reach `src`.
  const image = input && drawableImage(input);
  if (!image) return [];
  const cached: Source = { src: image.src };
  if (image.variants?.length) cached.srcSet = image.variants.map((v) => `${v.src} ${v.width}w`).join(', ');
  return image.original && image.original !== image.src ? [cached, { src: image.original }] : [cached];
}

function initials(text: string): string {
  const words = text.split(/\s+/).filter(Boolean);
  return (words.length > 1 ? words[0]![0]! + words[1]![0]! : (words[0] ?? '?').slice(0, 2)).toUpperCase();
}

/**
 * Draws an image inside a box reserved from its width and height, so nothing moves when it loads or
 * fails (the same before any script has run). Falls back from our cached copy to the publisher's original, then to a placeholder with
 * initials: never a broken-image icon.
 */
export function FallbackImage({
  image,
  alt,
  placeholderText,
  eager = false,
  sizes = '100vw',
  className,
}: Props) {
  // Failed URLs rather than an attempt counter: a recycled card (virtualised feed) that gets a new
  // image must start again from its cached copy, not inherit the previous image's position.
  const [failed, setFailed] = useState<readonly string[]>([]);
  const source = sourcesOf(image).find((s) => !failed.includes(s.src));
  const imgRef = useRef<HTMLImageElement>(null);
  // Prerendered images (index.html's first view) are lazy, and so carry no preload hint: at any
  // other address that markup is display:none, and lazy images there are never fetched. The
  // app makes the first row eager once it has taken the page over.
  const hydrating = useHydrating();
  const lazy = !eager || hydrating;
  const src = source?.src;
  useEffect(() => {
    // A prerendered <img> (index.html's first view) can fail before React is attached to it, and
    // its error event is then gone: one already finished without pixels failed.
    const img = imgRef.current;
    if (src && img && img.complete && img.naturalWidth === 0) setFailed((list) => [...list, src]);
  }, [src]);
  const [width, height] = image?.width && image.height ? [image.width, image.height] : [16, 9];

  return (
    <div className={cn('relative overflow-hidden bg-slate-200 dark:bg-slate-800', className)}>
      {/*
        Reserves the box at the picture's ratio. An empty SVG with a viewBox rather than a style
        attribute: the feed's first screen is also prerendered into index.html, where the CSP
        (style-src 'self') would drop an inline style and leave the box without a height.
      */}
      <svg aria-hidden="true" viewBox={`0 0 ${width} ${height}`} className="block w-full" />
      {source ? (
        <img
          key={source.src}
          ref={imgRef}
          src={source.src}
          srcSet={source.srcSet}
          sizes={source.srcSet ? sizes : undefined}
          alt={alt}
          width={image?.width}
          height={image?.height}
          loading={lazy ? 'lazy' : 'eager'}
          fetchPriority={eager ? 'high' : undefined}
          decoding="async"
          referrerPolicy="no-referrer"
          onError={() => setFailed((list) => [...list, source.src])}
          className="absolute inset-0 h-full w-full object-cover"
        />
      ) : (
        <div
          role="img"
          aria-label={alt}
          className="absolute inset-0 flex items-center justify-center text-2xl font-semibold text-slate-500 dark:text-slate-400"
        >
          <span aria-hidden="true">{initials(placeholderText)}</span>
        </div>
      )}
    </div>
  );
}
