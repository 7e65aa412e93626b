import type { Random } from './random';
import { WORD_COUNTS } from './word-counts';

/** Words drawn by their real frequency, with the odd number, quote and non-ASCII space real text has. */
export class TextMaker {
  private readonly words: string[] = [];
  private readonly cumulative: number[] = [];

  constructor(private readonly random: Random) {
    let sum = 0;
    for (const pair of WORD_COUNTS.trim().split(/\s+/)) {
      const colon = pair.lastIndexOf(':');
      sum += Number(pair.slice(colon + 1));
      this.words.push(pair.slice(0, colon));
      this.cumulative.push(sum);
    }
  }

  word(): string {
    const target = this.random.next() * this.cumulative[this.cumulative.length - 1]!;
    let low = 0;
    let high = this.cumulative.length - 1;
    while (low < high) {
      const mid = (low + high) >>> 1;
      if (this.cumulative[mid]! < target) low = mid + 1;
      else high = mid;
    }
    return this.words[low]!;
  }

  /** A token: usually a word, sometimes a figure or a quoted word, as headlines have. */
  private token(): string {
    const roll = this.random.next();
    if (roll < 0.03) return String(this.random.int(2, 999));
    if (roll < 0.04) return `${this.random.int(1, 99)}%`;
    if (roll < 0.045) return `$${this.random.int(1, 99)}.${this.random.int(1, 9)} billion`;
    if (roll < 0.05) return this.random.int(1, 999).toLocaleString('en-US') + ',' + this.random.int(100, 999);
    if (roll < 0.056) return `“${this.word()}”`;
    if (roll < 0.06) return `'${this.word()}'`;
    if (roll < 0.062) return this.random.pick(['café', 'Zürich', 'Montréal', 'São Paulo', 'Québec', 'naïve']);
    return this.word();
  }

  /** A headline of about `length` characters, sentence or title case, sometimes with a "Label: " lead. */
  title(length: number): string {
    const titleCase = this.random.chance(0.45);
    const parts: string[] = [];
    if (this.random.chance(0.06))
      parts.push(`${this.random.pick(['Report', 'Watch', 'Live', 'Opinion', 'Analysis'])}:`);
    let size = parts.join(' ').length;
    while (size < length - 3) {
      let token = this.token();
      if (titleCase && /^[a-z]/.test(token) && token.length > 3) token = capitalise(token);
      parts.push(token);
      size += token.length + 1;
    }
    return fixSpacing(capitalise(parts.join(' ')), this.random)
      .slice(0, Math.max(length, 12))
      .trimEnd();
  }

  /** Prose of about `length` characters; cut mid-sentence a third of the time, as the feeds do. */
  prose(length: number): string {
    const sentences: string[] = [];
    let size = 0;
    while (size < length) {
      const words: string[] = [];
      const count = this.random.int(8, 28);
      for (let i = 0; i < count; i++) words.push(this.token());
      const sentence = capitalise(words.join(' ')) + '.';
      sentences.push(sentence);
      size += sentence.length + 1;
    }
    const text = fixSpacing(sentences.join(' '), this.random);
    if (this.random.chance(0.33)) return text.slice(0, length).trimEnd();
    // End on the sentence boundary nearest the target length, so whole-sentence excerpts keep its spread.
    const before = text.lastIndexOf('.', length);
    const after = text.indexOf('.', length);
    const end = after >= 0 && (before < 0 || after - length < length - before) ? after : before;
    return end > 0 ? text.slice(0, end + 1) : text.slice(0, length).trimEnd();
  }
}

function capitalise(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}

/** Real feeds carry U+00A0 and U+2006 spaces in a small share of texts. */
function fixSpacing(text: string, random: Random): string {
  if (!random.chance(0.03)) return text;
  const space = random.chance(0.7) ? '\u00a0' : '\u2006';
  const at = text.indexOf(' ', random.int(0, Math.max(0, text.length - 1)));
  return at < 0 ? text : text.slice(0, at) + space + text.slice(at + 1);
}
