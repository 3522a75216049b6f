// The guard prices the checked promotion in SQL and the shared SKUs in JS: both must give the same
// unit price, fee and margin to the minor unit / basis point, including the half-up cases.
import { afterEach, describe, expect, it } from 'vitest';
import type { Db } from '../../../src/db/open.js';
import { feeOf, marginBpOf } from '../../../src/promotions/pricing/combos.js';
import { createGuardStore } from '../../../src/promotions/guard-store.js';
import { deepestUnitPrice, unitFormula, type DeepestContext } from '../../../src/promotions/pricing/index.js';
import type { PromotionRule } from '../../../src/promotions/rules.js';
import { at, guardShop, insertPromotion } from './guard-fixture.js';

let db: Db;
afterEach(() => db.close());

const prices = [0, 1, 2, 3, 5, 7, 9, 10, 11, 15, 99, 100, 101, 333, 999, 1000, 1001, 1999, 2500, 4999, 12345, 99999, 1_000_000, 987_654_321];
const rules: [PromotionRule, DeepestContext][] = [
  [{ type: 'percent_off', percentOffBp: 3333 }, {}],
  [{ type: 'percent_off', percentOffBp: 5000 }, {}],
  [{ type: 'amount_off', amountOff: 150 }, {}],
  [{ type: 'fixed_price', price: 999 }, {}],
  [{ type: 'spend_tiers', tiers: [{ minSpend: 20000, amountOff: 2000 }, { minSpend: 30000, amountOff: 4500 }] }, {}],
  [{ type: 'coupon', discount: { kind: 'amount', amountOff: 3000 }, minSpend: 7000, usageLimit: null, perCustomerLimit: 1 }, {}],
  [{ type: 'buy_x_get_y', buyQuantity: 2, getQuantity: 1, getPercentOffBp: 5000 }, {}],
  [{ type: 'gift_with_purchase', minSpend: 29900, giftVariantId: 1, giftQuantity: 1, reserveQuantity: 0 }, { giftUnitCost: 6000 }],
  [{ type: 'bundle_price', bundleVariantId: null, components: [{ variantId: 1, quantity: 1 }], price: 7001 }, { bundleRegularSum: 10000 }],
];

describe('SQL and JS agree', () => {
  it('on unit price, fee and margin for every formula, fee and cost', () => {
    db = guardShop();
    const costs = (price: number) => [0, Math.floor(price * 0.3), price, price + 1];
    const insert = db.prepare('INSERT INTO variants (product_id, sku, price, cost, created_at, updated_at) VALUES (2, ?, ?, ?, ?, ?)');
    for (const price of prices) for (const [i, cost] of costs(price).entries()) insert.run(`R-${price}-${i}`, price, cost, at, at);
    insertPromotion(db, 1, { rule: { type: 'percent_off', percentOffBp: 1 }, targets: [['category', 3]] });
    const store = createGuardStore(db);
    const variants = db.prepare<[], { id: number; price: number; cost: number }>("SELECT id, price, cost FROM variants WHERE sku LIKE 'R-%'").all();
    let compared = 0;
    for (const [rule, context] of rules) {
      for (const feeBp of [0, 333, 1500]) {
        // A floor above every margin lists every variant with a cost.
        const rows = new Map(store.breaches(1, unitFormula(rule, context), feeBp, 10_001, 10_000).map((r) => [r.variantId, r]));
        for (const v of variants) {
          const unitPrice = deepestUnitPrice(v.price, rule, context);
          expect(rows.get(v.id), `${rule.type} ${v.price}/${v.cost} fee ${feeBp}`).toMatchObject({
            unitPrice,
            fee: feeOf(unitPrice, feeBp),
            marginBp: marginBpOf(unitPrice, v.cost, feeBp),
          });
          compared += 1;
        }
      }
    }
    expect(compared).toBe(rules.length * 3 * prices.length * 4);
  });
});
