// The stock push worker when answers go missing (issue 14, found by the soak): a compare-and-set
// refusal caused by our own lost write is not a "remote stock edit", a request held past the
// timeout on a platform without compare-and-set cannot leave old stock on the channel, and a
// round's keys are all committed before the first request leaves.
import { afterEach, describe, expect, it } from 'vitest';
import type { Db } from '../../../src/db/open.js';
import type { Clock } from '../../../src/shared/clock.js';
import { ConnectorError, type ConnectorCapabilities, type StockPushItem } from '../../../src/sync/connector.js';
import { createPushWorker, type PushWorker } from '../../../src/sync/push-worker.js';
import { seedPurchasing, HOD_M, TEA, WAREHOUSE } from '../purchasing-fixture.js';
import { testShop, type TestShop } from '../shop-harness.js';
import { removeTempDirs } from '../temp-shop.js';
import { FakeConnector } from './push-fake-connector.js';

let shop: TestShop | undefined;
afterEach(async () => {
  await shop?.close();
  shop = undefined;
  removeTempDirs();
});

const CH = 21;
const T0 = Date.parse('2026-11-20T10:00:00.000Z');
const TIMEOUT = 1_000;

class TestClock implements Clock {
  at = T0;
  now(): Date {
    return new Date(this.at);
  }
}

interface Setup {
  db: Db;
  clock: TestClock;
  connector: FakeConnector;
  worker: PushWorker;
}

/** TEA (40 at the warehouse) and HOD_M linked; TEA's last synced figure 40 and the channel showing 40. */
function setup(capabilities: Partial<ConnectorCapabilities> = {}): Setup {
  shop = testShop(seedPurchasing);
  const db = shop.db;
  db.prepare("INSERT INTO channels (id, code, name, platform, created_at, settings, sync_status) VALUES (?, 'fake', 'Fake', 'fake', ?, '{\"connection\":{}}', 'connected')").run(
    CH,
    new Date(T0).toISOString(),
  );
  const link = db.prepare('INSERT INTO channel_links (channel_id, variant_id, remote_variant_id, created_at) VALUES (?, ?, ?, ?)');
  for (const variantId of [TEA, HOD_M]) link.run(CH, variantId, `rv-${variantId}`, new Date(T0).toISOString());
  db.prepare("UPDATE channel_links SET synced_quantity = 40, synced_at = '2026-11-19T00:00:00.000Z' WHERE variant_id = ?").run(TEA);
  const clock = new TestClock();
  const connector = new FakeConnector(capabilities);
  connector.remote.set('rv-3@', 40);
  const worker = createPushWorker({
    db,
    clock,
    connectorFor: () => connector,
    random: () => 0.5,
    backoff: { baseMs: 30_000, maxMs: 3_600_000 },
    requestTimeoutMs: TIMEOUT,
  });
  return { db, clock, connector, worker };
}

const sell = (db: Db, variantId: number, units: number) =>
  db.prepare('UPDATE stock_levels SET on_hand = on_hand - ? WHERE variant_id = ? AND location_id = ?').run(units, variantId, WAREHOUSE);
const queue = (db: Db) =>
  db.prepare<[], { variantId: number; checkState: string | null; nextTryAt: string | null }>(
    'SELECT variant_id AS variantId, check_state AS checkState, next_try_at AS nextTryAt FROM sync_outbox ORDER BY variant_id',
  ).all();
const openReviews = (db: Db) => db.prepare<[], { kind: string; vals: string }>("SELECT kind, vals FROM review_queue WHERE status = 'open'").all();
const synced = (db: Db) => db.prepare<[number], { q: number | null }>('SELECT synced_quantity AS q FROM channel_links WHERE variant_id = ?').get(TEA)?.q;

describe('stock push worker, lost answers', () => {
  it('does not report a remote edit when a compare-and-set is refused because our own unanswered write landed', async () => {
    const { db, clock, connector, worker } = setup();
    sell(db, TEA, 10);
    connector.loseNextAnswer = true; // applied on the channel (30), answer lost: the link still says 40
    expect(await worker.runOnce(CH)).toMatchObject({ applied: 0, retrying: 1 });
    expect(connector.quantityAt('rv-3')).toBe(30);
    expect(synced(db)).toBe(40);

    sell(db, TEA, 2); // a local change before the retry: a new version, a new key, still the old base
    clock.at += 3_600_000;
    expect(await worker.runOnce(CH)).toMatchObject({ applied: 1, remoteEdits: 0 });
    // Refused at base 40 (the channel has 30, our lost write); 30 adopted as the base, then applied.
    expect(connector.calls.map((call) => call[0]?.expectedQuantity)).toEqual([40, 40, 30]);
    expect(connector.quantityAt('rv-3')).toBe(28);
    expect(synced(db)).toBe(28);
    expect(openReviews(db)).toEqual([]);
    expect(queue(db)).toEqual([]);
  });

  it('explains an unanswered write less the units a channel order took since it was sent', async () => {
    const { db, clock, connector, worker } = setup();
    sell(db, TEA, 10);
    connector.loseNextAnswer = true; // the channel now has 30
    await worker.runOnce(CH);
    clock.at += 60_000;
    db.prepare(
      `INSERT INTO orders (id, channel_id, order_number, location_id, status, placed_at, currency, subtotal, total)
       VALUES (901, ?, 'R-2', ?, 'open', ?, 'USD', 0, 0)`,
    ).run(CH, WAREHOUSE, clock.now().toISOString());
    db.prepare("INSERT INTO order_lines (order_id, variant_id, sku, title, quantity, unit_price) VALUES (901, ?, 'TEA-100', 'Tea', 3, 0)").run(TEA);
    db.prepare("INSERT INTO channel_orders (channel_id, remote_order_id, order_id, remote_updated_at, state, imported_at) VALUES (?, 'r-2', 901, ?, 'imported', ?)").run(
      CH,
      clock.now().toISOString(),
      clock.now().toISOString(),
    );
    connector.remote.set('rv-3@', 27); // 30 − 3 sold on the channel
    sell(db, TEA, 3);
    clock.at += 3_600_000;
    expect(await worker.runOnce(CH)).toMatchObject({ applied: 1, remoteEdits: 0 });
    expect(connector.quantityAt('rv-3')).toBe(27);
    expect(openReviews(db)).toEqual([]);
  });

  it('still reports a remote edit after a lost answer when the channel figure is neither sent nor sold', async () => {
    const { db, clock, connector, worker } = setup();
    sell(db, TEA, 10);
    connector.loseNextAnswer = true;
    await worker.runOnce(CH);
    connector.remote.set('rv-3@', 25); // a person edits stock in the channel's admin
    sell(db, TEA, 2);
    clock.at += 3_600_000;
    expect(await worker.runOnce(CH)).toMatchObject({ applied: 1, remoteEdits: 1 });
    expect(connector.quantityAt('rv-3')).toBe(28);
    const [edit] = openReviews(db);
    expect(edit?.kind).toBe('remote_stock_edit');
    expect(JSON.parse(edit?.vals ?? '{}')).toMatchObject({ remote: 25, local: 28 });
  });

  it('pushes once more after a timed-out request of a platform without compare-and-set could have landed late', async () => {
    const { db, clock, connector, worker } = setup({ compareAndSet: false, idempotencyKeys: false });
    const held: StockPushItem[] = [];
    const push = connector.pushStock.bind(connector);
    connector.pushStock = (items) => {
      // The server keeps the request and applies it later; the client gives up at the timeout.
      connector.pushStock = push;
      held.push(...items);
      clock.at += TIMEOUT;
      return Promise.reject(new ConnectorError('timeout', { key: 'sync.error.timeout', params: {} }));
    };
    sell(db, TEA, 10); // 30
    expect(await worker.runOnce(CH)).toMatchObject({ retrying: 1 });

    sell(db, TEA, 2); // 28
    clock.at += 3_600_000;
    expect(await worker.runOnce(CH)).toMatchObject({ applied: 1, verifying: 1 });
    expect(connector.quantityAt('rv-3')).toBe(28);
    for (const item of held) connector.remote.set(`${item.remoteVariantId}@`, item.quantity); // the held 30 lands
    expect(connector.quantityAt('rv-3')).toBe(30);
    expect(queue(db)).toEqual([{ variantId: TEA, checkState: 'verify', nextTryAt: new Date(clock.at + 2 * TIMEOUT).toISOString() }]);

    clock.at += TIMEOUT;
    await worker.runOnce(CH);
    expect(connector.quantityAt('rv-3')).toBe(30); // not yet due
    clock.at += TIMEOUT;
    expect(await worker.runOnce(CH)).toMatchObject({ applied: 1, verifying: 0 });
    expect(connector.quantityAt('rv-3')).toBe(28);
    expect(queue(db)).toEqual([]);
  });

  it('verifies a push whose call ran past the timeout even when the connector retried and reported it applied', async () => {
    const { db, clock, connector, worker } = setup({ compareAndSet: false, idempotencyKeys: false });
    const push = connector.pushStock.bind(connector);
    let held: StockPushItem[] = [];
    connector.pushStock = (items) => {
      connector.pushStock = push;
      held = items.map((item) => ({ ...item }));
      clock.at += TIMEOUT + 200; // first request timed out, the connector read back and sent again
      return push(items);
    };
    sell(db, TEA, 10);
    expect(await worker.runOnce(CH)).toMatchObject({ applied: 1, verifying: 1 });
    sell(db, TEA, 4); // 26: waits for the verification push (the row is not due yet)
    clock.at += 100;
    await worker.runOnce(CH);
    for (const item of held) connector.remote.set(`${item.remoteVariantId}@`, item.quantity); // the first request lands late
    clock.at += 2 * TIMEOUT;
    expect(await worker.runOnce(CH)).toMatchObject({ applied: 1, verifying: 0 });
    expect(connector.quantityAt('rv-3')).toBe(26);
    expect(queue(db)).toEqual([]);
  });

  it('deletes the row right away on a compare-and-set platform: a late request would be refused there', async () => {
    const { db, clock, connector, worker } = setup();
    sell(db, TEA, 10);
    connector.loseNextAnswer = true;
    await worker.runOnce(CH);
    clock.at += 3_600_000;
    expect(await worker.runOnce(CH)).toMatchObject({ applied: 1, verifying: 0 });
    expect(queue(db)).toEqual([]);
  });

  it('commits every key of the round, with what it sends, before the first request leaves', async () => {
    const { db, connector, worker } = setup({ stockBatchSize: 1 });
    sell(db, TEA, 10);
    sell(db, HOD_M, 1);
    const before: { key: string | null; sent: string | null }[] = [];
    const push = connector.pushStock.bind(connector);
    connector.pushStock = (items) => {
      if (before.length === 0) before.push(...db.prepare<[], { key: string | null; sent: string | null }>('SELECT idempotency_key AS key, sent_quantities AS sent FROM sync_outbox ORDER BY variant_id').all());
      return push(items);
    };
    expect(await worker.runOnce(CH)).toMatchObject({ applied: 2 });
    expect(before).toHaveLength(2);
    expect(before.every((row) => row.key !== null)).toBe(true);
    expect(new Set(connector.calls.flat().map((item) => item.idempotencyKey))).toEqual(new Set(before.map((row) => row.key)));
    expect(before.map((row) => Object.keys(JSON.parse(row.sent ?? '{}')))).toEqual([[''], ['']]);
  });

  it('settles a round in one transaction: a crash while settling leaves every row queued with its key', async () => {
    const { db, connector, worker } = setup();
    sell(db, TEA, 10);
    sell(db, HOD_M, 1);
    db.exec(`CREATE TEMP TRIGGER crash BEFORE UPDATE OF synced_quantity ON channel_links WHEN NEW.variant_id = ${TEA} BEGIN SELECT RAISE(ABORT, 'killed'); END`);
    await expect(worker.runOnce(CH)).rejects.toThrow('killed');
    expect(queue(db).map((row) => row.variantId)).toEqual([HOD_M, TEA]);
    db.exec('DROP TRIGGER crash');
    expect(await worker.runOnce(CH)).toMatchObject({ applied: 2 });
    expect(queue(db)).toEqual([]);
    const keys = connector.calls.flat().map((item) => item.idempotencyKey ?? '');
    expect(new Set(keys).size).toBe(2); // resent under the same two keys
    expect([...connector.appliedByKey.values()]).toEqual([1, 1]);
  });
});
