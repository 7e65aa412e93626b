import { describe, expect, it } from 'vitest';
import { isPrivateAddress } from '../../../src/content-pipeline/images/host-policy';
import { isAcceptableImageType, sniffImageFormat } from '../../../src/content-pipeline/images/sniff-image';

const bytes = (...parts: (string | number[])[]) =>
  new Uint8Array(parts.flatMap((p) => (typeof p === 'string' ? [...p].map((c) => c.charCodeAt(0)) : p)));

describe('sniffImageFormat', () => {
  it.each([
    ['jpg', bytes([0xff, 0xd8, 0xff, 0xe0], '0000000000000')],
    ['png', bytes([0x89], 'PNG', [0x0d, 0x0a, 0x1a, 0x0a], '00000000')],
    ['gif', bytes('GIF89a0000000000')],
    ['webp', bytes('RIFF', [0, 0, 0, 0], 'WEBPVP8 ')],
    ['avif', bytes([0, 0, 0, 0x1c], 'ftypavif', [0, 0, 0, 0])],
  ])('recognises %s', (ext, data) => {
    expect(sniffImageFormat(data)?.ext).toBe(ext);
  });

  it.each([
    ['HTML', bytes('<!doctype html><html>')],
    ['SVG', bytes('<svg xmlns="http://www.w3.org/2000/svg">')],
    ['an MP4 (ISO-BMFF, not AVIF)', bytes([0, 0, 0, 0x18], 'ftypmp42', [0, 0, 0, 0])],
    ['too few bytes', bytes([0xff, 0xd8])],
  ])('refuses %s', (_, data) => {
    expect(sniffImageFormat(data)).toBeUndefined();
  });
});

describe('isAcceptableImageType', () => {
  it.each([
    ['image/jpeg', true],
    ['IMAGE/PNG; charset=binary', true],
    ['image/svg+xml', false],
    ['text/html', false],
    ['application/octet-stream', false],
    [null, false],
  ])('%s -> %s', (type, expected) => {
    expect(isAcceptableImageType(type)).toBe(expected);
  });
});

describe('isPrivateAddress', () => {
  it.each([
    '127.0.0.1',
    '10.1.2.3',
    '172.20.0.1',
    '192.168.1.1',
    '169.254.169.254',
    '100.64.0.1',
    '0.0.0.0',
    '::1',
    '::',
    'fd00::1',
    'fe80::1',
    '::ffff:127.0.0.1',
  ])('refuses %s', (address) => expect(isPrivateAddress(address)).toBe(true));
  it.each(['93.184.216.34', '2606:2800:220:1::1', '::ffff:8.8.8.8'])('allows %s', (address) => {
    expect(isPrivateAddress(address)).toBe(false);
  });
});
