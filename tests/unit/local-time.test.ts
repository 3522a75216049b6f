import { describe, expect, it } from 'vitest';
import { addDays, daysBetween, localDateOf, localMidnightUtc, weekStartOf } from '../../src/shared/local-time.js';

describe('local dates in the shop time zone', () => {
  it('puts an instant on the local calendar day, not the UTC one', () => {
    // 17:30 UTC on 2026-11-11 is already 01:30 on 11-12 in Shanghai, still the 11th in New York.
    expect(localDateOf('2026-11-11T17:30:00Z', 'Asia/Shanghai')).toBe('2026-11-12');
    expect(localDateOf('2026-11-11T17:30:00Z', 'America/New_York')).toBe('2026-11-11');
  });

  it('counts days and finds Mondays across month and year ends', () => {
    expect(daysBetween('2026-12-30', '2027-01-02')).toBe(3);
    expect(addDays('2026-03-01', -1)).toBe('2026-02-28');
    expect(weekStartOf('2026-11-22')).toBe('2026-11-16'); // a Sunday
    expect(weekStartOf('2026-11-16')).toBe('2026-11-16'); // a Monday
    expect(weekStartOf('2027-01-01')).toBe('2026-12-28');
  });

  it('finds when a local day starts in UTC, across daylight saving changes', () => {
    expect(localMidnightUtc('2026-11-12', 'Asia/Shanghai').toISOString()).toBe('2026-11-11T16:00:00.000Z');
    // New York: EDT (UTC−4) before 2026-11-01, EST (UTC−5) from that day on.
    expect(localMidnightUtc('2026-10-31', 'America/New_York').toISOString()).toBe('2026-10-31T04:00:00.000Z');
    expect(localMidnightUtc('2026-11-02', 'America/New_York').toISOString()).toBe('2026-11-02T05:00:00.000Z');
    expect(localMidnightUtc('2026-03-08', 'America/New_York').toISOString()).toBe('2026-03-08T05:00:00.000Z');
  });
});
