import { spawn } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { CHROMIUM_FLAGS, CHROMIUM_PATH } from '../../support/chromium';
import { stopChild } from './processes';

export { CHROMIUM_PATH };

/**
 * The flags the e2e tests use, plus a resolver rule that fails every host name: publishers' image
 * URLs (the build runs with IMAGE_CACHE=off) must not leave the machine. 127.0.0.1 is an IP
 * literal, so the page itself still loads.
 */
export const CHROMIUM_ARGS = [...CHROMIUM_FLAGS, '--host-resolver-rules=MAP * ~NOTFOUND, EXCLUDE 127.0.0.1'];

export interface RunningChromium {
  /** DevTools port on 127.0.0.1. */
  port: number;
  stop(): Promise<void>;
}

/** Headless Chromium with remote debugging, for Lighthouse; `stop()` ends this process only. */
export async function launchChromium(): Promise<RunningChromium> {
  const profile = await mkdtemp(path.join(tmpdir(), 'bench-chromium-'));
  const child = spawn(
    CHROMIUM_PATH,
    [
      ...CHROMIUM_ARGS,
      '--headless',
      '--remote-debugging-port=0',
      `--user-data-dir=${profile}`,
      'about:blank',
    ],
    { stdio: ['ignore', 'ignore', 'pipe'], env: { ...process.env, CHROME_PATH: CHROMIUM_PATH } },
  );
  const stop = async () => {
    await stopChild(child);
    await rm(profile, { recursive: true, force: true });
  };
  const port = await new Promise<number>((resolve, reject) => {
    let stderr = '';
    const timer = setTimeout(
      () => reject(new Error(`Chromium did not report a DevTools port:\n${stderr}`)),
      30_000,
    );
    child.stderr.on('data', (chunk: Buffer) => {
      stderr += chunk.toString();
      const match = /DevTools listening on ws:\/\/127\.0\.0\.1:(\d+)\//.exec(stderr);
      if (match) {
        clearTimeout(timer);
        resolve(Number(match[1]));
      }
    });
    child.once('exit', (code) => reject(new Error(`Chromium exited (${code}):\n${stderr}`)));
  }).catch(async (error: unknown) => {
    await stop();
    throw error;
  });
  child.stderr.resume();
  return { port, stop };
}
