import { readFileSync } from 'node:fs';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { stringify } from 'yaml';
import { deriveContent } from '../../src/content-pipeline/derive';
import { emitContent } from '../../src/content-pipeline/emit';
import { buildContent } from '../../src/content-pipeline/index';
import type { SourceArticle } from '../../src/content-pipeline/source';
import { checkHttpUrl } from '../../src/content-pipeline/urls';
import { validateArticle } from '../../src/content-pipeline/validate';
import { httpUrl } from '../../src/lib/safe-url';
import { fileFrom, NOW } from './helpers';
import { parseContentFile } from '../../src/content-pipeline/parse';

/**
 * Property tests over hostile input: mutations of the seed article, schema-shaped documents whose
 * every value is hostile, arbitrary YAML, random bytes and hostile URLs. Every input must end as an
 * article or as a named problem (never an exception or a hang), and everything published must be
 * safe: http(s) links only, no prototype keys, no control characters.
 */

const SEED = readFileSync('test/fixtures/content-valid/000_510c411c3dc4518e.txt');
/** Generous: a hang guard, not a benchmark (each input takes a few ms; the machine may be busy). */
const HANG_GUARD_MS = 3000;
const URL_KEYS = new Set(['url', 'ampUrl', 'src', 'original']);
const PROTOTYPE_KEYS = new Set(['__proto__', 'constructor', 'prototype']);
// eslint-disable-next-line no-control-regex -- asserting that no control character is published
const PUBLISHED_CONTROL = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f]/;

// eslint-disable-next-line no-control-regex -- what WHATWG URL parsing trims from both ends
const C0_OR_SPACE_AT_ENDS = /^[\u0000-\u0020]+|[\u0000-\u0020]+$/g;

let slowest = 0;

/** Parse and validate one file; the article when it is one, else asserts that an error names it. */
function outcome(content: string | Uint8Array, name = 'fuzz.md'): SourceArticle | null {
  const started = performance.now();
  const parsed = parseContentFile(fileFrom(content, name));
  const article = validateArticle(parsed, NOW);
  const ms = performance.now() - started;
  slowest = Math.max(slowest, ms);
  expect(ms).toBeLessThan(HANG_GUARD_MS);
  const errors = parsed.issues.items.filter((i) => i.severity === 'error');
  for (const issue of parsed.issues.items) {
    expect(issue.file).toBe(name);
    expect(issue.line).toBeGreaterThanOrEqual(1);
    expect(issue.col).toBeGreaterThanOrEqual(1);
    expect(issue.field).not.toBe('');
    expect(issue.message).not.toBe('');
  }
  if (article) expect(errors).toEqual([]);
  else expect(errors.length).toBeGreaterThan(0);
  return article;
}

/** Every published string under a URL key, and every key, in emitted JSON files. */
function checkPublished(files: Iterable<string>) {
  for (const json of files) {
    const visit = (value: unknown, key: string) => {
      if (typeof value === 'string') {
        if (URL_KEYS.has(key)) expect(value).toMatch(/^(https?:\/\/[^/\\\s]|\/(?![/\\]))/);
        expect(value).not.toMatch(PUBLISHED_CONTROL);
      } else if (Array.isArray(value)) value.forEach((item) => visit(item, key));
      else if (value !== null && typeof value === 'object') {
        for (const [k, v] of Object.entries(value)) {
          expect(PROTOTYPE_KEYS.has(k)).toBe(false);
          visit(v, k);
        }
      }
    };
    visit(JSON.parse(json), '');
  }
  expect(Object.prototype).not.toHaveProperty('polluted');
}

/** An article through derive and emit, as a build would publish it (drafts included). */
function publish(article: SourceArticle | null) {
  if (!article) return;
  const derived = deriveContent([article], { drafts: true });
  checkPublished(emitContent(derived, { drafts: true, builtAt: NOW.toISOString() }).files.values());
}

// ---- Arbitraries ----------------------------------------------------------------------------

const PAYLOADS = [
  '<script>alert(1)</script>',
  '<img src=x onerror=alert(1)>',
  '"><svg onload=alert(1)>',
  '{{constructor.constructor("alert(1)")()}}',
  '${alert(1)}',
  '__proto__',
  'constructor',
  '\u202eevil',
  '\u0097',
  '\u009b2J',
  '\u001b]8;;https://evil.example\u0007',
  '\ufeff',
  '\ud800',
  '\u0000',
  '&a',
  '*a',
  '!!js/function',
];

/** Text that is hostile in one of many ways, or random. */
const hostileText = fc.oneof(
  fc.constantFrom(...PAYLOADS),
  fc.string({ unit: 'binary', maxLength: 40 }),
  fc
    .array(fc.constantFrom(...PAYLOADS, 'a', ' ', '\n', '\t'), { maxLength: 6 })
    .map((parts) => parts.join('')),
);

/** URLs built from the pieces browsers and parsers disagree on. */
const hostileUrl = fc
  .tuple(
    fc.constantFrom('', ' ', '\t', '\n', '\u0000', '\u00a0', '\ufeff'),
    fc.constantFrom(
      'https',
      'http',
      'HtTpS',
      'javascript',
      'JaVaScRiPt',
      'java\tscript',
      'java\nscript',
      'vbscript',
      'data',
      'file',
      'blob',
      'ftp',
      '',
    ),
    fc.constantFrom(
      ':',
      '://',
      ':/',
      ':\\\\',
      ':\\/',
      '://user:pass@',
      '://trusted.example@',
      '//',
      ': //',
      '&#58;',
      '%3A',
    ),
    fc.constantFrom(
      'example.com',
      'EXAMPLE.com',
      '127.0.0.1',
      '[::1]',
      'xn--e1afmkfd.example',
      'ex ample.com',
      'evil.example%2F',
      '',
    ),
    fc.constantFrom('', '/', '/a?b=<script>', '/%0a', '#x', '/\u202egpj.exe', '/a b', '\\evil', '/alert(1)'),
    fc.constantFrom('', ' ', '\t', '\r\n'),
  )
  .map((parts) => parts.join(''));

const url = fc.oneof(hostileUrl, fc.webUrl(), fc.string({ unit: 'binary', maxLength: 30 }));
const number = fc.oneof(
  fc.double(),
  fc.integer({ min: -5, max: 500 }),
  fc.constantFrom(Number.MAX_VALUE, -0, 1e300),
  hostileText,
);
const date = fc.oneof(
  fc
    .date({
      min: new Date('1000-01-01T00:00:00Z'),
      max: new Date('9999-12-31T23:59:59Z'),
      noInvalidDate: true,
    })
    .map((d) => d.toISOString()),
  fc.constantFrom(
    '2024-13-45T00:00:00Z',
    '2023-02-30T10:00:00Z',
    '2020-05-06T24:61:00Z',
    '2020-05-06T00:00:00',
    '0999-01-01T00:00:00Z',
  ),
  hostileText,
);
const provider = fc.record(
  { name: hostileText, domain: fc.oneof(hostileText, fc.domain()) },
  { requiredKeys: [] },
);
const image = fc.record(
  { url, width: number, height: number, title: hostileText, isCached: fc.oneof(fc.boolean(), hostileText) },
  { requiredKeys: [] },
);
const related = fc.record(
  {
    title: hostileText,
    excerpt: hostileText,
    publishedDateTime: date,
    webUrl: url,
    ampWebUrl: url,
    cdnAmpWebUrl: url,
    provider,
    quality: number,
    images: fc.array(image, { maxLength: 2 }),
  },
  { requiredKeys: [] },
);
/** A document with the schema's fields, each right-typed but hostile, or of a wrong type. */
const schemaDocument = fc
  .tuple(
    fc.record(
      {
        title: hostileText,
        excerpt: hostileText,
        category: hostileText,
        type: hostileText,
        publishedDateTime: date,
        originalUrl: url,
        webUrl: url,
        ampWebUrl: url,
        cdnAmpWebUrl: url,
        quality: number,
        heat: number,
        published: fc.oneof(fc.boolean(), hostileText),
        provider: fc.oneof(provider, hostileText),
        topics: fc.oneof(fc.array(hostileText, { maxLength: 4 }), hostileText),
        tags: fc.array(hostileText, { maxLength: 3 }),
        images: fc.oneof(fc.array(image, { maxLength: 3 }), image),
        related: fc.array(related, { maxLength: 3 }),
      },
      { requiredKeys: ['title', 'publishedDateTime'] },
    ),
    fc.option(fc.dictionary(fc.constantFrom('polluted', 'toString'), hostileText)),
    fc.boolean(),
  )
  .map(([doc, proto, constructorKey]) => {
    // Own keys named __proto__ and constructor (an object literal would set the prototype instead).
    if (proto) Object.defineProperty(doc, '__proto__', { value: proto, enumerable: true });
    if (constructorKey) {
      Object.defineProperty(doc, 'constructor', {
        value: { prototype: { polluted: true } },
        enumerable: true,
      });
    }
    return doc;
  });

/** Pieces of YAML syntax and trouble, inserted into the seed file by the mutations below. */
const TOKENS = [
  '&a ',
  '*a',
  '*b ',
  '!!binary ',
  '!!js/function ',
  '!custom ',
  '<<: ',
  '- ',
  ': ',
  '? ',
  '[',
  ']',
  '{',
  '}',
  ',',
  '"',
  "'",
  '|',
  '>-',
  '#',
  '%YAML 1.1\n',
  '@',
  '`',
  '\t',
  '\r',
  '\n',
  '\r\n',
  '---\n',
  '...\n',
  '---js\n',
  '\u0000',
  '\u0097',
  '\u202e',
  '\ufeff',
  'javascript:',
  '__proto__: ',
  'constructor:\n  prototype:\n    x: 1\n',
  '  ',
  'title: ',
  'webUrl: ',
  '[[[[[[[[[[[[[[[[[[[[',
  '&b [*a, *a, *a, *a, *a, *a, *a, *a]',
];
const mutation = fc.oneof(
  fc.record({
    kind: fc.constant('insert' as const),
    at: fc.nat(),
    text: fc.oneof(fc.constantFrom(...TOKENS), hostileText),
  }),
  fc.record({ kind: fc.constant('delete' as const), at: fc.nat(), length: fc.integer({ min: 1, max: 40 }) }),
  fc.record({ kind: fc.constant('byte' as const), at: fc.nat(), value: fc.integer({ min: 0, max: 255 }) }),
  fc.record({ kind: fc.constant('truncate' as const), at: fc.nat() }),
  fc.record({
    kind: fc.constant('repeat-line' as const),
    at: fc.nat(),
    times: fc.integer({ min: 2, max: 50 }),
  }),
);
type Mutation = typeof mutation extends fc.Arbitrary<infer T> ? T : never;

function mutate(seed: Uint8Array, mutations: Mutation[]): Uint8Array {
  // Arrays are joined with concat, not spread into splice: a repeated long line would overflow the stack.
  let bytes = [...seed];
  for (const m of mutations) {
    const at = bytes.length === 0 ? 0 : m.at % (bytes.length + 1);
    const replace = (start: number, end: number, insert: number[]) =>
      bytes.slice(0, start).concat(insert, bytes.slice(end));
    if (m.kind === 'insert') bytes = replace(at, at, [...new TextEncoder().encode(m.text)]);
    else if (m.kind === 'delete') bytes = replace(at, at + m.length, []);
    else if (m.kind === 'byte') bytes[Math.min(at, bytes.length - 1)] = m.value;
    else if (m.kind === 'truncate') bytes = bytes.slice(0, at);
    else {
      const start = bytes.lastIndexOf(10, at - 1) + 1;
      const end = bytes.indexOf(10, at);
      const line = bytes.slice(start, end === -1 ? bytes.length : end + 1);
      bytes = replace(start, start, new Array<number[]>(m.times - 1).fill(line).flat());
    }
  }
  return new Uint8Array(bytes);
}

const asFile = (doc: unknown, flow = false) =>
  `---\n${stringify(doc, { collectionStyle: flow ? 'flow' : 'any' })}---\n`;

// ---- Properties -----------------------------------------------------------------------------

// Each property runs for several seconds on a busy machine; the default 5 s would cut them short.
describe(
  'hostile input, at random: an article or a named problem, and only safe output',
  { timeout: 30_000 },
  () => {
    it('mutations of the seed article (inserted YAML syntax, deleted ranges, bad bytes, truncation)', () => {
      fc.assert(
        fc.property(fc.array(mutation, { minLength: 1, maxLength: 6 }), (mutations) => {
          publish(outcome(mutate(SEED, mutations)));
        }),
        { numRuns: 400 },
      );
    });

    it('schema-shaped documents with a hostile value in every field, block or flow style', () => {
      fc.assert(
        fc.property(schemaDocument, fc.boolean(), (doc, flow) => {
          publish(outcome(asFile(doc, flow)));
        }),
        { numRuns: 700 },
      );
    });

    it('arbitrary YAML values and random bytes as front matter', () => {
      fc.assert(
        fc.property(
          fc.oneof(
            fc
              .anything({ maxDepth: 4, withNullPrototype: true, withObjectString: true })
              .map((v) => asFile(v)),
            fc
              .uint8Array({ maxLength: 300 })
              .map((b) => new Uint8Array([...new TextEncoder().encode('---\n'), ...b, 10, 45, 45, 45, 10])),
            fc
              .array(fc.constantFrom(...TOKENS, 'a', 'b', '1'), { maxLength: 40 })
              .map((t) => `---\n${t.join('')}\n---\n`),
          ),
          (content) => {
            publish(outcome(content));
          },
        ),
        { numRuns: 1200 },
      );
    });

    it('URLs: what passes is absolute http(s) to the pipeline, to a browser and to the reader’s own gate', () => {
      fc.assert(
        fc.property(url, (raw) => {
          const check = checkHttpUrl(raw);
          // What a browser would make of the raw text in an href: C0 and spaces trimmed, tabs and
          // newlines removed (WHATWG URL parsing), then the scheme.
          const asBrowserReadsIt = raw.replace(C0_OR_SPACE_AT_ENDS, '').replace(/[\t\n\r]/g, '');
          const browserScheme = /^([a-z][a-z0-9+.-]*):/i.exec(asBrowserReadsIt)?.[1]?.toLowerCase();
          if (!check.ok) return;
          expect(check.url).toMatch(/^https?:\/\/[^/\\\s]/);
          expect(new URL(check.url).href).toBe(check.url);
          expect(new URL(check.url).username + new URL(check.url).password).toBe('');
          expect(httpUrl(check.url)).toBe(check.url);
          // The pipeline never turns something a browser would read as another scheme into a link.
          // (Without a scheme, e.g. after a no-break space the browser keeps, the raw text would be a
          // harmless relative link; the pipeline trims Unicode spaces and publishes the http(s) URL.)
          if (browserScheme !== undefined) expect(['http', 'https']).toContain(browserScheme);
        }),
        { numRuns: 3000 },
      );
    });

    it('whole builds over temporary folders of hostile files', async () => {
      const file = fc.oneof(
        fc.array(mutation, { minLength: 1, maxLength: 4 }).map((m) => mutate(SEED, m)),
        schemaDocument.map((doc) => new TextEncoder().encode(asFile(doc))),
        fc.uint8Array({ maxLength: 200 }),
      );
      await fc.assert(
        fc.asyncProperty(fc.array(file, { minLength: 1, maxLength: 4 }), async (contents) => {
          const dir = await mkdtemp(path.join(tmpdir(), 'news-hostile-fuzz-'));
          try {
            const names = contents.map((_, i) => `f${i}.md`);
            await Promise.all(contents.map((bytes, i) => writeFile(path.join(dir, names[i] ?? ''), bytes)));
            const result = await buildContent({ contentDir: dir, drafts: true, now: NOW });
            const invalid = result.invalidFiles.map((f) => path.basename(f));
            const published = [...result.files.keys()].flatMap(
              (n) => /^articles\/(.+)\.json$/.exec(n)?.[1] ?? [],
            );
            // Each file is exactly one of: an article, or an invalid file named by an error.
            expect([...invalid, ...published.map((id) => `${id}.md`)].sort()).toEqual(names);
            const withErrors = new Set(
              result.issues.filter((i) => i.severity === 'error').map((i) => path.basename(i.file)),
            );
            expect([...withErrors].sort()).toEqual(invalid);
            checkPublished(result.files.values());
          } finally {
            await rm(dir, { recursive: true, force: true });
          }
        }),
        { numRuns: 40 },
      );
      // Reported so the figure is visible in the test output; the assertion is the hang guard above.
      console.info(`hostile-property: slowest single file ${slowest.toFixed(1)} ms`);
    });
  },
);
