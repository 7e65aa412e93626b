/**
 * The only gate through which a link from content reaches an `href` or `src`: http and https only.
 * WHATWG URL parsing silently drops tabs and newlines (`java\tscript:` becomes `javascript:`) and
 * accepts `//host` and backslashes, so the raw text is checked before the parser ever sees it.
 */

export type UrlCheck = { ok: true; url: string } | { ok: false; reason: string };

/** Longer than any real article or image URL (the corpus peaks at 569 characters). */
export const MAX_URL_LENGTH = 4096;

// Any control character or whitespace other than the plain space; checked after trimming.
// eslint-disable-next-line no-control-regex -- matching control characters is the point
const HIDDEN_CHARS = /[\u0000-\u001f\u007f-\u009f\u00a0\u1680\u2000-\u200f\u2028-\u202f\u205f\u3000\ufeff]/;

export function checkHttpUrl(raw: string): UrlCheck {
  const text = raw.trim();
  if (text === '') return { ok: false, reason: 'is empty' };
  if (text.length > MAX_URL_LENGTH)
    return { ok: false, reason: `is longer than ${MAX_URL_LENGTH} characters` };
  if (HIDDEN_CHARS.test(text)) return { ok: false, reason: 'contains a control or invisible character' };
  // The scheme is compared case-insensitively, as browsers do: `JaVaScRiPt:` is still javascript.
  const scheme = /^([a-z][a-z0-9+.-]*):/i.exec(text)?.[1]?.toLowerCase();
  if (scheme === undefined) {
    return {
      ok: false,
      reason: text.startsWith('//') ? 'is protocol-relative, with no scheme' : 'is not an absolute URL',
    };
  }
  if (scheme !== 'http' && scheme !== 'https') return { ok: false, reason: `uses the ${scheme}: scheme` };
  if (!/^https?:\/\/[^/\\]/i.test(text)) return { ok: false, reason: 'has no host after the scheme' };

  let url: URL;
  try {
    url = new URL(text);
  } catch {
    return { ok: false, reason: 'is not a valid URL' };
  }
  if (url.username !== '' || url.password !== '') {
    // `https://trusted.example@evil.example/` reads as one host and goes to another.
    return { ok: false, reason: 'contains a user name or password' };
  }
  // `href` is the parser's normal form (spaces percent-encoded, host lowercased): what we checked is
  // exactly what is published, and equal links compare equal.
  return { ok: true, url: url.href };
}
