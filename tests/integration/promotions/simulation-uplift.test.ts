// The expected uplift learned from past promotions (uplift-history.ts): same type, ended, depth
// within ±10 points, averaged weighted by baseline units. Past lifts are injected (LiftSource).
import { afterEach, describe, expect, it } from 'vitest';
import { openDatabase, type Db } from '../../../src/db/open.js';
import { defaultMigrationsDir, loadMigrations, migrate } from '../../../src/db/migrate.js';
import { simulatePromotion } from '../../../src/promotions/simulation-service.js';
import { headlineDepthBp, type PastLift } from '../../../src/promotions/uplift-history.js';
import { addDays } from '../../../src/shared/local-time.js';
import { dailyOrders, insertPromotion, seedShop } from './simulation-fixture.js';

const start = '2026-12-01';
const now = new Date('2026-11-20T10:00:00Z');
let db: Db;
afterEach(() => db.close());

function shop(): Db {
  db = openDatabase(':memory:');
  migrate(db, ':memory:', loadMigrations(defaultMigrationsDir()), { now: () => new Date('2026-01-01T00:00:00Z') });
  seedShop(db, [
    { id: 1, sku: 'A', price: 1000, cost: 400 },
    { id: 2, sku: 'B', price: 2000, cost: 1500 },
  ]);
  dailyOrders(db, { variantId: 1, from: addDays(start, -120), days: 120, units: 3 });
  dailyOrders(db, { variantId: 2, from: addDays(start, -120), days: 120, units: 1 });
  const window = { startsAt: `${start}T00:00:00Z`, endsAt: `${addDays(start, 7)}T00:00:00Z`, targets: [['category', 1]] as [string, number][] };
  // Planned: 20 % off, with an owner's assumption that history must win over.
  insertPromotion(db, { id: 1, type: 'percent_off', rule: { percentOffBp: 2000 }, upliftAssumptionBp: 9000, ...window });
  const past = (id: number, type: string, rule: Record<string, unknown>, status: string, name = `Past ${id}`) =>
    insertPromotion(db, { id, name, type, rule, status, startsAt: '2026-06-01T00:00:00Z', endsAt: '2026-06-08T00:00:00Z', targets: [['category', 1]] });
  past(2, 'percent_off', { percentOffBp: 2500 }, 'ended', '618 sale'); // 25 %: similar
  past(3, 'percent_off', { percentOffBp: 1000 }, 'ended', 'Spring sale'); // 10 %: exactly 10 points away, similar
  past(4, 'percent_off', { percentOffBp: 5000 }, 'ended'); // 50 %: too deep
  past(5, 'percent_off', { percentOffBp: 2000 }, 'cancelled'); // cancelled
  past(6, 'amount_off', { amountOff: 100 }, 'ended'); // another type
  past(7, 'percent_off', { percentOffBp: 2000 }, 'ended'); // similar, but its baseline was 0
  return db;
}

const lifts: Record<number, PastLift> = {
  2: { units: 150, baselineUnits: 100 },
  3: { units: 260, baselineUnits: 200 },
  4: { units: 1000, baselineUnits: 100 },
  5: { units: 1000, baselineUnits: 100 },
  6: { units: 1000, baselineUnits: 100 },
  7: { units: 40, baselineUnits: 0 },
};

describe('uplift from past promotions', () => {
  it('averages the comparable promotions’ lifts weighted by their baselines', () => {
    shop();
    const asked: number[] = [];
    const s = simulatePromotion(db, 1, { liftSource: (id) => (asked.push(id), lifts[id] ?? null) }, now);
    // (150 + 260 − 300) ÷ 300 = 36.67 %, not the plain mean of +50 % and +30 %.
    expect(s.uplift.source).toBe('history');
    expect(s.uplift.fraction).toBeCloseTo(110 / 300, 9);
    expect(s.uplift.basedOn).toEqual([
      { id: 2, name: '618 sale', lift: 0.5 },
      { id: 3, name: 'Spring sale', lift: 0.3 },
    ]);
    expect(asked.sort()).toEqual([2, 3, 7]);
    expect(s.totals.expectedUnits).toBeCloseTo(28 * (1 + 110 / 300), 6);
    expect(s.notes).toEqual([]);
  });

  it('falls back to the owner’s assumption when no past promotion has a baseline', () => {
    shop();
    const s = simulatePromotion(db, 1, { liftSource: () => null }, now);
    expect(s.uplift).toEqual({ fraction: 0.9, source: 'assumption', basedOn: [] });
    expect(s.totals.expectedUnits).toBeCloseTo(28 * 1.9, 6);
  });

  it('compares depths as the headline percent off', () => {
    expect(headlineDepthBp({ type: 'percent_off', percentOffBp: 1500 })).toBe(1500);
    // 满减 300 − 60: 20 % at best.
    expect(headlineDepthBp({ type: 'spend_tiers', tiers: [{ minSpend: 20_000, amountOff: 2000 }, { minSpend: 30_000, amountOff: 6000 }] })).toBe(2000);
    // 第二件半价: 1 of 2 units at 50 % = 25 % over the pair.
    expect(headlineDepthBp({ type: 'buy_x_get_y', buyQuantity: 1, getQuantity: 1, getPercentOffBp: 5000 })).toBe(2500);
    expect(headlineDepthBp({ type: 'amount_off', amountOff: 500 })).toBeNull();
  });
});
