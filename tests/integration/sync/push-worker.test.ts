// The stock push worker against an in-memory connector: what it sends (coalesced, batched, the
// channel's rule and location mapping applied), and what it leaves behind after every outcome —
// applied, stale, lost answer, failed for now or for good, a crash before the commit.
import { afterEach, describe, expect, it } from 'vitest';
import type { Db } from '../../../src/db/open.js';
import type { Clock } from '../../../src/shared/clock.js';
import { ConnectorError, type ConnectorCapabilities } from '../../../src/sync/connector.js';
import { createPushWorker, type PushWorker } from '../../../src/sync/push-worker.js';
import { seedPurchasing, HOD_L, HOD_M, MUG, STORE, TEA, WAREHOUSE } from '../purchasing-fixture.js';
import { testShop, type TestShop } from '../shop-harness.js';
import { removeTempDirs } from '../temp-shop.js';
import { FakeConnector } from './push-fake-connector.js';

let shop: TestShop | undefined;
afterEach(async () => {
  await shop?.close();
  shop = undefined;
  removeTempDirs();
});

const CH = 20;
const T0 = Date.parse('2026-11-20T10:00:00.000Z');
const SECRET = 'shpat_0123456789abcdef0123456789abcdef';

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

function setup(rule: Record<string, unknown> = {}, capabilities: Partial<ConnectorCapabilities> = {}, linked: readonly number[] = [TEA, HOD_M]): Setup {
  shop = testShop(seedPurchasing);
  const db = shop.db;
  const settings = JSON.stringify({ connection: {}, ...rule });
  db.prepare("INSERT INTO channels (id, code, name, platform, created_at, settings, sync_status) VALUES (?, 'fake', 'Fake', 'fake', ?, ?, 'connected')").run(
    CH,
    new Date(T0).toISOString(),
    settings,
  );
  const link = db.prepare('INSERT INTO channel_links (channel_id, variant_id, remote_variant_id, created_at) VALUES (?, ?, ?, ?)');
  for (const variantId of linked) link.run(CH, variantId, `rv-${variantId}`, new Date(T0).toISOString());
  const clock = new TestClock();
  const connector = new FakeConnector(capabilities);
  const worker = createPushWorker({
    db,
    clock,
    connectorFor: () => connector,
    random: () => 0.5,
    secretsOf: () => [SECRET],
    backoff: { baseMs: 30_000, maxMs: 3_600_000 },
  });
  return { db, clock, connector, worker };
}

/** A stock movement of a linked variant, as the ledger would write it: the trigger queues it. */
function move(db: Db, variantId: number, locationId: number, onHandDelta: number, committedDelta = 0): void {
  db.prepare(
    `INSERT INTO stock_levels (variant_id, location_id, on_hand, committed, updated_at) VALUES (?, ?, ?, ?, '2026-11-20T09:00:00.000Z')
     ON CONFLICT (variant_id, location_id) DO UPDATE SET on_hand = on_hand + excluded.on_hand, committed = committed + excluded.committed`,
  ).run(variantId, locationId, onHandDelta, committedDelta);
}

interface Row {
  variantId: number;
  version: number;
  attempts: number;
  nextTryAt: string | null;
  lastError: string | null;
  idempotencyKey: string | null;
}
const rows = (db: Db): Row[] =>
  db
    .prepare<[], Row>(
      `SELECT variant_id AS variantId, version, attempts, next_try_at AS nextTryAt, last_error AS lastError, idempotency_key AS idempotencyKey
       FROM sync_outbox ORDER BY variant_id`,
    )
    .all();
const synced = (db: Db, variantId: number) =>
  db.prepare<[number, number], { q: number | null }>('SELECT synced_quantity AS q FROM channel_links WHERE channel_id = ? AND variant_id = ?').get(CH, variantId)?.q;
const reviews = (db: Db) =>
  db
    .prepare<[], { kind: string; subject: string; reasonKey: string; vals: string; remoteAnswer: string | null }>(
      "SELECT kind, subject, reason_key AS reasonKey, vals, remote_answer AS remoteAnswer FROM review_queue WHERE status = 'open' ORDER BY id",
    )
    .all();

describe('stock push worker', () => {
  it('pushes one coalesced item per variant, in batches, with buffer, share, cap and per-product overrides applied', async () => {
    const { db, connector, worker } = setup({ buffer: 2, shareBasisPoints: 5000, cap: 15 }, { stockBatchSize: 2 }, [TEA, HOD_M, MUG]);
    db.prepare('UPDATE channel_links SET buffer = 0, share_basis_points = 10000 WHERE variant_id = ?').run(MUG);
    move(db, TEA, WAREHOUSE, -1);
    move(db, TEA, WAREHOUSE, 1); // coalesces into the same row
    move(db, HOD_M, WAREHOUSE, 0, 2);
    move(db, MUG, WAREHOUSE, 1);
    expect(rows(db).map((r) => [r.variantId, r.version])).toEqual([[HOD_M, 1], [TEA, 2], [MUG, 1]]);

    const summary = await worker.runOnce(CH);
    expect(summary).toMatchObject({ status: 'done', applied: 3, retrying: 0, failed: 0 });
    expect(connector.calls.map((call) => call.length)).toEqual([2, 1]);
    // TEA 40: (40 − 2) × 50 % = 19, capped at 15. HOD_M 12 − 2 committed: (10 − 2) × 50 % = 4. MUG 4 with its overrides: 4.
    expect(connector.quantityAt('rv-3')).toBe(15);
    expect(connector.quantityAt('rv-1')).toBe(4);
    expect(connector.quantityAt('rv-4')).toBe(4);
    expect(connector.calls.flat().filter((item) => item.remoteVariantId === 'rv-3')).toHaveLength(1);
    expect(rows(db)).toEqual([]);
    expect([synced(db, TEA), synced(db, HOD_M), synced(db, MUG)]).toEqual([15, 4, 4]);
    const log = db.prepare<[], { summaryKey: string }>("SELECT summary_key AS summaryKey FROM sync_log WHERE direction = 'push'").all();
    expect(log).toHaveLength(2);
  });

  it('pushes per remote location from its mapped local stock, and a bundle from its components', async () => {
    const { db, connector, worker } = setup({}, { stockScope: 'location' }, [TEA, HOD_L]);
    db.prepare('INSERT INTO channel_location_map (channel_id, remote_location_id, location_id) VALUES (?, ?, ?)').run(CH, 'loc-store', STORE);
    db.prepare('INSERT INTO channel_location_map (channel_id, remote_location_id, location_id) VALUES (?, ?, NULL)').run(CH, 'loc-all');
    db.prepare('INSERT INTO bundle_components (bundle_variant_id, component_variant_id, quantity) VALUES (?, ?, 3), (?, ?, 1)').run(HOD_L, TEA, HOD_L, MUG);
    move(db, TEA, STORE, 5);
    expect(rows(db).map((r) => r.variantId)).toEqual([HOD_L, TEA]);

    expect(await worker.runOnce(CH)).toMatchObject({ applied: 2 });
    expect(connector.quantityAt('rv-3', 'loc-store')).toBe(5);
    expect(connector.quantityAt('rv-3', 'loc-all')).toBe(45);
    // Bundle: at the store no MUG → 0; everywhere min(floor(45 ÷ 3), 3 MUG) = 3.
    expect(connector.quantityAt('rv-2', 'loc-store')).toBe(0);
    expect(connector.quantityAt('rv-2', 'loc-all')).toBe(3);
  });

  it('limits a per-variant platform to the mapped local locations', async () => {
    const { db, connector, worker } = setup();
    db.prepare('INSERT INTO channel_location_map (channel_id, remote_location_id, location_id) VALUES (?, ?, ?)').run(CH, 'main', STORE);
    move(db, TEA, STORE, 6);
    await worker.runOnce(CH);
    expect(connector.quantityAt('rv-3')).toBe(6);
  });

  it('resends under the same key after a lost answer, and the platform applies it once', async () => {
    const { db, clock, connector, worker } = setup();
    move(db, TEA, WAREHOUSE, -10);
    connector.loseNextAnswer = true;
    expect(await worker.runOnce(CH)).toMatchObject({ applied: 0, retrying: 1 });
    const [queued] = rows(db);
    expect(queued).toMatchObject({ variantId: TEA, attempts: 1, lastError: 'sync.error.timeout' });
    const key = queued?.idempotencyKey;
    expect(key).toEqual(expect.any(String));

    clock.at += 60 * 60_000;
    expect(await worker.runOnce(CH)).toMatchObject({ applied: 1 });
    expect(connector.calls.map((call) => call[0]?.idempotencyKey)).toEqual([key, key]);
    expect(connector.appliedByKey.get(key ?? '')).toBe(1);
    expect(rows(db)).toEqual([]);
    expect(synced(db, TEA)).toBe(30);
  });

  it('leaves the row queued with the same key when the commit after the send fails (crash / rollback)', async () => {
    const { db, connector, worker } = setup();
    move(db, TEA, WAREHOUSE, -5);
    db.exec("CREATE TEMP TRIGGER crash BEFORE UPDATE OF synced_quantity ON channel_links BEGIN SELECT RAISE(ABORT, 'killed'); END");
    await expect(worker.runOnce(CH)).rejects.toThrow('killed');
    const [queued] = rows(db);
    expect(queued).toMatchObject({ variantId: TEA, version: 1, attempts: 0 });
    expect(synced(db, TEA)).toBeNull();

    db.exec('DROP TRIGGER crash');
    expect(await worker.runOnce(CH)).toMatchObject({ applied: 1 });
    expect(connector.calls.map((call) => call[0]?.idempotencyKey)).toEqual([queued?.idempotencyKey, queued?.idempotencyKey]);
    expect(connector.appliedByKey.get(queued?.idempotencyKey ?? '')).toBe(1);
    expect(rows(db)).toEqual([]);
  });

  it('keeps the row when a newer change arrived during the push, and pushes the new figure next', async () => {
    const { db, connector, worker } = setup();
    move(db, TEA, WAREHOUSE, -5);
    const push = connector.pushStock.bind(connector);
    connector.pushStock = (items) => {
      move(db, TEA, WAREHOUSE, -1); // a sale lands while the request is out
      connector.pushStock = push;
      return push(items);
    };
    await worker.runOnce(CH);
    expect(rows(db)).toMatchObject([{ variantId: TEA, version: 2 }]);
    await worker.runOnce(CH);
    expect(connector.quantityAt('rv-3')).toBe(34);
    expect(rows(db)).toEqual([]);
  });

  it('retries a lost compare-and-set from the remote figure, and flags a remote edit nobody explained', async () => {
    const { db, connector, worker } = setup();
    db.prepare("UPDATE channel_links SET synced_quantity = 40, synced_at = '2026-11-19T00:00:00.000Z' WHERE variant_id = ?").run(TEA);
    connector.remote.set('rv-3@', 33); // someone edited it in the platform's admin
    move(db, TEA, WAREHOUSE, -2);
    expect(await worker.runOnce(CH)).toMatchObject({ applied: 1, remoteEdits: 1 });
    expect(connector.calls.map((call) => call[0]?.expectedQuantity)).toEqual([40, 33]);
    const [first, second] = connector.calls.map((call) => call[0]?.idempotencyKey);
    expect(second).not.toBe(first);
    expect(connector.quantityAt('rv-3')).toBe(38);
    expect(rows(db)).toEqual([]);
    const [edit] = reviews(db);
    expect(edit).toMatchObject({ kind: 'remote_stock_edit', subject: `variant:${TEA}:stock`, reasonKey: 'sync.review.remoteStockEdit' });
    expect(JSON.parse(edit?.vals ?? '{}')).toMatchObject({ lastSynced: 40, remote: 33, expectedRemote: 40, local: 38 });
  });

  it('does not flag a remote figure that the channel orders imported since the last push explain', async () => {
    const { db, connector, worker } = setup();
    db.prepare("UPDATE channel_links SET synced_quantity = 40, synced_at = '2026-11-19T00:00:00.000Z' WHERE variant_id = ?").run(TEA);
    db.prepare(
      `INSERT INTO orders (id, channel_id, order_number, location_id, status, placed_at, currency, subtotal, total)
       VALUES (900, ?, 'R-1', ?, 'open', '2026-11-19T12:00:00.000Z', 'USD', 0, 0)`,
    ).run(CH, WAREHOUSE);
    db.prepare("INSERT INTO order_lines (order_id, variant_id, sku, title, quantity, unit_price) VALUES (900, ?, 'TEA-100', 'Tea', 3, 0)").run(TEA);
    db.prepare(
      "INSERT INTO channel_orders (channel_id, remote_order_id, order_id, remote_updated_at, state, imported_at) VALUES (?, 'r-1', 900, '2026-11-19T12:00:00.000Z', 'imported', '2026-11-19T12:01:00.000Z')",
    ).run(CH);
    connector.remote.set('rv-3@', 37); // 40 − 3 sold there
    move(db, TEA, WAREHOUSE, -3);
    expect(await worker.runOnce(CH)).toMatchObject({ applied: 1, remoteEdits: 0 });
    expect(connector.quantityAt('rv-3')).toBe(37);
    expect(reviews(db)).toEqual([]);
  });

  it('gives up a compare-and-set race after the bounded retries and backs off', async () => {
    const { db, connector, worker } = setup();
    db.prepare("UPDATE channel_links SET synced_quantity = 40, synced_at = '2026-11-19T00:00:00.000Z' WHERE variant_id = ?").run(TEA);
    const push = connector.pushStock.bind(connector);
    let edits = 0;
    connector.pushStock = (items) => {
      edits += 1;
      connector.remote.set('rv-3@', 100 + edits); // the remote figure moves before every request
      return push(items);
    };
    move(db, TEA, WAREHOUSE, -1);
    expect(await worker.runOnce(CH)).toMatchObject({ applied: 0, retrying: 1 });
    expect(connector.calls).toHaveLength(3); // the first try and two retries (maxStaleRetries = 2)
    expect(rows(db)).toMatchObject([{ attempts: 1, lastError: 'sync.push.staleRetriesExhausted' }]);
    expect(synced(db, TEA)).toBe(40);
  });

  it('stops calling after a whole call fails for a reason every batch shares (auth)', async () => {
    const { db, connector, worker } = setup({}, { stockBatchSize: 1 });
    connector.nextCallError = new ConnectorError('auth', { key: 'sync.error.auth', params: {} }, { answerExcerpt: `Authorization: Bearer ${SECRET}` });
    move(db, TEA, WAREHOUSE, -1);
    move(db, HOD_M, WAREHOUSE, -1);
    expect(await worker.runOnce(CH)).toMatchObject({ retrying: 2, error: { key: 'sync.error.auth' } });
    expect(connector.calls).toHaveLength(1);
    expect(rows(db).map((r) => r.lastError)).toEqual(['sync.error.auth', 'sync.error.auth']);
    expect(JSON.stringify(db.prepare('SELECT * FROM sync_log').all())).not.toContain(SECRET);
  });

  it('backs off a retryable failure with growing, jittered delays and leaves it alone until then', async () => {
    const { db, clock, connector, worker } = setup();
    connector.failing.set('rv-3', { retryable: true, excerpt: null });
    move(db, TEA, WAREHOUSE, -1);
    await worker.runOnce(CH);
    // attempt 0: half of 30 s plus half the jitter (0.5) of the other half = 22.5 s.
    expect(rows(db)).toMatchObject([{ attempts: 1, lastError: 'sync.item.refused', nextTryAt: new Date(T0 + 22_500).toISOString() }]);
    // The refused request's key is replaced (and committed) before the next try.
    const renewedKey = rows(db)[0]?.idempotencyKey;
    expect(renewedKey).not.toBe(connector.calls[0]?.[0]?.idempotencyKey);

    clock.at = T0 + 20_000;
    await worker.runOnce(CH);
    expect(connector.calls).toHaveLength(1);

    clock.at = T0 + 22_500;
    await worker.runOnce(CH);
    expect(connector.calls).toHaveLength(2);
    // attempt 1: 60 s ceiling → 45 s; a refused item's retry carries a fresh key.
    expect(rows(db)).toMatchObject([{ attempts: 2, nextTryAt: new Date(T0 + 22_500 + 45_000).toISOString() }]);
    expect(connector.calls[1]?.[0]?.idempotencyKey).toBe(renewedKey);

    connector.failing.delete('rv-3');
    clock.at = T0 + 22_500 + 45_000;
    expect(await worker.runOnce(CH)).toMatchObject({ applied: 1 });
    expect(rows(db)).toEqual([]);
  });

  it('waits at least the Retry-After of a throttled call', async () => {
    const { db, connector, worker } = setup();
    connector.nextCallError = new ConnectorError('rate_limited', { key: 'sync.error.rateLimited', params: {} }, { retryAfterMs: 120_000 });
    move(db, TEA, WAREHOUSE, -1);
    expect(await worker.runOnce(CH)).toMatchObject({ retrying: 1, error: { key: 'sync.error.rateLimited' } });
    expect(rows(db)).toMatchObject([{ attempts: 1, nextTryAt: new Date(T0 + 120_000).toISOString() }]);
  });

  it('files a permanent failure in the review queue with a redacted answer, and drops the row', async () => {
    const { db, connector, worker } = setup();
    connector.failing.set('rv-3', { retryable: false, excerpt: `{"error":"variant archived","token":"${SECRET}"}` });
    move(db, TEA, WAREHOUSE, -1);
    move(db, HOD_M, WAREHOUSE, -1);
    expect(await worker.runOnce(CH)).toMatchObject({ applied: 1, failed: 1 });
    expect(rows(db)).toEqual([]);
    const [failed] = reviews(db);
    expect(failed).toMatchObject({ kind: 'failed_item', subject: `variant:${TEA}:stock`, reasonKey: 'sync.item.refused' });
    expect(failed?.remoteAnswer).toContain('variant archived');
    const everything = JSON.stringify(db.prepare('SELECT * FROM sync_log').all()) + JSON.stringify(reviews(db));
    expect(everything).not.toContain(SECRET);
  });

  it('does nothing for a paused channel, and runs at most one pass per channel at a time', async () => {
    const { db, connector, worker } = setup();
    move(db, TEA, WAREHOUSE, -1);
    const first = worker.runOnce(CH);
    expect(await worker.runOnce(CH)).toMatchObject({ status: 'busy' });
    expect(await first).toMatchObject({ applied: 1 });

    db.prepare('UPDATE channels SET settings = ? WHERE id = ?').run(JSON.stringify({ connection: {}, paused: true }), CH);
    move(db, TEA, WAREHOUSE, -1);
    expect(await worker.runOnce(CH)).toMatchObject({ status: 'paused' });
    expect(connector.calls).toHaveLength(1);
    expect(rows(db)).toHaveLength(1);
  });
});
