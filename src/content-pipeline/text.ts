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

/** Removes control characters, unpaired direction controls and lone surrogates (which would not survive as UTF-8). */
export function cleanText(value: string): CleanText {
  // Almost every value holds none of these; skipping the three passes then is a tenth of a build.
  if (!NEEDS_CLEANING.test(value)) return { text: value, removed: [] };
  const removed: string[] = [];
  const drop = (ch: string) => {
    const code = `U+${ch.charCodeAt(0).toString(16).toUpperCase().padStart(4, '0')}`;
    if (!removed.includes(code)) removed.push(code);
    return '';
  };
  const text = value.replace(LONE_SURROGATE, '\uFFFD').replace(CONTROL, drop);
  return { text: dropUnpairedDirectionControls(text, drop), removed };
}

// Any character one of cleanText's passes would change: controls, surrogates, direction controls.
// eslint-disable-next-line no-control-regex -- matching control characters is the point
const NEEDS_CLEANING = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f\uD800-\uDFFF\u202a-\u202e\u2066-\u2069]/;

const EMBEDDING = new Set(['\u202a', '\u202b', '\u202d', '\u202e']); // LRE, RLE, LRO, RLO
const ISOLATE = new Set(['\u2066', '\u2067', '\u2068']); // LRI, RLI, FSI
const POP_EMBEDDING = '\u202c'; // PDF
const POP_ISOLATE = '\u2069'; // PDI

/**
 * An override or embedding left open reorders whatever follows it on the page (the date, the next
 * card's text); one closed within the same value only affects that value, as its writer meant,
 * and real excerpts use such pairs. So only unpaired ones are removed, matched as Unicode's
 * bidi algorithm (UAX #9) matches them: a PDF closes the latest embedding inside the current
 * isolate, a PDI closes the latest isolate and every embedding opened within it.
 */
function dropUnpairedDirectionControls(text: string, drop: (ch: string) => string): string {
  const open: { index: number; isolate: boolean }[] = [];
  const unpaired = new Set<number>();
  for (let i = 0; i < text.length; i++) {
    const ch = text[i] ?? '';
    if (EMBEDDING.has(ch) || ISOLATE.has(ch)) open.push({ index: i, isolate: ISOLATE.has(ch) });
    else if (ch === POP_EMBEDDING) {
      if (open.length > 0 && !open.at(-1)?.isolate) open.pop();
      else unpaired.add(i);
    } else if (ch === POP_ISOLATE) {
      const isolate = open.findLastIndex((o) => o.isolate);
      if (isolate === -1) unpaired.add(i);
      else open.length = isolate;
    }
  }
  for (const o of open) unpaired.add(o.index);
  if (unpaired.size === 0) return text;
  let out = '';
  for (let i = 0; i < text.length; i++) out += unpaired.has(i) ? drop(text[i] ?? '') : text[i];
  return out;
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
