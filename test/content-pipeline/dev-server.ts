import { createServer, type InlineConfig, type ViteDevServer } from 'vite';
import WebSocket from 'ws';
import type { ContentUpdatedEvent } from '../../src/types/content';

/** A message on Vite's HMR socket, as far as these tests read it. */
export interface HmrMessage {
  type: string;
  event?: string;
  data?: ContentUpdatedEvent;
  err?: { message: string; loc?: { file?: string; line: number; column: number } };
}

export interface DevServerUnderTest {
  server: ViteDevServer;
  /** `http://127.0.0.1:<port>` */
  origin: string;
  socket: WebSocket;
}

/**
 * A real Vite dev server on 127.0.0.1 (a free port), with an HMR client connected that hands every
 * message to `onMessage`. `config` gives the root and plugins; `configFile` is off.
 */
export async function startDevServer(
  config: InlineConfig,
  onMessage: (message: HmrMessage) => void,
): Promise<DevServerUnderTest> {
  const server = await createServer({
    configFile: false,
    ...config,
    server: { host: '127.0.0.1', port: 0, strictPort: false, ...config.server },
  });
  await server.listen();
  const address = server.httpServer?.address();
  if (!address || typeof address === 'string') throw new Error('dev server has no TCP address');
  const socket = new WebSocket(`ws://127.0.0.1:${address.port}/`, 'vite-hmr');
  socket.on('message', (raw) => onMessage(JSON.parse(String(raw)) as HmrMessage));
  await new Promise((resolve, reject) => {
    socket.once('open', resolve);
    socket.once('error', reject);
  });
  return { server, origin: `http://127.0.0.1:${address.port}`, socket };
}
