import { createServer, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import sharp from 'sharp';

/** A raster image made in memory, so the tests need no binary fixtures. */
export function makePng(width: number, height: number, colour = { r: 200, g: 60, b: 40 }): Promise<Buffer> {
  return sharp({ create: { width, height, channels: 3, background: colour } })
    .png()
    .toBuffer();
}

export interface ImageServer {
  /** `http://127.0.0.1:<port>` */
  origin: string;
  /** Paths requested since the last `reset()`, in order. */
  requests: string[];
  /** Most requests the server was answering at the same moment since the last `reset()`. */
  maxInFlight: number;
  reset(): void;
  close(): Promise<void>;
}

type Route = (res: ServerResponse) => void;

/**
 * An HTTP server on 127.0.0.1 that answers the way real image hosts misbehave. `slowMs` is how long
 * `/slow.png` waits before answering; the caller sets it above the timeout under test.
 */
export async function startImageServer(options: {
  good: Buffer;
  other: Buffer;
  slowMs: number;
  hugeBytes: number;
}) {
  const send =
    (type: string, body: string | Buffer, status = 200): Route =>
    (res) => {
      res.writeHead(status, { 'content-type': type, 'content-length': Buffer.byteLength(body) });
      res.end(body);
    };
  const redirect =
    (location: string): Route =>
    (res) => {
      res.writeHead(302, { location });
      res.end();
    };
  const routes: Record<string, Route> = {
    '/good.png': send('image/png', options.good),
    '/other.png': send('image/png', options.other),
    '/good-copy.png': send('image/png', options.good),
    '/mislabelled.jpg': send('image/jpeg; charset=binary', options.other),
    '/missing.png': send('text/plain', 'not found', 404),
    '/page.png': send('image/png', '<!doctype html><html><body>Not an image</body></html>'),
    '/png-as-text': send('text/plain', options.good),
    '/logo.svg': send(
      'image/svg+xml',
      '<svg xmlns="http://www.w3.org/2000/svg"><script>alert(1)</script></svg>',
    ),
    '/redirect-good': redirect('/good.png'),
    '/loop': redirect('/loop'),
    '/to-ftp': redirect('ftp://127.0.0.1/good.png'),
    '/to-data': redirect('data:image/png;base64,iVBORw0KGgo='),
    '/slow.png': (res) => {
      const timer = setTimeout(send('image/png', options.good).bind(null, res), options.slowMs);
      res.on('close', () => clearTimeout(timer));
    },
    '/huge-declared.png': send('image/png', Buffer.concat([options.good, Buffer.alloc(options.hugeBytes)])),
    // No Content-Length: the cap has to be enforced while streaming.
    '/huge-streamed.png': (res) => {
      res.writeHead(200, { 'content-type': 'image/png' });
      res.write(options.good);
      const chunk = Buffer.alloc(16 * 1024);
      let sent = 0;
      const pump = () => {
        while (sent < options.hugeBytes && !res.destroyed) {
          sent += chunk.length;
          if (!res.write(chunk)) return void res.once('drain', pump);
        }
        res.end();
      };
      pump();
    },
  };

  const requests: string[] = [];
  let inFlight = 0;
  const server = createServer((req, res) => {
    const path = req.url ?? '/';
    requests.push(path);
    inFlight++;
    handle.maxInFlight = Math.max(handle.maxInFlight, inFlight);
    res.on('close', () => inFlight--);
    // `/held-<n>.png`: the good image after 100 ms, so parallel downloads overlap.
    if (path.startsWith('/held-')) return void setTimeout(() => send('image/png', options.good)(res), 100);
    (routes[path] ?? send('text/plain', 'no such route', 404))(res);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  const handle: ImageServer = {
    origin: `http://127.0.0.1:${port}`,
    requests,
    maxInFlight: 0,
    reset: () => {
      requests.splice(0);
      handle.maxInFlight = 0;
    },
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
  return handle;
}

/** A port nothing listens on: bound once, then released. */
export async function closedPort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return port;
}
