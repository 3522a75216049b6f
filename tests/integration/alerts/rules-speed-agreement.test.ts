// The alert rules that read sales (stock-out's recent sales, sales drop, return-rate spike, dead
// stock, below reorder point) answer from the hourly rollup per variant when they can: a cache,
// never a second definition. On the small demo shop, after each kind of change, every rule gives
// the same findings through the rollup as when it reads the orders (ruleContext's `direct`).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { alertRules } from '../../../src/alerts/evaluate.js';
import { ruleContext, type Finding } from '../../../src/alerts/rule-context.js';
import { changes, NOW, openChangeShop, type ChangeShop } from './incremental-fixture.js';

let shop: ChangeShop;
beforeAll(async () => {
  shop = await openChangeShop('alerts-rollup-agreement');
}, 120_000);
afterAll(() => shop.close());

function keyed(findings: Finding[]): Record<string, string> {
  return Object.fromEntries(findings.map((f) => [f.fingerprint, JSON.stringify([f.severity, f.explanation])]));
}

function expectAgreement(label: string): void {
  for (const rule of alertRules) {
    const viaRollup = keyed(rule(ruleContext(shop.db, NOW)));
    const viaOrders = keyed(rule(ruleContext(shop.db, NOW, { direct: true })));
    expect(viaRollup, `${rule.name} after ${label}`).toEqual(viaOrders);
  }
}

describe('alert rules through the rollup and through the orders', () => {
  it('find the same after every kind of change', () => {
    const before = alertRules.flatMap((rule) => rule(ruleContext(shop.db, NOW)));
    // The demo shop raises sales, stock and reorder alerts: the comparison covers them.
    for (const rule of ['stockOut', 'belowReorderPoint', 'salesDrop'] as const) expect(before.some((f) => f.rule === rule), rule).toBe(true);
    expectAgreement('nothing');
    for (const change of changes(shop.db)) {
      change.apply(shop.db);
      expectAgreement(change.what);
    }
  });
});
