// Every refused stock write names the field at fault and leaves the shop exactly
// as it was: levels, ledger, transfers, reasons and locations.
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
const HOD_L = 2;
const TEA = 3;
const MUG = 4;
const WH = 1;

/** Everything a stock write could touch, as one comparable value. */
function snapshot(s: TestShop): string {
  const all = (sql: string) => s.db.prepare(sql).all();
  return JSON.stringify({
    levels: all('SELECT variant_id, location_id, on_hand, safety_stock FROM stock_levels ORDER BY 1, 2'),
    totals: all('SELECT id, on_hand_total FROM variants ORDER BY id'),
    movements: all('SELECT COUNT(*) AS n FROM stock_movements'),
    transfers: all('SELECT id, status FROM transfers ORDER BY id'),
    lines: all('SELECT id, received_quantity FROM transfer_lines ORDER BY id'),
    reasons: all('SELECT code, label, active FROM adjustment_reasons ORDER BY code'),
    locations: all('SELECT id, code, name, active FROM locations ORDER BY id'),
    rules: all('SELECT * FROM variant_stock_rules ORDER BY variant_id'),
  });
}

const paths = (error: { details: { issues?: { path: string; key: string }[] } }) => error.details.issues?.map((i) => [i.path, i.key]);

async function withStore(s: TestShop) {
  return (await s.ok('locations.create', { code: 'ST-1', name: 'High Street store', kind: 'store' })).id;
}

describe('bad stock adjustments change nothing', () => {
  it('refuses a negative set-to and a zero delta at the contract', async () => {
    shop = testShop(seedCatalog);
    const before = snapshot(shop);
    const negative = await shop.fail('stock.adjust', { lines: [{ variantId: TEA, locationId: WH, setTo: -1, reasonCode: 'correction' }] });
    expect(negative.code).toBe('VALIDATION');
    expect(paths(negative)).toEqual([['lines.0.setTo', 'negativeQuantity']]);
    const zero = await shop.fail('stock.adjust', { lines: [{ variantId: TEA, locationId: WH, delta: 0, reasonCode: 'correction' }] });
    expect(paths(zero)).toEqual([['lines.0.delta', 'deltaZero']]);
    const both = await shop.fail('stock.adjust', { lines: [{ variantId: TEA, locationId: WH, delta: 1, setTo: 3, reasonCode: 'correction' }] });
    expect(paths(both)).toEqual([['lines.0.delta', 'deltaOrSetTo']]);
    expect(snapshot(shop)).toBe(before);
  });

  it('refuses a reason whose direction does not match, naming lines.N.delta', async () => {
    shop = testShop(seedCatalog);
    const before = snapshot(shop);
    const found = await shop.fail('stock.adjust', {
      lines: [
        { variantId: TEA, locationId: WH, delta: 2, reasonCode: 'found' },
        { variantId: TEA, locationId: WH, delta: -2, reasonCode: 'found' },
      ],
    });
    expect(found.code).toBe('VALIDATION');
    expect(paths(found)).toEqual([['lines.1.delta', 'reasonDirection']]);
    // A set-to that would lower stock under an 'in' reason is refused the same way.
    const count = await shop.fail('stock.adjust', { lines: [{ variantId: TEA, locationId: WH, setTo: 30, reasonCode: 'found' }] });
    expect(paths(count)).toEqual([['lines.0.delta', 'reasonDirection']]);
    const damage = await shop.fail('stock.adjust', { lines: [{ variantId: TEA, locationId: WH, delta: 1, reasonCode: 'damage' }] });
    expect(paths(damage)).toEqual([['lines.0.delta', 'reasonDirection']]);
    expect(snapshot(shop)).toBe(before);
  });

  it('refuses taking more than is on hand, naming the line, after earlier lines already applied in the same call', async () => {
    shop = testShop(seedCatalog);
    const before = snapshot(shop);
    const short = await shop.fail('stock.adjust', {
      lines: [
        { variantId: TEA, locationId: WH, delta: -10, reasonCode: 'loss' },
        { variantId: MUG, locationId: WH, delta: -1, reasonCode: 'loss' },
        { variantId: TEA, locationId: WH, delta: -31, reasonCode: 'loss' },
      ],
    });
    expect(short).toMatchObject({ code: 'CONFLICT', details: { key: 'insufficientStock', params: { sku: 'TEA-100', onHand: 30, wanted: 31 } } });
    expect(paths(short)).toEqual([['lines.2.delta', 'insufficientStock']]);
    expect(short.message).toContain('Nothing was changed');
    expect(snapshot(shop)).toBe(before);
  });

  it('refuses unknown variants, locations and reasons, an inactive reason, and the transit location', async () => {
    shop = testShop(seedCatalog);
    const store = await withStore(shop);
    await shop.ok('transfers.create', { fromLocationId: WH, toLocationId: store, lines: [{ variantId: TEA, quantity: 1 }] });
    const transit = (shop.db.prepare("SELECT id FROM locations WHERE kind = 'transit'").get() as { id: number }).id;
    await shop.ok('adjustmentReasons.update', { code: 'sample', active: false });
    const before = snapshot(shop);
    const error = await shop.fail('stock.adjust', {
      lines: [
        { variantId: 999, locationId: WH, delta: 1, reasonCode: 'correction' },
        { variantId: TEA, locationId: 77, delta: 1, reasonCode: 'correction' },
        { variantId: TEA, locationId: WH, delta: -1, reasonCode: 'nope' },
        { variantId: TEA, locationId: WH, delta: -1, reasonCode: 'sample' },
        { variantId: TEA, locationId: transit, delta: 1, reasonCode: 'correction' },
      ],
    });
    expect(error.code).toBe('VALIDATION');
    expect(paths(error)).toEqual([
      ['lines.0.variantId', 'unknownVariant'],
      ['lines.1.locationId', 'unknownLocation'],
      ['lines.2.reasonCode', 'unknownReason'],
      ['lines.3.reasonCode', 'unknownReason'],
      ['lines.4.locationId', 'transitLocation'],
    ]);
    expect(snapshot(shop)).toBe(before);
  });

  it('refuses an adjustment at an inactive location', async () => {
    shop = testShop(seedCatalog);
    const store = await withStore(shop);
    await shop.ok('locations.update', { locationId: store, active: false });
    const before = snapshot(shop);
    const error = await shop.fail('stock.adjust', { lines: [{ variantId: TEA, locationId: store, delta: 1, reasonCode: 'found' }] });
    expect(paths(error)).toEqual([['lines.0.locationId', 'inactiveLocation']]);
    expect(snapshot(shop)).toBe(before);
  });
});

describe('bad transfers change nothing', () => {
  it('refuses sending without stock, naming lines.N.quantity, whether created with send or sent later', async () => {
    shop = testShop(seedCatalog);
    const store = await withStore(shop);
    const before = snapshot(shop);
    const atCreate = await shop.fail('transfers.create', {
      fromLocationId: WH,
      toLocationId: store,
      lines: [
        { variantId: TEA, quantity: 40 },
        { variantId: MUG, quantity: 4 },
      ],
      send: true,
    });
    expect(atCreate).toMatchObject({ code: 'CONFLICT', details: { key: 'insufficientStock', params: { sku: 'MUG-50%', onHand: 3, wanted: 4 } } });
    expect(paths(atCreate)).toEqual([['lines.1.quantity', 'insufficientStock']]);
    expect(snapshot(shop)).toBe(before);

    const draft = await shop.ok('transfers.create', { fromLocationId: WH, toLocationId: store, lines: [{ variantId: HOD_L, quantity: 1 }] });
    const withDraft = snapshot(shop);
    const atSend = await shop.fail('transfers.send', { transferId: draft.id });
    expect(paths(atSend)).toEqual([['lines.0.quantity', 'insufficientStock']]);
    expect(snapshot(shop)).toBe(withDraft);
    expect((await shop.ok('transfers.get', { transferId: draft.id })).status).toBe('draft');
  });

  it('refuses unknown, transit and identical locations, unknown variants, duplicate lines and non-positive quantities', async () => {
    shop = testShop(seedCatalog);
    const store = await withStore(shop);
    const before = snapshot(shop);
    const unknown = await shop.fail('transfers.create', {
      fromLocationId: 88,
      toLocationId: store,
      lines: [
        { variantId: 999, quantity: 1 },
        { variantId: TEA, quantity: 1 },
        { variantId: TEA, quantity: 2 },
      ],
    });
    expect(paths(unknown)).toEqual([
      ['fromLocationId', 'unknownLocation'],
      ['lines.0.variantId', 'unknownVariant'],
      ['lines.2.variantId', 'duplicateLine'],
    ]);
    const same = await shop.fail('transfers.create', { fromLocationId: store, toLocationId: store, lines: [{ variantId: TEA, quantity: 1 }] });
    expect(paths(same)).toEqual([['toLocationId', 'sameLocation']]);
    const zero = await shop.fail('transfers.create', { fromLocationId: WH, toLocationId: store, lines: [{ variantId: TEA, quantity: 0 }] });
    expect(zero.code).toBe('VALIDATION');
    expect(zero.details.issues?.[0]?.path).toBe('lines.0.quantity');
    expect(snapshot(shop)).toBe(before);

    // The transit location exists once a transfer was made; it is never a from/to.
    await shop.ok('transfers.create', { fromLocationId: WH, toLocationId: store, lines: [{ variantId: TEA, quantity: 1 }] });
    const transit = (shop.db.prepare("SELECT id FROM locations WHERE kind = 'transit'").get() as { id: number }).id;
    const afterDraft = snapshot(shop);
    const intoTransit = await shop.fail('transfers.create', { fromLocationId: WH, toLocationId: transit, lines: [{ variantId: TEA, quantity: 1 }] });
    expect(paths(intoTransit)).toEqual([['toLocationId', 'transitLocation']]);
    expect(snapshot(shop)).toBe(afterDraft);
  });

  it('refuses receiving more than is outstanding, or a variant not on the transfer, and receiving a draft', async () => {
    shop = testShop(seedCatalog);
    const store = await withStore(shop);
    const sent = await shop.ok('transfers.create', {
      fromLocationId: WH,
      toLocationId: store,
      lines: [
        { variantId: TEA, quantity: 5 },
        { variantId: MUG, quantity: 2 },
      ],
      send: true,
    });
    await shop.ok('transfers.receive', { transferId: sent.id, lines: [{ variantId: TEA, quantity: 3 }] });
    const before = snapshot(shop);
    const tooMany = await shop.fail('transfers.receive', {
      transferId: sent.id,
      lines: [
        { variantId: MUG, quantity: 2 },
        { variantId: TEA, quantity: 3 },
        { variantId: HOD_L, quantity: 1 },
      ],
    });
    expect(tooMany.code).toBe('VALIDATION');
    expect(paths(tooMany)).toEqual([
      ['lines.1.quantity', 'receiveMoreThanSent'],
      ['lines.2.variantId', 'notOnTransfer'],
    ]);
    expect(snapshot(shop)).toBe(before);

    const draft = await shop.ok('transfers.create', { fromLocationId: WH, toLocationId: store, lines: [{ variantId: TEA, quantity: 1 }] });
    const withDraft = snapshot(shop);
    const early = await shop.fail('transfers.receive', { transferId: draft.id, lines: [{ variantId: TEA, quantity: 1 }] });
    expect(early).toMatchObject({ code: 'CONFLICT', details: { key: 'transferState', params: { status: 'draft' } } });
    expect((await shop.fail('transfers.get', { transferId: 4242 })).code).toBe('NOT_FOUND');
    expect(snapshot(shop)).toBe(withDraft);
  });

  it('refuses sending, receiving or cancelling a transfer that is already received or cancelled', async () => {
    shop = testShop(seedCatalog);
    const store = await withStore(shop);
    const done = await shop.ok('transfers.create', { fromLocationId: WH, toLocationId: store, lines: [{ variantId: TEA, quantity: 2 }], send: true });
    await shop.ok('transfers.receive', { transferId: done.id, lines: [{ variantId: TEA, quantity: 2 }] });
    const before = snapshot(shop);
    for (const error of [
      await shop.fail('transfers.send', { transferId: done.id }),
      await shop.fail('transfers.cancel', { transferId: done.id }),
      await shop.fail('transfers.receive', { transferId: done.id, lines: [{ variantId: TEA, quantity: 1 }] }),
    ]) {
      expect(error).toMatchObject({ code: 'CONFLICT', details: { key: 'transferState', params: { status: 'received' } } });
    }
    expect(snapshot(shop)).toBe(before);
  });
});

describe('bad locations, reasons and rules change nothing', () => {
  it('refuses a taken location code, deactivating a location with stock, and unknown ids', async () => {
    shop = testShop(seedCatalog);
    const before = snapshot(shop);
    const taken = await shop.fail('locations.create', { code: 'wh-1', name: 'Second', kind: 'warehouse' });
    expect(taken).toMatchObject({ code: 'CONFLICT', details: { key: 'locationCodeTaken' } });
    expect(paths(taken)).toEqual([['code', 'locationCodeTaken']]);
    const stocked = await shop.fail('locations.update', { locationId: WH, active: false });
    expect(paths(stocked)).toEqual([['active', 'locationHasStock']]);
    expect((await shop.fail('locations.update', { locationId: 99, name: 'Nowhere' })).code).toBe('NOT_FOUND');
    expect(snapshot(shop)).toBe(before);
    // The system's in-transit location (made by the first transfer) is not the shop's to rename or retire.
    const store = await withStore(shop);
    await shop.ok('transfers.create', { fromLocationId: WH, toLocationId: store, lines: [{ variantId: TEA, quantity: 1 }] });
    const transit = (shop.db.prepare("SELECT id FROM locations WHERE kind = 'transit'").get() as { id: number }).id;
    const withTransit = snapshot(shop);
    const system = await shop.fail('locations.update', { locationId: transit, active: false });
    expect(system).toMatchObject({ code: 'CONFLICT', details: { key: 'transitLocation' } });
    expect(paths(system)).toEqual([['locationId', 'transitLocation']]);
    expect(snapshot(shop)).toBe(withTransit);
  });

  it('refuses a taken or badly formed reason code and updating an unknown reason', async () => {
    shop = testShop(seedCatalog);
    const before = snapshot(shop);
    const taken = await shop.fail('adjustmentReasons.create', { code: 'damage', label: 'Broken', direction: 'out' });
    expect(taken).toMatchObject({ code: 'CONFLICT', details: { key: 'reasonCodeTaken' } });
    expect(paths(taken)).toEqual([['code', 'reasonCodeTaken']]);
    const format = await shop.fail('adjustmentReasons.create', { code: 'Bad Code', label: 'x', direction: 'in' });
    expect(paths(format)).toEqual([['code', 'reasonCodeFormat']]);
    const unknown = await shop.fail('adjustmentReasons.update', { code: 'nope', active: false });
    expect(unknown).toMatchObject({ code: 'NOT_FOUND', details: { key: 'unknownReason' } });
    expect(snapshot(shop)).toBe(before);
  });

  it('refuses stock rules for an unknown variant or location, and a negative low-stock mark', async () => {
    shop = testShop(seedCatalog);
    const before = snapshot(shop);
    expect((await shop.fail('stock.setRules', { variantId: 999, lowStockAt: 3 })).code).toBe('NOT_FOUND');
    const location = await shop.fail('stock.setRules', { variantId: TEA, lowStockAt: 3, safetyStock: [{ locationId: 55, quantity: 4 }] });
    expect(paths(location)).toEqual([['safetyStock.0.locationId', 'unknownLocation']]);
    const negative = await shop.fail('stock.setRules', { variantId: TEA, lowStockAt: -1 });
    expect(negative.details.issues?.[0]?.path).toBe('lowStockAt');
    expect(snapshot(shop)).toBe(before);
  });
});
