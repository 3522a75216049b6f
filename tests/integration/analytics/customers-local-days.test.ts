// localDays (customer-days.ts) puts many instants on the shop's calendar by a binary search on the
// days' midnights; it must give exactly what localDateOf and daysBetween give, one instant at a
// time — across daylight-saving changes, in part-hour zones, at the midnights themselves and
// outside the days it was built for.
import { describe, expect, it } from 'vitest';
import { localDays, localMidnights } from '../../../src/analytics/customer-days.js';
import { addDays, daysBetween, localDateOf, localMidnightUtc } from '../../../src/shared/local-time.js';

const zones = ['America/New_York', 'Europe/London', 'Asia/Kolkata', 'Pacific/Chatham', 'Australia/Lord_Howe', 'UTC'];

describe('local days of many instants', () => {
  it.each(zones)('agree with localDateOf and daysBetween (%s)', (timeZone) => {
    const first = '2025-10-20';
    const asOf = '2026-04-10';
    const days = localDays(first, asOf, timeZone);
    const from = localMidnightUtc(addDays(first, -3), timeZone).getTime();
    const to = localMidnightUtc(addDays(asOf, 3), timeZone).getTime();
    // Every 29 minutes 7 seconds through the days and a little beyond them, plus each midnight and the instant before it.
    const instants: string[] = [];
    for (let t = from; t < to; t += 1_747_000) instants.push(new Date(t).toISOString());
    for (let d = -2; d <= daysBetween(first, asOf) + 2; d += 1) {
      const midnight = localMidnightUtc(addDays(first, d), timeZone).getTime();
      instants.push(new Date(midnight).toISOString(), new Date(midnight - 1).toISOString());
    }
    for (const at of instants) {
      expect(days.dateOf(at), at).toBe(localDateOf(at, timeZone));
      expect(days.daysBefore(at, asOf), at).toBe(daysBetween(localDateOf(at, timeZone), asOf));
    }
  });

  it('remembers midnights equal to localMidnightUtc', () => {
    const midnights = localMidnights('2026-03-01', 40, 'America/New_York');
    expect(midnights).toEqual(Array.from({ length: 40 }, (_, i) => localMidnightUtc(addDays('2026-03-01', i), 'America/New_York').toISOString()));
    expect(localMidnights('2026-03-01', 40, 'America/New_York')).toBe(midnights);
  });
});
