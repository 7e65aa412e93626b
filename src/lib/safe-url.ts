import type { ImageRef } from '../types/content';

/**
 * Last line of defence for links and images: the pipeline already keeps only http(s) URLs, but a
 * value that reaches `href` or `src` is checked again here so nothing else can slip through.
 */

/** Whitespace and control characters are how `java\tscript:` style tricks hide a scheme. */
function hasHiddenCharacters(value: string): boolean {
  if (/\s/.test(value)) return true;
  for (let i = 0; i < value.length; i++) {
    const code = value.charCodeAt(i);
    if (code < 0x20 || code === 0x7f) return true;
  }
  return false;
}

/** The URL itself when it is an absolute http(s) URL, else `undefined`. */
export function httpUrl(value: string | undefined): string | undefined {
  if (typeof value !== 'string' || value === '' || hasHiddenCharacters(value)) return undefined;
  try {
    const { protocol } = new URL(value);
    return protocol === 'http:' || protocol === 'https:' ? value : undefined;
  } catch {
    return undefined;
  }
}

/**
 * For image sources: an absolute http(s) URL, or a path on this site (our cached copies). A
 * protocol-relative `//host/x` is neither and is refused.
 */
export function imageUrl(value: string | undefined): string | undefined {
  if (httpUrl(value)) return value;
  if (
    typeof value !== 'string' ||
    hasHiddenCharacters(value) ||
    value.startsWith('//') ||
    value.includes('\\')
  )
    return undefined;
  try {
    // Outside a browser (the build's prerender) there is no page: a path is resolved against a
    // stand-in origin, so a site path is accepted there exactly as it is in the page.
    const page = typeof document === 'undefined' ? new URL('http://localhost/') : new URL(document.baseURI);
    const resolved = new URL(value, page);
    return resolved.origin === page.origin && resolved.protocol.startsWith('http') ? value : undefined;
  } catch {
    return undefined;
  }
}

/** An image whose URLs are not drawable loses them, so FallbackImage shows its placeholder. */
export function drawableImage(image: ImageRef): ImageRef | undefined {
  const src = imageUrl(image.src);
  const original = imageUrl(image.original);
  const first = src ?? original;
  if (!first) return undefined;
  const variants = image.variants?.filter((variant) => imageUrl(variant.src) !== undefined);
  return { ...image, src: first, original: original ?? first, variants: src ? variants : undefined };
}
