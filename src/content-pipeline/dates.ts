/** ISO 8601 date-times with an offset, checked field by field (JavaScript's Date rolls 2024-02-30 over to March). */

export type DateCheck = { ok: true; iso: string; time: number } | { ok: false; reason: string };

const ISO_DATE_TIME =
  /^(\d{4})-(\d{2})-(\d{2})[Tt ](\d{2}):(\d{2})(?::(\d{2})(?:[.,](\d+))?)?\s*(?:([Zz])|([+-])(\d{2})(?::?(\d{2}))?)$/;

const MONTHS = [
  'January',
  'February',
  'March',
  'April',
  'May',
  'June',
  'July',
  'August',
  'September',
  'October',
  'November',
  'December',
];

export const DATE_EXAMPLE = '2020-05-06T05:14:00Z';

function daysInMonth(year: number, month: number): number {
  const leap = year % 4 === 0 && (year % 100 !== 0 || year % 400 === 0);
  return month === 2 ? (leap ? 29 : 28) : [4, 6, 9, 11].includes(month) ? 30 : 31;
}

export function checkIsoDateTime(raw: string): DateCheck {
  const m = ISO_DATE_TIME.exec(raw.trim());
  if (!m) {
    const hasNoOffset = /^\d{4}-\d{2}-\d{2}[Tt ]\d{2}:\d{2}(?::\d{2}(?:[.,]\d+)?)?$/.test(raw.trim());
    return {
      ok: false,
      reason: hasNoOffset
        ? `has no UTC offset; add Z or +hh:mm, e.g. ${DATE_EXAMPLE}`
        : `must be an ISO 8601 date-time with an offset, e.g. ${DATE_EXAMPLE}`,
    };
  }
  const [, y, mo, d, h, mi, s, frac, z, sign, oh, om] = m;
  const year = Number(y);
  const month = Number(mo);
  const day = Number(d);
  const hour = Number(h);
  const minute = Number(mi);
  const second = Number(s ?? 0);
  // Date.UTC maps years 0-99 to 1900-1999, and no news article predates the year 1000.
  if (year < 1000) return { ok: false, reason: `has year ${y}, before 1000` };
  if (month < 1 || month > 12) return { ok: false, reason: `has month ${mo}, which does not exist` };
  const monthName = MONTHS[month - 1] ?? '';
  if (day < 1 || day > daysInMonth(year, month)) {
    return { ok: false, reason: `has day ${d}, which does not exist in ${monthName} ${year}` };
  }
  if (hour > 23) return { ok: false, reason: `has hour ${h}, which does not exist` };
  if (minute > 59) return { ok: false, reason: `has minute ${mi}, which does not exist` };
  // 60 would be a leap second, which JavaScript dates cannot hold.
  if (second > 59) return { ok: false, reason: `has second ${s}, which does not exist` };
  let offsetMinutes = 0;
  if (!z) {
    const offH = Number(oh);
    const offM = Number(om ?? 0);
    if (offH > 23 || offM > 59)
      return { ok: false, reason: `has offset ${sign}${oh}:${om ?? '00'}, which does not exist` };
    offsetMinutes = (sign === '-' ? -1 : 1) * (offH * 60 + offM);
  }
  const ms = frac ? Math.floor(Number(`0.${frac}`) * 1000) : 0;
  const time = Date.UTC(year, month - 1, day, hour, minute, second, ms) - offsetMinutes * 60_000;
  return { ok: true, iso: new Date(time).toISOString(), time };
}
