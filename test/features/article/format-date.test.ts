import { formatAbsoluteDate, formatRelativeDate } from '../../../src/features/article/format-date';

const now = Date.parse('2024-06-15T12:00:00.000Z');

describe('formatAbsoluteDate', () => {
  it('writes day, month, year, time and zone', () => {
    expect(formatAbsoluteDate('2020-05-06T00:37:00.000Z', 'UTC')).toBe('6 May 2020 at 00:37 UTC');
  });

  it('gives nothing for a missing or invalid date instead of throwing', () => {
    expect(formatAbsoluteDate(undefined)).toBeUndefined();
    expect(formatAbsoluteDate('2024-13-45')).toBeUndefined();
  });
});

describe('formatRelativeDate', () => {
  it.each([
    ['2020-05-06T00:37:00.000Z', '4 years ago'],
    ['2024-06-12T12:00:00.000Z', '3 days ago'],
    ['2024-06-14T12:00:00.000Z', 'yesterday'],
    ['2024-06-15T09:00:00.000Z', '3 hours ago'],
    ['2024-06-15T11:59:30.000Z', 'now'],
    ['2024-06-15T14:00:00.000Z', 'in 2 hours'],
  ])('%s is %s', (iso, expected) => {
    expect(formatRelativeDate(iso, now)).toBe(expected);
  });

  it('gives nothing for an invalid date', () => {
    expect(formatRelativeDate('not a date', now)).toBeUndefined();
  });
});
