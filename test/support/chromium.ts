/**
 * Debian's Chromium and the flags every browser this repository starts gets (end-to-end tests and
 * the benchmark): no sandbox (CI runs as root), no GPU, and none of the browser's own network
 * traffic (QUIC, first-run pages, component and sync updates).
 */
export const CHROMIUM_PATH = '/usr/bin/chromium';

export const CHROMIUM_FLAGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];
