import { describe, expect, it } from 'vitest';
import type { BackupReason } from '../../../src/backup/contract.js';
import { backupsToKeep, isoWeekKey, type RotationItem } from '../../../src/backup/rotation.js';

const policy = { daily: 7, weekly: 4, monthly: 12, perReason: 10 };

/** One daily backup at 03:00 UTC for `days` days ending 2026-11-20. */
function dailies(days: number): RotationItem[] {
  return Array.from({ length: days }, (_, i) => {
    const at = new Date(Date.UTC(2026, 10, 20 - i, 3));
    return { id: `daily-${at.toISOString().slice(0, 10)}`, at: at.toISOString(), reason: 'daily' as BackupReason, good: true };
  });
}

describe('backup rotation', () => {
  it('names ISO weeks with the Thursday rule', () => {
    expect(isoWeekKey(new Date('2026-01-01T00:00:00Z'))).toBe('2026-W01'); // a Thursday
    expect(isoWeekKey(new Date('2027-01-01T00:00:00Z'))).toBe('2026-W53'); // a Friday: still week 53 of 2026
    expect(isoWeekKey(new Date('2026-11-16T12:00:00Z'))).toBe('2026-W47'); // Monday
    expect(isoWeekKey(new Date('2026-11-22T23:59:00Z'))).toBe('2026-W47'); // Sunday
  });

  it('keeps 7 days, then one a week for 4 weeks, then one a month for 12 months, out of a year of dailies', () => {
    const items = dailies(400);
    const kept = [...backupsToKeep(items, policy)].sort().reverse();
    // The last 7 days.
    expect(kept.slice(0, 7)).toEqual(['2026-11-20', '2026-11-19', '2026-11-18', '2026-11-17', '2026-11-16', '2026-11-15', '2026-11-14'].map((d) => `daily-${d}`));
    // Weeks: the newest of W47 (Nov 20), W46 (Nov 15), W45 (Nov 8), W44 (Nov 1) — all inside the 7 days or a Sunday.
    expect(kept).toContain('daily-2026-11-08');
    expect(kept).toContain('daily-2026-11-01');
    // Months: the newest day of each of the last 12 months.
    for (const day of ['2026-10-31', '2026-09-30', '2026-01-31', '2025-12-31']) expect(kept).toContain(`daily-${day}`);
    expect(kept).not.toContain('daily-2025-11-30'); // the 13th month back
    expect(kept).not.toContain('daily-2026-11-10');
    expect(kept).toHaveLength(7 + 2 + 11); // Nov is already kept by the days; 11 more month ends
  });

  it('keeps the last N of each manual / before-X reason apart from the calendar', () => {
    const items: RotationItem[] = Array.from({ length: 15 }, (_, i) => ({
      id: `import-${String(i).padStart(2, '0')}`,
      at: new Date(Date.UTC(2026, 10, 20, 12, i)).toISOString(),
      reason: 'beforeImport',
      good: true,
    }));
    items.push({ id: 'manual-old', at: '2026-01-02T00:00:00.000Z', reason: 'manual', good: true });
    const kept = backupsToKeep(items, { ...policy, perReason: 10 });
    expect([...kept].filter((id) => id.startsWith('import-')).sort()).toEqual(Array.from({ length: 10 }, (_, i) => `import-${String(i + 5).padStart(2, '0')}`));
    expect(kept.has('manual-old')).toBe(true);
  });

  it('never lets a failed copy stand for its day, and always keeps the newest good backup', () => {
    const items: RotationItem[] = [
      { id: 'bad-today', at: '2026-11-20T03:00:00.000Z', reason: 'daily', good: false },
      { id: 'good-yesterday', at: '2026-11-19T03:00:00.000Z', reason: 'daily', good: true },
      { id: 'good-older', at: '2026-11-01T03:00:00.000Z', reason: 'daily', good: true },
    ];
    const kept = backupsToKeep(items, { daily: 1, weekly: 0, monthly: 0, perReason: 1 });
    expect([...kept]).toEqual(['good-yesterday']);
  });
});
