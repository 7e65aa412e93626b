import { useState } from 'react';
import type { ImageRef } from '../../types/content';
import { cn } from '../../lib/cn';

interface Props {
  image: ImageRef | undefined;
  /** Describes the picture for screen readers; the article title when the image has no caption. */
  alt: string;
  /** Shown (as initials) when no image can be drawn, e.g. the provider's name. */
  placeholderText: string;
  /** Eager for the first row of cards and the article's lead image; lazy everywhere else. */
  eager?: boolean;
  className?: string;
}

function initials(text: string): string {
  const words = text.split(/\s+/).filter(Boolean);
  return (words.length > 1 ? words[0]![0]! + words[1]![0]! : (words[0] ?? '?').slice(0, 2)).toUpperCase();
}

/**
 * Draws an image inside a box reserved from its width and height. Falls back from our cached copy
 * to the publisher's original, then to a placeholder with initials: never a broken-image icon.
 */
export function FallbackImage({ image, alt, placeholderText, eager = false, className }: Props) {
  const sources = image ? [...new Set([image.src, image.original])] : [];
  const [attempt, setAttempt] = useState(0);
  const src = sources[attempt];
  const ratio = image?.width && image.height ? `${image.width} / ${image.height}` : '16 / 9';

  return (
    <div className={cn('relative overflow-hidden bg-slate-200 dark:bg-slate-800', className)} style={{ aspectRatio: ratio }}>
      {src ? (
        <img
          key={src}
          src={src}
          alt={alt}
          width={image?.width}
          height={image?.height}
          loading={eager ? 'eager' : 'lazy'}
          decoding="async"
          referrerPolicy="no-referrer"
          onError={() => setAttempt((n) => n + 1)}
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
