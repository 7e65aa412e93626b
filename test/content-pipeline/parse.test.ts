import { readFileSync } from 'node:fs';
import matter from 'gray-matter';
import { describe, expect, it } from 'vitest';
import { firstInvalidUtf8 } from '../../src/content-pipeline/parse';
import type { YMap, YNode } from '../../src/content-pipeline/yaml-tree';
import { cpuTimed, fixture, lines, parseText } from './helpers';

const parseFixture = (folder: string, file: string) => {
  const name = `${fixture(folder)}/${file}`;
  return parseText(readFileSync(name), name);
};

/** Follows a path of keys and indexes through the tree. */
function at(node: YNode | null, ...path: (string | number)[]): YNode | undefined {
  let current: YNode | undefined = node ?? undefined;
  for (const step of path) {
    if (typeof step === 'number') current = current?.kind === 'seq' ? current.items[step] : undefined;
    else current = current?.kind === 'map' ? current.fields.get(step) : undefined;
  }
  return current;
}

const scalar = (node: YNode | undefined) => (node?.kind === 'scalar' ? node.value : undefined);

describe('parseContentFile: encodings and line endings', () => {
  it('reads UTF-8 with a BOM and CRLF line endings, with positions in the original file', () => {
    const parsed = parseFixture('tricky', 'bom-crlf.md');
    expect(parsed.issues.items).toEqual([]);
    expect(scalar(at(parsed.data, 'title'))).toBe('Saved on Windows, with a BOM');
    expect(at(parsed.data, 'images', 0, 'url')?.pos).toEqual({ line: 7, col: 10 });
  });

  it('reads CR-only line endings', () => {
    const parsed = parseFixture('tricky', 'cr-only.md');
    expect(parsed.issues.items).toEqual([]);
    expect(scalar(at(parsed.data, 'ampWebUrl'))).toBe('vbscript:msgbox(1)');
    expect(at(parsed.data, 'ampWebUrl')?.pos).toEqual({ line: 5, col: 12 });
  });

  it('accepts `---yaml` as the opening line', () => {
    const parsed = parseFixture('tricky', 'yaml-tag.md');
    expect(parsed.issues.items).toEqual([]);
    expect(scalar(at(parsed.data, 'title'))).toBe('The opening line names the language');
  });

  it('rejects bytes that are not UTF-8 at the first bad byte', () => {
    expect(lines(parseFixture('broken', 'latin1.md').issues.items)).toEqual([
      'error test/fixtures/content-broken/latin1.md:2:11 file: is not UTF-8 text (byte 0xE9 at offset 14); save it as UTF-8',
    ]);
  });

  it('rejects empty and blank files', () => {
    expect(lines(parseFixture('broken', 'empty.md').issues.items)).toEqual([
      'error test/fixtures/content-broken/empty.md:1:1 file: is empty',
    ]);
    expect(lines(parseFixture('broken', 'blank.md').issues.items)).toEqual([
      'error test/fixtures/content-broken/blank.md:1:1 file: is empty',
    ]);
  });

  it('finds the first malformed UTF-8 sequence: stray, truncated, overlong, surrogate, beyond U+10FFFF', () => {
    const bytes = (...b: number[]) => new Uint8Array(b);
    expect(firstInvalidUtf8(bytes(0x61, 0xc3, 0xa9, 0x62))).toBe(4);
    expect(firstInvalidUtf8(bytes(0x61, 0x80))).toBe(1);
    expect(firstInvalidUtf8(bytes(0x61, 0xe2, 0x82))).toBe(1);
    expect(firstInvalidUtf8(bytes(0xc0, 0xaf))).toBe(0);
    expect(firstInvalidUtf8(bytes(0xe0, 0x80, 0xaf))).toBe(0);
    expect(firstInvalidUtf8(bytes(0xed, 0xa0, 0x80))).toBe(0);
    expect(firstInvalidUtf8(bytes(0xf4, 0x90, 0x80, 0x80))).toBe(0);
    expect(firstInvalidUtf8(bytes(0xf0, 0x9f, 0x98, 0x80))).toBe(4);
  });
});

describe('parseContentFile: front matter shape', () => {
  it.each([
    ['no-front-matter.md', '1:1 front matter: is missing: the file must start with a "---" line'],
    ['unclosed.md', '1:1 front matter: has no closing "---" line'],
    ['comments-only.md', '1:1 front matter: is empty'],
    ['list.md', '2:1 front matter: must be a mapping of field names to values (got a list)'],
    ['scalar.md', '2:1 front matter: must be a mapping of field names to values (got a single value)'],
    [
      'syntax.md',
      '4:1 front matter: Flow sequence in block collection must be sufficiently indented and end with a ]',
    ],
    ['duplicate-key.md', '6:1 front matter: key "title" appears more than once'],
  ])('%s', (file, problem) => {
    const parsed = parseFixture('broken', file);
    expect(lines(parsed.issues.items)).toEqual([`error test/fixtures/content-broken/${file}:${problem}`]);
    expect(parsed.data).toBeNull();
  });

  it('reports a file with four dashes as having no front matter', () => {
    expect(lines(parseText('----\ntitle: x\n----\n').issues.items)).toEqual([
      'error inline.md:1:1 front matter: is missing: the file must start with a "---" line',
    ]);
  });

  it('keeps the body out of the front matter', () => {
    const parsed = parseFixture('valid', 'nested/deeper/2020-05-07 Nested Story.markdown');
    expect([...(parsed.data?.fields.keys() ?? [])]).toEqual([
      'title',
      'publishedDateTime',
      'originalUrl',
      'published',
      'topics',
    ]);
  });
});

describe('parseContentFile: nothing executes', () => {
  it('refuses `---js` front matter without evaluating it', () => {
    const parsed = parseFixture('broken', 'js-engine.md');
    expect(lines(parsed.issues.items)).toEqual([
      'error test/fixtures/content-broken/js-engine.md:1:4 front matter: is written in "js"; only YAML front matter is read',
    ]);
    expect((globalThis as Record<string, unknown>).__contentPwned).toBeUndefined();
  });

  it.each(['javascript', 'JavaScript ', 'coffee', 'json', 'toml', 'constructor', '__proto__'])(
    'refuses the language %j',
    (language) => {
      const parsed = parseText(`---${language}\n{ title: (globalThis.__contentPwned = 1) }\n---\n`);
      expect(lines(parsed.issues.items)).toEqual([
        `error inline.md:1:4 front matter: is written in ${JSON.stringify(language.trim())}; only YAML front matter is read`,
      ]);
      expect((globalThis as Record<string, unknown>).__contentPwned).toBeUndefined();
    },
  );

  it('reads unknown tags such as !!js/function as plain text, with a warning', () => {
    const parsed = parseText(
      '---\ntitle: !!js/function "function () { globalThis.__contentPwned = 1 }"\n---\n',
    );
    expect(scalar(at(parsed.data, 'title'))).toBe('function () { globalThis.__contentPwned = 1 }');
    expect(lines(parsed.issues.items)).toEqual([
      'warning inline.md:2:8 front matter: Unresolved tag: tag:yaml.org,2002:js/function (read as plain text)',
    ]);
  });

  it('keeps `__proto__` and `constructor` as plain keys that touch no prototype', () => {
    const parsed = parseFixture('tricky', 'unknown-fields.md');
    expect(parsed.issues.items).toEqual([]);
    expect(scalar(at(parsed.data, '__proto__', 'polluted'))).toBe(true);
    expect(scalar(at(parsed.data, 'constructor', 'prototype', 'polluted'))).toBe(true);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    expect(Object.prototype).not.toHaveProperty('polluted');
  });

  it('leaves gray-matter’s module-level cache empty (it would otherwise hold every file’s text)', () => {
    parseFixture('valid', '000_510c411c3dc4518e.txt');
    expect(Object.keys((matter as unknown as { cache: Record<string, unknown> }).cache)).toEqual([]);
  });
});

describe('parseContentFile: bounded work', () => {
  // Work budgets in CPU time; the wall-clock bound only catches a hang on a machine under load.
  const timed = (text: string) => {
    const { result: parsed, cpuMs, wallMs } = cpuTimed(() => parseText(text));
    expect(wallMs).toBeLessThan(10_000);
    return { parsed, ms: cpuMs };
  };

  it('rejects a billion-laughs file fast', () => {
    const { result: parsed, cpuMs } = cpuTimed(() => parseFixture('broken', 'billion-laughs.md'));
    expect(cpuMs).toBeLessThan(500);
    expect(lines(parsed.issues.items)).toEqual([
      'error test/fixtures/content-broken/billion-laughs.md:4:8 front matter: uses aliases more than 100 times',
    ]);
  });

  it('rejects deep nesting before the YAML composer recurses', () => {
    expect(lines(parseFixture('broken', 'deep-flow.md').issues.items)).toEqual([
      'error test/fixtures/content-broken/deep-flow.md:2:69 front matter: nests deeper than 16 levels',
    ]);
    expect(lines(parseFixture('broken', 'deep-block.md').issues.items)).toEqual([
      'error test/fixtures/content-broken/deep-block.md:18:33 front matter: nests deeper than 16 levels',
    ]);
  });

  it.each([
    [
      '100,000 open brackets',
      `---\ntitle: ${'['.repeat(100_000)}\n---\n`,
      '2:69 front matter: nests deeper than 16 levels',
    ],
    [
      '100,000 nested flow maps',
      `---\ntitle: ${'{a: '.repeat(100_000)}\n---\n`,
      '2:252 front matter: nests deeper than 16 levels',
    ],
    [
      '100,000 compact list items',
      `---\ntitle:\n  ${'- '.repeat(100_000)}x\n---\n`,
      '3:123 front matter: nests deeper than 16 levels',
    ],
    [
      'brackets hidden behind quotes',
      `---\ntitle: ${'[ "]" '.repeat(50_000)}\n---\n`,
      '2:374 front matter: nests deeper than 16 levels',
    ],
    [
      '40,000 keys',
      `---\n${Array.from({ length: 40_000 }, (_, i) => `k${i}: v`).join('\n')}\n---\n`,
      '3335:6 front matter: has more than 10000 YAML tokens (real front matter has under 1000)',
    ],
  ])('rejects %s in well under a second, without crashing', (_label, text, problem) => {
    const { parsed, ms } = timed(text);
    expect(lines(parsed.issues.items)).toEqual([`error inline.md:${problem}`]);
    expect(ms).toBeLessThan(1000);
  });

  it('rejects aliases that refer to themselves or to no anchor', () => {
    expect(lines(parseText('---\nx: &a [*a]\n---\n').issues.items)).toEqual([
      'error inline.md:2:8 front matter: alias *a refers to a value that contains it',
    ]);
    expect(lines(parseText('---\nx: *nope\n---\n').issues.items)).toEqual([
      'error inline.md:2:4 front matter: alias *nope has no anchor &nope before it',
    ]);
  });

  it('still reads a few honest aliases', () => {
    const parsed = parseText('---\nname: &n Reuters\nprovider:\n  name: *n\n---\n');
    expect(parsed.issues.items).toEqual([]);
    expect(scalar(at(parsed.data, 'provider', 'name'))).toBe('Reuters');
  });

  it('reads a long single value quickly', () => {
    const { parsed, ms } = timed(`---\ntitle: "${'x'.repeat(900_000)}"\n---\n`);
    expect(parsed.issues.items).toEqual([]);
    expect((scalar(at(parsed.data, 'title')) as string).length).toBe(900_000);
    expect(ms).toBeLessThan(1000);
  });

  it('gives every value the position of its node, an empty value the position after its key', () => {
    const parsed = parseText('---\ntitle:\nquality: 5\n---\n');
    const data = parsed.data as YMap;
    expect(data.fields.get('title')).toEqual({ kind: 'scalar', value: null, pos: { line: 2, col: 7 } });
    expect(data.fields.get('quality')).toEqual({ kind: 'scalar', value: 5, pos: { line: 3, col: 10 } });
  });
});
