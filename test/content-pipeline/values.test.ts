import { describe, expect, it } from 'vitest';
import { checkIsoDateTime } from '../../src/content-pipeline/dates';
import { cleanText, formatBytes, quote } from '../../src/content-pipeline/text';
import { checkHttpUrl } from '../../src/content-pipeline/urls';
import { domainHost } from '../../src/content-pipeline/validate';
import { cpuTimed } from './helpers';

describe('checkHttpUrl', () => {
  it.each([
    ['https://example.com/a?b=1#c', 'https://example.com/a?b=1#c'],
    ['http://example.com', 'http://example.com/'],
    ['  https://example.com/padded \t', 'https://example.com/padded'],
    ['HTTPS://Example.COM/Path', 'https://example.com/Path'],
    ['https://apnews.com/Business Wire/5054ac58', 'https://apnews.com/Business%20Wire/5054ac58'],
    ['https://例え.jp/記事', 'https://xn--r8jz45g.jp/%E8%A8%98%E4%BA%8B'],
  ])('accepts %j as %j', (raw, url) => {
    expect(checkHttpUrl(raw)).toEqual({ ok: true, url });
  });

  it.each([
    ['', 'is empty'],
    ['   ', 'is empty'],
    ['javascript:alert(1)', 'uses the javascript: scheme'],
    ['JaVaScRiPt:alert(1)', 'uses the javascript: scheme'],
    ['  javascript:alert(1)', 'uses the javascript: scheme'],
    ['java\tscript:alert(1)', 'contains a control or invisible character'],
    ['java\nscript:alert(1)', 'contains a control or invisible character'],
    ['https://ok.example/\u0000', 'contains a control or invisible character'],
    ['https://ok.example/\u200bhidden', 'contains a control or invisible character'],
    ['data:text/html,<script>alert(1)</script>', 'uses the data: scheme'],
    ['vbscript:msgbox(1)', 'uses the vbscript: scheme'],
    ['file:///etc/passwd', 'uses the file: scheme'],
    ['//evil.example/x', 'is protocol-relative, with no scheme'],
    ['/relative/path', 'is not an absolute URL'],
    ['https:evil.example', 'has no host after the scheme'],
    ['https:/evil.example', 'has no host after the scheme'],
    ['https:\\\\evil.example', 'has no host after the scheme'],
    ['https://', 'has no host after the scheme'],
    ['https://exa mple.com/', 'is not a valid URL'],
    ['https://trusted.example@evil.example/', 'contains a user name or password'],
    [`https://example.com/${'a'.repeat(4100)}`, 'is longer than 4096 characters'],
  ])('rejects %j: %s', (raw, reason) => {
    expect(checkHttpUrl(raw)).toEqual({ ok: false, reason });
  });
});

describe('checkIsoDateTime', () => {
  it.each([
    ['2020-05-06T05:14:00Z', '2020-05-06T05:14:00.000Z'],
    ['2020-05-06T10:30:00+05:30', '2020-05-06T05:00:00.000Z'],
    ['2020-05-06T00:30:00-01:00', '2020-05-06T01:30:00.000Z'],
    ['2020-05-06T01:00:00+0100', '2020-05-06T00:00:00.000Z'],
    ['2020-05-06T01:00:00+01', '2020-05-06T00:00:00.000Z'],
    ['2020-05-06 23:59:59.123456 -07:00', '2020-05-07T06:59:59.123Z'],
    ['2020-05-06T05:14Z', '2020-05-06T05:14:00.000Z'],
    ['2024-02-29T12:00:00z', '2024-02-29T12:00:00.000Z'],
    ['2000-02-29T12:00:00Z', '2000-02-29T12:00:00.000Z'],
  ])('reads %j as %s', (raw, iso) => {
    const result = checkIsoDateTime(raw);
    expect(result).toEqual({ ok: true, iso, time: Date.parse(iso) });
  });

  it.each([
    ['2024-13-45T00:00:00Z', 'has month 13, which does not exist'],
    ['2024-00-10T00:00:00Z', 'has month 00, which does not exist'],
    ['2024-02-30T00:00:00Z', 'has day 30, which does not exist in February 2024'],
    ['2023-02-29T00:00:00Z', 'has day 29, which does not exist in February 2023'],
    ['1900-02-29T00:00:00Z', 'has day 29, which does not exist in February 1900'],
    ['2024-04-31T00:00:00Z', 'has day 31, which does not exist in April 2024'],
    ['2024-05-00T00:00:00Z', 'has day 00, which does not exist in May 2024'],
    ['2024-05-06T24:00:00Z', 'has hour 24, which does not exist'],
    ['2024-05-06T10:60:00Z', 'has minute 60, which does not exist'],
    ['2024-05-06T10:00:60Z', 'has second 60, which does not exist'],
    ['2024-05-06T10:00:00+24:00', 'has offset +24:00, which does not exist'],
    ['0099-05-06T10:00:00Z', 'has year 0099, before 1000'],
    ['2024-05-06T10:00:00', 'has no UTC offset; add Z or +hh:mm, e.g. 2020-05-06T05:14:00Z'],
    ['2024-05-06', 'must be an ISO 8601 date-time with an offset, e.g. 2020-05-06T05:14:00Z'],
    ['May 6, 2020', 'must be an ISO 8601 date-time with an offset, e.g. 2020-05-06T05:14:00Z'],
    ['2020-05-06T05:14:00Zjunk', 'must be an ISO 8601 date-time with an offset, e.g. 2020-05-06T05:14:00Z'],
  ])('rejects %j: %s', (raw, reason) => {
    expect(checkIsoDateTime(raw)).toEqual({ ok: false, reason });
  });
});

describe('cleanText', () => {
  it('removes C0 (except tab and newline), DEL and C1 characters and says which', () => {
    expect(cleanText('a\u0000b\u0007c\td\ne\u007ff\u0085g\u0097h\u009bi')).toEqual({
      text: 'abc\td\nefghi',
      removed: ['U+0000', 'U+0007', 'U+007F', 'U+0085', 'U+0097', 'U+009B'],
    });
  });

  it('keeps ordinary non-ASCII text, including no-break and thin spaces', () => {
    expect(cleanText('Café “quoted” 10\u00a0km\u2006x 新冠')).toEqual({
      text: 'Café “quoted” 10\u00a0km\u2006x 新冠',
      removed: [],
    });
  });

  it('replaces lone surrogates, which cannot be written as UTF-8', () => {
    expect(cleanText('a\ud800b\udc00c😀')).toEqual({ text: 'a\ufffdb\ufffdc😀', removed: [] });
  });
});

describe('message helpers', () => {
  it('quotes values with every control character escaped, shortened', () => {
    expect(quote('a"b\n\u009b[31m')).toBe('"a\\"b\\n\\u009b[31m"');
    expect(quote('x'.repeat(70))).toBe(`"${'x'.repeat(60)}…"`);
  });

  it('formats sizes the way a person writes a cap', () => {
    expect(formatBytes(1024 * 1024)).toBe('1 MiB');
    expect(formatBytes(1536 * 1024)).toBe('1.5 MiB');
    expect(formatBytes(2048)).toBe('2 KiB');
    expect(formatBytes(300)).toBe('300 bytes');
  });
});

describe('domainHost', () => {
  it.each([
    ['foxnews.com', 'foxnews.com'],
    ['cnn.com/us/live-news/us-coronavirus-update-05-04-20/h_17b8da66', 'cnn.com'],
    ['https://WWW.Example.com/x?y', 'www.example.com'],
    ['xn--r8jz45g.jp', 'xn--r8jz45g.jp'],
    ['not a host', undefined],
    ['a..b', undefined],
    ['-a.com', undefined],
    ['', undefined],
    [`${'a'.repeat(64)}.com`, undefined],
  ])('%j -> %j', (raw, host) => {
    expect(domainHost(raw)).toBe(host);
  });

  it('stays linear on hostile input', () => {
    const { result, cpuMs } = cpuTimed(() => domainHost(`${'a.a-'.repeat(200_000)}!`));
    expect(result).toBeUndefined();
    expect(cpuMs).toBeLessThan(200);
  });
});
