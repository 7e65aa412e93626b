import { readdirSync } from 'node:fs';
import { isDeepStrictEqual } from 'node:util';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { checkFile, checkFileExact, checkFileFast } from '../../src/content-pipeline/check-file';
import { loadContentFiles } from '../../src/content-pipeline/load';
import { parseSimpleYaml, resolvePlain } from '../../src/content-pipeline/fast-yaml';
import { fileFrom, NOW } from './helpers';

/**
 * The fast front matter reader must never change a result: every file gets exactly what the exact
 * `yaml` parser gives, messages and positions included, and the fast path must really be taken.
 */

const folders = [
  'content',
  ...readdirSync('test/fixtures', { withFileTypes: true })
    .filter((e) => e.isDirectory())
    .map((e) => `test/fixtures/${e.name}`),
];

describe('fast path on every real and fixture file', () => {
  it.each(folders)(
    '%s: same results as the exact parser',
    async (folder) => {
      const { files } = await loadContentFiles(folder);
      for (const file of files) {
        const exact = checkFileExact(file, NOW);
        expect({ file: file.file, result: checkFile(file, NOW) }).toEqual({ file: file.file, result: exact });
        const fast = checkFileFast(file, NOW);
        if (fast !== null) expect(isDeepStrictEqual(fast, exact)).toBe(true);
      }
    },
    60_000,
  );

  it('takes the fast path for every file of content/', async () => {
    const { files } = await loadContentFiles('content');
    expect(files.length).toBeGreaterThan(500);
    const slow = files.filter((f) => checkFileFast(f, NOW) === null).map((f) => f.file);
    expect(slow).toEqual([]);
  }, 60_000);

  it('leaves every file with a problem to the exact parser', async () => {
    const { files } = await loadContentFiles('test/fixtures/content-broken');
    const fast = files.filter((f) => checkFileFast(f, NOW) !== null);
    for (const file of fast) expect(checkFileExact(file, NOW).issues).toEqual([]);
    expect(fast.length).toBeLessThan(files.length);
  });
});

const BASE = [
  'title: "A title"',
  'publishedDateTime: 2020-05-06T05:14:00Z',
  'originalUrl: "https://news.example/a"',
  'published: true',
];
const frontMatter = (...lines: string[]) => `---\n${lines.join('\n')}\n---\nBody\n`;

describe('parseSimpleYaml', () => {
  it('reads the plain shape of real front matter', () => {
    const root = parseSimpleYaml(
      '\ntitle: "Say \\"hi\\"\\t"\nquality: 0x1F\ntopics:\n- a\n- \'it\'\'s\'\nimages:\n  - url: x\n    width: -.5\n',
    );
    expect(root?.fields.get('title')).toMatchObject({ value: 'Say "hi"\t' });
    expect(root?.fields.get('quality')).toMatchObject({ value: 31 });
    expect(root?.fields.get('topics')).toMatchObject({
      kind: 'seq',
      items: [{ value: 'a' }, { value: "it's" }],
    });
    const image = root?.fields.get('images');
    expect(image).toMatchObject({ kind: 'seq', items: [{ kind: 'map' }] });
  });

  it.each([
    ['a comment', 'title: x # note'],
    ['an anchor', 'title: &a x'],
    ['an alias', 'title: *a'],
    ['a tag', 'title: !!str 1'],
    ['a flow list', 'topics: [a, b]'],
    ['a block scalar', 'title: |\n  x'],
    ['a value over two lines', 'title: x\n  y'],
    ['a quoted value over two lines', 'title: "x\n  y"'],
    ['a duplicate key', 'title: x\ntitle: y'],
    ['a tab', 'title:\tx'],
    ['a quoted key', '"title": x'],
    ['a \\u escape', 'title: "\\u0041"'],
    ['a merge key', '<<: {a: 1}'],
    ['a nested list item', 'topics:\n- - a'],
    ['a document end', 'title: x\n...'],
    ['an indented root', '  title: x'],
  ])('leaves %s to the exact parser', (_name, yaml) => {
    expect(parseSimpleYaml(`\n${yaml}\n`)).toBeNull();
  });

  it('resolves plain values as the core schema does', () => {
    const cases: [string, unknown][] = [
      ['~', null],
      ['Null', null],
      ['nULL', 'nULL'],
      ['True', true],
      ['yes', 'yes'],
      ['off', 'off'],
      ['0o17', 15],
      ['017', 17],
      ['0x1f', 31],
      ['0b101', '0b101'],
      ['1_000', '1_000'],
      ['+12', 12],
      ['1e3', 1000],
      ['5.', 5],
      ['-.inf', -Infinity],
      ['.NaN', NaN],
      ['2020-05-06', '2020-05-06'],
      ['12:30', '12:30'],
    ];
    for (const [text, value] of cases) expect(resolvePlain(text)).toEqual(value);
  });
});

// Spellings where YAML readers (and YAML 1.1 against 1.2) disagree, plus text that looks like syntax.
const tricky = [
  '0',
  '-0',
  '+12',
  '012',
  '0o17',
  '0o8',
  '0x1F',
  '0X1F',
  '0b101',
  '1_000',
  '1e3',
  '1E+3',
  '.5',
  '5.',
  '-.5',
  '+.5',
  '.inf',
  '-.Inf',
  '+.INF',
  '.nan',
  '.NaN',
  'nan',
  '1.0',
  '12:30',
  '1:2:3',
  '1e',
  '1.2.3',
  '0x',
  '1,000',
  'yes',
  'no',
  'on',
  'off',
  'y',
  'n',
  'Y',
  'true',
  'True',
  'TRUE',
  'tRue',
  'false',
  'FALSE',
  '~',
  'null',
  'Null',
  'NULL',
  'nUll',
  '2020-05-06',
  '2020-05-06T05:14:00Z',
  '2020-05-06 05:14:00 +02:00',
  'https://x.example/a?b=1#c',
  'a: b',
  'a #b',
  'a#b',
  '#x',
  '- x',
  '-x',
  '-',
  '? x',
  ':x',
  '&a x',
  '*a',
  '!t x',
  '!!str 1',
  '|',
  '>',
  '%x',
  '@x',
  '`x',
  '[a, b]',
  '{a: 1}',
  'a,b',
  'x:',
  'x::y',
  "a'b",
  'a"b',
  'a\\b',
  '---',
  '...',
  'é ü',
  '“q”',
  '<<',
];
const plainWord = fc.oneof(
  { weight: 3, arbitrary: fc.stringMatching(/^[A-Za-z][A-Za-z0-9 .,'-]{0,12}$/) },
  { weight: 2, arbitrary: fc.constantFrom(...tricky) },
  fc.stringMatching(/^[A-Za-z0-9 .,:#'"\\/&*!?[\]{}|>%@`~+-]{0,12}$/),
);
const ESCAPES = [
  '\\"',
  '\\\\',
  '\\t',
  '\\/',
  '\\n',
  '\\N',
  '\\_',
  '\\ ',
  '\\x41',
  '\\u00e9',
  '\\U0001F600',
  '\\q',
];
const doubleQuoted = fc
  .array(fc.oneof(fc.constantFrom(...ESCAPES), fc.stringMatching(/^[a-z #:'-]{0,6}$/)), { maxLength: 4 })
  .map((parts) => `"${parts.join('')}"`);
const singleQuoted = plainWord.map((w) => `'${w.replace(/'/g, "''")}'`);
const tail = fc.oneof(
  { weight: 8, arbitrary: fc.constantFrom('', ' ', '  ') },
  { weight: 1, arbitrary: fc.constantFrom(' # c', '\t') },
);
const scalar = fc.tuple(fc.oneof(plainWord, doubleQuoted, singleQuoted), tail).map(([v, t]) => v + t);
const indent = fc.constantFrom(1, 2, 3, 4);

/** A value for `key:` rendered at `depth`: scalar, block list (indented or not), mapping or flow. */
function value(depth: number): fc.Arbitrary<(pad: string) => string> {
  const leaf = scalar.map((s) => () => ` ${s}`);
  if (depth > 2) return leaf;
  const seq = fc
    .tuple(
      indent,
      fc.boolean(),
      fc.array(fc.oneof(scalar, mapping(depth + 1, true)), { minLength: 1, maxLength: 3 }),
    )
    .map(([n, sameIndent, items]) => (pad: string) => {
      const at = sameIndent ? pad : pad + ' '.repeat(n);
      return `\n${items.map((item) => `${at}- ${item.replace(/\n/g, `\n${at}  `)}`).join('\n')}`;
    });
  const map = fc.tuple(indent, mapping(depth + 1, false)).map(
    ([n, body]) =>
      (pad: string) =>
        `\n${pad}${' '.repeat(n)}${body.replace(/\n/g, `\n${pad}${' '.repeat(n)}`)}`,
  );
  const flow = fc.array(plainWord, { maxLength: 3 }).map((ws) => () => ` [${ws.join(', ')}]`);
  return fc.oneof(
    { weight: 4, arbitrary: leaf },
    { weight: 2, arbitrary: seq },
    map,
    flow,
    fc.constant(() => ''),
  );
}

// Fields validation does not read (so any value keeps the file clean), and keys YAML reads oddly.
const KEYS = fc.oneof(
  {
    weight: 6,
    arbitrary: fc.constantFrom('secured', 'notes', 'extra', 'a-b', '_x', 'x1', 'null', 'True', 'NULL'),
  },
  { weight: 1, arbitrary: fc.constantFrom('"secured"', '~', '? k', 'k ', '1', 'title', 'x y', '') },
);

/** Lines of a mapping at column 0 (the caller indents); `inSeq` keeps it short for list items. */
function mapping(depth: number, inSeq: boolean): fc.Arbitrary<string> {
  const after = fc.oneof({ weight: 6, arbitrary: fc.constantFrom('', '\n') }, fc.constant('\n# c'));
  return fc
    .uniqueArray(fc.tuple(KEYS, value(depth), after), {
      minLength: 1,
      maxLength: inSeq ? 3 : 5,
      selector: ([key]) => key,
    })
    .map((pairs) => pairs.map(([k, v, after]) => `${k}:${v('')}${after}`).join('\n'));
}

describe('fast path against the exact parser on generated front matter', () => {
  it('gives identical results, and takes the fast path for a good share of files', () => {
    let fast = 0;
    let runs = 0;
    fc.assert(
      fc.property(mapping(0, false), fc.boolean(), fc.oneof(scalar, plainWord), (extra, baseFirst, title) => {
        // The title is read as text, so its every spelling is compared in the article.
        const base = [`title: ${title}`, ...BASE.slice(1)];
        const yaml = baseFirst ? [...base, extra] : [extra, ...base];
        const file = fileFrom(frontMatter(...yaml));
        const exact = checkFileExact(file, NOW);
        runs++;
        if (checkFileFast(file, NOW) !== null) fast++;
        expect(checkFile(file, NOW)).toEqual(exact);
      }),
      { numRuns: 2000 },
    );
    expect(fast / runs).toBeGreaterThan(0.05);
  }, 60_000);

  it('gives identical results for single fields with every tricky spelling', () => {
    for (const key of ['title', 'quality', 'published', 'topics', 'secured']) {
      for (const word of tricky) {
        for (const spelled of [
          word,
          `"${word.replace(/["\\]/g, '\\$&')}"`,
          `'${word.replace(/'/g, "''")}'`,
        ]) {
          const line = key === 'topics' ? `topics:\n  - ${spelled}` : `${key}: ${spelled}`;
          const file = fileFrom(frontMatter(...BASE.filter((b) => !b.startsWith(`${key}:`)), line));
          expect({ line, result: checkFile(file, NOW) }).toEqual({ line, result: checkFileExact(file, NOW) });
        }
      }
    }
  }, 60_000);
});
