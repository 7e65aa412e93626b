import matter from 'gray-matter';
import { FILE_START, IssueList } from './issues.ts';
import type { LoadedFile } from './load.ts';
import type { YMap } from './yaml-tree.ts';
import { parseYamlTree } from './yaml-tree.ts';
import { parseSimpleYaml } from './fast-yaml.ts';
import { quote } from './text.ts';
import { positionInText } from './yaml-nesting.ts';

export interface ParsedFile {
  file: LoadedFile;
  /** The front matter, or null when the file has errors. */
  data: YMap | null;
  issues: IssueList;
}

const FIELD = 'front matter';
const YAML_NAMES = new Set(['', 'yaml', 'yml']);

function refuse(name: string) {
  return () => {
    throw new Error(`gray-matter engine "${name}" is disabled: only YAML front matter is read`);
  };
}

/**
 * gray-matter's built-in engines include `javascript`, which evals front matter opened with `---js`.
 * These replace every built-in one, and the language is checked before gray-matter runs, so no
 * engine but ours is ever reached. Passing options at all also keeps gray-matter from caching
 * every file's text in its module-level cache.
 */
function grayMatterOptions(onYaml: (src: string) => void) {
  const yaml = {
    parse: (src: string) => {
      onYaml(src);
      return {};
    },
  };
  const engines = { yaml, yml: yaml };
  for (const name of ['javascript', 'js', 'json', 'coffee', 'coffeescript', 'cson', 'toml']) {
    Object.assign(engines, { [name]: { parse: refuse(name) } });
  }
  return { language: 'yaml', engines };
}

export function parseContentFile(file: LoadedFile): ParsedFile {
  const issues = new IssueList(file.file);
  const done = (data: YMap | null): ParsedFile => ({ file, data, issues });
  const yaml = readFrontMatter(file, issues);
  if (yaml === null) return done(null);
  // gray-matter hands over the text after the opening `---` line's content, starting with that
  // line's newline, so offsets in it map to the same lines and columns as in the file.
  const root = parseYamlTree(yaml, issues);
  if (issues.hasErrors) return done(null);
  if (root === null) {
    issues.error(FILE_START, FIELD, 'is empty');
    return done(null);
  }
  if (root.kind !== 'map') {
    const got = root.kind === 'seq' ? 'a list' : 'a single value';
    issues.error(root.pos, FIELD, `must be a mapping of field names to values (got ${got})`);
    return done(null);
  }
  return done(root);
}

/**
 * `parseContentFile` for front matter of the plain shape `parseSimpleYaml` reads, with the same
 * tree (positions aside); null when the file is not of that shape or has any problem so far, and
 * then only `parseContentFile` can say what the file holds.
 */
export function parseContentFileFast(file: LoadedFile): ParsedFile | null {
  const issues = new IssueList(file.file);
  const yaml = readFrontMatter(file, issues, true);
  if (yaml === null || issues.items.length > 0) return null;
  const root = parseSimpleYaml(yaml);
  return root === null ? null : { file, data: root, issues };
}

/**
 * The front matter's YAML text as gray-matter cuts it out, or null after reporting why there is none.
 * With `direct`, a block opened by a bare `---` line is cut out here, as gray-matter would (from the
 * opening line's newline to the first line starting with `---`), without its per-call set-up; the
 * one difference, a block of only comments, never reaches the fast reader's result.
 */
function readFrontMatter(file: LoadedFile, issues: IssueList, direct = false): string | null {
  const text = decodeUtf8(file.bytes, issues);
  if (text === null) return null;
  if (text.trim() === '') {
    issues.error(FILE_START, 'file', 'is empty');
    return null;
  }

  // One line-break form, so positions are lines of the original (a CRLF or a lone CR is one break).
  const source = text.includes('\r') ? text.replace(/\r\n?/g, '\n') : text;
  const firstLineEnd = source.indexOf('\n') === -1 ? source.length : source.indexOf('\n');
  const firstLine = source.slice(0, firstLineEnd);
  if (!firstLine.startsWith('---') || firstLine.startsWith('----')) {
    issues.error(FILE_START, FIELD, 'is missing: the file must start with a "---" line');
    return null;
  }
  const language = firstLine.slice(3).trim();
  if (!YAML_NAMES.has(language.toLowerCase())) {
    issues.error(
      { line: 1, col: 4 },
      FIELD,
      `is written in ${quote(language)}; only YAML front matter is read`,
    );
    return null;
  }
  const close = source.indexOf('\n---', firstLineEnd);
  if (close === -1) {
    issues.error(FILE_START, FIELD, 'has no closing "---" line');
    return null;
  }
  if (direct && firstLineEnd === 3) return source.slice(3, close);

  const captured: { yaml: string | null } = { yaml: null };
  matter(
    source,
    grayMatterOptions((src) => (captured.yaml = src)),
  );
  if (captured.yaml === null) {
    // gray-matter skips the engine when the block holds only comments and blank lines.
    issues.error(FILE_START, FIELD, 'is empty');
    return null;
  }
  return captured.yaml;
}

const UTF8 = new TextDecoder('utf-8', { fatal: true });

/** Strict UTF-8 (a BOM is dropped); otherwise an error at the first byte that is not UTF-8. */
function decodeUtf8(bytes: Uint8Array, issues: IssueList): string | null {
  // Windows editors save "Unicode" as UTF-16 with a byte order mark; say so rather than name a byte.
  const [b0, b1] = bytes;
  if ((b0 === 0xff && b1 === 0xfe) || (b0 === 0xfe && b1 === 0xff)) {
    issues.error(
      FILE_START,
      'file',
      'is UTF-16 text (it starts with a UTF-16 byte order mark); save it as UTF-8',
    );
    return null;
  }
  try {
    return UTF8.decode(bytes);
  } catch {
    const bad = firstInvalidUtf8(bytes);
    const before = new TextDecoder('utf-8').decode(bytes.subarray(0, bad)).replace(/\r\n?/g, '\n');
    const byte = (bytes[bad] ?? 0).toString(16).toUpperCase().padStart(2, '0');
    issues.error(
      positionInText(before, before.length),
      'file',
      `is not UTF-8 text (byte 0x${byte} at offset ${bad}); save it as UTF-8`,
    );
    return null;
  }
}

/** Sequence length and allowed range of the second byte for a UTF-8 lead byte (RFC 3629, table 3-7). */
function utf8Lead(b: number): [length: number, min: number, max: number] {
  if (b < 0x80) return [1, 0, 0];
  if (b >= 0xc2 && b <= 0xdf) return [2, 0x80, 0xbf];
  if (b === 0xe0) return [3, 0xa0, 0xbf]; // no overlong forms
  if (b === 0xed) return [3, 0x80, 0x9f]; // no UTF-16 surrogates
  if (b >= 0xe1 && b <= 0xef) return [3, 0x80, 0xbf];
  if (b === 0xf0) return [4, 0x90, 0xbf]; // no overlong forms
  if (b >= 0xf1 && b <= 0xf3) return [4, 0x80, 0xbf];
  if (b === 0xf4) return [4, 0x80, 0x8f]; // nothing above U+10FFFF
  return [0, 0, 0];
}

/** Offset of the first byte that does not start a well-formed UTF-8 sequence (the length when all do). */
export function firstInvalidUtf8(bytes: Uint8Array): number {
  let i = 0;
  while (i < bytes.length) {
    const [len, min, max] = utf8Lead(bytes[i] ?? 0);
    if (len === 0 || i + len > bytes.length) return i;
    for (let k = 1; k < len; k++) {
      const c = bytes[i + k] ?? 0;
      if (k === 1 ? c < min || c > max : c < 0x80 || c > 0xbf) return i;
    }
    i += len;
  }
  return bytes.length;
}
