// The stock invariant, under a long seeded random mix of every stock write:
// each level equals the sum of its ledger, each variant's total equals the sum
// of its levels, nothing is negative, and what sits in transit is exactly what
// open transfers still owe.
import { afterEach, describe, expect, it } from 'vitest';
import type { MethodInput, MethodName } from '../../src/contract.js';
import { seedCatalog } from './catalog-fixture.js';
import { applyImport, openImport } from './imports/import-harness.js';
import { testShop, type TestShop } from './shop-harness.js';
import { removeTempDirs } from './temp-shop.js';

let shop: TestShop | undefined;
afterEach(async () => {
  await shop?.close();
  shop = undefined;
  removeTempDirs();
});

/** A small linear congruential generator: the same seed gives the same run everywhere. */
function seeded(seed: number) {
  let state = seed;
  return (n: number) => {
    state = (state * 1103515245 + 12345) % 2147483648;
    return Math.floor((state / 2147483648) * n);
  };
}

const WH = 1;
const reasons = ['correction', 'found', 'damage', 'loss'] as const;

describe('levels equal the ledger', () => {
  it('after 300 seeded adjustments, set-to counts, transfers, partial receipts and cancels', async () => {
    shop = testShop(seedCatalog);
    const s = shop;
    const store = (await s.ok('locations.create', { code: 'ST-1', name: 'Store', kind: 'store' })).id;
    const outlet = (await s.ok('locations.create', { code: 'OUT', name: 'Outlet', kind: 'store' })).id;
    const shelves = [WH, store, outlet];
    const random = seeded(20261123);
    const pick = <T>(items: readonly T[]): T => items[random(items.length)] as T;
    const done: Record<string, { ok: number; refused: number }> = {};
    const run = async <M extends MethodName>(kind: string, method: M, input: MethodInput<M>) => {
      const answer = await s.call(method, input);
      done[kind] ??= { ok: 0, refused: 0 };
      done[kind][answer.ok ? 'ok' : 'refused'] += 1;
      return answer;
    };
    const openTransfers = async () =>
      [...(await s.ok('transfers.list', { status: 'in_transit', limit: 1000 })).rows, ...(await s.ok('transfers.list', { status: 'partially_received', limit: 1000 })).rows];

    for (let step = 0; step < 300; step += 1) {
      const variantId = 1 + random(5);
      const kind = random(7);
      if (kind === 0) {
        const delta = random(11) - 5 || 3;
        const reasonCode = delta > 0 ? pick(['correction', 'found'] as const) : pick(reasons.filter((r) => r !== 'found'));
        await run('adjust', 'stock.adjust', { lines: [{ variantId, locationId: pick(shelves), delta, reasonCode }] });
      } else if (kind === 1) {
        await run('count', 'stock.adjust', { lines: [{ variantId, locationId: pick(shelves), setTo: random(15), reasonCode: 'correction' }] });
      } else if (kind === 2 || kind === 3) {
        const from = pick(shelves);
        const to = pick(shelves.filter((l) => l !== from));
        const other = 1 + ((variantId + random(4)) % 5);
        const lines = other === variantId ? [{ variantId, quantity: 1 + random(6) }] : [{ variantId, quantity: 1 + random(6) }, { variantId: other, quantity: 1 + random(3) }];
        const send = random(3) > 0;
        const created = await run(send ? 'createAndSend' : 'createDraft', 'transfers.create', { fromLocationId: from, toLocationId: to, lines, send });
        if (created.ok && !send && random(2) === 0) await run('sendDraft', 'transfers.send', { transferId: created.value.id });
      } else if (kind === 4 || kind === 5) {
        const open = await openTransfers();
        if (open.length === 0) continue;
        const detail = await s.ok('transfers.get', { transferId: pick(open).id });
        const line = pick(detail.lines);
        // Sometimes ask for more than is outstanding: that must be refused and change nothing.
        await run('receive', 'transfers.receive', { transferId: detail.id, lines: [{ variantId: line.variantId, quantity: 1 + random(line.outstanding + 2) }] });
      } else {
        const open = await openTransfers();
        if (open.length > 0) await run('cancel', 'transfers.cancel', { transferId: pick(open).id });
      }
    }

    // The mix exercised every path, and the refusals that the checks exist for.
    for (const kind of ['adjust', 'count', 'createAndSend', 'createDraft', 'sendDraft', 'receive', 'cancel']) {
      expect(done[kind]?.ok ?? 0, kind).toBeGreaterThan(0);
    }
    expect(done.createAndSend?.refused ?? 0).toBeGreaterThan(0);
    expect(done.receive?.refused ?? 0).toBeGreaterThan(0);
    expect((await s.ok('transfers.list', { status: 'partially_received' })).total + (await s.ok('transfers.list', { status: 'received' })).total).toBeGreaterThan(0);

    const offLedger = s.db
      .prepare(
        `SELECT sl.variant_id, sl.location_id, sl.on_hand, COALESCE(SUM(m.delta), 0) AS ledger
         FROM stock_levels sl LEFT JOIN stock_movements m ON m.variant_id = sl.variant_id AND m.location_id = sl.location_id
         GROUP BY sl.variant_id, sl.location_id HAVING sl.on_hand <> ledger`,
      )
      .all();
    expect(offLedger).toEqual([]);
    const orphanMovements = s.db
      .prepare(
        `SELECT m.variant_id, m.location_id FROM stock_movements m
         LEFT JOIN stock_levels sl ON sl.variant_id = m.variant_id AND sl.location_id = m.location_id WHERE sl.variant_id IS NULL`,
      )
      .all();
    expect(orphanMovements).toEqual([]);
    const offTotal = s.db
      .prepare('SELECT v.id FROM variants v WHERE v.on_hand_total <> (SELECT COALESCE(SUM(on_hand), 0) FROM stock_levels WHERE variant_id = v.id)')
      .all();
    expect(offTotal).toEqual([]);
    expect(s.db.prepare('SELECT COUNT(*) AS n FROM stock_levels WHERE on_hand < 0').get()).toEqual({ n: 0 });
    // In transit = what open transfers still owe, per variant.
    const transitOff = s.db
      .prepare(
        `SELECT v.id,
           COALESCE((SELECT SUM(sl.on_hand) FROM stock_levels sl JOIN locations l ON l.id = sl.location_id
                     WHERE l.kind = 'transit' AND sl.variant_id = v.id), 0) AS inTransit,
           COALESCE((SELECT SUM(tl.quantity - tl.received_quantity) FROM transfer_lines tl JOIN transfers t ON t.id = tl.transfer_id
                     WHERE t.status IN ('in_transit', 'partially_received') AND tl.variant_id = v.id), 0) AS owed
         FROM variants v WHERE inTransit <> owed`,
      )
      .all();
    expect(transitOff).toEqual([]);
  });

  it('through imports of stock (a 0, oversold, several locations, committed carried over) and their undo', async () => {
    shop = testShop(seedCatalog);
    const s = shop;
    const invariant = () => ({
      offLedger: s.db
        .prepare(
          `SELECT sl.variant_id, sl.location_id FROM stock_levels sl
           WHERE sl.on_hand <> (SELECT COALESCE(SUM(m.delta), 0) FROM stock_movements m WHERE m.variant_id = sl.variant_id AND m.location_id = sl.location_id)`,
        )
        .all(),
      orphanMovements: s.db
        .prepare('SELECT m.id FROM stock_movements m LEFT JOIN stock_levels sl ON sl.variant_id = m.variant_id AND sl.location_id = m.location_id WHERE sl.variant_id IS NULL')
        .all(),
      offTotal: s.db.prepare('SELECT v.id FROM variants v WHERE v.on_hand_total <> (SELECT COALESCE(SUM(on_hand), 0) FROM stock_levels WHERE variant_id = v.id)').all(),
      badCarried: s.db.prepare('SELECT variant_id FROM stock_levels WHERE carried_committed < 0 OR carried_committed > committed').all(),
    });
    const clean = { offLedger: [], orphanMovements: [], offTotal: [], badCarried: [] };
    const changeSet = async (sessionId: string) => (await s.ok('imports.get', { sessionId })).applied?.changeSetId ?? 0;

    const products = await openImport(s, 'products', 'p.csv', ['Title,SKU,Price,Location,Stock', 'Scarf,SC-1,99,Main warehouse,0', 'Scarf,SC-1,99,East,-4', 'Hat,HT-1,49,East,7'].join('\n'));
    await applyImport(s, products.sessionId);
    const levels = await openImport(s, 'stockLevels', 's.csv', ['SKU,Location,On hand,Available', 'TEA-100,Main warehouse,38,30', 'HT-1,East,5,5', 'HOD-001-BLK-L,Main warehouse,-2,-2'].join('\n'));
    await applyImport(s, levels.sessionId);
    expect(invariant()).toEqual(clean);
    await s.ok('history.undo', { changeSetId: await changeSet(levels.sessionId) });
    expect(invariant()).toEqual(clean);
    await s.ok('history.undo', { changeSetId: await changeSet(products.sessionId) });
    expect(invariant()).toEqual(clean);
  });
});
