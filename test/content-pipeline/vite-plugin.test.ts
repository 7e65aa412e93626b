import { cp, mkdtemp, readFile, rm, unlink, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { ViteDevServer } from 'vite';
import type WebSocket from 'ws';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startDevServer, type HmrMessage } from './dev-server';
import { newsContent } from '../../src/content-pipeline/vite-plugin';
import type { ArticleDetail, Manifest } from '../../src/types/content';

/** A real Vite dev server on 127.0.0.1 over a temporary copy of a small content folder. */
const fixture = path.resolve('test/fixtures/dev-server');

let dir: string;
let server: ViteDevServer;
let origin: string;
let socket: WebSocket;
const messages: HmrMessage[] = [];

async function getJson<T>(name: string): Promise<{ status: number; body: T }> {
  const response = await fetch(`${origin}/data/${name}`);
  return { status: response.status, body: (await response.json()) as T };
}

/** Waits for the next HMR message that matches, failing after `ms` with what did arrive. */
async function nextMessage(match: (m: HmrMessage) => boolean, ms = 10_000): Promise<HmrMessage> {
  const start = messages.length;
  const deadline = Date.now() + ms;
  while (Date.now() < deadline) {
    const found = messages.slice(start).find(match);
    if (found) return found;
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
  throw new Error(`no matching HMR message; got ${JSON.stringify(messages.slice(start))}`);
}

const contentUpdated = (m: HmrMessage) => m.type === 'custom' && m.event === 'news:content-updated';

beforeAll(async () => {
  dir = await mkdtemp(path.join(tmpdir(), 'news-dev-'));
  await cp(fixture, dir, { recursive: true });
  ({ server, origin, socket } = await startDevServer(
    {
      root: dir,
      logLevel: 'silent',
      plugins: [newsContent({ contentDir: dir, drafts: true, skipInvalid: false })],
      server: { watch: { usePolling: false } },
    },
    (message) => messages.push(message),
  ));
});

afterAll(async () => {
  socket?.close();
  await server?.close();
  await rm(dir, { recursive: true, force: true });
});

describe('news:content in a real Vite dev server', { timeout: 30_000 }, () => {
  it('serves the manifest, feed shards and article details from memory', async () => {
    const manifest = await getJson<Manifest>('manifest.json');
    expect(manifest.status).toBe(200);
    expect(manifest.body.counts.articles).toBe(2);
    expect(manifest.body.drafts).toBe(true);
    const detail = await getJson<ArticleDetail>('articles/alpha.json');
    expect(detail.body.title).toBe('Alpha story');
    expect(JSON.stringify(detail.body)).not.toContain('secured');
    expect((await getJson('articles/nope.json')).status).toBe(404);
    expect((await getJson('articles/%E0%A4%A.json')).status).toBe(400);
  });

  it('serves the edited article after a save and announces it', async () => {
    const file = path.join(dir, 'alpha.md');
    const source = await readFile(file, 'utf8');
    const announced = nextMessage(contentUpdated);
    await writeFile(file, source.replace('title: "Alpha story"', 'title: "Alpha story, updated"'));
    expect((await announced).data?.errors).toEqual([]);
    expect((await getJson<ArticleDetail>('articles/alpha.json')).body.title).toBe('Alpha story, updated');
  });

  it('keeps serving the valid articles and reports file, line and field while a file is broken, then recovers', async () => {
    const file = path.join(dir, 'beta.md');
    const good = await readFile(file, 'utf8');
    const overlay = nextMessage((m) => m.type === 'error');
    await writeFile(file, good.replace('quality: 61', 'quality: "very good"'));
    const error = await overlay;
    expect(error.err?.message).toContain(`beta.md:8:10 quality:`);
    expect(error.err?.loc).toMatchObject({ line: 8, column: 10 });

    const manifest = await getJson<Manifest>('manifest.json');
    expect(manifest.status).toBe(200);
    expect(manifest.body.counts.articles).toBe(1);
    expect((await getJson<ArticleDetail>('articles/alpha.json')).status).toBe(200);

    const recovered = nextMessage(contentUpdated);
    await writeFile(file, good);
    expect((await recovered).data?.errors).toEqual([]);
    expect((await getJson<Manifest>('manifest.json')).body.counts.articles).toBe(2);
  });

  it('ends on the last write of a quick burst (an editor truncating, then writing)', async () => {
    const file = path.join(dir, 'alpha.md');
    const source = await readFile(file, 'utf8');
    const settled = nextMessage((m) => contentUpdated(m) && m.data?.errors.length === 0);
    await writeFile(file, '');
    await writeFile(file, source.replace(/title: ".*"/, 'title: "Alpha story, saved twice"'));
    await settled;
    expect((await getJson<ArticleDetail>('articles/alpha.json')).body.title).toBe('Alpha story, saved twice');
  });

  it('drops a deleted article and picks up a new one', async () => {
    const removed = nextMessage(contentUpdated);
    await unlink(path.join(dir, 'beta.md'));
    await removed;
    expect((await getJson('articles/beta.json')).status).toBe(404);

    const added = nextMessage(contentUpdated);
    await writeFile(
      path.join(dir, 'nested', 'gamma.txt'),
      '---\ntitle: "Gamma"\npublishedDateTime: 2020-05-07T10:00:00+02:00\nwebUrl: "https://example.com/gamma"\n---\n',
    );
    await added;
    const detail = await getJson<ArticleDetail>('articles/gamma.json');
    expect(detail.body.publishedAt).toBe('2020-05-07T08:00:00.000Z');
  });
});
