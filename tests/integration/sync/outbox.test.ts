// The outbox rule: any change that moves a linked variant's availability or price leaves exactly
// one coalesced outbox row per linking channel, in the same transaction as the change.
import { afterEach, describe, expect, it } from 'vitest';
import { openDatabase, type Db } from '../../../src/db/open.js';
import { createLedger } from '../../../src/inventory/ledger.js';
import { createOutboxStore } from '../../../src/sync/outbox-store.js';
import { createStockSource } from '../../../src/sync/stock-source.js';
import { seedPurchasing, STORE, TEA, HOD_M, MUG, WAREHOUSE } from '../purchasing-fixture.js';
import { testShop, type TestShop } from '../shop-harness.js';
import { removeTempDirs } from '../temp-shop.js';

let shop: TestShop | undefined;
afterEach(async () => {
  await shop?.close();
  shop = undefined;
  removeTempDirs();
});

const SHOPIFY = 11;
const WOO = 12;

/** seedPurchasing, plus two connected channels that both link TEA and HOD_M; MUG stays unlinked. */
function seedLinkedShop(path: string): void {
  seedPurchasing(path);
  const db = openDatabase(path);
  const at = '2026-11-01T00:00:00.000Z';
  const channel = db.prepare(
    "INSERT INTO channels (id, code, name, platform, created_at, settings, sync_status) VALUES (?, ?, ?, ?, ?, '{}', 'connected')",
  );
  channel.run(SHOPIFY, 'shopify-main', 'Shopify', 'shopify', at);
  channel.run(WOO, 'woo-main', 'WooCommerce', 'woocommerce', at);
  const link = db.prepare('INSERT INTO channel_links (channel_id, variant_id, remote_variant_id, created_at) VALUES (?, ?, ?, ?)');
  for (const channelId of [SHOPIFY, WOO]) {
    link.run(channelId, TEA, `tea-${channelId}`, at);
    link.run(channelId, HOD_M, `hod-${channelId}`, at);
  }
  db.close();
}

interface Queued {
  channelId: number;
  variantId: number;
  kind: string;
}

const queued = (db: Db): Queued[] =>
  db
    .prepare<[], Queued>('SELECT channel_id AS channelId, variant_id AS variantId, kind FROM sync_outbox ORDER BY channel_id, variant_id, kind')
    .all();

const oneRowPerChannel = (variantId: number, kind: 'stock' | 'price'): Queued[] => [
  { channelId: SHOPIFY, variantId, kind },
  { channelId: WOO, variantId, kind },
];

describe('sync outbox', () => {
  it('queues one stock row per linking channel for an adjustment, and coalesces a second one into it', async () => {
    shop = testShop(seedLinkedShop);
    await shop.ok('stock.adjust', { lines: [{ variantId: TEA, locationId: WAREHOUSE, delta: -2, reasonCode: 'damage' }] });
    expect(queued(shop.db)).toEqual(oneRowPerChannel(TEA, 'stock'));

    await shop.ok('stock.adjust', { lines: [{ variantId: TEA, locationId: WAREHOUSE, delta: 1, reasonCode: 'found' }] });
    expect(queued(shop.db)).toEqual(oneRowPerChannel(TEA, 'stock'));
    const versions = shop.db.prepare<[], { version: number }>('SELECT version FROM sync_outbox').all();
    expect(versions.map((v) => v.version)).toEqual([2, 2]);
  });

  it('queues one row per channel for a transfer that touches source, transit and destination', async () => {
    shop = testShop(seedLinkedShop);
    const sent = await shop.ok('transfers.create', { fromLocationId: WAREHOUSE, toLocationId: STORE, lines: [{ variantId: TEA, quantity: 4 }], send: true });
    await shop.ok('transfers.receive', { transferId: sent.id, lines: [{ variantId: TEA, quantity: 4 }] });
    expect(queued(shop.db)).toEqual(oneRowPerChannel(TEA, 'stock'));
  });

  it('queues on a purchase receipt, but not when only incoming stock moves', async () => {
    shop = testShop(seedLinkedShop);
    const supplier = await shop.ok('suppliers.create', { name: 'Tea Co', currency: 'USD' });
    const draft = await shop.ok('purchaseOrders.create', {
      supplierId: supplier.id,
      locationId: WAREHOUSE,
      lines: [{ variantId: TEA, quantity: 10, unitCost: 4800 }],
    });
    const po = await shop.ok('purchaseOrders.send', { purchaseOrderId: draft.id });
    // Sending raises `incoming`, which is not available to sell: nothing to push yet.
    expect(queued(shop.db)).toEqual([]);
    await shop.ok('purchaseOrders.receive', { purchaseOrderId: po.id, lines: [{ variantId: TEA, quantity: 10 }] });
    expect(queued(shop.db)).toEqual(oneRowPerChannel(TEA, 'stock'));
  });

  it('queues on a stocktake post with a variance', async () => {
    shop = testShop(seedLinkedShop);
    const opened = await shop.ok('stocktakes.open', { locationId: WAREHOUSE });
    await shop.ok('stocktakes.count', { stocktakeId: opened.id, lines: [{ variantId: HOD_M, counted: 9 }] });
    expect(queued(shop.db)).toEqual([]);
    await shop.ok('stocktakes.post', { stocktakeId: opened.id });
    expect(queued(shop.db)).toEqual(oneRowPerChannel(HOD_M, 'stock'));
  });

  it('queues a price row when a linked variant price or compare-at price changes, and none for other fields', async () => {
    shop = testShop(seedLinkedShop);
    await shop.ok('variants.update', { variantId: TEA, changes: { barcode: '4006381333931' } });
    expect(queued(shop.db)).toEqual([]);
    await shop.ok('variants.update', { variantId: TEA, changes: { price: 1234 } });
    await shop.ok('variants.update', { variantId: TEA, changes: { compareAtPrice: 1500 } });
    expect(queued(shop.db)).toEqual(oneRowPerChannel(TEA, 'price'));
  });

  it('queues when committed stock moves outside the ledger (an order, an import)', () => {
    shop = testShop(seedLinkedShop);
    shop.db.prepare('UPDATE stock_levels SET committed = committed + 1 WHERE variant_id = ? AND location_id = ?').run(HOD_M, WAREHOUSE);
    expect(queued(shop.db)).toEqual(oneRowPerChannel(HOD_M, 'stock'));
  });

  it('queues the linked bundle when one of its components moves', () => {
    shop = testShop(seedLinkedShop);
    // MUG is not linked itself, but a linked bundle (HOD_M as the kit) contains it.
    shop.db.prepare('INSERT INTO bundle_components (bundle_variant_id, component_variant_id, quantity) VALUES (?, ?, 1)').run(HOD_M, MUG);
    const ledger = createLedger(shop.db);
    const db = shop.db;
    // Changing the recipe changes the bundle's computed stock: that alone queues it.
    expect(queued(db)).toEqual(oneRowPerChannel(HOD_M, 'stock'));
    db.prepare('DELETE FROM sync_outbox').run();

    db.transaction(() => ledger.post([{ variantId: MUG, locationId: WAREHOUSE, delta: 1, reason: 'receive', actor: 't', occurredAt: '2026-11-20T11:00:00Z' }]))();
    expect(queued(db)).toEqual(oneRowPerChannel(HOD_M, 'stock'));
  });

  it('leaves nothing when the transaction rolls back or the change is refused', async () => {
    shop = testShop(seedLinkedShop);
    const ledger = createLedger(shop.db);
    const db = shop.db;
    expect(() =>
      db.transaction(() => {
        ledger.post([{ variantId: TEA, locationId: WAREHOUSE, delta: 5, reason: 'receive', actor: 't', occurredAt: '2026-11-20T11:00:00Z' }]);
        throw new Error('caller fails after posting');
      })(),
    ).toThrow('caller fails');
    expect(queued(db)).toEqual([]);
    // A refused adjustment (more than on hand) rolls back its first, valid line too.
    await shop.fail('stock.adjust', {
      lines: [
        { variantId: TEA, locationId: WAREHOUSE, delta: -1, reasonCode: 'loss' },
        { variantId: HOD_M, locationId: WAREHOUSE, delta: -500, reasonCode: 'loss' },
      ],
    });
    expect(queued(db)).toEqual([]);
  });

  it('queues nothing for unlinked variants', async () => {
    shop = testShop(seedLinkedShop);
    await shop.ok('stock.adjust', { lines: [{ variantId: MUG, locationId: WAREHOUSE, delta: 2, reasonCode: 'found' }] });
    await shop.ok('variants.update', { variantId: MUG, changes: { price: 999 } });
    expect(queued(shop.db)).toEqual([]);
  });
});

describe('outbox worker protocol', () => {
  it('keeps the idempotency key for a version, drops the row only for the version pushed, and renews the key after a change', () => {
    shop = testShop(seedLinkedShop);
    let n = 0;
    const store = createOutboxStore(shop.db, () => `key-${++n}`);
    store.enqueue(SHOPIFY, TEA, 'stock', '2026-11-20T10:00:00.000Z');
    const [row] = store.due(SHOPIFY, 'stock', '2026-11-20T10:00:00.000Z', 10);
    if (!row) throw new Error('expected a due row');

    const first = store.issueKey(row.id);
    expect(first).toEqual({ version: 1, idempotencyKey: 'key-1' });
    // Persisted: a second look (a retry after a crash or a lost answer) gets the same key.
    expect(store.get(row.id)).toMatchObject({ idempotencyKey: 'key-1', keyVersion: 1 });
    expect(store.issueKey(row.id)).toEqual(first);

    // A change lands while the push is in flight: completing version 1 must not drop version 2.
    store.enqueue(SHOPIFY, TEA, 'stock', '2026-11-20T10:00:05.000Z');
    expect(store.complete(row.id, 1)).toBe(false);
    expect(store.issueKey(row.id)).toEqual({ version: 2, idempotencyKey: 'key-2' });
    expect(store.complete(row.id, 2)).toBe(true);
    expect(store.pendingCount(SHOPIFY)).toBe(0);
    expect(store.issueKey(row.id)).toBeNull();
  });

  it('backs a failed row off until its next try, keeping the reason and counting attempts', () => {
    shop = testShop(seedLinkedShop);
    const store = createOutboxStore(shop.db);
    store.enqueue(WOO, HOD_M, 'price', '2026-11-20T10:00:00.000Z');
    const [row] = store.due(WOO, 'price', '2026-11-20T10:00:00.000Z', 10);
    if (!row) throw new Error('expected a due row');
    store.fail(row.id, 'transient: http 503', '2026-11-20T10:01:00.000Z');
    expect(store.due(WOO, 'price', '2026-11-20T10:00:30.000Z', 10)).toEqual([]);
    expect(store.due(WOO, 'price', '2026-11-20T10:01:00.000Z', 10)).toEqual([
      expect.objectContaining({ id: row.id, attempts: 1, lastError: 'transient: http 503' }),
    ]);
    expect(store.due(WOO, 'stock', '2026-11-20T10:01:00.000Z', 10)).toEqual([]);
  });

  it('re-queues every link of a channel when its rules change', () => {
    shop = testShop(seedLinkedShop);
    const store = createOutboxStore(shop.db);
    expect(store.enqueueChannel(WOO, 'stock', '2026-11-20T10:00:00.000Z')).toBe(2);
    expect(queued(shop.db)).toEqual([
      { channelId: WOO, variantId: HOD_M, kind: 'stock' },
      { channelId: WOO, variantId: TEA, kind: 'stock' },
    ]);
  });
  it('issues a round of keys in one call with what each request sends, and settles an applied push by its state', () => {
    shop = testShop(seedLinkedShop);
    let n = 0;
    const store = createOutboxStore(shop.db, () => `key-${++n}`);
    const at = '2026-11-20T10:00:00.000Z';
    store.enqueue(SHOPIFY, TEA, 'stock', at);
    store.enqueue(SHOPIFY, HOD_M, 'stock', at);
    const [tea, hod] = store.due(SHOPIFY, 'stock', at, 10);
    if (!tea || !hod) throw new Error('expected two due rows');

    const keys = store.issueKeys([
      { id: tea.id, renew: false, sent: { '': 30 }, at },
      { id: hod.id, renew: false, sent: { '': 8 }, at },
      { id: 9999, renew: false, sent: { '': 1 }, at }, // gone: no key
    ]);
    expect([...keys.entries()]).toEqual([
      [tea.id, { version: 1, idempotencyKey: 'key-1' }],
      [hod.id, { version: 1, idempotencyKey: 'key-2' }],
    ]);
    // The answer was lost; the resend reuses the key unless told to renew, and every unanswered figure is kept.
    const later = '2026-11-20T10:01:00.000Z';
    expect(store.issueKeys([{ id: tea.id, renew: false, sent: { '': 28 }, at: later }]).get(tea.id)).toEqual({ version: 1, idempotencyKey: 'key-1' });
    expect(store.issueKeys([{ id: tea.id, renew: true, sent: { '': 28 }, at: later }]).get(tea.id)).toEqual({ version: 1, idempotencyKey: 'key-3' });
    expect(store.sentQuantities(tea.id)).toEqual({ '': [{ quantity: 30, at }, { quantity: 28, at: later }] });

    // An applied push after an unanswered attempt stays for a verification push; otherwise it is done.
    store.markUnsure(tea.id);
    expect(store.applied(tea.id, 1, '2026-11-20T10:02:00.000Z')).toBe('verify');
    expect(store.get(tea.id)).toMatchObject({ checkState: 'verify', nextTryAt: '2026-11-20T10:02:00.000Z', attempts: 0 });
    expect(store.sentQuantities(tea.id)['']).toHaveLength(2); // an unanswered request may still land
    expect(store.due(SHOPIFY, 'stock', later, 10).map((row) => row.id)).toEqual([hod.id]);
    expect(store.applied(tea.id, 1, '2026-11-20T10:04:00.000Z')).toBe('done');
    store.enqueue(SHOPIFY, HOD_M, 'stock', later); // a newer change keeps the row
    expect(store.applied(hod.id, 1, null)).toBe('kept');
    expect(store.sentQuantities(hod.id)).toEqual({});
    expect(store.pendingCount(SHOPIFY)).toBe(1);
  });
});

describe('gift with purchase', () => {
  it('holds what is left of the gift’s reserve back from the channels while the promotion runs, and pushes when it starts and ends', async () => {
    shop = testShop(seedLinkedShop);
    const db = shop.db;
    const source = createStockSource(db);
    const before = source.localAvailable(TEA, null);
    const at = '2026-11-01T00:00:00.000Z';
    const promotionId = Number(
      db
        .prepare(
          `INSERT INTO promotions (name, type, status, starts_at, ends_at, rule, created_at, updated_at)
           VALUES ('Tea gift', 'gift_with_purchase', 'scheduled', '2026-11-10T00:00:00.000Z', '2026-11-20T00:00:00.000Z',
             '{"type":"gift_with_purchase","minSpend":5000,"giftVariantId":${TEA},"giftQuantity":1,"reserveQuantity":5}', ?, ?)`,
        )
        .run(at, at).lastInsertRowid,
    );
    db.prepare('DELETE FROM sync_outbox').run();
    const setStatus = (status: string, when: string) => db.prepare('UPDATE promotions SET status = ?, updated_at = ? WHERE id = ?').run(status, when, promotionId);

    setStatus('running', '2026-11-10T00:00:00.000Z');
    expect(queued(db)).toEqual(oneRowPerChannel(TEA, 'stock'));
    expect(source.localAvailable(TEA, null)).toBe(before - 5);

    // Two gifts given since the start (fully discounted lines): 3 of the reserve are left.
    db.prepare("INSERT INTO channels (id, code, name, platform, created_at) VALUES (99, 'pos', 'POS', 'pos', ?)").run(at);
    const orderId = Number(
      db
        .prepare(
          `INSERT INTO orders (channel_id, order_number, location_id, status, placed_at, currency, subtotal, discount_total, total)
           VALUES (99, 'G-1', ${STORE}, 'open', '2026-11-12T09:00:00.000Z', 'USD', 1000, 1000, 0)`,
        )
        .run().lastInsertRowid,
    );
    db.prepare('INSERT INTO order_lines (order_id, variant_id, sku, title, quantity, unit_price, discount) VALUES (?, ?, ?, ?, 2, 500, 1000)').run(orderId, TEA, 'TEA', 'Tea');
    expect(source.localAvailable(TEA, null)).toBe(before - 3);

    db.prepare('DELETE FROM sync_outbox').run();
    setStatus('ended', '2026-11-20T00:00:00.000Z');
    expect(queued(db)).toEqual(oneRowPerChannel(TEA, 'stock'));
    expect(source.localAvailable(TEA, null)).toBe(before);
  });
});
