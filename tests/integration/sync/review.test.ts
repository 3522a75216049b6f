// The review queue: listing (counts per kind, filters, values side by side) and every action —
// accept local / remote on price conflicts (whoever owns the field) and remote stock edits, retry
// and ignore failed items, link or drop an unlinked order line — each ending in the state a
// merchant expects, and refusals that change nothing.
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { Db } from '../../../src/db/open.js';
import { AppError } from '../../../src/shared/app-error.js';
import { lineSubject } from '../../../src/sync/channel-order-writer.js';
import { createPushWorker } from '../../../src/sync/push-worker.js';
import { createReviewService, listReview, resolveReview, type ReviewAction } from '../../../src/sync/review-service.js';
import { HOD_L, MUG, TEA, WAREHOUSE, levelOf } from '../purchasing-fixture.js';
import { removeTempDirs } from '../temp-shop.js';
import { CH, basePrices, closeShops, localPrices, outboxRows, reviewItems, setLocal, setOwnership, setupPrices, type PriceSetup } from './price-shop.js';

afterEach(() => {
  closeShops();
  removeTempDirs();
});

function refusal(run: () => unknown): AppError {
  try {
    run();
  } catch (error) {
    if (error instanceof AppError) return error;
    throw error;
  }
  throw new Error('expected a refusal');
}

const openConflict = (db: Db) => {
  const item = reviewItems(db).find((i) => i.kind === 'conflict');
  if (!item) throw new Error('no open conflict');
  return item;
};

/** TEA with base 12800, local 13000 and remote 12500 under `ask`: a true conflict in the queue. */
async function conflictOnTea(): Promise<PriceSetup & { itemId: number }> {
  const setup = setupPrices({ price: 'ask' }, {}, [TEA, MUG]);
  setLocal(setup.db, TEA, { price: 13000 });
  setup.connector.prices.set(`rv-${TEA}`, { price: 12500, compareAtPrice: null });
  expect(await setup.pusher.runOnce(CH)).toMatchObject({ reviews: 1, pushed: 0 });
  return { ...setup, itemId: openConflict(setup.db).id };
}

function insertItem(db: Db, kind: string, subject: string, vals: Record<string, unknown>, reasonKey = 'sync.review.test'): number {
  return Number(
    db
      .prepare(
        `INSERT INTO review_queue (channel_id, kind, subject, vals, reason_key, reason_params, attempts, created_at, updated_at)
         VALUES (?, ?, ?, ?, ?, '{"sku":"X"}', 1, '2026-11-20T09:00:00.000Z', '2026-11-20T09:00:00.000Z')`,
      )
      .run(CH, kind, subject, JSON.stringify(vals), reasonKey).lastInsertRowid,
  );
}

describe('review list', () => {
  it('lists open items with their values, reason, actions, the total and the count of every kind', async () => {
    const { db, connector, pusher } = await conflictOnTea();
    connector.failing.set(`rv-${MUG}`, { retryable: false, excerpt: '{"error":"no"}' });
    setLocal(db, MUG, { price: 1111 });
    setOwnership(db, { price: 'shopdesk' });
    await pusher.runOnce(CH);
    insertItem(db, 'unlinked_line', lineSubject('o-1', 'l-1'), { remoteVariantId: 'rv-x', remoteOrderId: 'o-1', sku: 'NEW-1' });

    const all = listReview(db, { status: 'open', offset: 0, limit: 10 });
    expect(all.total).toBe(3);
    expect(all.counts).toEqual({ conflict: 1, unlinked_line: 1, remote_stock_edit: 0, failed_item: 1 });
    const conflict = all.items.find((item) => item.kind === 'conflict');
    expect(conflict).toMatchObject({
      channelId: CH,
      channelName: 'Test channel',
      subject: `variant:${TEA}:price`,
      // Named by SKU and product, not only by the variant's id.
      values: { field: 'price', lastSynced: 12800, local: 13000, remote: 12500, sku: 'TEA-100', productTitle: expect.any(String) },
      reason: { key: 'sync.review.priceConflict', params: { variantId: TEA, field: 'price' } },
      status: 'open',
      resolvedAt: null,
      actions: ['acceptLocal', 'acceptRemote', 'ignore'],
    });
    expect(all.items.find((item) => item.kind === 'failed_item')).toMatchObject({ remoteAnswer: '{"error":"no"}', attempts: 1, actions: ['retry', 'ignore'] });

    const failedOnly = listReview(db, { kind: 'failed_item', status: 'open', offset: 0, limit: 10 });
    expect([failedOnly.total, failedOnly.items.length, failedOnly.counts.conflict]).toEqual([1, 1, 1]);
    const page = listReview(db, { status: 'open', offset: 2, limit: 2 });
    expect([page.total, page.items.length]).toEqual([3, 1]);
    expect(listReview(db, { channelId: CH + 1, status: 'open', offset: 0, limit: 10 }).total).toBe(0);
    expect(listReview(db, { status: 'resolved', offset: 0, limit: 10 }).items).toEqual([]);
  });
});

describe('price conflicts', () => {
  const owners = ['shopdesk', 'ask', 'channel'] as const;

  it.each(owners)('accept local pushes the local price once and ends in agreement when the field is owned by %s', async (owner) => {
    const { db, connector, pusher, itemId } = await conflictOnTea();
    setOwnership(db, { price: owner }); // the owner may change while the item waits
    const view = createReviewService({ db, clock: { now: () => new Date('2026-11-20T11:00:00.000Z') } }).resolve(itemId, 'acceptLocal');
    expect(view).toMatchObject({ status: 'resolved', resolvedAt: '2026-11-20T11:00:00.000Z', actions: [] });

    expect(await pusher.runOnce(CH)).toMatchObject({ pushed: 1, reviews: 0 });
    expect(connector.prices.get(`rv-${TEA}`)?.price).toBe(13000);
    expect(localPrices(db, TEA)?.price).toBe(13000);
    expect(basePrices(db, TEA)?.price).toBe(13000);
    expect(reviewItems(db)).toEqual([]);
    const calls = connector.priceCalls.length;
    expect(await pusher.runOnce(CH)).toMatchObject({ pushed: 0, reviews: 0 });
    expect(connector.priceCalls).toHaveLength(calls);
    const marker = db.prepare<[number], { nextTryAt: string | null }>('SELECT next_try_at AS nextTryAt FROM review_queue WHERE id = ?').get(itemId);
    expect(marker?.nextTryAt).toBeNull();
  });

  it('accept local, then another local edit before the push: the new edit goes through the compare again', async () => {
    const { db, connector, pusher, itemId } = await conflictOnTea();
    resolveReview({ db, clock: { now: () => new Date() } }, itemId, 'acceptLocal');
    setLocal(db, TEA, { price: 14000 });
    expect(await pusher.runOnce(CH)).toMatchObject({ pushed: 0, reviews: 1 });
    expect(connector.prices.get(`rv-${TEA}`)?.price).toBe(12500);
    // The remote value was seen and set aside: it is the base the new edit is compared with.
    expect(openConflict(db)).toMatchObject({ reasonKey: 'sync.review.localPriceChanged', vals: { lastSynced: 12500, local: 14000, remote: 12500 } });
  });

  it('accept remote writes the channel price locally as a History change, sets the base, and echoes nothing back', async () => {
    const { db, connector, pusher, itemId } = await conflictOnTea();
    const calls = connector.priceCalls.length;
    resolveReview({ db, clock: { now: () => new Date('2026-11-20T11:00:00.000Z') }, actor: 'ann' }, itemId, 'acceptRemote');
    expect(localPrices(db, TEA)?.price).toBe(12500);
    expect(basePrices(db, TEA)?.price).toBe(12500);
    const history = db
      .prepare<[], { kind: string; actor: string; before: string; after: string }>(
        `SELECT s.kind, s.actor, i.before_value AS before, i.after_value AS after FROM change_sets s JOIN change_set_items i ON i.change_set_id = s.id
         WHERE i.entity = 'variants' AND i.field = 'price'`,
      )
      .all();
    expect(history).toEqual([{ kind: 'variant_edit', actor: 'ann', before: '13000', after: '12500' }]);

    expect(await pusher.runOnce(CH)).toMatchObject({ pushed: 0, reviews: 0 });
    expect(connector.priceCalls).toHaveLength(calls);
    expect(connector.prices.get(`rv-${TEA}`)?.price).toBe(12500);
    expect(outboxRows(db)).toEqual([]);
    expect(reviewItems(db)).toEqual([]);
  });

  it('accept remote on compare-at takes the channel value, including none', async () => {
    const setup = setupPrices({ compareAtPrice: 'ask' }, {}, [MUG]);
    setLocal(setup.db, MUG, { compareAtPrice: 2500 });
    setup.connector.prices.set(`rv-${MUG}`, { price: 990, compareAtPrice: null });
    await setup.pusher.runOnce(CH);
    const item = openConflict(setup.db);
    expect(item.vals).toEqual({ field: 'compareAtPrice', lastSynced: 1980, local: 2500, remote: null });
    resolveReview({ db: setup.db, clock: { now: () => new Date() } }, item.id, 'acceptRemote');
    expect(localPrices(setup.db, MUG)).toEqual({ price: 990, compareAtPrice: null });
    expect(basePrices(setup.db, MUG)).toEqual({ price: 990, compareAtPrice: null });
    expect(await setup.pusher.runOnce(CH)).toMatchObject({ pushed: 0, reviews: 0 });
  });
});

describe('remote stock edits', () => {
  /** TEA: 40 on hand, last pushed 40; someone set 33 in the channel's admin; the worker flags it and pushes 40 again. */
  async function stockEdit() {
    const setup = setupPrices({}, {}, [TEA]);
    const { db, clock, connector } = setup;
    db.prepare("UPDATE channel_links SET synced_quantity = 40, synced_at = '2026-11-19T00:00:00.000Z' WHERE variant_id = ?").run(TEA);
    connector.remote.set(`rv-${TEA}@`, 33);
    db.prepare("INSERT INTO sync_outbox (channel_id, variant_id, kind, changed_at) VALUES (?, ?, 'stock', 'x')").run(CH, TEA);
    const worker = createPushWorker({ db, clock, connectorFor: () => connector, random: () => 0.5 });
    expect(await worker.runOnce(CH)).toMatchObject({ applied: 1, remoteEdits: 1 });
    const item = reviewItems(db).find((i) => i.kind === 'remote_stock_edit');
    if (!item) throw new Error('no remote stock edit');
    expect(item.vals).toMatchObject({ expectedRemote: 40, remote: 33 });
    return { ...setup, worker, itemId: item.id };
  }

  it('accept remote moves local on hand by the remote difference through the ledger, and the channel then gets that figure', async () => {
    const { db, connector, worker, itemId } = await stockEdit();
    resolveReview({ db, clock: { now: () => new Date('2026-11-20T11:00:00.000Z') }, actor: 'ann' }, itemId, 'acceptRemote');
    expect(levelOf(db, TEA, WAREHOUSE)?.onHand).toBe(33);
    const movement = db
      .prepare<[number], { delta: number; reason: string; refType: string; actor: string }>(
        "SELECT delta, reason, ref_type AS refType, actor FROM stock_movements WHERE variant_id = ? AND reason = 'sync'",
      )
      .get(TEA);
    expect(movement).toEqual({ delta: -7, reason: 'sync', refType: 'review_item', actor: 'ann' });
    expect(await worker.runOnce(CH)).toMatchObject({ applied: 1, remoteEdits: 0 });
    expect(connector.quantityAt(`rv-${TEA}`)).toBe(33);
    expect(reviewItems(db)).toEqual([]);
  });

  it('accept local re-pushes the local figure and changes no stock', async () => {
    const { db, connector, worker, itemId } = await stockEdit();
    resolveReview({ db, clock: { now: () => new Date() } }, itemId, 'acceptLocal');
    expect(outboxRows(db, 'stock')).toMatchObject([{ variantId: TEA, nextTryAt: null }]);
    expect(await worker.runOnce(CH)).toMatchObject({ applied: 1, remoteEdits: 0 });
    expect(connector.quantityAt(`rv-${TEA}`)).toBe(40);
    expect(levelOf(db, TEA, WAREHOUSE)?.onHand).toBe(40);
    expect(reviewItems(db)).toEqual([]);
  });
});

describe('failed items', () => {
  it('retry makes the push due now with its attempts kept; the next pass delivers it', async () => {
    const { db, clock, connector, pusher } = setupPrices();
    connector.failing.set(`rv-${TEA}`, { retryable: false, excerpt: null });
    setLocal(db, TEA, { price: 9900 });
    await pusher.runOnce(CH);
    const failed = reviewItems(db).find((i) => i.kind === 'failed_item');
    expect(failed).toBeDefined();
    expect(outboxRows(db)).toEqual([]);
    connector.failing.delete(`rv-${TEA}`);
    resolveReview({ db, clock }, failed?.id ?? 0, 'retry');
    expect(outboxRows(db)).toMatchObject([{ variantId: TEA, nextTryAt: null }]);
    expect(await pusher.runOnce(CH)).toMatchObject({ pushed: 1 });
    expect(connector.prices.get(`rv-${TEA}`)?.price).toBe(9900);

    // A stock row still backing off: due now, its attempts kept (a later failure backs off further).
    db.prepare("INSERT INTO sync_outbox (channel_id, variant_id, kind, changed_at, attempts, next_try_at) VALUES (?, ?, 'stock', 'x', 3, '2099-01-01T00:00:00.000Z')").run(CH, MUG);
    const stockItem = insertItem(db, 'failed_item', `variant:${MUG}:stock`, { remoteVariantId: `rv-${MUG}` });
    resolveReview({ db, clock }, stockItem, 'retry');
    expect(outboxRows(db, 'stock')).toMatchObject([{ variantId: MUG, attempts: 3, nextTryAt: null }]);
  });

  it('ignore sets the item aside without queueing anything', () => {
    const { db, clock } = setupPrices();
    const itemId = insertItem(db, 'failed_item', `variant:${TEA}:price`, {});
    expect(resolveReview({ db, clock }, itemId, 'ignore')).toMatchObject({ status: 'ignored', resolvedAt: clock.now().toISOString() });
    expect(outboxRows(db)).toEqual([]);
    expect(listReview(db, { status: 'ignored', offset: 0, limit: 5 }).counts.failed_item).toBe(1);
  });
});

describe('unlinked order lines', () => {
  function heldOrder(db: Db, remoteOrderId: string, lines: string[]): number[] {
    db.prepare("INSERT INTO channel_orders (channel_id, remote_order_id, remote_updated_at, state, imported_at) VALUES (?, ?, 'x', 'held', 'x')").run(CH, remoteOrderId);
    return lines.map((line) => insertItem(db, 'unlinked_line', lineSubject(remoteOrderId, line), { remoteVariantId: `rv-${line}`, remoteOrderId, sku: line }));
  }
  const orderState = (db: Db, remoteOrderId: string) =>
    db.prepare<[string], { state: string }>('SELECT state FROM channel_orders WHERE remote_order_id = ?').get(remoteOrderId)?.state;

  it('link to… links the remote variant, queues its pushes and re-applies the held orders', () => {
    const { db, clock, connector } = setupPrices({}, {}, [TEA]);
    connector.prices.set('rv-new', { price: 5999, compareAtPrice: null });
    connector.readInto(db, CH, clock.now().toISOString());
    const [itemId] = heldOrder(db, 'o-1', ['new']);
    const reapplyHeld = vi.fn();
    const view = createReviewService({ db, clock, reapplyHeld }).resolve(itemId ?? 0, { kind: 'link', variantId: HOD_L });
    expect(view).toMatchObject({ status: 'resolved', values: { resolution: 'link', variantId: HOD_L } });
    const link = db.prepare<[number], { remoteVariantId: string }>('SELECT remote_variant_id AS remoteVariantId FROM channel_links WHERE variant_id = ?').get(HOD_L);
    expect(link?.remoteVariantId).toBe('rv-new');
    expect(reapplyHeld).toHaveBeenCalledWith(CH, [HOD_L]);
    expect(db.prepare<[number], { kind: string }>('SELECT kind FROM sync_outbox WHERE variant_id = ? ORDER BY kind').all(HOD_L).map((r) => r.kind)).toEqual(['price', 'stock']);
  });

  it('link to… works with the default linker and held-order re-apply inside its transaction', () => {
    const { db, clock, connector } = setupPrices({}, {}, [TEA]);
    connector.prices.set('rv-new', { price: 5999, compareAtPrice: null });
    connector.readInto(db, CH, clock.now().toISOString());
    const [itemId] = heldOrder(db, 'o-1', ['new']);
    expect(resolveReview({ db, clock }, itemId ?? 0, { kind: 'link', variantId: HOD_L })).toMatchObject({ status: 'resolved' });
    expect(db.prepare<[number], { n: number }>('SELECT COUNT(*) AS n FROM channel_links WHERE variant_id = ?').get(HOD_L)?.n).toBe(1);
  });

  it('a link the linker refuses leaves the item open and nothing linked', () => {
    const { db, clock, connector } = setupPrices({}, {}, [TEA]);
    connector.prices.set('rv-new', { price: 5999, compareAtPrice: null });
    connector.readInto(db, CH, clock.now().toISOString());
    const [itemId] = heldOrder(db, 'o-1', ['new']);
    const error = refusal(() => resolveReview({ db, clock, reapplyHeld: () => undefined }, itemId ?? 0, { kind: 'link', variantId: TEA }));
    expect(error.code).toBe('CONFLICT');
    expect(reviewItems(db).map((i) => i.id)).toEqual([itemId]);
    expect(db.prepare("SELECT COUNT(*) AS n FROM channel_links WHERE remote_variant_id = 'rv-new'").get()).toEqual({ n: 0 });
  });

  it('ignore drops the line on purpose; the order imports once no other line waits', () => {
    const { db, clock } = setupPrices();
    const [first, second] = heldOrder(db, 'o-2', ['a', 'b']);
    const service = createReviewService({ db, clock });
    expect(service.resolve(first ?? 0, 'ignore')).toMatchObject({ status: 'ignored', values: { resolution: 'dropLine' } });
    expect(orderState(db, 'o-2')).toBe('held');
    service.resolve(second ?? 0, 'ignore');
    expect(orderState(db, 'o-2')).toBe('imported');
  });
});

describe('refusals', () => {
  it('refuses a settled item, an action its kind does not take, and an unknown item, changing nothing', async () => {
    const { db, clock, itemId } = await conflictOnTea();
    const wrong: [ReviewAction, string][] = [
      ['retry', 'reviewActionNotAllowed'],
      [{ kind: 'link', variantId: MUG }, 'reviewActionNotAllowed'],
    ];
    for (const [action, key] of wrong) {
      const error = refusal(() => resolveReview({ db, clock }, itemId, action));
      expect([error.code, error.details.key, error.details.params]).toEqual(['VALIDATION', key, expect.objectContaining({ itemId, kind: 'conflict' })]);
    }
    expect(reviewItems(db).map((i) => i.id)).toEqual([itemId]);

    resolveReview({ db, clock }, itemId, 'ignore');
    const settled = refusal(() => resolveReview({ db, clock }, itemId, 'acceptRemote'));
    expect([settled.code, settled.details.key, settled.details.params]).toEqual(['CONFLICT', 'reviewAlreadySettled', { itemId, status: 'ignored' }]);
    expect(localPrices(db, TEA)?.price).toBe(13000);
    expect(refusal(() => resolveReview({ db, clock }, 9999, 'ignore')).code).toBe('NOT_FOUND');
  });
});
