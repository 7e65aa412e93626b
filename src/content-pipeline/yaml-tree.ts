import { Composer, isAlias, isMap, isScalar, isSeq, Lexer, LineCounter, Parser } from 'yaml';
import type { Document, Node as YamlAstNode } from 'yaml';
import type { IssueList, Pos } from './issues.ts';
import { quote } from './text.ts';
import { positionInText, YamlGuard } from './yaml-nesting.ts';

/**
 * YAML front matter as a position-carrying tree. Mappings are `Map`s, so keys such as `__proto__`
 * or `constructor` are plain data and never touch a prototype.
 */
export type YNode = YScalar | YSeq | YMap;
export interface YScalar {
  kind: 'scalar';
  value: string | number | boolean | null;
  pos: Pos;
}
export interface YSeq {
  kind: 'seq';
  items: YNode[];
  pos: Pos;
}
export interface YMap {
  kind: 'map';
  fields: Map<string, YNode>;
  pos: Pos;
}

/** Bounds that keep a few hundred hostile bytes from costing seconds or gigabytes. */
export const YAML_LIMITS = {
  /** Real front matter nests 5 levels (related[].images[].url). */
  maxDepth: 16,
  /** Cap on the cheap pre-parse estimate, which over-counts block nesting up to about three times. */
  maxEstimatedDepth: 64,
  /** Alias uses per file; real files use none. */
  maxAliasCount: 100,
  /** Values after alias expansion; a real file holds a few hundred. */
  maxNodes: 10_000,
  /** Lexer tokens (not counting spaces and comments); the largest real file has 687. */
  maxTokens: 10_000,
};

const FIELD = 'front matter';

class LimitExceeded extends Error {
  constructor(
    readonly pos: Pos,
    message: string,
  ) {
    super(message);
  }
}

/**
 * Parses YAML 1.2 (core schema: no timestamps, no custom types) into a `YNode`. `src` must keep the
 * original file's line breaks before it so that positions are positions in the file.
 * Returns null when the YAML has errors; every problem goes to `issues`.
 */
export function parseYamlTree(src: string, issues: IssueList): YNode | null {
  const lineCounter = new LineCounter();
  const posAt = (offset: number): Pos => lineCounter.linePos(offset);
  const doc = composeGuarded(src, lineCounter, issues);
  if (!doc) return null;
  for (const e of doc.errors) issues.error(posAt(e.pos[0]), FIELD, e.message);
  for (const w of doc.warnings) {
    // An unknown tag such as `!!js/function` leaves its value as plain text: nothing runs.
    const note = w.code === 'TAG_RESOLVE_FAILED' ? ' (read as plain text)' : '';
    issues.warning(posAt(w.pos[0]), FIELD, `${w.message}${note}`);
  }
  if (doc.errors.length > 0 || doc.contents === null) return null;

  const converter = new Converter(posAt, issues);
  try {
    return converter.convert(doc.contents, 1);
  } catch (err) {
    if (!(err instanceof LimitExceeded)) throw err;
    issues.error(err.pos, FIELD, err.message);
    return null;
  }
}

/**
 * What `parseDocument` does (lexer -> parser -> composer), with the nesting guard on the lexer's
 * tokens. The parser hands a document to the composer only once it is complete, so a too-deep
 * document is rejected before any recursive step runs, and the text is lexed only once.
 */
function composeGuarded(src: string, lineCounter: LineCounter, issues: IssueList): Document.Parsed | null {
  const parser = new Parser(lineCounter.addNewLine);
  const guard = new YamlGuard(src, YAML_LIMITS);
  function* tokens() {
    lineCounter.addNewLine(0);
    for (const lexeme of new Lexer().lex(src)) {
      const over = guard.step(lexeme);
      if (over !== null) throw new LimitExceeded(positionInText(src, over.offset), over.message);
      yield* parser.next(lexeme);
    }
    yield* parser.end();
  }
  // Duplicate keys are found by the converter's Map: yaml's own check compares every pair (40,000
  // keys took 35 s).
  const composer = new Composer({
    prettyErrors: false,
    schema: 'core',
    version: '1.2',
    uniqueKeys: false,
    // Otherwise an explicit !!binary is decoded (hiding markup from anyone reading the file) and
    // !!timestamp becomes a Date that prints in the build machine's time zone: plain text instead.
    resolveKnownTags: false,
  });
  let doc: Document.Parsed | null = null;
  try {
    for (const next of composer.compose(tokens(), true, src.length)) {
      if (doc) {
        issues.error(lineCounter.linePos(next.range[0]), FIELD, 'holds more than one YAML document');
        return null;
      }
      doc = next;
    }
  } catch (err) {
    if (!(err instanceof LimitExceeded)) throw err;
    issues.error(err.pos, FIELD, err.message);
    return null;
  }
  return doc;
}

class Converter {
  private nodes = 0;
  private aliases = 0;
  private readonly anchors = new Map<string, YamlAstNode>();
  private readonly open = new Set<YamlAstNode>();
  /**
   * The alias in the text whose copy is being converted. Limits crossed inside a copy are reported
   * there: the nodes being copied sit at their anchor, which is fine on its own.
   */
  private copyingAt: Pos | null = null;

  constructor(
    private readonly posAt: (offset: number) => Pos,
    private readonly issues: IssueList,
  ) {}

  convert(node: unknown, depth: number, at?: Pos): YNode {
    const pos = at ?? this.positionOf(node);
    const blame = this.copyingAt ?? pos;
    if (++this.nodes > YAML_LIMITS.maxNodes) {
      throw new LimitExceeded(blame, `expands to more than ${YAML_LIMITS.maxNodes} values`);
    }
    if (depth > YAML_LIMITS.maxDepth)
      throw new LimitExceeded(blame, `nests deeper than ${YAML_LIMITS.maxDepth} levels`);

    if (isAlias(node)) return this.expandAlias(node.source, depth, pos);
    if (isScalar(node) || isMap(node) || isSeq(node)) {
      // Anchors are recorded in document order, so an alias finds the latest one before it.
      if (node.anchor) this.anchors.set(node.anchor, node);
    }
    if (isScalar(node)) {
      const v = node.value;
      const value =
        typeof v === 'string' || typeof v === 'number' || typeof v === 'boolean' || v === null
          ? v
          : String(v);
      return { kind: 'scalar', value, pos };
    }
    this.open.add(node as YamlAstNode);
    try {
      if (isSeq(node))
        return { kind: 'seq', items: node.items.map((item) => this.convert(item, depth + 1)), pos };
      if (isMap(node)) return { kind: 'map', fields: this.convertPairs(node.items, depth), pos };
    } finally {
      this.open.delete(node as YamlAstNode);
    }
    // The core schema yields only scalars, maps, sequences and aliases; anything else is empty.
    return { kind: 'scalar', value: null, pos };
  }

  private convertPairs(pairs: { key: unknown; value: unknown }[], depth: number): Map<string, YNode> {
    const fields = new Map<string, YNode>();
    for (const pair of pairs) {
      // Only scalar keys can name a field; complex keys cannot match the schema and are skipped.
      if (!isScalar(pair.key)) continue;
      const name = pair.key.value === null ? '' : String(pair.key.value);
      const keyPos = this.positionOf(pair.key);
      if (fields.has(name)) {
        this.issues.error(keyPos, FIELD, `key ${quote(name)} appears more than once`);
        continue;
      }
      // `key:` with no value has no node at all; point at the key.
      fields.set(
        name,
        pair.value == null
          ? { kind: 'scalar', value: null, pos: keyPos }
          : this.convert(pair.value, depth + 1),
      );
    }
    return fields;
  }

  private expandAlias(name: string, depth: number, pos: Pos): YNode {
    if (++this.aliases > YAML_LIMITS.maxAliasCount) {
      throw new LimitExceeded(pos, `uses aliases more than ${YAML_LIMITS.maxAliasCount} times`);
    }
    const target = this.anchors.get(name);
    if (!target) throw new LimitExceeded(pos, `alias *${name} has no anchor &${name} before it`);
    if (this.open.has(target))
      throw new LimitExceeded(pos, `alias *${name} refers to a value that contains it`);
    const outer = this.copyingAt;
    this.copyingAt ??= pos;
    try {
      return this.convert(target, depth, pos);
    } finally {
      this.copyingAt = outer;
    }
  }

  private positionOf(node: unknown): Pos {
    const range = (node as { range?: [number, number, number] } | null)?.range;
    return this.posAt(range?.[0] ?? 0);
  }
}

/**
 * Runs `fn` with `process.env` swapped for a plain copy. The `yaml` parser reads
 * `process.env.LOG_TOKENS` once per token, and each read of the real `process.env` is a call into
 * the C++ environment (about 0.35 µs): at 10,000 files that was 1.6 s of a 10 s build. `fn` must be
 * synchronous, so nothing else runs while the copy is in place; writes to it are not kept.
 */
export function withPlainEnv<T>(fn: () => T): T {
  const real = process.env;
  process.env = { ...real };
  try {
    return fn();
  } finally {
    process.env = real;
  }
}
