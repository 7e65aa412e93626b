import { lookup } from 'node:dns/promises';
import { BlockList, isIP } from 'node:net';

/**
 * Image URLs come from untrusted article files, and the build runs on developer machines and CI
 * runners. Without this check a file could make the build fetch from the loopback interface, the
 * LAN or a cloud metadata endpoint, and publish whatever image-looking answer it got. Hosts that
 * resolve to these ranges are refused unless the caller allows private hosts (tests, local e2e).
 */
const privateRanges = new BlockList();
for (const [net, prefix] of [
  ['0.0.0.0', 8],
  ['10.0.0.0', 8],
  ['100.64.0.0', 10],
  ['127.0.0.0', 8],
  ['169.254.0.0', 16],
  ['172.16.0.0', 12],
  ['192.0.0.0', 24],
  ['192.168.0.0', 16],
  ['198.18.0.0', 15],
  ['224.0.0.0', 3],
] as const) {
  privateRanges.addSubnet(net, prefix, 'ipv4');
}
for (const [net, prefix] of [
  ['::', 127], // unspecified and loopback
  ['fc00::', 7], // unique local
  ['fe80::', 10], // link local
  ['ff00::', 8], // multicast
] as const) {
  privateRanges.addSubnet(net, prefix, 'ipv6');
}

/** True for loopback, private, link-local, shared, multicast and unspecified addresses. */
export function isPrivateAddress(address: string): boolean {
  const mapped = /^::ffff:(\d+\.\d+\.\d+\.\d+)$/i.exec(address);
  if (mapped) return privateRanges.check(mapped[1]!, 'ipv4');
  const family = isIP(address);
  if (family === 0) return true; // not an address at all: refuse rather than guess
  return privateRanges.check(address, family === 4 ? 'ipv4' : 'ipv6');
}

/**
 * Resolves the URL's host and returns why it may not be fetched, or undefined when it may.
 * The name is resolved again by fetch itself, so a hostile DNS server could still answer
 * differently the second time; this closes the plain cases, not DNS rebinding.
 */
export async function refuseHost(url: URL, signal: AbortSignal): Promise<string | undefined> {
  const host = url.hostname.replace(/^\[(.*)\]$/, '$1');
  if (host === 'localhost' || host.endsWith('.localhost')) return `host ${host} is local`;
  const addresses = isIP(host) ? [host] : await resolveWithin(host, signal);
  const bad = addresses.find(isPrivateAddress);
  return bad ? `host ${host} resolves to private address ${bad}` : undefined;
}

async function resolveWithin(host: string, signal: AbortSignal): Promise<string[]> {
  signal.throwIfAborted();
  // dns.lookup takes no signal; racing it keeps the per-request timeout true when DNS hangs.
  let onAbort = () => {};
  const aborted = new Promise<never>((_, reject) => {
    onAbort = () => reject(signal.reason);
    signal.addEventListener('abort', onAbort, { once: true });
  });
  try {
    const found = await Promise.race([lookup(host, { all: true, verbatim: true }), aborted]);
    return found.map((entry) => entry.address);
  } finally {
    signal.removeEventListener('abort', onAbort);
  }
}
