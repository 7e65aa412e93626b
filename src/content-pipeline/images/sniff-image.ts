/** A raster format the cache accepts, with the extension and type its files are served under. */
export interface ImageFormat {
  ext: 'jpg' | 'png' | 'gif' | 'webp' | 'avif';
  mime: 'image/jpeg' | 'image/png' | 'image/gif' | 'image/webp' | 'image/avif';
}

/** Bytes needed to recognise every format below (AVIF's brand sits at offset 8..12). */
export const SNIFF_BYTES = 16;

const startsWith = (bytes: Uint8Array, signature: readonly number[], offset = 0): boolean =>
  bytes.length >= offset + signature.length && signature.every((b, i) => bytes[offset + i] === b);

const ascii = (text: string): number[] => [...text].map((c) => c.charCodeAt(0));

/**
 * Recognises a raster image from its first bytes. A server's Content-Type is only a claim: an HTML
 * error page, a script or an SVG (which can carry script) sent as `image/jpeg` must never be
 * published under our origin, so the bytes decide.
 */
export function sniffImageFormat(bytes: Uint8Array): ImageFormat | undefined {
  if (startsWith(bytes, [0xff, 0xd8, 0xff])) return { ext: 'jpg', mime: 'image/jpeg' };
  if (startsWith(bytes, [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]))
    return { ext: 'png', mime: 'image/png' };
  if (startsWith(bytes, ascii('GIF87a')) || startsWith(bytes, ascii('GIF89a')))
    return { ext: 'gif', mime: 'image/gif' };
  if (startsWith(bytes, ascii('RIFF')) && startsWith(bytes, ascii('WEBP'), 8))
    return { ext: 'webp', mime: 'image/webp' };
  // ISO-BMFF: a `ftyp` box whose major brand says AVIF (still or sequence).
  if (
    startsWith(bytes, ascii('ftyp'), 4) &&
    (startsWith(bytes, ascii('avif'), 8) || startsWith(bytes, ascii('avis'), 8))
  ) {
    return { ext: 'avif', mime: 'image/avif' };
  }
  return undefined;
}

/**
 * Whether a declared Content-Type may be an image we keep: `image/*` and never SVG. The declared
 * subtype may still disagree with the bytes (CDNs often label PNGs as JPEG); the sniffed format wins.
 */
export function isAcceptableImageType(contentType: string | null): boolean {
  const essence = (contentType ?? '').split(';')[0]!.trim().toLowerCase();
  return essence.startsWith('image/') && !essence.startsWith('image/svg');
}
