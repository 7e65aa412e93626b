import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

/**
 * Content reaches the page as text because React escapes it; these are the ways around that. None
 * may appear anywhere in src/: a new use needs a reviewed exception here, not a quiet merge.
 */
const SINKS: [name: string, pattern: RegExp][] = [
  ['dangerouslySetInnerHTML', /dangerouslySetInnerHTML/],
  ['innerHTML / outerHTML', /\.(?:inner|outer)HTML\b/],
  ['insertAdjacentHTML', /\binsertAdjacentHTML\b/],
  ['document.write', /\bdocument\.write(?:ln)?\b/],
  ['createContextualFragment', /\bcreateContextualFragment\b/],
  ['DOMParser', /\bDOMParser\b/],
  ['eval', /(?<![\w.])eval\s*\(/],
  ['new Function', /\bnew\s+Function\s*\(/],
  ['string timers', /\bset(?:Timeout|Interval)\s*\(\s*['"`]/],
];

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) return sourceFiles(full);
    return /\.(?:ts|tsx)$/.test(entry.name) ? [full] : [];
  });
}

/** Every `file:line name` where a sink occurs. */
function findSinks(files: { name: string; text: string }[]): string[] {
  return files.flatMap(({ name, text }) =>
    text
      .split('\n')
      .flatMap((line, index) =>
        SINKS.filter(([, pattern]) => pattern.test(line)).map(([sink]) => `${name}:${index + 1} ${sink}`),
      ),
  );
}

describe('HTML and code sinks in src/', () => {
  it('finds each sink it looks for', () => {
    const sample = [
      '<div dangerouslySetInnerHTML={{ __html: title }} />',
      'node.innerHTML = excerpt;',
      "el.insertAdjacentHTML('beforeend', caption);",
      'document.write(x);',
      'range.createContextualFragment(html);',
      'new DOMParser().parseFromString(html, "text/html");',
      'eval(code);',
      'new Function(code)();',
      "setTimeout('alert(1)', 0);",
      'const evaluate = (x) => x; evaluate(1); retrieval(2); timer.setTimeout(fn, 1);',
    ].join('\n');
    expect(findSinks([{ name: 'sample.tsx', text: sample }])).toEqual([
      'sample.tsx:1 dangerouslySetInnerHTML',
      'sample.tsx:2 innerHTML / outerHTML',
      'sample.tsx:3 insertAdjacentHTML',
      'sample.tsx:4 document.write',
      'sample.tsx:5 createContextualFragment',
      'sample.tsx:6 DOMParser',
      'sample.tsx:7 eval',
      'sample.tsx:8 new Function',
      'sample.tsx:9 string timers',
    ]);
  });

  it('none is used', () => {
    const files = sourceFiles('src').map((name) => ({ name, text: readFileSync(name, 'utf8') }));
    expect(files.length).toBeGreaterThan(50);
    expect(findSinks(files)).toEqual([]);
  });
});
