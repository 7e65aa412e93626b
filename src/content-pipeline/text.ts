/**
 * Text hygiene shared by the stages: control characters out of published text, and values quoted
 * safely inside problem messages (which end up in terminals and Vite's overlay).
 */

// C0 except tab and newline, DEL, and C1 (U+0080-U+009F; U+0097 really occurs in the corpus).
// eslint-disable-next-line no-control-regex -- matching control characters is the point
const CONTROL = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f]/g;

// String.prototype.toWellFormed is ES2024, beyond this project's lib setting.
const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;

export interface CleanText {
  text: string;
  /** Code points removed, as `U+0097`, in order of first appearance. */
  removed: string[];
}

/** Removes control characters and lone surrogates (which would not survive as UTF-8) from text. */
export function cleanText(value: string): CleanText {
  const removed: string[] = [];
  const text = value.replace(LONE_SURROGATE, '\uFFFD').replace(CONTROL, (ch) => {
    const code = `U+${ch.charCodeAt(0).toString(16).toUpperCase().padStart(4, '0')}`;
    if (!removed.includes(code)) removed.push(code);
    return '';
  });
  return { text, removed };
}

const MAX_QUOTED = 60;

// What would act rather than print in a terminal or reorder the text around it: C0 and C1
// controls (U+009B is a terminal escape introducer), DEL, line and paragraph separators, and the
// bidi embeddings, overrides and isolates.
// eslint-disable-next-line no-control-regex -- matching control characters is the point
const UNPRINTABLE = /[\u0000-\u001f\u007f-\u009f\u2028\u2029\u202a-\u202e\u2066-\u2069]/g;

/** Writes every character that would not print as itself as a `\uXXXX` escape. */
export function escapeUnprintable(text: string): string {
  return text.replace(UNPRINTABLE, (ch) => `\\u${ch.charCodeAt(0).toString(16).padStart(4, '0')}`);
}

/** Quotes a value for a message: JSON-style, every unprintable character escaped, shortened to stay readable. */
export function quote(value: string): string {
  const short = value.length > MAX_QUOTED ? `${value.slice(0, MAX_QUOTED)}…` : value;
  return escapeUnprintable(JSON.stringify(short));
}

/** Sizes in the unit a person would write in a config: 1 MiB, 512 KiB, 300 bytes. */
export function formatBytes(bytes: number): string {
  const units: [number, string][] = [
    [1024 * 1024, 'MiB'],
    [1024, 'KiB'],
  ];
  for (const [size, unit] of units) {
    if (bytes >= size) return `${Number((bytes / size).toFixed(1))} ${unit}`;
  }
  return `${bytes} bytes`;
}
