// createDraftPurchaseOrder, the shared helper the PO screens and reorder use.
import { afterEach, describe, expect, it } from 'vitest';
import { createDraftPurchaseOrder } from '../../src/purchasing/draft-po.js';
import { AppError } from '../../src/shared/app-error.js';
import { seedCatalog } from './catalog-fixture.js';
import { testShop, type TestShop } from './shop-harness.js';
import { removeTempDirs } from './temp-shop.js';

let shop: TestShop | undefined;
afterEach(async () => {
  await shop?.close();
  shop = undefined;
  removeTempDirs();
});

function seed(path: string): void {
  seedCatalog(path);
}

const now = '2026-11-20T10:00:00.000Z';

function prepare(s: TestShop): void {
  s.db.exec(`
    INSERT INTO suppliers (id, name, currency, created_at, updated_at) VALUES (1, 'Acme Tea Co', 'JPY', '2026-01-01', '2026-01-01');
    -- PO-000041 is the highest number ever used; lower ones were deleted.
    INSERT INTO purchase_orders (number, supplier_id, location_id, status, currency, created_at, updated_at, actor)
      VALUES ('PO-000041', 1, 1, 'closed', 'JPY', '2026-01-01', '2026-01-01', 'owner'), ('PO-000007', 1, 1, 'closed', 'JPY', '2026-01-01', '2026-01-01', 'owner');
  `);
}

describe('createDraftPurchaseOrder', () => {
  it('inserts a draft in the supplier’s currency with the next number and its lines', () => {
    shop = testShop(seed);
    prepare(shop);
    const db = shop.db;
    const id = db.transaction(() =>
      createDraftPurchaseOrder(db, {
        supplierId: 1,
        locationId: 1,
        lines: [
          { variantId: 3, quantity: 24, unitCost: 480, supplierSku: 'AC-LJ' },
          { variantId: 1, quantity: 5, unitCost: 900 },
        ],
        note: 'spring order',
        actor: 'owner',
        now,
      }),
    )();
    expect(db.prepare('SELECT number, status, currency, note, location_id, actor, created_at FROM purchase_orders WHERE id = ?').get(id)).toEqual({
      number: 'PO-000042',
      status: 'draft',
      currency: 'JPY',
      note: 'spring order',
      location_id: 1,
      actor: 'owner',
      created_at: now,
    });
    expect(db.prepare('SELECT variant_id, supplier_sku, quantity_ordered, quantity_received, unit_cost FROM purchase_order_lines WHERE purchase_order_id = ? ORDER BY id').all(id)).toEqual([
      { variant_id: 3, supplier_sku: 'AC-LJ', quantity_ordered: 24, quantity_received: 0, unit_cost: 480 },
      { variant_id: 1, supplier_sku: null, quantity_ordered: 5, quantity_received: 0, unit_cost: 900 },
    ]);
  });

  it('refuses a quantity below 1 or an unknown supplier, naming the field, and writes nothing', () => {
    shop = testShop(seed);
    prepare(shop);
    const db = shop.db;
    const attempt = (supplierId: number, quantities: number[]): AppError => {
      try {
        db.transaction(() =>
          createDraftPurchaseOrder(db, {
            supplierId,
            locationId: 1,
            lines: quantities.map((quantity, i) => ({ variantId: i + 1, quantity, unitCost: 100 })),
            actor: 'owner',
            now,
          }),
        )();
      } catch (error) {
        if (error instanceof AppError) return error;
        throw error;
      }
      throw new Error('expected a refusal');
    };
    const zero = attempt(1, [3, 0, -2]);
    expect(zero.code).toBe('VALIDATION');
    expect(zero.message).toContain('nothing was changed');
    expect(zero.details.issues?.map((i) => [i.path, i.key])).toEqual([
      ['lines.1.quantity', 'quantityPositive'],
      ['lines.2.quantity', 'quantityPositive'],
    ]);
    const unknown = attempt(9, [1]);
    expect([unknown.code, unknown.details.key]).toEqual(['NOT_FOUND', 'unknownSupplier']);
    expect(db.prepare('SELECT COUNT(*) AS n FROM purchase_orders').get()).toEqual({ n: 2 });
    expect(db.prepare('SELECT COUNT(*) AS n FROM purchase_order_lines').get()).toEqual({ n: 0 });
  });

  it('must run inside the caller’s transaction', () => {
    shop = testShop(seed);
    prepare(shop);
    expect(() => createDraftPurchaseOrder(shop!.db, { supplierId: 1, locationId: 1, lines: [], actor: 'owner', now })).toThrow(/transaction/);
  });
});
