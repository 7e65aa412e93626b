import type { Pos } from './issues.ts';
import type { YMap, YNode, YScalar, YSeq } from './yaml-tree.ts';

/**
 * A reader for the plain shape nearly every article's front matter has: block mappings with
 * simple keys, block lists, and one-line plain, single- or double-quoted values, indented with
 * spaces. It gives the same tree as `parseYamlTree` (YAML 1.2 core schema as the `yaml` package
 * resolves it) in a fraction of the time, or null ("not sure") for anything else: comments,
 * anchors, tags, flow collections, block scalars, values over several lines, tabs, control
 * characters, duplicate keys, odd indentation. The caller then uses the exact parser, and it also
 * does so whenever a file read here has any problem, so every message and position comes from
 * the exact parser; positions here are only approximate.
 */
export function parseSimpleYaml(src: string): YMap | null {
  // Tabs, controls, BOMs and Unicode line breaks are where YAML readers differ: not here.
  if (UNUSUAL.test(src)) return null;
  // A line here holds at most 4 tokens; many lines are left to the exact parser and its limits.
  let lines = 0;
  for (let nl = src.indexOf('\n'); nl !== -1; nl = src.indexOf('\n', nl + 1)) {
    if (++lines > MAX_LINES) return null;
  }
  return new SimpleReader(src).read();
}

// Any C0 control but the line feed (a tab among them), DEL, C1, U+2028, U+2029 or U+FEFF.
// eslint-disable-next-line no-control-regex -- matching control characters is the point
const UNUSUAL = /[\u0000-\u0009\u000b-\u001f\u007f-\u009f\u2028\u2029\ufeff]/;

/** Characters that, first in a value, start something other than a plain scalar. */
const INDICATORS = '?:,[]{}#&*!|>%@`';

/** Escapes of one character in a double-quoted value, as the `yaml` package reads them. */
const ESCAPES: Record<string, string> = {
  '0': '\0',
  a: '\x07',
  b: '\b',
  e: '\x1b',
  f: '\f',
  n: '\n',
  r: '\r',
  t: '\t',
  v: '\v',
  N: '\u0085',
  _: '\u00a0',
  L: '\u2028',
  P: '\u2029',
  ' ': ' ',
  '"': '"',
  '/': '/',
  '\\': '\\',
};

// The YAML 1.2 core schema exactly as the `yaml` package (2.x) resolves plain values, in its order.
// null (~, null, Null, NULL, empty) and bool ([Tt]rue, TRUE, [Ff]alse, FALSE) are the WORDS below.
const INT_OCT = /^0o[0-7]+$/;
const INT = /^[-+]?[0-9]+$/;
const INT_HEX = /^0x[0-9a-fA-F]+$/;
const FLOAT_NAN = /^(?:[-+]?\.(?:inf|Inf|INF)|\.nan|\.NaN|\.NAN)$/;
const FLOAT_EXP = /^[-+]?(?:\.[0-9]+|[0-9]+(?:\.[0-9]*)?)[eE][-+]?[0-9]+$/;
const FLOAT = /^[-+]?(?:\.[0-9]+|[0-9]+\.[0-9]*)$/;
/** Plain words that are not text: every spelling the core schema gives null or a boolean. */
const WORDS = new Map<string, null | boolean>([
  ['~', null],
  ['null', null],
  ['Null', null],
  ['NULL', null],
  ['true', true],
  ['True', true],
  ['TRUE', true],
  ['false', false],
  ['False', false],
  ['FALSE', false],
]);

/** The value of a plain (unquoted) scalar under the core schema. */
export function resolvePlain(text: string): string | number | boolean | null {
  if (text === '') return null;
  const c = text.charCodeAt(0);
  // Only these can start a number: + - . 0-9
  if (c === 43 || c === 45 || c === 46 || (c >= 48 && c <= 57)) return resolveNumber(text);
  const word = text.length <= 5 ? WORDS.get(text) : undefined;
  return word === undefined ? text : word;
}

function resolveNumber(text: string): string | number {
  if (INT_OCT.test(text)) return parseInt(text.substring(2), 8);
  if (INT.test(text)) return parseInt(text, 10);
  if (INT_HEX.test(text)) return parseInt(text.substring(2), 16);
  if (FLOAT_NAN.test(text)) {
    if (text.slice(-3).toLowerCase() === 'nan') return NaN;
    return text[0] === '-' ? Number.NEGATIVE_INFINITY : Number.POSITIVE_INFINITY;
  }
  if (FLOAT_EXP.test(text) || FLOAT.test(text)) return parseFloat(text);
  return text;
}

/**
 * Well inside the exact parser's limits (YAML_LIMITS: 16 levels, 10,000 values and tokens; a line
 * here holds at most 4 tokens), so a file near them is always left to it and its messages.
 */
const MAX_DEPTH = 8;
const MAX_LINES = 2000;
const MAX_NODES = 2000;

/** Thrown (and caught in `read`) when the text is not of the simple shape. */
class NotSimple extends Error {}

const notSimple = new NotSimple();

class SimpleReader {
  /** Where each line starts in `src`; one more entry at the end for the text's end (plus one). */
  private readonly starts: number[] = [];
  /** Leading spaces of each line, or -1 for a blank line. */
  private readonly indents: number[] = [];
  /** The next non-blank line not yet read. */
  private next = 0;
  private nodes = 0;

  constructor(private readonly src: string) {
    let start = 0;
    for (;;) {
      const nl = src.indexOf('\n', start);
      const end = nl === -1 ? src.length : nl;
      let n = start;
      while (n < end && src.charCodeAt(n) === 32) n++;
      this.starts.push(start);
      this.indents.push(n === end ? -1 : n - start);
      if (nl === -1) break;
      start = nl + 1;
    }
    this.starts.push(src.length + 1);
  }

  get lineCount(): number {
    return this.indents.length;
  }

  read(): YMap | null {
    try {
      const first = this.skipBlank(0);
      if (first === this.lineCount || this.indents[first] !== 0) return null;
      const root = this.readMap(first, 0, 1);
      return this.next === this.lineCount ? root : null;
    } catch (err) {
      if (err === notSimple) return null;
      throw err;
    }
  }

  private count(depth: number): void {
    if (depth > MAX_DEPTH || ++this.nodes > MAX_NODES) throw notSimple;
  }

  private skipBlank(from: number): number {
    let i = from;
    while (i < this.indents.length && this.indents[i] === -1) i++;
    return i;
  }

  private lineEnd(line: number): number {
    return (this.starts[line + 1] ?? 0) - 1;
  }

  /** Whether `line` has a block list item (`-` then a space or the end) at `col`. */
  private isItem(line: number, col: number): boolean {
    const at = (this.starts[line] ?? 0) + col;
    const end = this.lineEnd(line);
    return (
      at < end && this.src.charCodeAt(at) === 45 && (at + 1 === end || this.src.charCodeAt(at + 1) === 32)
    );
  }

  /**
   * Where the `:` of a simple key starting at `start` is: a letter or `_`, then letters, digits,
   * `_` or `-`, then `:` and a space or the line's end; -1 when there is no such key.
   */
  private keyEnd(start: number, end: number): number {
    const src = this.src;
    let i = start;
    for (; i < end; i++) {
      const c = src.charCodeAt(i) | 32; // lowercase for letters
      const letter = c >= 97 && c <= 122;
      const other = src.charCodeAt(i);
      if (letter || other === 95) continue;
      if (i > start && ((other >= 48 && other <= 57) || other === 45)) continue;
      break;
    }
    if (i === start || i >= end || src.charCodeAt(i) !== 58) return -1;
    return i + 1 === end || src.charCodeAt(i + 1) === 32 ? i : -1;
  }

  private pos(line: number, col: number): Pos {
    return { line: line + 1, col: col + 1 };
  }

  /** A mapping whose first key is on `line` at `col` (the line may start with `- `); its other keys sit at `col`. */
  private readMap(line: number, col: number, depth: number): YMap {
    this.count(depth);
    const fields = new Map<string, YNode>();
    const map: YMap = { kind: 'map', fields, pos: this.pos(line, col) };
    let at = line;
    for (;;) {
      const start = (this.starts[at] ?? 0) + col;
      const end = this.lineEnd(at);
      const colon = this.keyEnd(start, end);
      if (colon === -1) throw notSimple;
      const key = resolvePlain(this.src.slice(start, colon));
      const name = key === null ? '' : String(key);
      if (fields.has(name)) throw notSimple;
      let rest = colon + 1;
      while (rest < end && this.src.charCodeAt(rest) === 32) rest++;
      if (rest >= end) fields.set(name, this.readNested(at, col, depth + 1));
      else {
        fields.set(name, this.readScalar(rest, end, at, rest - (this.starts[at] ?? 0), depth + 1));
        this.next = this.skipBlank(at + 1);
      }
      if (this.next === this.lineCount) return map;
      const indent = this.indents[this.next] ?? 0;
      if (indent < col) return map;
      if (indent > col) throw notSimple;
      at = this.next;
    }
  }

  /** The value of `key:` with nothing after it: a nested mapping or list, else null. */
  private readNested(keyLine: number, col: number, depth: number): YNode {
    const at = this.skipBlank(keyLine + 1);
    this.next = at;
    const indent = at === this.lineCount ? -1 : (this.indents[at] ?? -1);
    if (indent >= col && this.isItem(at, indent)) return this.readSeq(at, indent, depth);
    if (indent > col) return this.readMap(at, indent, depth);
    return { kind: 'scalar', value: null, pos: this.pos(keyLine, col) };
  }

  /** A block list whose `-` items sit at `indent`. */
  private readSeq(line: number, indent: number, depth: number): YSeq {
    this.count(depth);
    const items: YNode[] = [];
    const seq: YSeq = { kind: 'seq', items, pos: this.pos(line, indent) };
    let at = line;
    for (;;) {
      const start = this.starts[at] ?? 0;
      const end = this.lineEnd(at);
      let p = start + indent + 1;
      while (p < end && this.src.charCodeAt(p) === 32) p++;
      // `-` alone, `- - x` and `- ? x` hold nested values this reader leaves to the exact one.
      if (p === end || p === start + indent + 1) throw notSimple;
      if (this.keyEnd(p, end) !== -1) items.push(this.readMap(at, p - start, depth + 1));
      else {
        if (this.isItem(at, p - start)) throw notSimple;
        items.push(this.readScalar(p, end, at, p - start, depth + 1));
        this.next = this.skipBlank(at + 1);
      }
      if (this.next === this.lineCount) return seq;
      const nextIndent = this.indents[this.next] ?? 0;
      if (nextIndent < indent) return seq;
      if (nextIndent > indent) throw notSimple;
      if (!this.isItem(this.next, indent)) return seq;
      at = this.next;
    }
  }

  /** A one-line value from `start` to the line's `end`. */
  private readScalar(start: number, end: number, line: number, col: number, depth: number): YScalar {
    this.count(depth);
    const pos = this.pos(line, col);
    const src = this.src;
    const first = src.charCodeAt(start);
    if (first === 34) return { kind: 'scalar', value: this.readDoubleQuoted(start, end), pos };
    if (first === 39) return { kind: 'scalar', value: this.readSingleQuoted(start, end), pos };
    // Indicators that start something other than a plain value (`-` only before a space).
    if (INDICATORS.includes(src[start] ?? '')) throw notSimple;
    if (first === 45 && (start + 1 === end || src.charCodeAt(start + 1) === 32)) throw notSimple;
    let stop = end;
    while (stop > start && src.charCodeAt(stop - 1) === 32) stop--;
    const plain = src.slice(start, stop);
    // A comment, a nested key or a trailing `:` would make this line mean something else.
    if (plain.includes(' #') || plain.includes(': ') || plain.endsWith(':')) throw notSimple;
    return { kind: 'scalar', value: resolvePlain(plain), pos };
  }

  private onlySpaces(from: number, end: number): boolean {
    for (let i = from; i < end; i++) if (this.src.charCodeAt(i) !== 32) return false;
    return true;
  }

  private readDoubleQuoted(start: number, end: number): string {
    const src = this.src;
    const close = src.indexOf('"', start + 1);
    const slash = src.indexOf('\\', start + 1);
    if (close !== -1 && close < end && (slash === -1 || slash > close)) {
      if (!this.onlySpaces(close + 1, end)) throw notSimple;
      return src.slice(start + 1, close);
    }
    let out = '';
    let from = start + 1;
    for (let i = start + 1; i < end; i++) {
      const c = src.charCodeAt(i);
      if (c === 34) {
        if (!this.onlySpaces(i + 1, end)) throw notSimple;
        return out + src.slice(from, i);
      }
      if (c === 92) {
        const escaped = i + 1 < end ? ESCAPES[src[i + 1] ?? ''] : undefined;
        if (escaped === undefined) throw notSimple;
        out += src.slice(from, i) + escaped;
        i++;
        from = i + 1;
      }
    }
    throw notSimple; // continues on the next line
  }

  private readSingleQuoted(start: number, end: number): string {
    const src = this.src;
    let out = '';
    let from = start + 1;
    for (let i = src.indexOf("'", start + 1); i !== -1 && i < end; i = src.indexOf("'", i + 1)) {
      if (i + 1 < end && src.charCodeAt(i + 1) === 39) {
        out += src.slice(from, i + 1);
        i++;
        from = i + 1;
        continue;
      }
      if (!this.onlySpaces(i + 1, end)) throw notSimple;
      return out + src.slice(from, i);
    }
    throw notSimple; // continues on the next line
  }
}
