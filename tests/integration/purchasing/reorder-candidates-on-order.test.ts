// The candidates' "on order" is read two ways (reorder-candidates.ts): per variant for a few
// candidates (the incremental alert check), from the open POs' lines once for many (the whole
// shop). Both must give the same figures — hand-computed here — after POs are sent, partly
// received, received in full, cancelled and left as drafts.
import { afterEach, describe, expect, it } from 'vitest';
import { readCandidates } from '../../../src/purchasing/reorder-candidates.js';
import type { Db } from '../../../src/db/open.js';
import { HOD_L, HOD_M, seedReorder, TEA } from '../reorder-fixture.js';
import { testShop, type TestShop } from '../shop-harness.js';
import { removeTempDirs } from '../temp-shop.js';

let shop: TestShop | undefined;
afterEach(async () => {
  await shop?.close();
  shop = undefined;
  removeTempDirs();
});

const variants = [HOD_M, HOD_L, TEA];
// Ids of no variant: they join nothing, but make the list long enough for the "many" form.
const padding = Array.from({ length: 300 }, (_, i) => 1_000_000 + i);

function bothWays(db: Db) {
  const few = readCandidates(db, variants);
  const many = readCandidates(db, [...padding, ...variants]);
  const sorted = (rows: typeof few) => [...rows].sort((a, b) => a.variantId - b.variantId);
  expect(sorted(many)).toEqual(sorted(few));
  return new Map(few.map((row) => [row.variantId, row.onOrder]));
}

describe('reorder candidates: what is on order', () => {
  it('is the same read per variant and from the open POs, after every kind of PO change', () => {
    shop = testShop(seedReorder);
    const { db } = shop;
    // The fixture: tea 5 (sent) + 10 − 6 (partially received) = 9; draft, received and cancelled do not count.
    expect(bothWays(db).get(TEA)).toBe(9);

    // A hoodie line on the sent PO, over-received on the partial one (counts 0, never negative).
    db.prepare('INSERT INTO purchase_order_lines (purchase_order_id, variant_id, quantity_ordered, quantity_received, unit_cost) VALUES (?, ?, ?, ?, ?)').run(1, HOD_M, 7, 0, 2500);
    db.prepare('INSERT INTO purchase_order_lines (purchase_order_id, variant_id, quantity_ordered, quantity_received, unit_cost) VALUES (?, ?, ?, ?, ?)').run(2, HOD_M, 4, 6, 2500);
    let onOrder = bothWays(db);
    expect(onOrder.get(HOD_M)).toBe(7);
    expect(onOrder.get(TEA)).toBe(9);

    // The draft is sent: its 100 tea count now.
    db.prepare("UPDATE purchase_orders SET status = 'sent' WHERE id = 3").run();
    expect(bothWays(db).get(TEA)).toBe(109);

    // Another tea unit received on the partial PO, then the first PO cancelled.
    db.prepare('UPDATE purchase_order_lines SET quantity_received = 7 WHERE purchase_order_id = 2 AND variant_id = ?').run(TEA);
    expect(bothWays(db).get(TEA)).toBe(108);
    db.prepare("UPDATE purchase_orders SET status = 'cancelled' WHERE id = 1").run();
    onOrder = bothWays(db);
    expect(onOrder.get(TEA)).toBe(103);
    expect(onOrder.get(HOD_M)).toBe(0);

    // Everything received: nothing on order.
    db.prepare("UPDATE purchase_orders SET status = 'received' WHERE id IN (2, 3)").run();
    onOrder = bothWays(db);
    expect(onOrder.get(TEA)).toBe(0);
    expect(onOrder.get(HOD_L)).toBe(0);
  });
});
