import { execFileSync, fork, spawn, type ChildProcess } from 'node:child_process';
import { createServer } from 'node:net';
import path from 'node:path';
import { sleep } from './stats';

/** Every child this benchmark starts gets these: no image downloads, no network but 127.0.0.1. */
export function benchEnv(extra: Record<string, string> = {}): NodeJS.ProcessEnv {
  return { ...process.env, IMAGE_CACHE: 'off', NO_COLOR: '1', ...extra };
}

/** What a measurement child sends back (`process.send`) before it exits. */
export type ChildMessage<T> = { ok: true; result: T } | { ok: false; error: string };

/**
 * Runs a TypeScript module in a fresh Node process (through tsx) and resolves with the one result
 * it sends. A fresh process per run keeps runs cold (no JIT, module or parser state carried over)
 * and lets the child report its own peak RSS. Killed by pid on timeout.
 */
export function runTsChild<T>(
  script: string,
  args: string[],
  timeoutMs: number,
  env = benchEnv(),
): Promise<T> {
  return new Promise((resolve, reject) => {
    const child = fork(script, args, {
      execArgv: ['--import', 'tsx'],
      env,
      stdio: ['ignore', 'pipe', 'pipe', 'ipc'],
    });
    let stderr = '';
    let message: ChildMessage<T> | undefined;
    child.stderr?.on('data', (chunk: Buffer) => (stderr = (stderr + chunk.toString()).slice(-4000)));
    child.stdout?.resume();
    child.on('message', (m) => (message = m as ChildMessage<T>));
    const timer = setTimeout(() => child.kill('SIGKILL'), timeoutMs);
    child.on('exit', (code, signal) => {
      clearTimeout(timer);
      if (message?.ok) resolve(message.result);
      else if (message) reject(new Error(message.error));
      else {
        const oom = /heap out of memory/.test(stderr) ? ' (JavaScript heap out of memory)' : '';
        reject(
          new Error(`${path.basename(script)} exited (${signal ?? code})${oom} without a result:\n${stderr}`),
        );
      }
    });
  });
}

/** Sends the child's result to the parent, or its error; used at the bottom of child modules. */
export async function replyToParent<T>(task: () => Promise<T>): Promise<void> {
  let reply: ChildMessage<T>;
  try {
    reply = { ok: true, result: await task() };
  } catch (error) {
    reply = { ok: false, error: error instanceof Error ? (error.stack ?? error.message) : String(error) };
  }
  await new Promise<void>((resolve) => process.send?.(reply, () => resolve()) ?? resolve());
  process.disconnect?.();
}

const viteBin = path.resolve('node_modules/vite/bin/vite.js');

/** Runs `vite <args>` to completion, returning its wall time and output; throws on a non-zero exit. */
export function runVite(
  args: string[],
  env: NodeJS.ProcessEnv,
  timeoutMs: number,
): Promise<{ ms: number; output: string }> {
  return new Promise((resolve, reject) => {
    const started = performance.now();
    const child = spawn(process.execPath, [viteBin, ...args], { env, stdio: ['ignore', 'pipe', 'pipe'] });
    let output = '';
    const collect = (chunk: Buffer) => (output = (output + chunk.toString()).slice(-20_000));
    child.stdout.on('data', collect);
    child.stderr.on('data', collect);
    const timer = setTimeout(() => child.kill('SIGKILL'), timeoutMs);
    child.on('exit', (code, signal) => {
      clearTimeout(timer);
      if (code === 0) resolve({ ms: performance.now() - started, output });
      else
        reject(
          new Error(
            `vite ${args[0]} failed (${signal ?? code}): ${rootCause(output)}\n${output.slice(-4000)}`,
          ),
        );
    });
  });
}

/** The most specific error line of a failed Vite run: the plugin that failed and the first real error. */
function rootCause(output: string): string {
  const lines = output.split('\n').map((line) => line.trim());
  const plugin = lines.filter((line) => /^\[plugin [^\]]+\]$/.test(line)).at(-1);
  const error = lines.find((line) => /^\w*Error: /.test(line) && !/^Error: Build failed/.test(line));
  return [plugin, error ?? lines.find((line) => /error/i.test(line))].filter(Boolean).join(' ');
}

/** A long-running `vite preview` on 127.0.0.1; `stop()` ends exactly this process. */
export interface RunningServer {
  origin: string;
  stop(): Promise<void>;
}

export async function startPreview(outDir: string, env: NodeJS.ProcessEnv): Promise<RunningServer> {
  const port = await freePort();
  const child = spawn(
    process.execPath,
    [viteBin, 'preview', '--outDir', outDir, '--host', '127.0.0.1', '--port', String(port), '--strictPort'],
    { env, stdio: ['ignore', 'pipe', 'pipe'] },
  );
  let output = '';
  child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
  child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
  const origin = `http://127.0.0.1:${port}`;
  const server: RunningServer = { origin, stop: () => stopChild(child) };
  const deadline = Date.now() + 60_000;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`vite preview exited early:\n${output}`);
    try {
      if ((await fetch(`${origin}/`)).ok) return server;
    } catch {
      // not listening yet
    }
    await sleep(200);
  }
  await server.stop();
  throw new Error(`vite preview did not answer on ${origin} within 60 s:\n${output}`);
}

/** SIGTERM, then SIGKILL after 5 s; resolves once the process has exited. */
export async function stopChild(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return;
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  child.kill('SIGTERM');
  const timer = setTimeout(() => child.kill('SIGKILL'), 5000);
  await exited;
  clearTimeout(timer);
}

/** A TCP port that was free on 127.0.0.1 a moment ago. */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      server.close(() => resolve(port));
    });
  });
}

/**
 * Waits until the files written so far are on disk: the cold 100k runs leave gigabytes that the
 * kernel writes back for a minute or more, and that writing is neither the next part's time nor
 * a timed run's.
 */
export function flushWrites(log: (line: string) => void = console.log): void {
  if (process.platform === 'win32') return;
  const started = performance.now();
  try {
    execFileSync('sync', { stdio: 'ignore' });
    log(`  written files flushed to disk in ${((performance.now() - started) / 1000).toFixed(1)} s`);
  } catch {
    // No sync command: the next part runs as it is.
  }
}
