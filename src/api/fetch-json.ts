/** A request for reader data that did not give usable JSON. `status` is 0 for network failures. */
export class DataRequestError extends Error {
  readonly status: number;
  readonly url: string;
  constructor(url: string, status: number, message: string) {
    super(message);
    this.name = 'DataRequestError';
    this.url = url;
    this.status = status;
  }
  get notFound(): boolean {
    return this.status === 404;
  }
}

/** Fetches JSON and throws `DataRequestError` on a network failure, a non-2xx answer or bad JSON. */
export async function fetchJson<T>(url: string, signal?: AbortSignal): Promise<T> {
  let response: Response;
  try {
    response = await fetch(url, { signal, headers: { accept: 'application/json' } });
  } catch (cause) {
    if (signal?.aborted) throw cause;
    throw new DataRequestError(url, 0, 'The reader could not reach the server.');
  }
  if (!response.ok) {
    const what = response.status === 404 ? 'was not found' : `failed (HTTP ${response.status})`;
    throw new DataRequestError(url, response.status, `The request for ${url} ${what}.`);
  }
  try {
    return (await response.json()) as T;
  } catch {
    throw new DataRequestError(url, response.status, `The server sent something other than JSON for ${url}.`);
  }
}
