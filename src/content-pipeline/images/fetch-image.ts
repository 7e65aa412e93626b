import { refuseHost } from './host-policy.ts';
import { isAcceptableImageType, sniffImageFormat, SNIFF_BYTES, type ImageFormat } from './sniff-image.ts';

/** Limits for one image download; every field is required so callers state their policy. */
export interface FetchImageOptions {
  /** Whole request, all redirect hops and the body included. */
  timeoutMs: number;
  maxBytes: number;
  maxRedirects: number;
  /** Allow loopback and private addresses (tests and local end-to-end builds only). */
  allowPrivateHosts: boolean;
}

/** `network`: nothing usable came back (refused, DNS, timeout); `http`: a non-2xx answer; `refused`: our policy said no. */
export type FailureKind = 'network' | 'http' | 'refused';

export type FetchImageResult =
  { ok: true; bytes: Buffer; format: ImageFormat } | { ok: false; kind: FailureKind; reason: string };

const fail = (kind: FailureKind, reason: string): FetchImageResult => ({ ok: false, kind, reason });

const ACCEPT = 'image/avif,image/webp,image/png,image/jpeg,image/gif;q=0.9';

/**
 * Downloads one image with undici's global fetch. Redirects are followed by hand so each hop is
 * checked (http(s) only, host policy) and counted; the body is streamed so an oversized or
 * non-image answer is dropped as soon as it shows, instead of after it has been read whole.
 */
export async function fetchImage(url: string, options: FetchImageOptions): Promise<FetchImageResult> {
  const signal = AbortSignal.timeout(options.timeoutMs);
  try {
    let current = url;
    for (let hop = 0; hop <= options.maxRedirects; hop++) {
      const target = URL.canParse(current) ? new URL(current) : undefined;
      if (!target || (target.protocol !== 'http:' && target.protocol !== 'https:')) {
        return fail(
          'refused',
          hop === 0 ? 'not an http(s) URL' : `redirect to a non-http(s) URL: ${current}`,
        );
      }
      if (!options.allowPrivateHosts) {
        const refusal = await refuseHost(target, signal);
        if (refusal) return fail('refused', refusal);
      }
      const response = await fetch(target, { redirect: 'manual', signal, headers: { accept: ACCEPT } });
      const location = response.headers.get('location');
      if (response.status >= 300 && response.status < 400 && location) {
        await discard(response);
        current = URL.canParse(location, target) ? new URL(location, target).href : location;
        continue;
      }
      if (!response.ok) {
        await discard(response);
        return fail('http', `HTTP ${response.status}`);
      }
      return await readImage(response, options.maxBytes);
    }
    return fail('refused', `more than ${options.maxRedirects} redirects`);
  } catch (error) {
    if (signal.aborted) return fail('network', `timed out after ${options.timeoutMs} ms`);
    return fail('network', describeNetworkError(error));
  }
}

async function readImage(response: Response, maxBytes: number): Promise<FetchImageResult> {
  const declared = response.headers.get('content-type');
  if (!isAcceptableImageType(declared)) {
    await discard(response);
    return fail('refused', `not an image (Content-Type: ${declared ?? 'none'})`);
  }
  const length = Number(response.headers.get('content-length'));
  if (length > maxBytes) {
    await discard(response);
    return fail('refused', `larger than ${maxBytes} bytes (Content-Length: ${length})`);
  }
  if (!response.body) return fail('refused', 'empty body');
  const reader = response.body.getReader();
  const chunks: Uint8Array[] = [];
  let total = 0;
  let format: ImageFormat | undefined;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    chunks.push(value);
    total += value.byteLength;
    if (total > maxBytes) {
      await reader.cancel().catch(() => {});
      return fail('refused', `larger than ${maxBytes} bytes`);
    }
    if (!format && total >= SNIFF_BYTES) {
      format = sniffImageFormat(Buffer.concat(chunks, total));
      if (!format) {
        await reader.cancel().catch(() => {});
        return fail('refused', `content is not a raster image (declared ${declared})`);
      }
    }
  }
  const bytes = Buffer.concat(chunks, total);
  format ??= sniffImageFormat(bytes);
  if (!format) return fail('refused', `content is not a raster image (declared ${declared})`);
  return { ok: true, bytes, format };
}

/** Frees the connection of a response we will not read. */
async function discard(response: Response): Promise<void> {
  await response.body?.cancel().catch(() => {});
}

function describeNetworkError(error: unknown): string {
  // undici wraps the socket error: TypeError('fetch failed', { cause: { code: 'ECONNREFUSED' } }).
  const cause =
    error instanceof Error ? (error.cause as { code?: unknown; message?: unknown } | undefined) : undefined;
  const code = typeof cause?.code === 'string' ? cause.code : undefined;
  const message = error instanceof Error ? error.message : String(error);
  return code ? `${message} (${code})` : message;
}
