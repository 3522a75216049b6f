// A variant set's baseline read both ways (rollup shortcut and order lines) for the agreement tests.
import { expect } from 'vitest';
import type { Db } from '../../../src/db/open.js';
import { baselineOfLoadedSet, type Baseline } from '../../../src/promotions/baseline.js';
import { baselineStoreOf } from '../../../src/promotions/baseline-store.js';

/** The baseline from `start` over `days` as the store reads it (`source` says from what), and read from the order lines. */
export function baselineBothWays(db: Db, variantIds: number[], start: string, days: number): { fast: Baseline; exact: Baseline; source: string | null } {
  const store = baselineStoreOf(db);
  return store.withVariantSet({ variantIds }, () => {
    const fast = baselineOfLoadedSet(store, start, days);
    const source = store.lastSalesSource();
    const exact = baselineOfLoadedSet(store, start, days, { exact: true });
    expect(store.lastSalesSource()).toBe('lines');
    return { fast, exact, source };
  });
}

/** The set's baseline through the rollup equals the one read from the order lines, day by day and per variant; returns it. */
export function expectRollupBaselineAgrees(db: Db, variantIds: number[], start: string, days: number): Baseline {
  const { fast, exact, source } = baselineBothWays(db, variantIds, start, days);
  expect(source).toBe('rollup');
  expect(fast.total).toBeGreaterThan(0);
  expect(fast.daily).toEqual(exact.daily);
  expect(fast.wape).toBe(exact.wape);
  expect(fast.historyDays).toBe(exact.historyDays);
  expect([...fast.byVariant].sort((a, b) => a[0] - b[0])).toEqual([...exact.byVariant].sort((a, b) => a[0] - b[0]));
  return fast;
}
