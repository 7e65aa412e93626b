import { fstatSync, openSync } from 'node:fs';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { crc32 } from 'node:zlib';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { linkLookup } from '../../src/content-pipeline/derive';
import { shortHash } from '../../src/content-pipeline/prepare';
import type { PreparedArticle } from '../../src/content-pipeline/prepare';
import {
  CardBytes,
  DamagedSnapshot,
  recordColumns,
  restoreRecords,
} from '../../src/content-pipeline/snapshot-columns';
import type { RestoredArticle, RestoredRecord } from '../../src/content-pipeline/snapshot-columns';
import { ContentStore } from '../../src/content-pipeline/store';
import type { FileRecord } from '../../src/content-pipeline/store';

const article = (id: string, links: string[]): PreparedArticle => ({
  id,
  time: 0,
  quality: undefined,
  heat: undefined,
  draft: false,
  provider: undefined,
  slugs: [],
  topicNames: [],
  links,
  relatedUrls: [],
  cardText: `{"id":"${id}"}`,
  cardHash: shortHash(`{"id":"${id}"}`),
  detailPieces: [],
});

const record = (prepared: PreparedArticle): FileRecord => ({
  relPath: `${prepared.id}.md`,
  file: `content/${prepared.id}.md`,
  id: prepared.id,
  size: 1,
  mtimeMs: 1,
  readAt: 1,
  hash: 'h',
  clockBound: false,
  issues: [],
  valid: true,
  published: true,
  imageUrls: null,
  article: undefined,
  prepared,
  imagesKey: '',
});

/** The cards of `recordColumns` as bytes in memory, as a journal keeps them. */
const cardBytes = (cards: (RestoredArticle | string)[]) =>
  CardBytes.inMemory(Buffer.from(cards.map((c) => (typeof c === 'string' ? c : c.cardText)).join('')));

/** Articles written to columns and restored from them, as a new process does. */
function roundTrip(articles: PreparedArticle[]): PreparedArticle[] {
  const { columns, cards, linkText } = recordColumns(articles.map(record), new ContentStore());
  const bytes = cardBytes(cards);
  return restoreRecords(columns, bytes, Buffer.from(linkText), '/content').articles;
}

const ARTICLES = [
  article('a', ['https://news.example/story', 'https://amp.example/story']),
  article('b', []),
  article('c', ['https://news.example/story-2']),
  article('d', ['https://news.example/caf%C3%A9', 'https://news.example/story']),
];

describe('restored articles and their links', () => {
  it('give back each article’s links, and none where it had none', () => {
    expect(roundTrip(ARTICLES).map((a) => a.links)).toEqual(ARTICLES.map((a) => a.links));
  });

  it('are found by a whole link only, every article that has it', () => {
    const restored = roundTrip(ARTICLES);
    const find = (url: string) => restored[0]?.linkSource?.withLink(url).map((a) => a.id) ?? 'no link source';
    expect(find('https://news.example/story')).toEqual(['a', 'd']);
    expect(find('https://news.example/story-2')).toEqual(['c']);
    expect(find('https://amp.example/story')).toEqual(['a']);
    expect(find('https://news.example/caf%C3%A9')).toEqual(['d']);
    expect(find('https://news.example/stor')).toEqual([]);
    expect(find('news.example/story')).toEqual([]);
  });

  it('are looked up with fresh articles, restored ones counted only while still current', () => {
    const restored = roundTrip(ARTICLES);
    // "d" changed since (a fresh version without that link), "c" is gone, "e" is new.
    const d = article('d', ['https://news.example/caf%C3%A9']);
    const e = article('e', ['https://news.example/story-2', 'https://news.example/story']);
    const current = [restored[0], restored[1], d, e] as PreparedArticle[];
    const lookup = linkLookup(current, [d, e], (a) => current.includes(a as PreparedArticle));
    expect(lookup('https://news.example/story')).toEqual(['a', 'e']);
    expect(lookup('https://news.example/story-2')).toEqual(['e']);
    expect(lookup('https://news.example/caf%C3%A9')).toEqual(['d']);
    expect(lookup('https://news.example/none')).toBeUndefined();
  });

  it('give back related URLs kept apart as JSON, read when first asked, and providers', () => {
    const withRelated = [
      { ...article('a', []), relatedUrls: ['https://x.example/1', undefined], provider: { name: 'X' } },
      article('b', []),
      {
        ...article('c', []),
        relatedUrls: ['https://x.example/2'],
        provider: { name: 'Y', domain: 'y.example' },
      },
    ];
    const { columns, cards, linkText } = recordColumns(withRelated.map(record), new ContentStore());
    const bytes = cardBytes(cards);
    const { relatedUrls } = columns.prepared;
    const rare = Buffer.from(JSON.stringify({ relatedUrls }));
    const bare = { ...columns, prepared: { ...columns.prepared, relatedUrls: [] } };
    const restored = restoreRecords(bare, bytes, Buffer.from(linkText), '/content', { rare }).articles;
    expect(restored.map((a) => a.relatedUrls)).toEqual(withRelated.map((a) => a.relatedUrls));
    expect(restored.map((a) => a.provider)).toEqual(withRelated.map((a) => a.provider));
    // Columns that do not match the articles are refused when read.
    const short = Buffer.from(JSON.stringify({ relatedUrls: relatedUrls.slice(1) }));
    const damaged = restoreRecords(bare, bytes, Buffer.from(linkText), '/content', { rare: short }).articles;
    expect(() => damaged[0]?.relatedUrls).toThrow('do not match');
  });

  it('are refused when the link text does not end where the columns say', () => {
    const { columns, cards, linkText } = recordColumns(ARTICLES.map(record), new ContentStore());
    const bytes = cardBytes(cards);
    expect(() => restoreRecords(columns, bytes, Buffer.from(linkText.slice(0, -1)), '/content')).toThrow(
      'the link text does not match',
    );
  });
});

describe('restored records', () => {
  const originals = (): FileRecord[] => [
    { ...record(article('a', [])), size: 120, mtimeMs: 1_700_000_000_123.5, readAt: 1_700_000_009_000.25 },
    {
      ...record(article('b', [])),
      imageUrls: ['https://img.example/b.jpg'],
      imagesKey: '[{"src":"/images/b.jpg"}]',
      published: false,
    },
    {
      ...record(article('c', [])),
      prepared: undefined,
      valid: false,
      clockBound: true,
      hash: '',
      issues: [
        { file: 'content/c.md', line: 2, col: 1, field: 'title', message: 'is empty', severity: 'error' },
      ],
    },
  ];
  const restore = (records: FileRecord[]) => {
    // A store whose last run had an image step: the records' image URLs are kept.
    const store = new ContentStore();
    store.withImages = true;
    const { columns, cards, linkText } = recordColumns(records, store);
    const bytes = cardBytes(cards);
    // Files are named relative to the working folder, as the records were.
    const root = path.resolve('content');
    return { columns, restored: restoreRecords(columns, bytes, Buffer.from(linkText), root) };
  };
  const fields = (rec: FileRecord) => {
    const { relPath, file, id, size, mtimeMs, readAt, hash, clockBound, issues, valid, published } = rec;
    const { imageUrls, imagesKey } = rec;
    return {
      relPath,
      file,
      id,
      size,
      mtimeMs,
      readAt,
      hash,
      clockBound,
      issues,
      valid,
      published,
      imageUrls,
      imagesKey,
    };
  };

  it('give back every field they were written with', () => {
    const records = originals();
    const { restored } = restore(records);
    expect(restored.records.map(fields)).toEqual(records.map(fields));
    expect(restored.records.map((rec) => rec.prepared?.id)).toEqual(['a', 'b', undefined]);
  });

  it('take new times and image data in place, leaving the columns as restored for the journal to compare', () => {
    const { columns, restored } = restore(originals());
    const before = Array.from(columns.numbers);
    const [a, b, c] = restored.records as [RestoredRecord, RestoredRecord, RestoredRecord];
    expect(restored.records.some((rec) => rec.changed)).toBe(false);
    a.size = 121;
    a.mtimeMs = 1_700_000_100_000.75;
    a.readAt = 1_700_000_200_000;
    b.imageUrls = null;
    b.imagesKey = '';
    expect(fields(a)).toMatchObject({ size: 121, mtimeMs: 1_700_000_100_000.75, readAt: 1_700_000_200_000 });
    expect(fields(b)).toMatchObject({ imageUrls: null, imagesKey: '' });
    expect(Array.from(columns.numbers)).toEqual(before);
    // Each notes that it changed, for the journal, which then need not compare them field by field.
    expect([a.changed, b.changed, c.changed]).toEqual([true, true, false]);
    // Written again, they give what they hold now.
    const again = restore(restored.records).restored.records;
    expect(again.map(fields)).toEqual(restored.records.map(fields));
    expect(fields(again[0] as FileRecord)).toMatchObject({ size: 121, mtimeMs: 1_700_000_100_000.75 });
  });
});

describe('card bytes', () => {
  const CARDS = ['{"id":"a"}', '{"id":"b","title":"Café"}', '{"id":"c"}'];
  let dir: string;
  beforeEach(async () => {
    dir = await mkdtemp(path.join(tmpdir(), 'card-bytes-'));
  });
  afterEach(() => rm(dir, { recursive: true, force: true }));

  /** A file of `head` then the cards, open for reading, and where each card starts in it. */
  async function cardFile(head: string) {
    const file = path.join(dir, 'snapshot.bin');
    const cards = Buffer.from(CARDS.join(''));
    await writeFile(file, Buffer.concat([Buffer.from(head), cards]));
    const starts = [0];
    for (const card of CARDS) starts.push((starts.at(-1) ?? 0) + Buffer.byteLength(card));
    return { fd: openSync(file, 'r'), cards, starts };
  }

  it('are read from the file card by card, then whole once, which closes it', async () => {
    const { fd, cards, starts } = await cardFile('head\n');
    const source = CardBytes.inFile(fd, 5, cards.length, crc32(cards));
    expect(source.bytes(starts[1] ?? 0, starts[2] ?? 0).toString()).toBe(CARDS[1]);
    const copy = Buffer.alloc(cards.length);
    expect(source.copy(copy, 0, 0, cards.length)).toBe(cards.length);
    expect(copy.toString()).toBe(CARDS.join(''));
    expect(() => fstatSync(fd)).toThrow('EBADF');
    expect(source.bytes(starts[2] ?? 0, starts[3] ?? 0).toString()).toBe(CARDS[2]);
  });

  it('are refused whole, and one by one, when their CRC-32 is not the saved one', async () => {
    const { fd, cards } = await cardFile('head\n');
    const source = CardBytes.inFile(fd, 5, cards.length, crc32(cards) ^ 1);
    expect(() => source.copy(Buffer.alloc(cards.length), 0, 0, cards.length)).toThrow(DamagedSnapshot);

    const articles = [article('a', []), article('b', [])];
    const { columns, cards: written, linkText } = recordColumns(articles.map(record), new ContentStore());
    const text = Buffer.from(written.map((c) => (typeof c === 'string' ? c : c.cardText)).join(''));
    const cardCrcs = Uint32Array.from(articles, (a) => crc32(Buffer.from(a.cardText)));
    text[text.length - 3] = 'c'.charCodeAt(0); // {"id":"b"} becomes {"id":"c"}
    const restored = restoreRecords(columns, CardBytes.inMemory(text), Buffer.from(linkText), '/content', {
      cardCrcs,
    });
    expect(restored.articles[0]?.cardText).toBe('{"id":"a"}');
    expect(() => restored.articles[1]?.cardText).toThrow(DamagedSnapshot);
  });
});
