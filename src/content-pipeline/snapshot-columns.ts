/**
 * The persistent cache's records in columns (file-cache.ts): how a store's records are written as
 * a few long arrays and typed number columns, and how they come back as records whose articles
 * read what most runs never ask for (card text, topic slugs, related URLs) only when asked.
 */
import { closeSync, readSync } from 'node:fs';
import path from 'node:path';
import { crc32 } from 'node:zlib';
import type { ProviderRef } from '../types/content.ts';
import { topicSlug } from './derive.ts';
import type { LinkSource } from './derive.ts';
import type { ContentIssue } from './issues.ts';
import { displayPath } from './load.ts';
import type { PreparedArticle } from './prepare.ts';
import type { SourceArticle } from './source.ts';
import type { ContentStore, FileRecord } from './store.ts';

/**
 * The records in columns: arrays of plain strings, which JSON.parse reads several times faster
 * than one small array or object per record (and V8's deserializer slower still). The number
 * columns of a snapshot are kept in snapshot.bin (`Layout`), which needs no parsing at all; a
 * journal's few records keep them in its JSON.
 */
export interface Columns {
  relPaths: string[];
  ids: string[];
  hashes: string[];
  /** Per record: size, modification time, read time, `Flag` bits. */
  numbers: ArrayLike<number>;
  /** Records with problems: index and problems. */
  issues: [number, ContentIssue[]][];
  /** Records with image data: index, image URLs (null: not known), image map key. */
  images: [number, string[] | null, string][];
  /** The prepared articles, in record order. */
  prepared: {
    /** Per article: time, quality, heat (null or NaN when none), provider (index or -1), list lengths. */
    numbers: ArrayLike<number | null>;
    providers: ProviderRef[];
    topicNames: string[];
    /** Indexes into `topicNames` and related URLs, all articles in a row. */
    topics: ArrayLike<number>;
    relatedUrls: (string | null)[];
    /**
     * Byte length of each article's links, which follow each other in the link text (`linkText`):
     * each link after a newline, and one more newline at the end.
     */
    linkLengths: ArrayLike<number>;
    cardHashes: string[];
    /** Byte length of each card, in the order they follow each other (snapshot.bin, a journal). */
    cardLengths: ArrayLike<number>;
    /** The hash of each detail in the data folder ('' for none). */
    detailHashes: string[];
  };
}

/**
 * Where snapshot.bin keeps each number column (byte offset and count; each starts at a multiple of
 * 8), and where the cards start, after them.
 */
export interface Layout {
  numbers: [number, number];
  prepared: [number, number];
  topics: [number, number];
  cardLengths: [number, number];
  /** Every saved feed's members in a row (see `Snapshot.feeds`). */
  members: [number, number];
  linkLengths: [number, number];
  /** The link text's bytes. */
  links: [number, number];
  /** `RareColumns` as JSON: parsed only when a run first asks for a related URL. */
  rare: [number, number];
  /** Each card's CRC-32, checked when the card is read (`packSnapshot` fills it in). */
  cardCrcs?: [number, number];
  cards: number;
}

const Flag = { clockBound: 1, valid: 2, published: 4, prepared: 8, draft: 16 } as const;
/** Numbers per record in `Columns.numbers`. */
export const RECORD_NUMBERS = 4;
const PREPARED_NUMBERS = 7;

/**
 * Records as columns, the index of each prepared article among them, and their cards (bytes still
 * in the last snapshot.bin where not decoded), for `packSnapshot`.
 */
export function recordColumns(records: Iterable<FileRecord>, store: ContentStore) {
  const c: Columns & {
    numbers: number[];
    prepared: { numbers: (number | null)[]; topics: number[]; cardLengths: number[]; linkLengths: number[] };
  } = {
    relPaths: [],
    ids: [],
    hashes: [],
    numbers: [],
    issues: [],
    images: [],
    prepared: {
      numbers: [],
      providers: [],
      topicNames: [],
      topics: [],
      relatedUrls: [],
      linkLengths: [],
      cardHashes: [],
      cardLengths: [],
      detailHashes: [],
    },
  };
  const p = c.prepared;
  const providerIndex = new Map<string, number>();
  const topicIndex = new Map<string, number>();
  const articles = new Map<PreparedArticle, number>();
  const cards: (RestoredArticle | string)[] = [];
  const links: string[] = [];
  for (const rec of records) {
    const a = rec.prepared;
    const flags =
      (rec.clockBound ? Flag.clockBound : 0) |
      (rec.valid ? Flag.valid : 0) |
      (rec.published ? Flag.published : 0) |
      (a ? Flag.prepared : 0) |
      (a?.draft ? Flag.draft : 0);
    const index = c.relPaths.length;
    c.relPaths.push(rec.relPath);
    c.ids.push(rec.id);
    c.hashes.push(rec.hash);
    c.numbers.push(rec.size, rec.mtimeMs, rec.readAt, flags);
    if (rec.issues.length > 0) c.issues.push([index, rec.issues]);
    const imageUrls = store.withImages ? rec.imageUrls : null;
    if (imageUrls !== null || rec.imagesKey !== '') c.images.push([index, imageUrls, rec.imagesKey]);
    if (!a) continue;
    articles.set(a, articles.size);
    let provider = -1;
    if (a.provider) {
      const key = JSON.stringify(a.provider);
      provider = providerIndex.get(key) ?? p.providers.push(a.provider) - 1;
      providerIndex.set(key, provider);
    }
    p.numbers.push(
      a.time,
      a.quality ?? null,
      a.heat ?? null,
      provider,
      a.topicNames.length,
      a.links.length,
      a.relatedUrls.length,
    );
    for (const name of a.topicNames) {
      const t = topicIndex.get(name) ?? p.topicNames.push(name) - 1;
      topicIndex.set(name, t);
      p.topics.push(t);
    }
    let linkText = '';
    for (const link of a.links) {
      // A URL has no newline (validate.ts); one here would make the link text ambiguous.
      if (link.includes('\n')) throw new Error('a link holds a newline');
      linkText += `\n${link}`;
    }
    links.push(linkText);
    p.linkLengths.push(Buffer.byteLength(linkText));
    for (const url of a.relatedUrls) p.relatedUrls.push(url ?? null);
    p.cardHashes.push(a.cardHash);
    const card = a instanceof RestoredArticle && a.undecoded() ? a : a.cardText;
    cards.push(card);
    p.cardLengths.push(typeof card === 'string' ? Buffer.byteLength(card) : card.cardLength);
    p.detailHashes.push(store.model.detailHash(a.id) ?? '');
  }
  links.push('\n');
  return { columns: c, articles, cards, linkText: links.join('') };
}

/** The columns most runs never read, kept apart in snapshot.bin (see `Layout.rare`). */
export type RareColumns = Pick<Columns['prepared'], 'relatedUrls'>;

type Sections = Partial<
  Record<Exclude<keyof Layout, 'cards'>, Float64Array | Uint32Array | Int32Array | Uint8Array>
>;

/**
 * `head`, then each section at the next multiple of 8, then each card's UTF-8 bytes: the layout of
 * snapshot.bin (a journal's cards: no head and no sections). A `cardCrcs` section is filled in with
 * the cards' CRC-32s.
 */
export function packSnapshot(
  head: string,
  cards: (RestoredArticle | string)[],
  cardLengths: ArrayLike<number>,
  sections: Sections,
) {
  const layout = {} as Layout;
  let bytes = Buffer.byteLength(head);
  for (const [name, array] of Object.entries(sections) as [keyof Sections, Float64Array][]) {
    bytes = Math.ceil(bytes / 8) * 8;
    layout[name] = [bytes, array.length];
    bytes += array.byteLength;
  }
  layout.cards = bytes;
  for (let i = 0; i < cardLengths.length; i++) bytes += cardLengths[i] as number;
  const out = Buffer.alloc(bytes);
  out.write(head, 0);
  for (const [name, array] of Object.entries(sections) as [keyof Sections, Float64Array][]) {
    out.set(
      new Uint8Array(array.buffer, array.byteOffset, array.byteLength),
      (layout[name] as [number, number])[0],
    );
  }
  let at = layout.cards;
  const crcs = sections.cardCrcs && new Uint32Array(cards.length);
  cards.forEach((card, i) => {
    const start = at;
    at += typeof card === 'string' ? out.write(card, at) : card.copyCard(out, at);
    if (crcs) crcs[i] = crc32(out.subarray(start, at));
  });
  if (crcs && layout.cardCrcs) out.set(new Uint8Array(crcs.buffer), layout.cardCrcs[0]);
  return { bytes: out, layout };
}

/** A section of snapshot.bin's bytes, as a view. */
export function bytesAt(bin: Buffer, [offset, count]: [number, number]): Buffer {
  if (!(offset >= 0 && offset + count <= bin.length)) throw new Error('snapshot.bin is short');
  return bin.subarray(offset, offset + count);
}

/** A number column of snapshot.bin, copied out (a file's bytes need not be aligned for a view). */
export function section<T extends Float64Array | Uint32Array | Int32Array>(
  bin: Buffer,
  [offset, count]: [number, number],
  Type: { new (buffer: ArrayBuffer): T; BYTES_PER_ELEMENT: number },
): T {
  const end = offset + count * Type.BYTES_PER_ELEMENT;
  if (!(offset >= 0 && offset % 8 === 0 && end <= bin.length)) throw new Error('snapshot.bin is short');
  return new Type(bin.buffer.slice(bin.byteOffset + offset, bin.byteOffset + end) as ArrayBuffer);
}

/**
 * JSON with every character above U+007F escaped: the file is then plain ASCII, which Node reads
 * and V8 parses several times faster than text with a few accented topic or provider names.
 */
export function asciiJson(value: unknown): string {
  const text = JSON.stringify(value);
  return /[^\0-\x7f]/.test(text)
    ? text.replace(/[^\0-\x7f]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`)
    : text;
}

/** A score column's value: none is null in a journal, NaN in snapshot.bin. */
const score = (n: number | null | undefined) =>
  n === null || n === undefined || Number.isNaN(n) ? undefined : n;

/**
 * Records from columns (their cards in `cards`, their links in `links`), and the prepared articles
 * in their order (that of `prepared.detailHashes`). Records and articles are small objects that
 * read their numbers, file name, problems and image data from the columns when asked: made with
 * fifteen fields each, every number boxed on its own, 10,000 of them cost a new process more than
 * the rest of restoring them (most of it in the garbage collector).
 */
export function restoreRecords(
  c: Columns,
  cards: CardBytes,
  links: Buffer,
  root: string,
  /** `RareColumns` as JSON, when not in `c.prepared`; each card's CRC-32, to check it when read. */
  { rare, cardCrcs }: { rare?: Buffer; cardCrcs?: Uint32Array } = {},
) {
  const p = c.prepared;
  const records: RestoredRecord[] = [];
  const articles: RestoredArticle[] = [];
  // Display paths share the folder's prefix: path.relative per file costs more than the rest.
  const first = c.relPaths[0];
  const prefix = first === undefined ? '' : displayPath(path.join(root, first)).slice(0, -first.length);
  if (cardCrcs && cardCrcs.length !== p.cardHashes.length) {
    throw new Error("the snapshot's cards do not match");
  }
  const from = new Restoring(c, prefix, cards, links, articles, rare, cardCrcs);
  let topic = 0;
  let linkAt = 0;
  let related = 0;
  let cardAt = 0;
  for (let i = 0; i < c.relPaths.length; i++) {
    let prepared: RestoredArticle | undefined;
    if ((c.numbers[i * RECORD_NUMBERS + 3] as number) & Flag.prepared) {
      const article = articles.length;
      const m = article * PREPARED_NUMBERS;
      const nums = p.numbers;
      const topicEnd = topic + (nums[m + 4] as number);
      const cardEnd = cardAt + (p.cardLengths[article] as number);
      if (cardEnd > cards.length) throw new Error("the snapshot's cards are short");
      const relatedEnd = related + (nums[m + 6] as number);
      if (topicEnd > p.topics.length || (!rare && relatedEnd > p.relatedUrls.length)) {
        throw new Error("the snapshot's columns do not match");
      }
      from.cardStarts[article] = cardAt;
      from.topicStarts[article] = topic;
      from.relatedStarts[article] = related;
      from.linkStarts[article] = linkAt;
      linkAt += p.linkLengths[article] as number;
      prepared = new RestoredArticle(from, article, i);
      topic = topicEnd;
      cardAt = cardEnd;
      related = relatedEnd;
      articles.push(prepared);
    }
    records.push(new RestoredRecord(from, i, c.relPaths[i] as string, prepared));
  }
  if (cardAt !== cards.length) throw new Error("the snapshot's cards do not match");
  from.cardStarts[articles.length] = cardAt;
  from.topicStarts[articles.length] = topic;
  from.relatedStarts[articles.length] = related;
  from.linkStarts[articles.length] = linkAt;
  if (linkAt + 1 !== links.length || links[linkAt] !== NEWLINE) {
    throw new Error('the link text does not match');
  }
  return { records, articles };
}

/** Shared by every record restored without problems (never changed: a new check makes a new list). */
const NO_ISSUES: ContentIssue[] = [];
/** Shared by every article restored without detail pieces (never changed: pieces are replaced). */
const NO_PIECES: string[] = [];

const NEWLINE = 10;

/** What restored records and articles read their fields from, and where links are searched. */
class Restoring implements LinkSource {
  readonly ids: string[];
  readonly hashes: string[];
  /**
   * The records' numbers as they are now (a run that reads a file again with the same bytes
   * changes its size and times in place); the columns keep them as restored.
   */
  readonly numbers: Float64Array;
  readonly issues: Map<number, ContentIssue[]>;
  /** Image URLs and map keys, as they are now (`null` and '' for none). */
  readonly imageUrls: (string[] | null)[];
  readonly imagesKeys: string[];
  readonly prepared: Columns['prepared'];
  /** Each of `prepared.topicNames`' slug. */
  readonly slugOf: string[];
  /**
   * Where each article's card (in `cards`), topics, related URLs (in `prepared`) and links (in
   * `links`) start, and after the last article, where they end.
   */
  readonly cardStarts: Uint32Array;
  readonly topicStarts: Uint32Array;
  readonly relatedStarts: Uint32Array;
  readonly linkStarts: Uint32Array;

  private rareParsed: RareColumns | undefined;

  constructor(
    columns: Columns,
    /** What each relative path is prefixed with to name its file. */
    readonly prefix: string,
    readonly cards: CardBytes,
    readonly links: Buffer,
    readonly articles: RestoredArticle[],
    /** `RareColumns` as JSON, when not in `prepared`. */
    private readonly rare?: Buffer,
    readonly cardCrcs?: Uint32Array,
  ) {
    const prepared = columns.prepared;
    const count = columns.relPaths.length;
    this.ids = columns.ids;
    this.hashes = columns.hashes;
    this.numbers = Float64Array.from(columns.numbers);
    this.issues = new Map(columns.issues);
    this.imageUrls = new Array<string[] | null>(count).fill(null);
    this.imagesKeys = new Array<string>(count).fill('');
    for (const [i, urls, key] of columns.images) {
      this.imageUrls[i] = urls;
      this.imagesKeys[i] = key;
    }
    this.prepared = prepared;
    this.slugOf = prepared.topicNames.map(topicSlug);
    const starts = prepared.cardHashes.length + 1;
    this.cardStarts = new Uint32Array(starts);
    this.topicStarts = new Uint32Array(starts);
    this.relatedStarts = new Uint32Array(starts);
    this.linkStarts = new Uint32Array(starts);
  }

  /** The related URLs, parsed when first asked. */
  get rareColumns(): RareColumns {
    if (this.rareParsed) return this.rareParsed;
    if (!this.rare) return (this.rareParsed = this.prepared);
    const parsed = JSON.parse(this.rare.toString('latin1')) as RareColumns;
    // snapshot.bin was checked whole: these hold as written, unless the code that wrote them erred.
    if (parsed.relatedUrls.length !== this.relatedStarts[this.articles.length]) {
      throw new Error("the snapshot's related URLs do not match its articles");
    }
    return (this.rareParsed = parsed);
  }

  /** A search of the link text for the whole link: no article is made or decoded. */
  withLink(url: string): RestoredArticle[] {
    const found: RestoredArticle[] = [];
    const pattern = Buffer.from(`\n${url}\n`);
    for (let at = this.links.indexOf(pattern); at !== -1; at = this.links.indexOf(pattern, at + 1)) {
      // The article whose links hold `at`: the last one starting at or before it.
      let lo = 0;
      let hi = this.articles.length;
      while (hi - lo > 1) {
        const mid = (lo + hi) >> 1;
        if ((this.linkStarts[mid] as number) <= at) lo = mid;
        else hi = mid;
      }
      found.push(this.articles[lo] as RestoredArticle);
    }
    return found;
  }
}

/**
 * A record restored from the snapshot: the fields most runs read of every record are copied, the
 * others read from the columns when asked. What a run changes in place (size and times of a file
 * read again with the same bytes, image data) is kept in `Restoring`, apart from the columns, and
 * marks it `changed`: the persistent cache then need not compare 10,000 records field by field.
 */
export class RestoredRecord implements FileRecord {
  article: SourceArticle | undefined = undefined;
  /**
   * Whether its size, times or image data were changed in place since it was restored or last
   * saved in a snapshot; its prepared article then was `savedPrepared`.
   */
  changed = false;
  savedPrepared: PreparedArticle | undefined;
  readonly id: string;
  readonly hash: string;
  readonly valid: boolean;
  readonly published: boolean;

  constructor(
    private readonly from: Restoring,
    /** Its place among the records restored with it. */
    private readonly index: number,
    readonly relPath: string,
    public prepared: PreparedArticle | undefined,
  ) {
    const flags = from.numbers[index * RECORD_NUMBERS + 3] as number;
    this.savedPrepared = prepared;
    this.id = from.ids[index] as string;
    this.hash = from.hashes[index] as string;
    this.valid = (flags & Flag.valid) !== 0;
    this.published = (flags & Flag.published) !== 0;
  }

  get file(): string {
    return `${this.from.prefix}${this.relPath}`;
  }

  get size(): number {
    return this.from.numbers[this.index * RECORD_NUMBERS] as number;
  }

  set size(size: number) {
    this.from.numbers[this.index * RECORD_NUMBERS] = size;
    this.changed = true;
  }

  get mtimeMs(): number {
    return this.from.numbers[this.index * RECORD_NUMBERS + 1] as number;
  }

  set mtimeMs(mtimeMs: number) {
    this.from.numbers[this.index * RECORD_NUMBERS + 1] = mtimeMs;
    this.changed = true;
  }

  get readAt(): number {
    return this.from.numbers[this.index * RECORD_NUMBERS + 2] as number;
  }

  set readAt(readAt: number) {
    this.from.numbers[this.index * RECORD_NUMBERS + 2] = readAt;
    this.changed = true;
  }

  get clockBound(): boolean {
    return (this.flags & Flag.clockBound) !== 0;
  }

  get issues(): ContentIssue[] {
    return this.from.issues.get(this.index) ?? NO_ISSUES;
  }

  get imageUrls(): string[] | null {
    return this.from.imageUrls[this.index] as string[] | null;
  }

  set imageUrls(urls: string[] | null) {
    this.from.imageUrls[this.index] = urls;
    this.changed = true;
  }

  get imagesKey(): string {
    return this.from.imagesKeys[this.index] as string;
  }

  set imagesKey(key: string) {
    this.from.imagesKeys[this.index] = key;
    this.changed = true;
  }

  /** Whether it changed since it was restored or last saved in a snapshot. */
  changedSinceSaved(): boolean {
    return this.changed || this.prepared !== this.savedPrepared;
  }

  /** Takes its state as the one saved in a new snapshot. */
  saved(): void {
    this.changed = false;
    this.savedPrepared = this.prepared;
  }

  private get flags(): number {
    return this.from.numbers[this.index * RECORD_NUMBERS + 3] as number;
  }
}

/**
 * An article restored from the snapshot. What most runs never ask of an unchanged article is read
 * from the columns when first asked: its card text (decoded only when a shard that shows it is
 * written or served, after one edit a few dozen of them), its topics, related URLs and links.
 */
export class RestoredArticle implements PreparedArticle {
  /** None until a run gives them (the journal, or the source read again to render the detail). */
  detailPieces: string[] = NO_PIECES;
  private text: string | undefined;
  private topicList: string[] | undefined;
  private slugList: string[] | undefined;
  private relatedList: (string | undefined)[] | undefined;
  private linkList: string[] | undefined;

  readonly id: string;
  readonly draft: boolean;
  readonly cardHash: string;

  constructor(
    private readonly from: Restoring,
    /** Its place among the articles restored with it. */
    private readonly index: number,
    /** Its record's place among the records. */
    record: number,
  ) {
    this.id = from.ids[record] as string;
    this.draft = ((from.numbers[record * RECORD_NUMBERS + 3] as number) & Flag.draft) !== 0;
    this.cardHash = from.prepared.cardHashes[index] as string;
  }

  get time(): number {
    return this.from.prepared.numbers[this.index * PREPARED_NUMBERS] as number;
  }

  get quality(): number | undefined {
    return score(this.from.prepared.numbers[this.index * PREPARED_NUMBERS + 1]);
  }

  get heat(): number | undefined {
    return score(this.from.prepared.numbers[this.index * PREPARED_NUMBERS + 2]);
  }

  get provider(): ProviderRef | undefined {
    const provider = this.from.prepared.numbers[this.index * PREPARED_NUMBERS + 3] as number;
    return provider === -1 ? undefined : this.from.prepared.providers[provider];
  }

  get topicNames(): string[] {
    if (this.topicList) return this.topicList;
    const names = this.from.prepared.topicNames;
    return (this.topicList = this.topicIndexes().map((t) => names[t] as string));
  }

  get linkSource(): LinkSource {
    return this.from;
  }

  get links(): string[] {
    if (this.linkList) return this.linkList;
    const start = this.from.linkStarts[this.index] as number;
    const end = this.from.linkStarts[this.index + 1] as number;
    // Each link follows a newline: the text's first piece is empty.
    this.linkList = start === end ? [] : this.from.links.toString('utf8', start + 1, end).split('\n');
    return this.linkList;
  }

  get slugs(): string[] {
    if (this.slugList) return this.slugList;
    const slugs: string[] = [];
    for (const t of this.topicIndexes()) {
      const slug = this.from.slugOf[t] as string;
      if (!slugs.includes(slug)) slugs.push(slug);
    }
    return (this.slugList = slugs);
  }

  get relatedUrls(): (string | undefined)[] {
    this.relatedList ??= this.from.rareColumns.relatedUrls
      .slice(this.from.relatedStarts[this.index], this.from.relatedStarts[this.index + 1])
      .map((url) => url ?? undefined);
    return this.relatedList;
  }

  get cardText(): string {
    if (this.text !== undefined) return this.text;
    const bytes = this.from.cards.bytes(this.start, this.end);
    const crcs = this.from.cardCrcs;
    if (crcs && crc32(bytes) !== crcs[this.index]) {
      throw new DamagedSnapshot(`card ${this.index} is not the one saved`);
    }
    return (this.text = bytes.toString('utf8'));
  }

  get cardLength(): number {
    return this.end - this.start;
  }

  /** Its topics, as indexes into the columns' topic names. */
  private topicIndexes(): number[] {
    const { topicStarts, prepared } = this.from;
    const indexes: number[] = [];
    for (let t = topicStarts[this.index] as number; t < (topicStarts[this.index + 1] as number); t++) {
      indexes.push(prepared.topics[t] as number);
    }
    return indexes;
  }

  private get start(): number {
    return this.from.cardStarts[this.index] as number;
  }

  private get end(): number {
    return this.from.cardStarts[this.index + 1] as number;
  }

  /** Whether the card is still only bytes (saving copies them rather than encoding the text). */
  undecoded(): boolean {
    return this.text === undefined;
  }

  /** Copies the card's bytes into `target` at `at`; returns how many. */
  copyCard(target: Buffer, at: number): number {
    return this.from.cards.copy(target, at, this.start, this.end);
  }
}

/**
 * The persistent cache's files do not hold what they say (a card read from snapshot.bin whose
 * CRC-32 is not its own): the run that finds it starts again without them.
 */
export class DamagedSnapshot extends Error {}

/** Closes the file of a card source no longer reachable (a dev server's cache replaced, say). */
const closing = new FinalizationRegistry<number>((fd) => {
  try {
    closeSync(fd);
  } catch {
    // Closed already: nothing to do.
  }
});

/**
 * The bytes of restored cards, one after the other: a journal's, in memory, or snapshot.bin's,
 * left in the file (open since the snapshot was read, so a newer one written meanwhile changes
 * nothing) and read card by card as runs ask (after one edit, a few hundred of 10,000), or all at
 * once when a new snapshot copies them. Each card is checked against its CRC-32 when decoded
 * (`Layout.cardCrcs`), and all of them against theirs when read at once.
 */
export class CardBytes {
  private constructor(
    readonly length: number,
    private memory: Buffer | undefined,
    private file?: { fd: number; offset: number; crc: number },
  ) {}

  static inMemory(bytes: Buffer): CardBytes {
    return new CardBytes(bytes.length, bytes);
  }

  /** `length` bytes from `offset` in the open file `fd`, which it closes once read whole. */
  static inFile(fd: number, offset: number, length: number, crc: number): CardBytes {
    const cards = new CardBytes(length, undefined, { fd, offset, crc });
    closing.register(cards, fd, cards);
    return cards;
  }

  /** Bytes `start` to `end`. */
  bytes(start: number, end: number): Buffer {
    if (this.memory) return this.memory.subarray(start, end);
    const file = this.file as { fd: number; offset: number };
    const bytes = Buffer.allocUnsafe(end - start);
    readWhole(file.fd, bytes, file.offset + start);
    return bytes;
  }

  /** Copies bytes `start` to `end` into `target` at `at`; returns how many. */
  copy(target: Buffer, at: number, start: number, end: number): number {
    return this.all().copy(target, at, start, end);
  }

  /** Closes the file (its cards not read since cannot be had). */
  release(): void {
    if (!this.file) return;
    closing.unregister(this);
    closeSync(this.file.fd);
    this.file = undefined;
    this.memory ??= Buffer.alloc(0);
  }

  private all(): Buffer {
    if (this.memory) return this.memory;
    const file = this.file as { fd: number; offset: number; crc: number };
    const bytes = Buffer.allocUnsafe(this.length);
    try {
      readWhole(file.fd, bytes, file.offset);
    } finally {
      this.release();
    }
    if (crc32(bytes) !== file.crc) throw new DamagedSnapshot("the snapshot's cards are not the ones saved");
    return (this.memory = bytes);
  }
}

/** Fills `bytes` from the file `fd` at `position`; throws if the file ends first. */
export function readWhole(fd: number, bytes: Buffer, position: number): void {
  for (let at = 0; at < bytes.length;) {
    const read = readSync(fd, bytes, at, bytes.length - at, position + at);
    if (read === 0) throw new DamagedSnapshot('snapshot.bin is short');
    at += read;
  }
}
