// The calendar's built-in key dates (key-dates.ts), checked against dates looked up by hand.
import { describe, expect, it } from 'vitest';
import { blackFriday, builtInKeyDates, keyDatesOfYear } from '../../../src/promotions/key-dates.js';

describe('built-in key dates', () => {
  it('puts Black Friday on the day after the fourth Thursday of November', () => {
    // November 1st is a Friday (2024), Saturday (2025), Sunday (2026), Monday (2027), Thursday (2029).
    expect(blackFriday(2024)).toBe('2024-11-29');
    expect(blackFriday(2025)).toBe('2025-11-28');
    expect(blackFriday(2026)).toBe('2026-11-27');
    expect(blackFriday(2027)).toBe('2027-11-26');
    expect(blackFriday(2029)).toBe('2029-11-23');
  });

  it('lists a year’s festivals in date order with Spring Festival from the lunar table', () => {
    expect(keyDatesOfYear(2027)).toEqual([
      { date: '2027-02-06', key: 'springFestival' },
      { date: '2027-03-08', key: 'womensDay' },
      { date: '2027-06-18', key: 'd618' },
      { date: '2027-11-11', key: 'double11' },
      { date: '2027-11-26', key: 'blackFriday' },
      { date: '2027-12-12', key: 'double12' },
    ]);
    expect(keyDatesOfYear(2025)[0]).toEqual({ date: '2025-01-29', key: 'springFestival' });
    expect(keyDatesOfYear(2033)[0]).toEqual({ date: '2033-01-31', key: 'springFestival' });
  });

  it('has no Spring Festival outside the table, but still the fixed festivals', () => {
    expect(keyDatesOfYear(2040).map((d) => d.key)).toEqual(['womensDay', 'd618', 'double11', 'blackFriday', 'double12']);
  });

  it('keeps only the dates inside a range, both ends included, across a new year', () => {
    expect(builtInKeyDates('2026-11-27', '2027-02-06')).toEqual([
      { date: '2026-11-27', key: 'blackFriday' },
      { date: '2026-12-12', key: 'double12' },
      { date: '2027-02-06', key: 'springFestival' },
    ]);
    expect(builtInKeyDates('2026-06-19', '2026-11-10')).toEqual([]);
  });
});
