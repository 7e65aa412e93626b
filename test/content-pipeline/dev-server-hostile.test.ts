import { readFileSync } from 'node:fs';
import { cp, mkdtemp, rename, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import v8 from 'node:v8';
import vm from 'node:vm';
import { createLogger, type Logger, type ViteDevServer } from 'vite';
import type WebSocket from 'ws';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startDevServer, type HmrMessage } from './dev-server';
import { newsContent } from '../../src/content-pipeline/vite-plugin';
import type { ArticleDetail, ContentUpdatedEvent, Manifest } from '../../src/types/content';

/**
 * A real Vite dev server on 127.0.0.1 over a temporary copy of test/fixtures/dev-server, fed the
 * saves an editor, a crashed sync or an attacker could produce: the server keeps answering with the
 * valid articles, names the broken file, recovers when it is fixed, and does not grow with saves.
 */

const MAX_FILE_BYTES = 64 * 1024;
const FIXTURE = path.resolve('test/fixtures/dev-server');
const good = readFileSync(path.join(FIXTURE, 'alpha.md'), 'utf8');

let dir: string;
let server: ViteDevServer;
let origin: string;
let socket: WebSocket;
const messages: HmrMessage[] = [];
const loggedErrors: string[] = [];

async function getJson<T>(name: string): Promise<{ status: number; body: T }> {
  const response = await fetch(`${origin}/data/${name}`);
  return { status: response.status, body: (await response.json()) as T };
}

async function waitFor<T>(find: () => T | undefined, what: () => string, ms = 8_000): Promise<T> {
  const deadline = Date.now() + ms;
  while (Date.now() < deadline) {
    const found = find();
    if (found !== undefined) return found;
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
  throw new Error(`timed out waiting for ${what()}`);
}

const isUpdate = (m: HmrMessage) => m.type === 'custom' && m.event === 'news:content-updated';

/** Writes alpha.md and waits for the rebuild it causes to be announced; returns that event. */
async function save(content: string | Uint8Array): Promise<ContentUpdatedEvent> {
  const start = messages.length;
  await writeFile(path.join(dir, 'alpha.md'), content);
  const message = await waitFor(
    () => messages.slice(start).find(isUpdate),
    () => `news:content-updated after a save; got ${JSON.stringify(messages.slice(start))}`,
  );
  return message.data as ContentUpdatedEvent;
}

/** The problem lines for alpha.md, with the temporary folder's path cut off. */
const alphaErrors = (event: ContentUpdatedEvent) =>
  event.errors.map((line) => line.slice(line.indexOf('alpha.md')));

beforeAll(async () => {
  dir = await mkdtemp(path.join(tmpdir(), 'news-dev-hostile-'));
  await cp(FIXTURE, dir, { recursive: true });
  const logger: Logger = { ...createLogger('silent'), error: (msg) => void loggedErrors.push(msg) };
  ({ server, origin, socket } = await startDevServer(
    {
      root: dir,
      customLogger: logger,
      plugins: [
        newsContent({ contentDir: dir, drafts: true, skipInvalid: false, maxFileBytes: MAX_FILE_BYTES }),
      ],
    },
    (message) => messages.push(message),
  ));
});

afterAll(async () => {
  socket?.close();
  await server?.close();
  await rm(dir, { recursive: true, force: true });
});

describe('the dev server under hostile saves', { timeout: 60_000 }, () => {
  it.each([
    ['a half-written file', '---\ntitle: "Alpha sto', 'alpha.md:1:1 front matter: has no closing "---" line'],
    [
      'a binary file',
      new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0x0d]),
      'alpha.md:1:1 file: is not UTF-8 text (byte 0x89 at offset 0); save it as UTF-8',
    ],
    [
      'a billion-laughs file',
      `---\na: &a [lol, lol, lol, lol, lol, lol, lol, lol, lol]\n${'bcdefghi'
        .split('')
        .map((l, i) => `${l}: &${l} [${Array(9).fill(`*${'abcdefghi'[i]}`).join(', ')}]`)
        .join('\n')}\ntitle: *i\n---\n`,
      'alpha.md:4:8 front matter: uses aliases more than 100 times',
    ],
    [
      '60,000 open brackets (without the nesting guard, V8 runs out of memory)',
      `---\ntitle: ${'['.repeat(60_000)}\n---\n`,
      'alpha.md:2:69 front matter: nests deeper than 16 levels',
    ],
    [
      'a file over the size cap',
      `${good}${'x'.repeat(MAX_FILE_BYTES)}`,
      `alpha.md:1:1 file: is 64.2 KiB (${good.length + MAX_FILE_BYTES} bytes), over the 64 KiB limit per file (set CONTENT_MAX_FILE_BYTES to change it)`,
    ],
    [
      'a JavaScript front matter payload',
      '---js\n{ title: (globalThis.__devPwned = "executed") }\n---\n',
      'alpha.md:1:4 front matter: is written in "js"; only YAML front matter is read',
    ],
  ])(
    'keeps answering with the valid articles after %s, naming the file',
    async (_label, content, problem) => {
      const event = await save(content);
      expect(alphaErrors(event)).toEqual([problem]);
      const overlay = messages.findLast((m) => m.type === 'error');
      expect(overlay?.err?.message).toContain(problem);

      const manifest = await getJson<Manifest>('manifest.json');
      expect(manifest.status).toBe(200);
      expect(manifest.body.counts.articles).toBe(1);
      expect((await getJson<ArticleDetail>('articles/beta.json')).body.title).toBe('Beta story');
      expect((await getJson('articles/alpha.json')).status).toBe(404);
      expect((globalThis as { __devPwned?: unknown }).__devPwned).toBeUndefined();
    },
  );

  it('ends on the whole file when an editor writes it in two steps 10 ms apart (half, then all)', async () => {
    const start = messages.length;
    await writeFile(path.join(dir, 'alpha.md'), '---\ntitle: "Alpha sto');
    await new Promise((resolve) => setTimeout(resolve, 10));
    await writeFile(
      path.join(dir, 'alpha.md'),
      good.replace('Alpha story', 'Alpha story, saved in two steps'),
    );
    // The watcher reports one change per file per 50 ms; the plugin's rebuild after the burst sees the second.
    await waitFor(
      () => messages.slice(start).find((m) => isUpdate(m) && m.data?.errors.length === 0),
      () => `an update without errors; got ${JSON.stringify(messages.slice(start))}`,
    );
    expect((await getJson<ArticleDetail>('articles/alpha.json')).body.title).toBe(
      'Alpha story, saved in two steps',
    );
  });

  it('recovers when the file is fixed', async () => {
    await save('---\ntitle: "Alpha sto');
    const event = await save(good);
    expect(event.errors).toEqual([]);
    expect((await getJson<Manifest>('manifest.json')).body.counts.articles).toBe(2);
    expect((await getJson<ArticleDetail>('articles/alpha.json')).body.title).toBe('Alpha story');
  });

  it('does not grow with saves', async () => {
    // Node only exposes a collector on request; asking at run time keeps the test runner's flags alone.
    v8.setFlagsFromString('--expose-gc');
    const gc = vm.runInNewContext('gc') as () => void;
    // Every save is about 60 KB, so anything a save leaves behind (its text, its YAML tree, the build
    // it produced) adds up to megabytes over 80 saves.
    const longExcerpt = (i: number) => `excerpt: "${`Save ${i}. `.repeat(6_000).slice(0, 60_000)}"`;
    const variants = [
      (i: number) => good.replace('excerpt: "The first story."', longExcerpt(i)),
      () => `---\ntitle: "Alpha sto${' '.repeat(60_000)}`,
      (i: number) => good.replace('excerpt: "The first story."', `${longExcerpt(i)}\ntitle: "twice"`),
      () => `---\ntitle: ${'['.repeat(60_000)}\n---\n`,
    ];
    const cycle = async (saves: number) => {
      for (let i = 0; i < saves; i++) await save(variants[i % variants.length]?.(i) ?? '');
      await save(good);
      gc();
      gc();
      return process.memoryUsage().heapUsed;
    };
    const warm = await cycle(20);
    const after = await cycle(80);
    const growthMb = (after - warm) / 1024 / 1024;
    console.info(
      `dev-server-hostile: heap ${(warm / 1024 / 1024).toFixed(1)} MB after 21 saves, ` +
        `${(after / 1024 / 1024).toFixed(1)} MB after 81 more (${growthMb >= 0 ? '+' : ''}${growthMb.toFixed(2)} MB)`,
    );
    // A guard, not a benchmark: keeping even the text of each save would add about 5 MB; what is
    // measured is well under 1 MB (see the line printed above).
    expect(growthMb).toBeLessThan(4);
    expect((await getJson<Manifest>('manifest.json')).body.counts.articles).toBe(2);
  });

  it('keeps serving the last good build when a rebuild fails outright (the content folder vanished)', async () => {
    const moved = `${dir}-moved`;
    const before = loggedErrors.length;
    await rename(dir, moved);
    try {
      const failure = await waitFor(
        () => loggedErrors.slice(before).find((m) => m.includes('news:content rebuild failed')),
        () => `a rebuild failure in the log; got ${JSON.stringify(loggedErrors.slice(before))}`,
      );
      expect(failure).toContain(`Content folder not found: ${dir}.`);
      const manifest = await getJson<Manifest>('manifest.json');
      expect(manifest.status).toBe(200);
      expect(manifest.body.counts.articles).toBe(2);
    } finally {
      await rename(moved, dir);
    }
  });
});
