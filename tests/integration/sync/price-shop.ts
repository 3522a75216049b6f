// A migrated shop (the purchasing fixture's catalogue) with one channel, for the price pusher and
// review-queue tests: no core, only the database and the sync services under test, so these
// tests do not depend on the whole app's wiring. Each linked variant starts in agreement: synced
// base = local = remote prices.
import { join } from 'node:path';
import { defaultMigrationsDir, loadMigrations } from '../../../src/db/migrate.js';
import { openDatabase, type Db } from '../../../src/db/open.js';
import type { Clock } from '../../../src/shared/clock.js';
import { fixedClock } from '../../../src/shared/clock.js';
import { openShopDatabase } from '../../../src/shop/database.js';
import type { Ownership } from '../../../src/sync/channel-settings.js';
import type { ConnectorCapabilities } from '../../../src/sync/connector.js';
import { createPricePusher, type PricePusher } from '../../../src/sync/price-push.js';
import { MUG, TEA, seedPurchasing } from '../purchasing-fixture.js';
import { tempDir, testNow } from '../temp-shop.js';
import { PriceFakeConnector } from './price-fake-connector.js';

export const CH = 20;
export const T0 = Date.parse(testNow);
export const SECRET = 'shpat_0123456789abcdef0123456789abcdef';

export class TestClock implements Clock {
  at = T0;
  now(): Date {
    return new Date(this.at);
  }
}

const opened: Db[] = [];

/** A fresh shop database with the purchasing catalogue (HOD_M, HOD_L, TEA, MUG; WAREHOUSE, STORE). */
export function openPriceShop(): Db {
  const path = join(tempDir(), 'shop.db');
  const shop = openShopDatabase({ path, migrations: loadMigrations(defaultMigrationsDir()), clock: fixedClock(testNow) });
  shop.settingsStore.insert({ name: 'Test shop', currency: 'USD', timeZone: 'UTC', locale: 'en' }, testNow);
  shop.db.close();
  seedPurchasing(path);
  const db = openDatabase(path);
  opened.push(db);
  return db;
}

/** Closes every database openPriceShop opened (call in afterEach, before removing the temp folders). */
export function closeShops(): void {
  for (const db of opened.splice(0)) if (db.open) db.close();
}

export interface PriceSetup {
  db: Db;
  clock: TestClock;
  connector: PriceFakeConnector;
  pusher: PricePusher;
}

/**
 * A shop with one channel (ownership as given), the variants linked and in agreement, the fake
 * connector holding the same prices, and a pusher whose remote read copies the fake's prices.
 */
export function setupPrices(
  ownership: Partial<Ownership> = {},
  capabilities: Partial<ConnectorCapabilities> = {},
  linked: readonly number[] = [TEA, MUG],
): PriceSetup {
  const db = openPriceShop();
  addChannel(db, ownership);
  const clock = new TestClock();
  const connector = new PriceFakeConnector(capabilities);
  for (const variantId of linked) {
    linkAtCurrentPrices(db, variantId);
    const local = localPrices(db, variantId);
    connector.prices.set(`rv-${variantId}`, { price: local?.price ?? 0, compareAtPrice: local?.compareAtPrice ?? null });
  }
  connector.readInto(db, CH, clock.now().toISOString());
  const pusher = createPricePusher({
    db,
    clock,
    connectorFor: () => connector,
    random: () => 0.5,
    secretsOf: () => [SECRET],
    refreshRemote: () => {
      connector.readInto(db, CH, clock.now().toISOString());
      return Promise.resolve();
    },
    backoff: { baseMs: 30_000, maxMs: 3_600_000 },
  });
  return { db, clock, connector, pusher };
}

export function addChannel(db: Db, ownership: Partial<Ownership> = {}, platform = 'fake', connection: Record<string, unknown> = {}): void {
  const settings = JSON.stringify({ connection, ownership: { price: 'shopdesk', compareAtPrice: 'shopdesk', ...ownership } });
  db.prepare("INSERT INTO channels (id, code, name, platform, created_at, settings, sync_status) VALUES (?, ?, 'Test channel', ?, ?, ?, 'connected')").run(
    CH,
    `ch-${platform}`,
    platform,
    testNow,
    settings,
  );
}

export function setOwnership(db: Db, ownership: Partial<Ownership>): void {
  const row = db.prepare<[number], { settings: string }>('SELECT settings FROM channels WHERE id = ?').get(CH);
  const settings = JSON.parse(row?.settings ?? '{}') as { ownership?: Ownership };
  settings.ownership = { price: 'shopdesk', compareAtPrice: 'shopdesk', ...settings.ownership, ...ownership };
  db.prepare('UPDATE channels SET settings = ? WHERE id = ?').run(JSON.stringify(settings), CH);
}

/** Links the variant as `rv-<id>` with its current prices as the synced base. */
export function linkAtCurrentPrices(db: Db, variantId: number): void {
  db.prepare(
    `INSERT INTO channel_links (channel_id, variant_id, remote_variant_id, remote_product_id, synced_price, synced_compare_at_price, created_at)
     SELECT ?, id, 'rv-' || id, 'rp-rv-' || id, price, compare_at_price, ? FROM variants WHERE id = ?`,
  ).run(CH, testNow, variantId);
}

export interface Prices {
  price: number | null;
  compareAtPrice: number | null;
}

export const localPrices = (db: Db, variantId: number): Prices | undefined =>
  db.prepare<[number], Prices>('SELECT price, compare_at_price AS compareAtPrice FROM variants WHERE id = ?').get(variantId);

export const basePrices = (db: Db, variantId: number): Prices | undefined =>
  db
    .prepare<[number, number], Prices>('SELECT synced_price AS price, synced_compare_at_price AS compareAtPrice FROM channel_links WHERE channel_id = ? AND variant_id = ?')
    .get(CH, variantId);

export function setLocal(db: Db, variantId: number, prices: Partial<Prices>): void {
  if (prices.price !== undefined) db.prepare("UPDATE variants SET price = ?, updated_at = '2026-11-20T09:00:00.000Z' WHERE id = ?").run(prices.price, variantId);
  if (prices.compareAtPrice !== undefined) {
    db.prepare("UPDATE variants SET compare_at_price = ?, updated_at = '2026-11-20T09:00:00.000Z' WHERE id = ?").run(prices.compareAtPrice, variantId);
  }
}

export interface OutboxView {
  variantId: number;
  kind: string;
  attempts: number;
  nextTryAt: string | null;
  lastError: string | null;
  idempotencyKey: string | null;
}

export const outboxRows = (db: Db, kind = 'price'): OutboxView[] =>
  db
    .prepare<[string], OutboxView>(
      `SELECT variant_id AS variantId, kind, attempts, next_try_at AS nextTryAt, last_error AS lastError, idempotency_key AS idempotencyKey
       FROM sync_outbox WHERE kind = ? ORDER BY variant_id`,
    )
    .all(kind);

export interface ReviewView {
  id: number;
  kind: string;
  subject: string;
  reasonKey: string;
  vals: Record<string, unknown>;
  status: string;
}

export const reviewItems = (db: Db, status = 'open'): ReviewView[] =>
  db
    .prepare<[string], Omit<ReviewView, 'vals'> & { vals: string }>(
      'SELECT id, kind, subject, reason_key AS reasonKey, vals, status FROM review_queue WHERE status = ? ORDER BY id',
    )
    .all(status)
    .map((row) => ({ ...row, vals: JSON.parse(row.vals) as Record<string, unknown> }));

export const logKeys = (db: Db): string[] =>
  db.prepare<[], { key: string }>("SELECT summary_key AS key FROM sync_log WHERE direction = 'push' ORDER BY id").all().map((row) => row.key);
