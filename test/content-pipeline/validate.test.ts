import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { validateArticle } from '../../src/content-pipeline/validate';
import { fixture, lines, NOW, parseText } from './helpers';

function validateFixture(folder: string, file: string) {
  const name = `${fixture(folder)}/${file}`;
  const parsed = parseText(readFileSync(name), name);
  const article = validateArticle(parsed, NOW);
  return { article, problems: lines(parsed.issues.items) };
}

const validate = (text: string) => {
  const parsed = parseText(text);
  return { article: validateArticle(parsed, NOW), problems: lines(parsed.issues.items) };
};

const BASE =
  'title: T\npublishedDateTime: 2020-05-06T00:00:00Z\noriginalUrl: https://example.com/a\npublished: true\n';

describe('validateArticle: the real formats', () => {
  it('reads the seed article, keeping what the reader uses and nothing of `secured`', () => {
    const { article, problems } = validateFixture('valid', '000_510c411c3dc4518e.txt');
    expect(problems).toEqual([]);
    expect(article).toMatchObject({
      id: '000_510c411c3dc4518e',
      file: 'test/fixtures/content-valid/000_510c411c3dc4518e.txt',
      title: 'Report: OpenAI hired 1,000 contractors to improve its AI models’ coding capabilities',
      category: 'news',
      type: 'article',
      publishedAt: '2023-01-27T21:02:00.000Z',
      url: 'https://siliconangle.com/2023/01/27/report-openai-hired-1000-contractors-improve-ai-models-coding-capabilities/',
      quality: 32,
      heat: -1,
      published: false,
      provider: { name: 'SiliconANGLE', domain: 'siliconangle.com' },
      topics: ['Machine Learning', 'AI'],
      images: [
        {
          url: 'https://d15shllkswkct0.cloudfront.net/wp-content/blogs.dir/1/files/2023/01/openai-1.png',
          width: 859,
          height: 478,
        },
      ],
    });
    expect(article?.related).toHaveLength(7);
    expect(article?.related[0]).toEqual({
      title: 'OpenAI launches tool to catch AI-generated text',
      excerpt:
        'The AI Text Classifier, released by the makers of ChatGPT, "may help" determine whether a school essay was AI-generated.',
      publishedAt: '2023-02-01T01:25:00.000Z',
      url: 'https://www.nbcnews.com/tech/tech-news/openai-tool-catch-ai-generated-text-chatgpt-rcna68480',
      ampUrl: 'https://www.nbcnews.com/news/amp/rcna68480',
      type: 'article',
      provider: { name: 'NBC News', domain: 'nbcnews.com' },
      quality: 87,
      images: [
        {
          url: 'https://media-cldnry.s-nbcnews.com/image/upload/rockcms/2023-01/230131-open-ai-se-624p-35f3c4.jpg',
          width: 2500,
          height: 1667,
        },
      ],
    });
    expect(JSON.stringify(article)).not.toContain('secured');
    expect(JSON.stringify(article)).not.toContain('QYYjifqRqMmsbdV9');
  });

  it('reads the raw corpus format: webUrl only, AMP links, tags and provider logos', () => {
    const { article, problems } = validateFixture('valid', '2020-05-06-raw-format.md');
    expect(problems).toEqual([]);
    expect(article?.url).toBe(
      'https://www.foxnews.com/sports/nbas-utah-jazz-says-gobert-mitchell-ready-to-move-forward-after-coronavirus-feud',
    );
    expect(article?.ampUrl).toBe(
      'https://www.foxnews.com/sports/nbas-utah-jazz-says-gobert-mitchell-ready-to-move-forward-after-coronavirus-feud.amp',
    );
    expect(article?.provider).toEqual({ name: 'Fox News', domain: 'foxnews.com' });
    expect(article?.published).toBe(true);
  });

  it('prefers originalUrl to webUrl and keeps both as links of the story', () => {
    const { article } = validate(
      '---\ntitle: T\npublishedDateTime: 2020-05-06T00:00:00Z\nwebUrl: https://b.example/web\noriginalUrl: https://a.example/orig\n---\n',
    );
    expect(article?.url).toBe('https://a.example/orig');
    expect(article?.links).toEqual(['https://a.example/orig', 'https://b.example/web']);
  });
});

describe('validateArticle: tricky but valid', () => {
  it('encodes spaces in links, trims a trailing tab, keeps the host of a domain with a path', () => {
    const { article, problems } = validateFixture('tricky', 'urls.md');
    expect(article?.url).toBe('https://apnews.com/Business%20Wire/5054ac5867834a28a26538b5108ffcd7');
    expect(article?.images[0]?.url).toBe(
      'http://s21.q4cdn.com/616071541/files/images/newsroom/PR_2019/NEWSROOM-Livery-1200x628.jpg',
    );
    expect(article?.provider).toEqual({ name: 'CNN', domain: 'cnn.com' });
    expect(article?.related.map((r) => r.url)).toEqual([
      undefined,
      undefined,
      undefined,
      'https://ok.example/a',
      undefined,
      undefined,
      'https://example.com/Path?q=1',
      undefined,
    ]);
    const file = 'test/fixtures/content-tricky/urls.md';
    expect(problems).toEqual([
      `warning ${file}:15:13 related[0].webUrl: must be an http(s) URL, but it uses the data: scheme (got "data:text/html,<script>alert(1)</script>"); the link is left out`,
      `warning ${file}:17:13 related[1].webUrl: must be an http(s) URL, but it is protocol-relative, with no scheme (got "//evil.example/x"); the link is left out`,
      `warning ${file}:19:13 related[2].webUrl: must be an http(s) URL, but it uses the javascript: scheme (got "JaVaScRiPt:alert(1)"); the link is left out`,
      `warning ${file}:23:13 related[4].webUrl: must be an http(s) URL, but it contains a control or invisible character (got "java\\tscript:alert(1)"); the link is left out`,
      `warning ${file}:25:13 related[5].webUrl: must be an http(s) URL, but it contains a user name or password (got "https://trusted.example@evil.example/"); the link is left out`,
      `warning ${file}:29:13 related[7].webUrl: must be an http(s) URL, but it contains a control or invisible character (got "https://ok.example/\\nx"); the link is left out`,
    ]);
  });

  it('drops a bad image with a warning at its line (CRLF file) and a bad AMP link (CR file)', () => {
    const crlf = validateFixture('tricky', 'bom-crlf.md');
    expect(crlf.article?.images).toEqual([]);
    expect(crlf.problems).toEqual([
      'warning test/fixtures/content-tricky/bom-crlf.md:7:10 images[0].url: must be an http(s) URL, but it uses the javascript: scheme (got "javascript:alert(1)"); the image is left out',
    ]);
    const cr = validateFixture('tricky', 'cr-only.md');
    expect(cr.article?.ampUrl).toBeUndefined();
    expect(cr.problems).toEqual([
      'warning test/fixtures/content-tricky/cr-only.md:5:12 ampWebUrl: must be an http(s) URL, but it uses the vbscript: scheme (got "vbscript:msgbox(1)"); it is left out',
    ]);
  });

  it('removes control characters from text, with a warning naming them', () => {
    const { article, problems } = validateFixture('tricky', 'control-chars.md');
    expect(article?.title).toBe('Swedens approach');
    expect(article?.excerpt).toBe('bell and null and\ttab and C1 end');
    expect(problems).toEqual([
      'warning test/fixtures/content-tricky/control-chars.md:2:8 title: control characters removed: U+0097, U+007F',
      'warning test/fixtures/content-tricky/control-chars.md:3:10 excerpt: control characters removed: U+0007, U+0000, U+0085',
    ]);
  });

  it('normalises offsets to UTC', () => {
    const { article, problems } = validateFixture('tricky', 'dates.md');
    expect(problems).toEqual([]);
    expect(article?.publishedAt).toBe('2020-05-06T05:00:00.000Z');
    expect(article?.related.map((r) => r.publishedAt)).toEqual([
      '2020-05-07T06:59:59.123Z',
      '2020-02-29T11:00:00.000Z',
    ]);
  });

  it('flags a date after the build clock as a warning, and keeps the article', () => {
    const { article, problems } = validateFixture('tricky', 'future.md');
    expect(article?.publishedAt).toBe('2031-01-01T00:00:00.000Z');
    expect(problems).toEqual([
      'warning test/fixtures/content-tricky/future.md:3:20 publishedDateTime: is in the future (2031-01-01T00:00:00.000Z; now is 2024-06-01T00:00:00.000Z)',
    ]);
  });

  it('treats a missing `published` as a draft, with a warning', () => {
    const { article, problems } = validateFixture('tricky', 'no-published.md');
    expect(article?.published).toBe(false);
    expect(problems).toEqual([
      'warning test/fixtures/content-tricky/no-published.md:2:1 published: is missing, so the article is a draft; write published: true to publish it',
    ]);
  });

  it('ignores unknown fields, `__proto__` and `secured` among them', () => {
    const { article, problems } = validateFixture('tricky', 'unknown-fields.md');
    expect(problems).toEqual([]);
    expect(Object.keys(article ?? {})).not.toContain('layout');
    expect(JSON.stringify(article)).not.toContain('polluted');
    expect(JSON.stringify(article)).not.toContain('c2VjcmV0');
  });

  it('keeps edge scores, treats size 0 as unknown, and drops an image without a URL', () => {
    const { article, problems } = validateFixture('tricky', 'sizes.md');
    expect(article).toMatchObject({ quality: 0, heat: -1 });
    expect(article?.images).toEqual([
      { url: 'https://img.example/a.jpg', width: undefined, height: undefined, caption: undefined },
      { url: 'https://img.example/b.jpg', width: 800, height: 600, caption: undefined },
    ]);
    expect(problems).toEqual([
      'warning test/fixtures/content-tricky/sizes.md:9:5 images[0].url: is missing; the image is left out',
    ]);
  });

  it('collapses runs of spaces in topic names and drops repeats', () => {
    const { article } = validateFixture('tricky', 'topics.md');
    expect(article?.topics).toEqual(['Café Culture', 'cafe culture', 'All', '新冠病毒', 'Spaced Out']);
  });
});

describe('validateArticle: errors', () => {
  const broken = (file: string) => {
    const result = validateFixture('broken', file);
    expect(result.article).toBeNull();
    return result.problems.map((p) => p.replace(`test/fixtures/content-broken/${file}:`, ''));
  };

  it('names every missing required field at the start of the front matter', () => {
    expect(broken('missing-required.md')).toEqual([
      'error 2:1 originalUrl: is required (an http(s) originalUrl or webUrl)',
      'warning 2:1 published: is missing, so the article is a draft; write published: true to publish it',
      'error 2:1 publishedDateTime: is required',
      'error 2:1 title: is required',
    ]);
  });

  it('rejects dates that do not exist, without rolling them over', () => {
    expect(broken('bad-dates.md')).toEqual([
      'error 3:20 publishedDateTime: has month 13, which does not exist (got "2024-13-45T00:00:00Z")',
      'error 8:24 related[0].publishedDateTime: has day 30, which does not exist in February 2024 (got "2024-02-30T10:00:00Z")',
      'error 10:24 related[1].publishedDateTime: has no UTC offset; add Z or +hh:mm, e.g. 2020-05-06T05:14:00Z (got "2024-05-06T10:00:00")',
      'error 12:24 related[2].publishedDateTime: has day 29, which does not exist in February 2023 (got "2023-02-29T10:00:00Z")',
      'error 14:24 related[3].publishedDateTime: must be an ISO 8601 date-time with an offset, e.g. 2020-05-06T05:14:00Z (got "yesterday")',
      'error 16:24 related[4].publishedDateTime: must be an ISO 8601 date-time with an offset, e.g. 2020-05-06T05:14:00Z (got the number 20240506)',
      'error 18:24 related[5].publishedDateTime: has hour 24, which does not exist (got "2024-05-06T24:00:00Z")',
    ]);
  });

  it('reports every wrong type in one run', () => {
    expect(broken('wrong-types.md')).toEqual([
      'error 2:8 title: must be a string (got the number 1984)',
      'error 3:11 category: must be a string (got a list)',
      'error 6:10 quality: must be a number ≥ 0 (got the text "42")',
      'error 7:7 heat: must be a number ≥ -1, where -1 means unknown (got the number -5)',
      'error 8:12 published: must be true or false (got the text "yes")',
      'error 9:11 provider: must be a mapping with name and domain (got the text "Reuters")',
      'error 10:9 topics: must be a list (got the text "Coronavirus")',
      'error 11:15 tags[1]: must be a string (got the number 7)',
      'error 13:3 images: must be a list (got a mapping)',
    ]);
  });

  it('makes a bad required link an error, whatever its case or padding', () => {
    expect(broken('bad-links.md')).toEqual([
      'error 5:14 originalUrl: must be an http(s) URL, but it uses the javascript: scheme (got "  JaVaScRiPt:alert(document.domain)")',
      'error 6:9 webUrl: must be an http(s) URL, but it is protocol-relative, with no scheme (got "//evil.example/x")',
    ]);
  });

  it('checks each related item and names it by index', () => {
    expect(broken('related-errors.md')).toEqual([
      'error 7:5 related[0]: must be a mapping with title and webUrl (got the text "just a string")',
      'error 8:5 related[1].title: is required',
      'error 11:14 related[2].quality: must be a number ≥ 0 (got the text "high")',
      'error 13:7 related[2].provider.name: is required',
      'warning 15:14 related[2].images[0].url: must be an http(s) URL (got the number 42); the image is left out',
    ]);
  });

  /** A valid article with `extra` as its last line, replacing the base field of the same name. */
  function withField(extra: string) {
    const key = extra.slice(0, extra.indexOf(':'));
    const base = BASE.split('\n').filter((line) => line !== '' && !line.startsWith(`${key}:`));
    return validate(`---\n${[...base, extra].join('\n')}\n---\n`);
  }

  it.each([
    ['title: ""', 'error inline.md:5:8 title: must not be empty'],
    ['title: "  \\u0097  "', 'error inline.md:5:8 title: must not be empty'],
    ['quality: .nan', 'error inline.md:6:10 quality: must be a number ≥ 0 (got the number NaN)'],
    ['quality: .inf', 'error inline.md:6:10 quality: must be a number ≥ 0 (got the number Infinity)'],
    ['quality: -1', 'error inline.md:6:10 quality: must be a number ≥ 0 (got the number -1)'],
    [
      'images: [{url: "https://x.example/a.jpg", width: "640"}]',
      'error inline.md:6:50 images[0].width: must be a number of pixels ≥ 0 (got the text "640")',
    ],
    [
      'images: [{url: "https://x.example/a.jpg", isCached: "yes"}]',
      'error inline.md:6:53 images[0].isCached: must be true or false (got the text "yes")',
    ],
    ['provider: {name: [a]}', 'error inline.md:6:18 provider.name: must be a string (got a list)'],
    [
      'provider: {name: X, domain: "not a host"}',
      'warning inline.md:6:29 provider.domain: must be a host name such as example.com (got "not a host"); it is left out',
    ],
    ['related: {title: x}', 'error inline.md:6:10 related: must be a list (got a mapping)'],
    ['originalUrl: 42', 'error inline.md:5:14 originalUrl: must be an http(s) URL (got the number 42)'],
  ])('%s', (extra, problem) => {
    expect(withField(extra).problems).toContain(problem);
  });

  it('counts an empty required value as missing, at the value', () => {
    expect(withField('publishedDateTime:').problems).toEqual([
      'error inline.md:5:19 publishedDateTime: is required',
    ]);
  });
});
