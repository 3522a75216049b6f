// The order puller's rules that no emulator plays, against an in-memory orders source:
// customers by e-mail, remote locations through the location map, order numbers another order
// of the channel already uses, lines without a variant, bundles sold through their components,
// a shipped order cancelled later, a held order that ships before its line is linked, committed
// stock that never goes below zero.
import { afterEach, describe, expect, it } from 'vitest';
import { reapplyHeldOrders } from '../../../src/sync/channel-order-writer.js';
import { HOD_M, MUG, STORE, TEA, WAREHOUSE } from '../purchasing-fixture.js';
import { removeTempDirs } from '../temp-shop.js';
import {
  CH,
  channelOrders,
  ledgerMismatches,
  level,
  line,
  link,
  linesOf,
  orderRow,
  OrdersSource,
  pullerShop,
  remoteOrder,
  reviews,
  saleRows,
  type PullerShop,
} from './order-puller-helpers.js';

let ctx: PullerShop | undefined;
afterEach(async () => {
  await ctx?.shop.close();
  ctx = undefined;
  removeTempDirs();
});

const AT = '2026-11-19T12:00:00.000Z';
const later = (seconds: number) => new Date(Date.parse(AT) + seconds * 1000).toISOString();

function setup(links: Record<string, number> = { 'rv-hod': HOD_M, 'rv-tea': TEA }): PullerShop & { source: OrdersSource } {
  ctx = pullerShop(links);
  return { ...ctx, source: new OrdersSource() };
}

describe('order puller rules', () => {
  it('finds customers by e-mail (creating unknown ones) and takes currency from the remote order', async () => {
    const { db, puller, source } = setup();
    db.prepare("INSERT INTO customers (email, name, created_at) VALUES ('Ann@Example.com', 'Ann', ?)").run(AT);
    source.put(
      remoteOrder('1', AT, [line('l1', 'rv-tea', 1, 9000)], { customerEmail: 'ann@example.com', currency: 'EUR' }),
      remoteOrder('2', later(1), [line('l2', 'rv-tea', 1, 9000)], { customerEmail: 'bob@example.com' }),
      remoteOrder('3', later(2), [line('l3', 'rv-tea', 1, 9000)], { customerEmail: 'BOB@example.com' }),
    );
    await puller(source).runOnce(CH);
    const customers = db.prepare<[], { id: number; email: string }>('SELECT id, email FROM customers ORDER BY id').all();
    expect(customers.map((c) => c.email)).toEqual(['Ann@Example.com', 'bob@example.com']);
    const rows = channelOrders(db).map((o) => orderRow(db, o.orderId));
    expect(rows.map((r) => [r?.customerId, r?.currency, r?.total])).toEqual([
      [customers[0]?.id, 'EUR', 9000],
      [customers[1]?.id, 'USD', 9000],
      [customers[1]?.id, 'USD', 9000],
    ]);
  });

  it('commits at the local location the remote one maps to, else at the default warehouse', async () => {
    const { db, puller, source } = setup();
    db.prepare("INSERT INTO channel_location_map (channel_id, remote_location_id, location_id) VALUES (?, 'loc-store', ?), (?, 'loc-all', NULL)").run(CH, STORE, CH);
    source.put(
      remoteOrder('1', AT, [line('l1', 'rv-tea', 2, 9000)], { remoteLocationId: 'loc-store' }),
      remoteOrder('2', later(1), [line('l2', 'rv-tea', 3, 9000)], { remoteLocationId: 'loc-all' }),
      remoteOrder('3', later(2), [line('l3', 'rv-tea', 4, 9000)], { remoteLocationId: 'loc-unknown' }),
    );
    await puller(source).runOnce(CH);
    expect(channelOrders(db).map((o) => orderRow(db, o.orderId)?.locationId)).toEqual([STORE, WAREHOUSE, WAREHOUSE]);
    expect(level(db, TEA, STORE)).toEqual({ onHand: 0, committed: 2 });
    expect(level(db, TEA, WAREHOUSE)).toEqual({ onHand: 40, committed: 7 });
  });

  it('gives a remote number another order of the channel already uses a deterministic suffix', async () => {
    const { db, puller, source } = setup();
    db.prepare(
      `INSERT INTO orders (channel_id, order_number, location_id, status, placed_at, currency, subtotal, total)
       VALUES (?, '#1', 1, 'fulfilled', ?, 'USD', 100, 100)`,
    ).run(CH, AT);
    source.put(remoteOrder('1', AT, [line('l1', 'rv-tea', 1, 9000)]), remoteOrder('2', later(1), [line('l2', 'rv-tea', 1, 9000)], { number: '#2' }));
    const run = puller(source);
    await run.runOnce(CH);
    expect(channelOrders(db).map((o) => o.orderNumber)).toEqual(['#1-2', '#2']);
    source.put(remoteOrder('1', AT, [line('l1', 'rv-tea', 1, 9000)], { updatedAt: later(5), status: 'fulfilled' }));
    await run.runOnce(CH);
    expect(channelOrders(db).map((o) => o.orderNumber)).toEqual(['#1-2', '#2']);
  });

  it('keeps a line without a remote variant as a variant-less line that counts money and moves no stock', async () => {
    const { db, puller, source } = setup();
    source.put(remoteOrder('1', AT, [line('l1', 'rv-tea', 1, 9000), line('gift', null, 1, 500, { title: 'Gift wrap' })]));
    expect(await puller(source).runOnce(CH)).toMatchObject({ created: 1, held: 0 });
    const [order] = channelOrders(db);
    expect(order?.state).toBe('imported');
    expect(linesOf(db, order?.orderId ?? null)).toEqual([
      { variantId: TEA, sku: 'SKU-rv-tea', quantity: 1, unitPrice: 9000 },
      { variantId: null, sku: '', quantity: 1, unitPrice: 500 },
    ]);
    expect(orderRow(db, order?.orderId ?? null)?.total).toBe(9500);
    expect(reviews(db)).toEqual([]);
  });

  it('commits and sells a bundle through its components', async () => {
    const { db, puller, source } = setup({ 'rv-kit': MUG });
    const component = db.prepare('INSERT INTO bundle_components (bundle_variant_id, component_variant_id, quantity) VALUES (?, ?, ?)');
    component.run(MUG, TEA, 2);
    component.run(MUG, HOD_M, 1);
    source.put(remoteOrder('1', AT, [line('l1', 'rv-kit', 2, 20000)]));
    const run = puller(source);
    await run.runOnce(CH);
    expect([level(db, TEA).committed, level(db, HOD_M).committed, level(db, MUG).committed]).toEqual([4, 2, 0]);
    source.put(remoteOrder('1', AT, [line('l1', 'rv-kit', 2, 20000)], { updatedAt: later(60), status: 'fulfilled' }));
    await run.runOnce(CH);
    expect(saleRows(db).map((r) => [r.variantId, r.delta])).toEqual([[HOD_M, -2], [TEA, -4]]);
    expect([level(db, TEA), level(db, HOD_M), level(db, MUG)]).toEqual([
      { onHand: 36, committed: 0 },
      { onHand: 10, committed: 0 },
      { onHand: 3, committed: 0 },
    ]);
    expect(ledgerMismatches(db)).toEqual([]);
  });

  it('does not un-sell a shipped order that is cancelled later, and adjusts committed for added and removed lines', async () => {
    const { db, puller, source } = setup();
    const run = puller(source);
    source.put(remoteOrder('1', AT, [line('l1', 'rv-tea', 2, 9000)]));
    await run.runOnce(CH);
    source.put(remoteOrder('1', AT, [line('l1', 'rv-tea', 2, 9000), line('l2', 'rv-hod', 3, 5000)], { updatedAt: later(10) }));
    await run.runOnce(CH);
    expect([level(db, TEA).committed, level(db, HOD_M).committed]).toEqual([2, 3]);
    source.put(remoteOrder('1', AT, [line('l2', 'rv-hod', 1, 5000)], { updatedAt: later(20) }));
    await run.runOnce(CH);
    expect([level(db, TEA).committed, level(db, HOD_M).committed]).toEqual([0, 1]);
    expect(orderRow(db, channelOrders(db)[0]?.orderId ?? null)?.subtotal).toBe(5000);

    source.put(remoteOrder('1', AT, [line('l2', 'rv-hod', 1, 5000)], { updatedAt: later(30), status: 'fulfilled' }));
    await run.runOnce(CH);
    source.put(remoteOrder('1', AT, [line('l2', 'rv-hod', 1, 5000)], { updatedAt: later(40), status: 'cancelled' }));
    expect(await run.runOnce(CH)).toMatchObject({ updated: 1 });
    expect(channelOrders(db)[0]?.status).toBe('fulfilled');
    expect(level(db, HOD_M)).toEqual({ onHand: 11, committed: 0 });
    expect(saleRows(db)).toHaveLength(1);
  });

  it('sells the line of a held order that shipped meanwhile once its variant is linked', async () => {
    const { db, clock, puller, source } = setup();
    const run = puller(source);
    source.put(remoteOrder('1', AT, [line('l1', 'rv-tea', 1, 9000), line('l2', 'rv-mug', 2, 990)]));
    await run.runOnce(CH);
    source.put(remoteOrder('1', AT, [line('l1', 'rv-tea', 1, 9000), line('l2', 'rv-mug', 2, 990)], { updatedAt: later(60), status: 'fulfilled' }));
    expect(await run.runOnce(CH)).toMatchObject({ updated: 1, held: 1 });
    expect(saleRows(db).map((r) => [r.variantId, r.delta])).toEqual([[TEA, -1]]);

    link(db, 'rv-mug', MUG);
    expect(reapplyHeldOrders(db, clock, CH)).toEqual({ reapplied: 1 });
    expect(saleRows(db).map((r) => [r.variantId, r.delta])).toEqual([[TEA, -1], [MUG, -2]]);
    expect(level(db, MUG)).toEqual({ onHand: 1, committed: 0 });
    expect(channelOrders(db)[0]?.state).toBe('imported');
    expect(await run.runOnce(CH)).toMatchObject({ unchanged: 1, held: 0 });
    expect(saleRows(db)).toHaveLength(2);
  });

  it('does not hold an order again for a line a person dropped in the review queue', async () => {
    const { db, puller, source } = setup();
    const run = puller(source);
    source.put(remoteOrder('1', AT, [line('l1', 'rv-tea', 1, 9000), line('l2', 'rv-mug', 2, 990)]));
    await run.runOnce(CH);
    // What the review queue's "ignore" does to an unlinked line (review-store.ts).
    db.prepare("UPDATE review_queue SET status = 'ignored' WHERE kind = 'unlinked_line'").run();
    db.prepare("UPDATE channel_orders SET state = 'imported'").run();
    source.put(remoteOrder('1', AT, [line('l1', 'rv-tea', 3, 9000), line('l2', 'rv-mug', 2, 990)], { updatedAt: later(60) }));
    expect(await run.runOnce(CH)).toMatchObject({ updated: 1, held: 0 });
    expect(channelOrders(db)[0]?.state).toBe('imported');
    expect(reviews(db)).toEqual([]);
    expect(level(db, TEA).committed).toBe(3);
  });

  it('never takes committed below zero when units were released behind its back', async () => {
    const { db, puller, source } = setup();
    const run = puller(source);
    source.put(remoteOrder('1', AT, [line('l1', 'rv-tea', 5, 9000)]));
    await run.runOnce(CH);
    db.prepare('UPDATE stock_levels SET committed = 2 WHERE variant_id = ? AND location_id = 1').run(TEA);
    source.put(remoteOrder('1', AT, [line('l1', 'rv-tea', 5, 9000)], { updatedAt: later(60), status: 'cancelled' }));
    expect(await run.runOnce(CH)).toMatchObject({ updated: 1 });
    expect(level(db, TEA).committed).toBe(0);
  });
});
