import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { stringify } from 'yaml';
import { validateArticle } from '../../src/content-pipeline/validate';
import { NOW, parseText } from './helpers';

/** Parses and validates; the property: an article and no error, or no article and at least one error. */
function outcome(content: string | Uint8Array) {
  const parsed = parseText(content);
  const article = validateArticle(parsed, NOW);
  const errors = parsed.issues.items.filter((i) => i.severity === 'error');
  for (const issue of parsed.issues.items) {
    expect(issue.line).toBeGreaterThanOrEqual(1);
    expect(issue.col).toBeGreaterThanOrEqual(1);
    expect(issue.field).not.toBe('');
    expect(issue.message).not.toBe('');
  }
  if (article) {
    expect(errors).toEqual([]);
    const links = [
      article.url,
      article.ampUrl,
      ...article.images.map((i) => i.url),
      ...article.related.map((r) => r.url),
    ];
    for (const link of links) if (link !== undefined) expect(link).toMatch(/^https?:\/\//);
  } else {
    expect(errors.length).toBeGreaterThan(0);
  }
  return article;
}

const FIELDS = [
  'title',
  'excerpt',
  'publishedDateTime',
  'originalUrl',
  'webUrl',
  'ampWebUrl',
  'cdnAmpWebUrl',
  'type',
  'category',
  'quality',
  'heat',
  'published',
  'provider',
  'topics',
  'tags',
  'images',
  'related',
  'secured',
  '__proto__',
  'constructor',
];
const text = fc.oneof(
  fc.string({ unit: 'binary', maxLength: 30 }),
  fc.constantFrom(
    'https://example.com/a',
    'JaVaScRiPt:alert(1)',
    '//x.example',
    '2020-05-06T05:14:00Z',
    '2024-02-30T00:00:00Z',
    '',
  ),
);
const scalar = fc.oneof(
  text,
  fc.double(),
  fc.integer({ min: -3, max: 300 }),
  fc.boolean(),
  fc.constant(null),
);
const { value } = fc.letrec((tie) => ({
  value: fc.oneof({ depthSize: 'small' }, scalar, fc.array(tie('value'), { maxLength: 4 }), tie('object')),
  object: fc.dictionary(
    fc.oneof(fc.constantFrom(...FIELDS, 'url', 'width', 'height', 'name', 'domain'), fc.string()),
    tie('value'),
    {
      maxKeys: 6,
    },
  ),
}));
const frontMatter = fc.dictionary(fc.constantFrom(...FIELDS), value, { maxKeys: 10 });

// Thousands of documents: generous timeouts, as the machine running them may be busy.
describe('every input ends as an article or a named problem', { timeout: 60_000 }, () => {
  it('random front matter built from the schema’s own field names', () => {
    fc.assert(
      fc.property(frontMatter, (data) => {
        outcome(`---\n${stringify(data)}---\n`);
      }),
      { numRuns: 400 },
    );
  });

  it('random text after the opening line', () => {
    fc.assert(
      fc.property(
        fc.string({ unit: 'binary', maxLength: 300 }),
        fc.constantFrom('', '\n---\n'),
        (body, end) => {
          outcome(`---\n${body}${end}`);
        },
      ),
      { numRuns: 400 },
    );
  });

  it('random bytes', () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 200 }), (bytes) => {
        outcome(new Uint8Array([...new TextEncoder().encode('---\n'), ...bytes]));
      }),
      { numRuns: 300 },
    );
  });

  it('valid articles with random text in every text field stay articles, with that text cleaned', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary', minLength: 1, maxLength: 40 }), (title) => {
        const doc = {
          title,
          publishedDateTime: '2020-05-06T05:14:00Z',
          originalUrl: 'https://example.com/a',
          published: true,
        };
        const article = outcome(`---\n${stringify(doc)}---\n`);
        // eslint-disable-next-line no-control-regex -- asserting that no control character survives
        if (article) expect(article.title).not.toMatch(/[\u0000-\u0008\u000b-\u001f\u007f-\u009f]/);
      }),
      { numRuns: 300 },
    );
  });
});
