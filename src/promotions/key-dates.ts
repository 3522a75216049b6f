// The shop calendar's built-in key dates (issue 15): the festivals Chinese and international shops
// plan promotions around. Computed, never stored; the owner's own dates live in
// promotion_key_dates (key-dates-store.ts). Pure.

export type BuiltInKeyDate = 'springFestival' | 'womensDay' | 'd618' | 'double11' | 'double12' | 'blackFriday';

/**
 * Chinese New Year (the first day of the lunar year) by Gregorian year. A lunar calendar cannot be
 * derived in a line, so the dates are listed; years outside the table simply have no mark.
 */
const springFestival: Readonly<Record<number, string>> = {
  2024: '2024-02-10',
  2025: '2025-01-29',
  2026: '2026-02-17',
  2027: '2027-02-06',
  2028: '2028-01-26',
  2029: '2029-02-13',
  2030: '2030-02-03',
  2031: '2031-01-23',
  2032: '2032-02-11',
  2033: '2033-01-31',
  2034: '2034-02-19',
  2035: '2035-02-08',
};

const pad = (n: number): string => String(n).padStart(2, '0');

/** Black Friday: the day after the fourth Thursday of November. */
export function blackFriday(year: number): string {
  const firstWeekday = new Date(Date.UTC(year, 10, 1)).getUTCDay(); // 0 = Sunday
  const firstThursday = 1 + ((4 - firstWeekday + 7) % 7);
  return `${year}-11-${pad(firstThursday + 21 + 1)}`;
}

/** The built-in key dates of one year, in date order. */
export function keyDatesOfYear(year: number): { date: string; key: BuiltInKeyDate }[] {
  const dates: { date: string; key: BuiltInKeyDate }[] = [];
  const festival = springFestival[year];
  if (festival) dates.push({ date: festival, key: 'springFestival' });
  dates.push(
    { date: `${year}-03-08`, key: 'womensDay' },
    { date: `${year}-06-18`, key: 'd618' },
    { date: `${year}-11-11`, key: 'double11' },
    { date: blackFriday(year), key: 'blackFriday' },
    { date: `${year}-12-12`, key: 'double12' },
  );
  return dates.sort((a, b) => a.date.localeCompare(b.date));
}

/** Built-in key dates from `from` to `to` (local dates YYYY-MM-DD, both included). */
export function builtInKeyDates(from: string, to: string): { date: string; key: BuiltInKeyDate }[] {
  const first = Number(from.slice(0, 4));
  const last = Number(to.slice(0, 4));
  const dates: { date: string; key: BuiltInKeyDate }[] = [];
  for (let year = first; year <= last; year += 1) {
    for (const keyDate of keyDatesOfYear(year)) if (keyDate.date >= from && keyDate.date <= to) dates.push(keyDate);
  }
  return dates;
}
