import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';

/** What the server answers for one path: JSON (an object, or raw text for broken files) and a status. */
export interface FixtureResponse {
  status?: number;
  body: unknown;
  /** Send `body` as-is (it must be a string): for files that are not valid to the contract. */
  raw?: boolean;
}

/**
 * A real HTTP server on 127.0.0.1 serving fixture JSON by path (query strings ignored), so the
 * reader's fetch wrapper sees real status codes and bodies. `routes` can be changed between
 * requests, e.g. to make a failing file recover.
 */
export async function startFixtureServer(routes: Map<string, FixtureResponse>) {
  const requests: string[] = [];
  const server: Server = createServer((request, response) => {
    const url = new URL(request.url ?? '/', 'http://127.0.0.1');
    requests.push(url.pathname + url.search);
    const route = routes.get(url.pathname);
    const status = route?.status ?? (route ? 200 : 404);
    const body = route
      ? route.raw
        ? String(route.body)
        : JSON.stringify(route.body)
      : '{"error":"not found"}';
    response.writeHead(status, { 'content-type': 'application/json' });
    response.end(body);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return {
    origin,
    requests,
    close: () =>
      new Promise<void>((resolve, reject) => server.close((error) => (error ? reject(error) : resolve()))),
  };
}
