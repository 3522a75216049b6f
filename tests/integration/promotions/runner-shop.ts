// A small migrated shop for the runner tests: one product with four variants at known regular
// prices, a location, two channels (one connected with a link, one connected without), and helpers
// to insert promotions and orders directly (the promotion services are not under test here).
import { defaultMigrationsDir, loadMigrations, migrate } from '../../../src/db/migrate.js';
import { openDatabase, type Db } from '../../../src/db/open.js';
import type { PromotionRule } from '../../../src/promotions/rules.js';

export const at = '2026-01-01T00:00:00.000Z';
/** Regular prices: V1 1000 (compare-at 1200), V2 1010, V3 50, V4 2000 (another product). */
export const V1 = 1;
export const V2 = 2;
export const V3 = 3;
export const V4 = 4;
/** Connected, V1 linked. */
export const LINKED = 10;
/** Connected, nothing linked. */
export const UNLINKED = 11;
/** Not connected (no settings): never in a push plan. */
export const OFFLINE = 12;

export function openRunnerShop(): Db {
  const db = openDatabase(':memory:');
  migrate(db, ':memory:', loadMigrations(defaultMigrationsDir()), { now: () => new Date(at) });
  db.exec(`
    INSERT INTO products (id, handle, title, created_at, updated_at) VALUES (1, 'h', 'Hoodie', '${at}', '${at}'), (2, 'm', 'Mug', '${at}', '${at}');
    INSERT INTO variants (id, product_id, sku, price, compare_at_price, created_at, updated_at) VALUES
      (1, 1, 'H-S', 1000, 1200, '${at}', '${at}'), (2, 1, 'H-M', 1010, NULL, '${at}', '${at}'),
      (3, 1, 'H-L', 50, NULL, '${at}', '${at}'), (4, 2, 'MUG', 2000, NULL, '${at}', '${at}');
    INSERT INTO locations (id, code, name, kind, created_at) VALUES (1, 'WH', 'Warehouse', 'warehouse', '${at}');
    INSERT INTO channels (id, code, name, platform, created_at, settings, sync_status) VALUES
      (10, 'shop', 'Shopify', 'shopify', '${at}', '{}', 'connected'),
      (11, 'woo', 'Woo', 'woocommerce', '${at}', '{}', 'connected'),
      (12, 'pos', 'Counter', 'pos', '${at}', NULL, 'none');
    INSERT INTO channel_links (channel_id, variant_id, remote_variant_id, synced_price, created_at) VALUES (10, 1, 'rv-1', 1000, '${at}');`);
  return db;
}

export interface PromotionSpec {
  id: number;
  rule: PromotionRule;
  startsAt: string;
  endsAt: string;
  status?: string;
  stacking?: 'exclusive' | 'stackable';
  priority?: number;
  /** Variant ids; omitted = the whole shop. */
  variants?: number[];
  /** Channel ids; omitted = every channel. */
  channels?: number[];
}

export function addPromotion(db: Db, spec: PromotionSpec): void {
  db.prepare(
    `INSERT INTO promotions (id, name, type, status, starts_at, ends_at, stacking, priority, scope, all_channels, rule, created_at, updated_at)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
  ).run(
    spec.id,
    `Promo ${spec.id}`,
    spec.rule.type,
    spec.status ?? 'scheduled',
    spec.startsAt,
    spec.endsAt,
    spec.stacking ?? 'exclusive',
    spec.priority ?? 100,
    spec.variants ? 'targets' : 'shop',
    spec.channels ? 0 : 1,
    JSON.stringify(spec.rule),
    at,
    at,
  );
  for (const variant of spec.variants ?? []) db.prepare("INSERT INTO promotion_targets VALUES (?, 'variant', ?)").run(spec.id, variant);
  for (const channel of spec.channels ?? []) db.prepare('INSERT INTO promotion_channels VALUES (?, ?)').run(spec.id, channel);
}

let orderNumber = 0;
/** One order of `quantity` units of a variant, placed at `placedAt` on channel LINKED. */
export function addOrder(db: Db, variantId: number, quantity: number, placedAt: string, status = 'open'): void {
  orderNumber += 1;
  const order = db
    .prepare(
      `INSERT INTO orders (channel_id, order_number, location_id, status, placed_at, currency, subtotal, total)
       VALUES (10, ?, 1, ?, ?, 'USD', 0, 0)`,
    )
    .run(`#${orderNumber}`, status, placedAt);
  db.prepare("INSERT INTO order_lines (order_id, variant_id, sku, title, quantity, unit_price) VALUES (?, ?, 'SKU', 'Item', ?, 700)").run(
    order.lastInsertRowid,
    variantId,
    quantity,
  );
}

/** Sale prices as { variantId: [price, promotionId] }. */
export function salePrices(db: Db): Record<number, [number, number]> {
  const rows = db
    .prepare<[], { v: number; price: number; p: number }>('SELECT variant_id AS v, price, promotion_id AS p FROM promotion_prices ORDER BY variant_id')
    .all();
  return Object.fromEntries(rows.map((r) => [r.v, [r.price, r.p]]));
}

export const regularPrices = (db: Db): number[] =>
  db.prepare<[], { price: number }>('SELECT price FROM variants ORDER BY id').all().map((r) => r.price);

export const statusOf = (db: Db, id: number): { status: string; startedAt: string | null; finishedAt: string | null } | undefined =>
  db
    .prepare<[number], { status: string; startedAt: string | null; finishedAt: string | null }>(
      'SELECT status, started_at AS startedAt, finished_at AS finishedAt FROM promotions WHERE id = ?',
    )
    .get(id);

export const outbox = (db: Db): { channelId: number; variantId: number; version: number }[] =>
  db
    .prepare<[], { channelId: number; variantId: number; version: number }>(
      "SELECT channel_id AS channelId, variant_id AS variantId, version FROM sync_outbox WHERE kind = 'price' ORDER BY channel_id, variant_id",
    )
    .all();
