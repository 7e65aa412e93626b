import { mkdtemp, mkdir, rename, rm, unlink, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { ViteDevServer } from 'vite';
import type WebSocket from 'ws';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { startDevServer } from './dev-server';
import { buildContent } from '../../src/content-pipeline/index';
import { newsContent } from '../../src/content-pipeline/vite-plugin';
import type { ArticleDetail, ContentUpdatedEvent } from '../../src/types/content';
import { checkedFiles as checked } from './check-counter';

/**
 * The dev server updates from the watcher's paths only: after each edit, every file it serves must
 * equal a cold build of the folder, byte for byte, including the articles the edited file changes
 * without being edited themselves (topic names, related links).
 */
// Counts the files that really get parsed and validated.
vi.mock('../../src/content-pipeline/check-file', async (importOriginal) =>
  (await import('./check-counter')).countingCheckFile(importOriginal),
);

let dir: string;
let server: ViteDevServer;
let origin: string;
let socket: WebSocket;
const events: ContentUpdatedEvent[] = [];

const article = (title: string, url: string, topics: string[], related: string[] = []) =>
  [
    '---',
    `title: "${title}"`,
    'publishedDateTime: 2020-05-06T08:00:00Z',
    `originalUrl: "${url}"`,
    'published: true',
    'topics:',
    ...topics.map((t) => `  - ${t}`),
    ...(related.length
      ? ['related:', ...related.flatMap((r) => [`  - title: "About ${r}"`, `    webUrl: "${r}"`])]
      : []),
    '---',
    '',
  ].join('\n');

async function served(name: string): Promise<{ status: number; text: string }> {
  const response = await fetch(`${origin}/data/${name}`);
  return { status: response.status, text: await response.text() };
}

/** Writes through `change`, waits for the announcement, and returns it. */
async function edit(change: () => Promise<void>): Promise<ContentUpdatedEvent> {
  const seen = events.length;
  await change();
  const deadline = Date.now() + 10_000;
  while (Date.now() < deadline) {
    const event = events[seen];
    if (event) {
      // The settle pass after a burst may follow; give it time to land before comparing.
      await new Promise((resolve) => setTimeout(resolve, 400));
      return events.at(-1) as ContentUpdatedEvent;
    }
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
  throw new Error('no news:content-updated event');
}

/** Every file a cold build makes is served with the same text; returns the cold build's names. */
async function expectSameAsColdBuild(): Promise<string[]> {
  const cold = await buildContent({ contentDir: dir, drafts: true });
  for (const [name, text] of cold.files)
    expect({ name, ...(await served(name)) }).toEqual({ name, status: 200, text });
  return [...cold.files.keys()];
}

const detail = async (id: string) => JSON.parse((await served(`articles/${id}.json`)).text) as ArticleDetail;

beforeAll(async () => {
  dir = await mkdtemp(path.join(tmpdir(), 'news-dev-incremental-'));
  await mkdir(path.join(dir, 'nested'));
  await writeFile(
    path.join(dir, 'a.md'),
    article('A', 'https://news.example/a', ['Science'], ['https://news.example/b']),
  );
  await writeFile(path.join(dir, 'c.md'), article('C', 'https://news.example/c', ['science', 'Space']));
  await writeFile(path.join(dir, 'nested', 'd.md'), article('D', 'https://news.example/d', ['Space']));
  ({ server, origin, socket } = await startDevServer(
    {
      root: dir,
      logLevel: 'silent',
      plugins: [newsContent({ contentDir: dir, drafts: true, skipInvalid: false, cacheDir: false })],
    },
    (message) => {
      if (message.type === 'custom' && message.event === 'news:content-updated' && message.data)
        events.push(message.data);
    },
  ));
});

afterAll(async () => {
  socket?.close();
  await server?.close();
  await rm(dir, { recursive: true, force: true });
});

describe('dev server updates from the changed files only', { timeout: 30_000 }, () => {
  it('serves what a cold build makes, before any edit', async () => {
    await expectSameAsColdBuild();
    expect((await detail('a')).topics).toEqual([{ slug: 'science', name: 'Science' }]);
    expect((await detail('a')).related[0]?.articleId).toBeUndefined();
  });

  it('links a related item to the article added with its URL, and renames a topic by its new most used spelling', async () => {
    const before = await expectSameAsColdBuild();
    const cBefore = (await served('articles/c.json')).text;
    const event = await edit(() =>
      writeFile(path.join(dir, 'nested', 'b.md'), article('B', 'https://news.example/b', ['science'])),
    );
    expect(event.errors).toEqual([]);
    const after = await expectSameAsColdBuild();
    // a.md did not change, yet its detail now names the new spelling and links b.
    expect((await detail('a')).topics).toEqual([{ slug: 'science', name: 'science' }]);
    expect((await detail('a')).related[0]?.articleId).toBe('b');
    expect((await served('articles/c.json')).text).not.toBe(cBefore);
    // Feeds that changed have new folders; the old shard names are gone.
    for (const name of before.filter((n) => !after.includes(n)))
      expect((await served(name)).status).toBe(404);
    expect(after.filter((n) => n.startsWith('feed/') && n.includes('-space.'))).toEqual(
      before.filter((n) => n.startsWith('feed/') && n.includes('-space.')),
    );
  });

  it('updates the edited article and nothing it does not affect', async () => {
    const dBefore = (await served('articles/d.json')).text;
    checked.length = 0;
    await edit(() =>
      writeFile(path.join(dir, 'c.md'), article('C, edited', 'https://news.example/c', ['science', 'Space'])),
    );
    // Only the edited file was parsed (the settle pass finds its bytes unchanged).
    expect(checked).toEqual(['c.md']);
    await expectSameAsColdBuild();
    expect((await detail('c')).title).toBe('C, edited');
    expect((await served('articles/d.json')).text).toBe(dBefore);
  });

  it('drops a deleted article: its detail is gone and the related link is external again', async () => {
    await edit(() => unlink(path.join(dir, 'nested', 'b.md')));
    const names = await expectSameAsColdBuild();
    expect(names).not.toContain('articles/b.json');
    expect((await served('articles/b.json')).status).toBe(404);
    expect((await detail('a')).related[0]?.articleId).toBeUndefined();
    expect((await detail('a')).topics).toEqual([{ slug: 'science', name: 'Science' }]);
  });

  it('rescans when a folder goes, and reports a broken file with its position', async () => {
    await edit(() => rm(path.join(dir, 'nested'), { recursive: true }));
    await expectSameAsColdBuild();
    expect((await served('articles/d.json')).status).toBe(404);
    const broken = await edit(() => writeFile(path.join(dir, 'c.md'), '---\ntitle: [\n---\n'));
    expect(broken.errors).toEqual([expect.stringMatching(/^.*c\.md:\d+:\d+ /)]);
    expect((await served('articles/c.json')).status).toBe(404);
    await expectSameAsColdBuild();
  });
});

/**
 * The content folder has its own watcher: Vite's (chokidar) must not watch it, since it lists a
 * whole folder again on every write in it, yet edits deep in it and folders that come and go whole
 * (moved in or out, which the watcher does not report file by file) still reach the page.
 */
describe('the content folder is watched apart from Vite', { timeout: 30_000 }, () => {
  let project: string;
  let content: string;
  let own: { server: ViteDevServer; origin: string; socket: WebSocket };
  const updates: ContentUpdatedEvent[] = [];

  const get = async (name: string) => {
    const response = await fetch(`${own.origin}/data/${name}`);
    return { status: response.status, text: await response.text() };
  };
  /** Runs `change`, waits for the announcement and the settle pass, then compares with a cold build. */
  const change = async (step: () => Promise<void>) => {
    const seen = updates.length;
    await step();
    const deadline = Date.now() + 10_000;
    while (updates.length === seen) {
      if (Date.now() > deadline) throw new Error('no news:content-updated event');
      await new Promise((resolve) => setTimeout(resolve, 20));
    }
    await new Promise((resolve) => setTimeout(resolve, 400));
    const cold = await buildContent({ contentDir: content, drafts: true });
    for (const [name, text] of cold.files)
      expect({ name, ...(await get(name)) }).toEqual({ name, status: 200, text });
  };

  beforeAll(async () => {
    project = await mkdtemp(path.join(tmpdir(), 'news-dev-own-watcher-'));
    content = path.join(project, 'content');
    await mkdir(path.join(content, 'nested', 'deep'), { recursive: true });
    await writeFile(path.join(project, 'index.html'), '<!doctype html><title>news</title>');
    await writeFile(path.join(content, 'a.md'), article('A', 'https://news.example/a', ['Science']));
    await writeFile(
      path.join(content, 'nested', 'deep', 'd.md'),
      article('D', 'https://news.example/d', ['Space']),
    );
    own = await startDevServer(
      {
        root: project,
        logLevel: 'silent',
        // Relative, as in a vite.config: resolved from the root.
        plugins: [newsContent({ contentDir: 'content', drafts: true, skipInvalid: false, cacheDir: false })],
      },
      (message) => {
        if (message.type === 'custom' && message.event === 'news:content-updated' && message.data)
          updates.push(message.data);
      },
    );
  });

  afterAll(async () => {
    own?.socket.close();
    await own?.server.close();
    await rm(project, { recursive: true, force: true });
  });

  it("keeps the content folder out of Vite's file watcher", async () => {
    const watched = own.server.watcher.getWatched();
    expect(watched[project]).toContain('index.html');
    expect(watched[project]).not.toContain('content');
    expect(Object.keys(watched).filter((folder) => folder.startsWith(content))).toEqual([]);
    // The same holds for a file chokidar would be handed later.
    own.server.watcher.add(path.join(content, 'a.md'));
    await new Promise((resolve) => setTimeout(resolve, 100));
    expect(Object.keys(own.server.watcher.getWatched()).filter((f) => f.startsWith(content))).toEqual([]);
  });

  it('picks up an edit two folders down', async () => {
    await change(() =>
      writeFile(
        path.join(content, 'nested', 'deep', 'd.md'),
        article('D, edited', 'https://news.example/d', ['Space']),
      ),
    );
    expect(JSON.parse((await get('articles/d.json')).text)).toMatchObject({ title: 'D, edited' });
  });

  it('drops the articles of a folder moved out, reads a new folder, and drops a deleted one', async () => {
    await change(() => rename(path.join(content, 'nested'), path.join(project, 'nested')));
    expect((await get('articles/d.json')).status).toBe(404);
    await change(async () => {
      await mkdir(path.join(content, 'new', 'deep'), { recursive: true });
      await writeFile(
        path.join(content, 'new', 'deep', 'e.md'),
        article('E', 'https://news.example/e', ['Space']),
      );
    });
    expect((await get('articles/e.json')).status).toBe(200);
    await change(() => rm(path.join(content, 'new'), { recursive: true }));
    expect((await get('articles/e.json')).status).toBe(404);
  });
});
