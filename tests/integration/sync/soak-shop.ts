// A shop file for the sync soak, kill -9 test and sync benchmarks: N variants with stock at two
// local locations (posted to the ledger as 'initial' movements, so "levels = sum of ledger" holds
// from the start), one connected channel, its links and location map, and every link queued for
// its first push (what the linker does for a new link). Built on a real migrated file, no core:
// the child process of the kill test opens the same file itself.
import { Rng } from '../../../src/demo/prng.js';
import { defaultMigrationsDir, loadMigrations } from '../../../src/db/migrate.js';
import { openDatabase, type Db } from '../../../src/db/open.js';
import { createLedger } from '../../../src/inventory/ledger.js';
import { fixedClock } from '../../../src/shared/clock.js';
import { openShopDatabase } from '../../../src/shop/database.js';
import { createOutboxStore } from '../../../src/sync/outbox-store.js';

export const SEEDED_AT = '2026-12-01T08:00:00.000Z';
export const WAREHOUSE = 1;
export const STORE = 2;

export interface SoakVariant {
  id: number;
  sku: string;
  /** Price in minor units. */
  price: number;
}

export interface RemoteLink {
  variantId: number;
  remoteVariantId: string;
  remoteInventoryItemId: string | null;
  remoteProductId: string | null;
}

export interface ChannelSpec {
  id: number;
  platform: string;
  /** channels.settings.connection (checked by the connector's factory; the worker only reads the rule). */
  connection: Record<string, unknown>;
  rule?: { buffer?: number; shareBasisPoints?: number; cap?: number | null };
  links: readonly RemoteLink[];
  /** Remote location → local location (null: all local stock). */
  locationMap: readonly { remoteLocationId: string; locationId: number | null }[];
}

/** Creates and migrates the shop file with `count` variants stocked 0–maxStock at the warehouse and the store. */
export function createSoakShopFile(path: string, count: number, seed: number, maxStock = 40): SoakVariant[] {
  const shop = openShopDatabase({ path, migrations: loadMigrations(defaultMigrationsDir()), clock: fixedClock(SEEDED_AT) });
  shop.settingsStore.insert({ name: 'Soak shop', currency: 'USD', timeZone: 'UTC', locale: 'en' }, SEEDED_AT);
  const db = shop.db;
  const rng = new Rng(seed);
  const variants: SoakVariant[] = [];
  const ledger = createLedger(db);
  db.transaction(() => {
    const location = db.prepare('INSERT INTO locations (id, code, name, kind, created_at) VALUES (?, ?, ?, ?, ?)');
    location.run(WAREHOUSE, 'WH-1', 'Warehouse', 'warehouse', SEEDED_AT);
    location.run(STORE, 'ST-1', 'City store', 'store', SEEDED_AT);
    const product = db.prepare("INSERT INTO products (handle, title, status, created_at, updated_at) VALUES (?, ?, 'active', ?, ?)");
    const variant = db.prepare(
      "INSERT INTO variants (product_id, sku, price, status, position, created_at, updated_at) VALUES (?, ?, ?, 'active', 1, ?, ?)",
    );
    for (let i = 1; i <= count; i += 1) {
      const sku = `SOAK-${String(i).padStart(5, '0')}`;
      const productId = Number(product.run(`soak-${i}`, `Soak item ${i}`, SEEDED_AT, SEEDED_AT).lastInsertRowid);
      const price = 500 + rng.int(0, 9500);
      const id = Number(variant.run(productId, sku, price, SEEDED_AT, SEEDED_AT).lastInsertRowid);
      variants.push({ id, sku, price });
      for (const locationId of [WAREHOUSE, STORE]) {
        const units = rng.int(0, maxStock);
        if (units > 0) ledger.post([{ variantId: id, locationId, delta: units, reason: 'initial', actor: 'soak', occurredAt: SEEDED_AT }]);
      }
    }
  })();
  db.close();
  return variants;
}

/** Adds the connected channel, its links and location map, and queues every link's first push. */
export function connectChannel(db: Db, spec: ChannelSpec): void {
  db.transaction(() => {
    const settings = JSON.stringify({ connection: spec.connection, ...spec.rule });
    db.prepare("INSERT INTO channels (id, code, name, platform, created_at, settings, sync_status) VALUES (?, ?, ?, ?, ?, ?, 'connected')").run(
      spec.id,
      `${spec.platform}-${spec.id}`,
      `${spec.platform} soak`,
      spec.platform,
      SEEDED_AT,
      settings,
    );
    const link = db.prepare(
      'INSERT INTO channel_links (channel_id, variant_id, remote_variant_id, remote_inventory_item_id, remote_product_id, created_at) VALUES (?, ?, ?, ?, ?, ?)',
    );
    for (const l of spec.links) link.run(spec.id, l.variantId, l.remoteVariantId, l.remoteInventoryItemId, l.remoteProductId, SEEDED_AT);
    const map = db.prepare('INSERT INTO channel_location_map (channel_id, remote_location_id, location_id) VALUES (?, ?, ?)');
    for (const m of spec.locationMap) map.run(spec.id, m.remoteLocationId, m.locationId);
    createOutboxStore(db).enqueueChannel(spec.id, 'stock', SEEDED_AT);
  })();
}

export function openSoakDb(path: string): Db {
  return openDatabase(path);
}

/** Local stock level rows whose on_hand differs from the sum of their ledger movements (must be none). */
export function ledgerMismatches(db: Db): { variantId: number; locationId: number; onHand: number; ledger: number }[] {
  return db
    .prepare<[], { variantId: number; locationId: number; onHand: number; ledger: number }>(
      `SELECT sl.variant_id AS variantId, sl.location_id AS locationId, sl.on_hand AS onHand, COALESCE(m.total, 0) AS ledger
       FROM stock_levels sl
       LEFT JOIN (SELECT variant_id, location_id, SUM(delta) AS total FROM stock_movements GROUP BY variant_id, location_id) m
         ON m.variant_id = sl.variant_id AND m.location_id = sl.location_id
       WHERE sl.on_hand <> COALESCE(m.total, 0)`,
    )
    .all();
}
