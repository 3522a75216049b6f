// "Stock edited on the channel" items that the channel's own orders explain: an order placed on
// the channel between the last pull and a push, or an earlier order cancelled there since (the
// platform put its units back). After the pull brings them in, the item closes itself; a figure
// the orders do not explain stays for a person.
import { afterEach, describe, expect, it } from 'vitest';
import type { Db } from '../../../src/db/open.js';
import { createPushWorker } from '../../../src/sync/push-worker.js';
import { createRemoteEditRecheck } from '../../../src/sync/remote-edit-recheck.js';
import { seedPurchasing, TEA, WAREHOUSE } from '../purchasing-fixture.js';
import { testShop, type TestShop } from '../shop-harness.js';
import { removeTempDirs } from '../temp-shop.js';
import { FakeConnector } from './push-fake-connector.js';

let shop: TestShop | undefined;
afterEach(async () => {
  await shop?.close();
  shop = undefined;
  removeTempDirs();
});

const CH = 22;
const SYNCED_AT = '2026-11-19T00:00:00.000Z';
let clockAt = Date.parse('2026-11-20T10:00:00.000Z');
const clock = { now: () => new Date(clockAt) };

/** TEA linked with 40 last set on the channel at SYNCED_AT. */
function setup(): Db {
  shop = testShop(seedPurchasing);
  const db = shop.db;
  db.prepare("INSERT INTO channels (id, code, name, platform, created_at, settings, sync_status) VALUES (?, 'fake', 'Fake', 'fake', ?, '{\"connection\":{}}', 'connected')").run(CH, SYNCED_AT);
  db.prepare('INSERT INTO channel_links (channel_id, variant_id, remote_variant_id, synced_quantity, synced_at, created_at) VALUES (?, ?, ?, 40, ?, ?)').run(
    CH,
    TEA,
    `rv-${TEA}`,
    SYNCED_AT,
    SYNCED_AT,
  );
  return db;
}

let nextOrder = 900;
/** A channel order of `units` TEA, taken in at `importedAt`, optionally cancelled at `cancelledAt`. */
function channelOrder(db: Db, units: number, importedAt: string, cancelledAt: string | null = null): void {
  nextOrder += 1;
  db.prepare(
    `INSERT INTO orders (id, channel_id, order_number, location_id, status, placed_at, cancelled_at, currency, subtotal, total)
     VALUES (?, ?, ?, ?, ?, ?, ?, 'USD', 0, 0)`,
  ).run(nextOrder, CH, `R-${nextOrder}`, WAREHOUSE, cancelledAt === null ? 'open' : 'cancelled', importedAt, cancelledAt);
  db.prepare("INSERT INTO order_lines (order_id, variant_id, sku, title, quantity, unit_price) VALUES (?, ?, 'TEA-100', 'Tea', ?, 0)").run(nextOrder, TEA, units);
  db.prepare("INSERT INTO channel_orders (channel_id, remote_order_id, order_id, remote_updated_at, state, imported_at) VALUES (?, ?, ?, ?, 'imported', ?)").run(
    CH,
    `r-${nextOrder}`,
    nextOrder,
    importedAt,
    importedAt,
  );
}

const openEdits = (db: Db) => db.prepare<[], { vals: string }>("SELECT vals FROM review_queue WHERE kind = 'remote_stock_edit' AND status = 'open'").all();

/** One push against a channel that shows `remote` where Shopdesk last set 40. */
async function pushAgainst(db: Db, remote: number): Promise<void> {
  const connector = new FakeConnector();
  connector.remote.set(`rv-${TEA}@`, remote);
  db.prepare('UPDATE stock_levels SET on_hand = on_hand - 1 WHERE variant_id = ? AND location_id = ?').run(TEA, WAREHOUSE);
  await createPushWorker({ db, clock, connectorFor: () => connector, random: () => 0.5 }).runOnce(CH);
}

describe('remote stock edits the channel orders explain', () => {
  it('closes the item once the order placed between pull and push comes in', async () => {
    const db = setup();
    await pushAgainst(db, 37); // 3 sold on the channel, not pulled yet: looks like an edit
    expect(openEdits(db)).toHaveLength(1);
    expect(JSON.parse(openEdits(db)[0]?.vals ?? '{}')).toMatchObject({ lastSynced: 40, syncedAt: SYNCED_AT, remote: 37 });

    clockAt += 60_000;
    channelOrder(db, 3, new Date(clockAt).toISOString());
    expect(createRemoteEditRecheck(db).recheck(CH, new Date(clockAt).toISOString())).toBe(1);
    expect(openEdits(db)).toEqual([]);
    const log = db.prepare<[], { key: string }>("SELECT summary_key AS key FROM sync_log WHERE summary_key = 'sync.log.remoteEditExplained'").all();
    expect(log).toHaveLength(1);
  });

  it('takes an earlier order cancelled since as units put back, not as an edit', async () => {
    const db = setup();
    channelOrder(db, 2, '2026-11-18T00:00:00.000Z', '2026-11-20T09:00:00.000Z'); // taken in before the push, cancelled after
    await pushAgainst(db, 42); // the channel restocked the 2 units
    expect(openEdits(db)).toEqual([]);
  });

  it('keeps an item the orders do not explain', async () => {
    const db = setup();
    await pushAgainst(db, 30);
    clockAt += 60_000;
    channelOrder(db, 3, new Date(clockAt).toISOString());
    expect(createRemoteEditRecheck(db).recheck(CH, new Date(clockAt).toISOString())).toBe(0);
    expect(openEdits(db)).toHaveLength(1);
  });
});
