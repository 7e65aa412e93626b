import { CST } from 'yaml';
import type { Pos } from './issues.ts';

// Tokens the lexer inserts that are not in the source text.
const DOC_START = '\u0002';
const FLOW_ERROR_END = '\u0018';
const SCALAR_NEXT = '\u001f';

export interface GuardLimits {
  /** Cap on the estimated depth below. */
  maxEstimatedDepth: number;
  /** Depth named in the message (the exact limit the tree conversion applies). */
  maxDepth: number;
  /** Tokens other than spaces, newlines and comments. */
  maxTokens: number;
}

/**
 * Bounds YAML work while the lexer runs, before the composer sees anything. The composer recurses
 * once per level, and 100,000 `[` in a 200 KB file crash the whole process (V8 runs out of
 * memory, which no try/catch can stop); parsing also costs about 10 µs per token, so a 1 MiB file
 * of tiny values would take seconds. Fed every lexer token in order, `step` returns the first
 * limit crossed (offset and message), else null.
 *
 * Flow depth is exact (bracket tokens). Block depth is over-estimated: twice the number of open
 * indentation levels (because `key:\n- item` nests a list at its parent's indent) plus the `-`,
 * `?` and `:` indicators on the current line.
 */
export class YamlGuard {
  private readonly indents: number[] = [];
  private flow = 0;
  private onLine = 0;
  private offset = 0;
  private scalarNext = false;
  private pendingIndent: number | null = null;
  private tokens = 0;

  constructor(
    private readonly src: string,
    private readonly limits: GuardLimits,
  ) {}

  step(token: string): { offset: number; message: string } | null {
    if (token === DOC_START || token === FLOW_ERROR_END) return null;
    if (token === SCALAR_NEXT) {
      this.scalarNext = true;
      return null;
    }
    const start = this.offset;
    this.offset += token.length;
    const type = CST.tokenType(token);
    const lineStart = start === 0 || this.src[start - 1] === '\n';
    // A block scalar body also starts a line, with its own indentation inside the token: it must
    // not close or open levels, or a few `|` lines could hide real depth.
    const scalarBody = this.scalarNext && (token.startsWith(' ') || token.startsWith('\n'));
    if (lineStart && this.flow === 0 && !scalarBody) {
      this.pendingIndent = type === 'space' && !this.scalarNext ? token.length : 0;
      this.onLine = 0;
    }
    if (this.scalarNext) this.scalarNext = false;
    else if (type === 'space' || type === 'newline' || type === 'comment') return null;

    if (this.pendingIndent !== null) {
      // Applied at the line's first content token, so blank and comment lines close nothing.
      const indent = this.pendingIndent;
      while (this.indents.length > 0 && (this.indents.at(-1) ?? 0) > indent) this.indents.pop();
      if (this.indents.length === 0 || (this.indents.at(-1) ?? 0) < indent) this.indents.push(indent);
      this.pendingIndent = null;
    }
    if (++this.tokens > this.limits.maxTokens) {
      return {
        offset: start,
        message: `has more than ${this.limits.maxTokens} YAML tokens (real front matter has under 1000)`,
      };
    }
    if (type === 'seq-item-ind' || type === 'explicit-key-ind' || type === 'map-value-ind') {
      if (this.flow === 0) this.onLine++;
    } else if (type === 'flow-seq-start' || type === 'flow-map-start') this.flow++;
    else if ((type === 'flow-seq-end' || type === 'flow-map-end') && this.flow > 0) this.flow--;
    if (2 * this.indents.length + this.onLine + this.flow <= this.limits.maxEstimatedDepth) return null;
    return { offset: start, message: `nests deeper than ${this.limits.maxDepth} levels` };
  }
}

/** Line and column of `offset` in `src`, both from 1. */
export function positionInText(src: string, offset: number): Pos {
  let line = 1;
  let lineStart = 0;
  for (let i = src.indexOf('\n'); i !== -1 && i < offset; i = src.indexOf('\n', i + 1)) {
    line++;
    lineStart = i + 1;
  }
  return { line, col: offset - lineStart + 1 };
}
