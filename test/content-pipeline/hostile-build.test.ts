import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildContent, DEFAULT_MAX_FILE_BYTES, formatIssue } from '../../src/content-pipeline/index';
import type { ContentBuild } from '../../src/content-pipeline/index';
import type { ArticleDetail, CardSummary, FeedShard } from '../../src/types/content';
import { NOW } from './helpers';

/** The whole hostile corpus through buildContent, as `npm run build` with CONTENT_SKIP_INVALID=1 would see it. */

const DIR = 'test/fixtures/hostile';
const URL_KEYS = new Set(['url', 'ampUrl', 'src', 'original']);
const PROTOTYPE_KEYS = new Set(['__proto__', 'constructor', 'prototype']);

/** Every key and every (key, string value) pair in a JSON text, however deep. */
function walk(json: string) {
  const keys: string[] = [];
  const strings: [key: string, value: string][] = [];
  const visit = (value: unknown, key: string) => {
    if (typeof value === 'string') strings.push([key, value]);
    else if (Array.isArray(value)) value.forEach((item) => visit(item, key));
    else if (value !== null && typeof value === 'object') {
      // JSON.parse makes a "__proto__" key an own property, so Object.entries sees it.
      for (const [k, v] of Object.entries(value)) {
        keys.push(k);
        visit(v, k);
      }
    }
  };
  visit(JSON.parse(json), '');
  return { keys, strings };
}

let build: ContentBuild;
beforeAll(async () => {
  build = await buildContent({ contentDir: DIR, drafts: false, now: NOW });
});

const detail = (id: string) =>
  JSON.parse(build.files.get(`articles/${id}.json`) ?? 'null') as ArticleDetail | null;

describe('buildContent over test/fixtures/hostile', () => {
  it('keeps exactly the files that are articles and lists every other one', () => {
    const ids = [...build.files.keys()].flatMap((name) => /^articles\/(.+)\.json$/.exec(name)?.[1] ?? []);
    expect(ids.sort()).toEqual([
      '__proto__',
      'bom',
      'bom-crlf',
      'constructor',
      'control-escaped',
      'control-raw',
      'cr-only',
      'crlf',
      'date-future',
      'html-in-text',
      'numbers-huge',
      'proto-keys',
      'url-optional',
      'yaml-code-tags',
    ]);
    expect(build.invalidFiles.map((file) => path.basename(file))).toEqual([
      'alias-cycle.md',
      'alias-fanout.md',
      'billion-laughs.md',
      'binary.md',
      'cp1252-dash.md',
      'dates-invalid.md',
      'deep-block.md',
      'deep-flow.md',
      'delimiter-coffee.md',
      'delimiter-javascript.md',
      'delimiter-js-spaced.md',
      'delimiter-js.md',
      'delimiter-semicolons.md',
      'duplicate-keys.md',
      'empty.md',
      'front-matter-list.md',
      'front-matter-scalar.md',
      'latin1.md',
      'no-front-matter.md',
      'numbers-not-finite.md',
      'quality-negative.md',
      'unterminated.md',
      'url-required-javascript.md',
      'url-required-protocol-relative.md',
      'utf16le.md',
      'whitespace-only.md',
      'wrong-types.md',
      'yaml-directive.md',
    ]);
    // Every invalid file is named by at least one error, every problem line by file, line and field.
    const erroneous = new Set(build.issues.filter((i) => i.severity === 'error').map((i) => i.file));
    expect([...erroneous].sort()).toEqual(build.invalidFiles);
    for (const line of build.issues.map(formatIssue))
      expect(line).toMatch(/^test\/fixtures\/hostile\/\S+:\d+:\d+ \S.*: \S/);
  });

  it('publishes only absolute http(s) links and same-site paths in every url, ampUrl, src and original', () => {
    const urls = [...build.files.values()].flatMap((json) =>
      walk(json)
        .strings.filter(([key]) => URL_KEYS.has(key))
        .map(([, value]) => value),
    );
    expect(urls.length).toBeGreaterThan(20);
    for (const url of urls) {
      expect(url).toMatch(/^(https?:\/\/[^/\\\s]|\/(?![/\\]))/);
      expect(new URL(url, 'http://site.invalid/').protocol).toMatch(/^https?:$/);
    }
  });

  it('emits no __proto__, constructor or prototype key anywhere, and pollutes no prototype', () => {
    for (const [name, json] of build.files) {
      expect(
        walk(json).keys.filter((key) => PROTOTYPE_KEYS.has(key)),
        name,
      ).toEqual([]);
    }
    expect(Object.prototype).not.toHaveProperty('polluted');
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    // Topic names that are prototype keys are ordinary topics with ordinary slugs.
    const topics = build.manifest.topics.filter((t) => !t.name.startsWith('<script>'));
    expect(topics.map((t) => [t.slug, t.name])).toEqual([
      ['constructor', 'constructor'],
      ['hasownproperty', 'hasOwnProperty'],
      ['proto', '__proto__'],
      ['prototype', 'prototype'],
      ['tostring', 'toString'],
    ]);
    expect(detail('__proto__')?.title).toBe('A file named __proto__');
  });

  it('publishes markup in text fields as literal text, in the detail file and the card', () => {
    const html = '<script>alert(1)</script><img src=x onerror=alert(2)>';
    expect(detail('html-in-text')).toMatchObject({
      title: `${html} title`,
      category: '<b>news</b>',
      type: '<svg onload=alert(5)>',
      provider: { name: `${html} provider` },
      topics: [{ name: `${html} topic`, slug: 'script-alert-1-script-img-src-x-onerror-alert-2-topic' }],
      images: [
        {
          src: 'https://img.example.com/a.jpg',
          original: 'https://img.example.com/a.jpg',
          caption: `${html} caption`,
        },
      ],
      related: [{ title: `${html} related`, excerpt: '<iframe src=javascript:alert(6)>' }],
    });
    const shard = [...build.files]
      .filter(([name]) => name.startsWith('feed/newest-all.'))
      .map(([, json]) => JSON.parse(json) as FeedShard)[0];
    const card = shard?.items.find((c: CardSummary) => c.id === 'html-in-text');
    expect(card?.title).toBe(`${html} title`);
  });

  it('publishes text with controls and unpaired direction overrides removed', () => {
    expect(detail('control-raw')?.title).toBe('bell esc[2J nul del nel sos csi end');
    expect(detail('control-escaped')?.excerpt).toBe('left right-to-left override never closed');
    const json = [...build.files.values()].join('\n');
    // eslint-disable-next-line no-control-regex -- asserting that no control character was published
    expect(json).not.toMatch(/[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u202e]/);
  });
});

describe('the per-file size cap', () => {
  let dir: string;
  beforeAll(async () => {
    dir = await mkdtemp(path.join(tmpdir(), 'news-hostile-size-'));
    const article = (title: string) =>
      `---\ntitle: "${title}"\npublishedDateTime: 2020-05-06T08:00:00Z\noriginalUrl: "https://example.com/${title}"\npublished: true\n---\n`;
    await writeFile(path.join(dir, 'small.md'), article('small'));
    // One byte over the default cap: the front matter is fine, the body is padding.
    const big = article('big');
    await writeFile(path.join(dir, 'big.md'), big + 'x'.repeat(DEFAULT_MAX_FILE_BYTES + 1 - big.length));
  });
  afterAll(async () => {
    await rm(dir, { recursive: true, force: true });
  });

  it('rejects a file one byte over the default 1 MiB cap by its size, before reading it', async () => {
    const result = await buildContent({ contentDir: dir, drafts: false, now: NOW });
    expect(
      result.issues.map((i) => `${path.basename(i.file)}:${i.line}:${i.col} ${i.field}: ${i.message}`),
    ).toEqual([
      'big.md:1:1 file: is 1 MiB (1048577 bytes), over the 1 MiB limit per file (set CONTENT_MAX_FILE_BYTES to change it)',
    ]);
    expect(result.manifest.counts.articles).toBe(1);
  });

  it('takes a larger cap from the maxFileBytes option (CONTENT_MAX_FILE_BYTES in the Vite plugin)', async () => {
    const result = await buildContent({ contentDir: dir, drafts: false, now: NOW, maxFileBytes: 2_000_000 });
    expect(result.issues).toEqual([]);
    expect(result.manifest.counts.articles).toBe(2);
  });
});
