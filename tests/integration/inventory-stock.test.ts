import { afterEach, describe, expect, it } from 'vitest';
import { seedCatalog } from './catalog-fixture.js';
import { testShop, type TestShop } from './shop-harness.js';
import { removeTempDirs } from './temp-shop.js';

let shop: TestShop | undefined;
afterEach(async () => {
  await shop?.close();
  shop = undefined;
  removeTempDirs();
});

// seedCatalog: variants 1 HOD-001-BLK-M (12 on hand), 2 HOD-001-BLK-L (0), 3 TEA-100 (40),
// 4 MUG-50% (3), 5 SOCK_7 (7), all at location 1 "Main warehouse".
const HOD_M = 1;
const HOD_L = 2;
const TEA = 3;
const MUG = 4;
const WH = 1;

const onHand = (s: TestShop, variantId: number, locationId: number): number =>
  (s.db.prepare('SELECT on_hand AS n FROM stock_levels WHERE variant_id = ? AND location_id = ?').get(variantId, locationId) as
    | { n: number }
    | undefined)?.n ?? 0;
const movementCount = (s: TestShop): number => (s.db.prepare('SELECT COUNT(*) AS n FROM stock_movements').get() as { n: number }).n;

describe('stock adjustments', () => {
  it('posts damage, found and a set-to count through the ledger with their reason codes', async () => {
    shop = testShop(seedCatalog);
    const result = await shop.ok('stock.adjust', {
      lines: [
        { variantId: TEA, locationId: WH, delta: -2, reasonCode: 'damage', note: 'crushed box' },
        { variantId: MUG, locationId: WH, delta: 1, reasonCode: 'found' },
        { variantId: HOD_M, locationId: WH, setTo: 10, reasonCode: 'correction' },
      ],
    });
    expect(result).toMatchObject({ movements: 3, units: 5 });
    // Each line reports what it posted and the level it left.
    expect(result.lines.map((l) => [l.sku, l.location, l.delta, l.onHand, l.available, l.movementId !== null])).toEqual([
      ['TEA-100', 'Main warehouse', -2, 38, 38, true],
      ['MUG-50%', 'Main warehouse', 1, 4, 4, true],
      ['HOD-001-BLK-M', 'Main warehouse', -2, 10, 10, true],
    ]);
    expect([onHand(shop, TEA, WH), onHand(shop, MUG, WH), onHand(shop, HOD_M, WH)]).toEqual([38, 4, 10]);
    const history = await shop.ok('stock.movements', { locationId: WH, reason: 'damage' });
    expect(history.rows.map((m) => [m.sku, m.delta, m.reasonCode, m.note, m.actor])).toEqual([['TEA-100', -2, 'damage', 'crushed box', 'owner']]);
    const correction = await shop.ok('stock.movements', { variantId: HOD_M });
    expect(correction.rows[0]).toMatchObject({ delta: -2, reason: 'adjustment', reasonCode: 'correction' });
  });

  it('refuses a whole adjustment with the field named when one line is wrong, and changes nothing', async () => {
    shop = testShop(seedCatalog);
    const before = movementCount(shop);

    const direction = await shop.fail('stock.adjust', {
      lines: [
        { variantId: TEA, locationId: WH, delta: -1, reasonCode: 'damage' },
        { variantId: MUG, locationId: WH, delta: -1, reasonCode: 'found' },
      ],
    });
    expect(direction.code).toBe('VALIDATION');
    expect(direction.details.issues?.map((i) => [i.path, i.key])).toEqual([['lines.1.delta', 'reasonDirection']]);

    const short = await shop.fail('stock.adjust', {
      lines: [
        { variantId: TEA, locationId: WH, delta: -1, reasonCode: 'loss' },
        { variantId: MUG, locationId: WH, delta: -5, reasonCode: 'loss' },
      ],
    });
    expect(short).toMatchObject({ code: 'CONFLICT', details: { key: 'insufficientStock', params: { sku: 'MUG-50%', onHand: 3, wanted: 5 } } });
    expect(short.details.issues?.[0]?.path).toBe('lines.1.delta');

    const unknown = await shop.fail('stock.adjust', {
      lines: [{ variantId: 999, locationId: 77, delta: 1, reasonCode: 'nope' }],
    });
    expect(unknown.details.issues?.map((i) => i.path).sort()).toEqual(['lines.0.locationId', 'lines.0.reasonCode', 'lines.0.variantId']);

    const negative = await shop.fail('stock.adjust', { lines: [{ variantId: TEA, locationId: WH, setTo: -3, reasonCode: 'correction' }] });
    expect(negative.details.issues?.[0]?.path).toBe('lines.0.setTo');

    expect(movementCount(shop)).toBe(before);
    expect(onHand(shop, TEA, WH)).toBe(40);
  });
});

describe('transfers', () => {
  it('sends through transit, receives in part, refuses receiving more than sent, and cancels the rest back', async () => {
    shop = testShop(seedCatalog);
    const store = await shop.ok('locations.create', { code: 'ST-1', name: 'High Street store', kind: 'store' });
    const sent = await shop.ok('transfers.create', {
      fromLocationId: WH,
      toLocationId: store.id,
      lines: [
        { variantId: TEA, quantity: 10 },
        { variantId: HOD_M, quantity: 5 },
      ],
      send: true,
    });
    expect(sent).toMatchObject({ number: 'TR-000001', status: 'in_transit', units: 15, receivedUnits: 0 });
    const transit = (shop.db.prepare("SELECT id FROM locations WHERE kind = 'transit'").get() as { id: number }).id;
    expect([onHand(shop, TEA, WH), onHand(shop, TEA, transit), onHand(shop, HOD_M, transit)]).toEqual([30, 10, 5]);
    // Goods in transit are on no shelf: the default stock list leaves the transit location out.
    const levels = await shop.ok('stock.levels', { search: 'TEA' });
    expect(levels.rows.map((r) => [r.location, r.onHand])).toEqual([['Main warehouse', 30]]);

    const part = await shop.ok('transfers.receive', { transferId: sent.id, lines: [{ variantId: TEA, quantity: 4 }] });
    expect(part.status).toBe('partially_received');
    expect(part.lines.find((l) => l.sku === 'TEA-100')).toMatchObject({ receivedQuantity: 4, outstanding: 6 });
    expect(onHand(shop, TEA, store.id)).toBe(4);

    const tooMany = await shop.fail('transfers.receive', { transferId: sent.id, lines: [{ variantId: TEA, quantity: 7 }] });
    expect(tooMany.details.issues?.map((i) => [i.path, i.key])).toEqual([['lines.0.quantity', 'receiveMoreThanSent']]);
    expect(onHand(shop, TEA, store.id)).toBe(4);

    const cancelled = await shop.ok('transfers.cancel', { transferId: sent.id });
    expect(cancelled.status).toBe('cancelled');
    expect([onHand(shop, TEA, WH), onHand(shop, HOD_M, WH), onHand(shop, TEA, transit), onHand(shop, TEA, store.id)]).toEqual([36, 12, 0, 4]);
    expect((await shop.fail('transfers.receive', { transferId: sent.id, lines: [{ variantId: TEA, quantity: 1 }] })).details.key).toBe(
      'transferState',
    );
  });

  it('refuses to send from a location without the stock, naming the line, and creates nothing', async () => {
    shop = testShop(seedCatalog);
    const store = await shop.ok('locations.create', { code: 'ST-1', name: 'High Street store', kind: 'store' });
    const before = movementCount(shop);
    const error = await shop.fail('transfers.create', {
      fromLocationId: WH,
      toLocationId: store.id,
      lines: [
        { variantId: TEA, quantity: 1 },
        { variantId: HOD_L, quantity: 2 },
      ],
      send: true,
    });
    expect(error).toMatchObject({ code: 'CONFLICT', details: { key: 'insufficientStock', params: { sku: 'HOD-001-BLK-L', onHand: 0 } } });
    expect(error.details.issues?.[0]?.path).toBe('lines.1.quantity');
    expect(movementCount(shop)).toBe(before);
    expect((await shop.ok('transfers.list', {})).total).toBe(0);
    const same = await shop.fail('transfers.create', { fromLocationId: WH, toLocationId: WH, lines: [{ variantId: TEA, quantity: 1 }] });
    expect(same.details.issues?.map((i) => i.path)).toEqual(['toLocationId']);
  });
});

describe('stock lists and valuation', () => {
  it('values stock by location, category and supplier, and lists low stock', async () => {
    shop = testShop(seedCatalog);
    // On hand × cost: hoodie M 12 × 21.00, tea 40 × 50.00, socks 7 × 4.00; the mug has no cost.
    const value = await shop.ok('stock.valuation', {});
    expect(value).toMatchObject({ totalValue: 25200 + 200000 + 2800, totalUnits: 62, variantsWithoutCost: 1 });
    expect(value.byLocation).toEqual([{ key: '1', label: 'Main warehouse', units: 62, value: 228000, variants: 4 }]);
    expect(value.byCategory.map((g) => [g.key, g.label, g.value])).toEqual([
      ['', 'No category', 202800],
      ['Apparel', 'Apparel', 25200],
    ]);
    expect(value.bySupplier.map((g) => [g.key, g.label, g.units])).toEqual([['', 'No supplier', 62]]);

    await shop.ok('stock.setRules', { variantId: MUG, lowStockAt: 5 });
    await shop.ok('stock.setRules', { variantId: TEA, safetyStock: [{ locationId: WH, quantity: 10 }] });
    const low = await shop.ok('stock.levels', { lowOnly: true });
    // MUG's 3 are under its mark of 5; HOD-L has nothing left (out of stock is always low: the one rule of
    // inventory/low-stock-store.ts); TEA's 40 are above its safety stock of 10; archived SOCK never counts.
    expect(low.rows.map((r) => r.sku)).toEqual(['HOD-001-BLK-L', 'MUG-50%']);
    const sorted = await shop.ok('stock.levels', { sort: { column: 'value', direction: 'desc' }, limit: 2 });
    expect(sorted.rows.map((r) => [r.sku, r.value, r.isLow])).toEqual([
      ['TEA-100', 200000, false],
      ['HOD-001-BLK-M', 25200, false],
    ]);
    expect(sorted.total).toBe(5);
  });
});
