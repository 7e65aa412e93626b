import { vi } from 'vitest';

/** How one path fails: an HTTP status, or `'network'` for a request that never gets an answer. */
export type Failure = number | 'network';

/**
 * Replaces `fetch` with one that answers from `files` (URL path → JSON body) with real `Response`
 * objects: 404 for unknown paths, and any path in `failures` fails as told until it is removed, so
 * a retry can recover. Query strings are ignored. `requests` lists every path asked for.
 */
export function serveFiles(files: Map<string, unknown>) {
  const failures = new Map<string, Failure>();
  const requests: string[] = [];
  const fetchFromMemory = async (input: RequestInfo | URL): Promise<Response> => {
    const url = new URL(input instanceof Request ? input.url : String(input), 'http://127.0.0.1/');
    requests.push(url.pathname);
    const failure = failures.get(url.pathname);
    if (failure === 'network') throw new TypeError('Failed to fetch');
    if (failure !== undefined) return new Response('{"error":"failure"}', { status: failure });
    const body = files.get(url.pathname);
    if (body === undefined) return new Response('{"error":"not found"}', { status: 404 });
    return new Response(JSON.stringify(body), {
      status: 200,
      headers: { 'content-type': 'application/json' },
    });
  };
  vi.stubGlobal('fetch', vi.fn(fetchFromMemory));
  return { failures, requests };
}
