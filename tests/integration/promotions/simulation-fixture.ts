// A small shop for the baseline / simulation / draft-PO tests, written with plain SQL so the
// numbers are known: variants with prices and costs, one order per variant per day, stock,
// supplier items and promotions inserted directly (the promotion services are built elsewhere).
import type { Db } from '../../../src/db/open.js';
import { addDays } from '../../../src/shared/local-time.js';

const at = '2026-01-01T00:00:00.000Z';

export interface VariantSeed {
  id: number;
  sku: string;
  price: number;
  cost: number | null;
  productId?: number;
}

/** Shop settings (time zone), a warehouse (1), a store (2), a channel, category 1 with product 1, and the variants. */
export function seedShop(db: Db, variants: readonly VariantSeed[], timeZone = 'UTC'): void {
  db.prepare(
    `INSERT INTO shop_settings (id, name, currency, time_zone, locale, created_at, updated_at) VALUES (1, 'Test shop', 'USD', ?, 'en', ?, ?)
     ON CONFLICT (id) DO UPDATE SET time_zone = excluded.time_zone`,
  ).run(timeZone, at, at);
  db.exec(`
    INSERT OR IGNORE INTO locations (id, code, name, kind, created_at) VALUES (1, 'WH', 'Warehouse', 'warehouse', '${at}'), (2, 'ST', 'Store', 'store', '${at}');
    INSERT OR IGNORE INTO channels (id, code, name, platform, created_at) VALUES (1, 'pos', 'POS', 'pos', '${at}');
    INSERT INTO categories (id, parent_id, name, path, created_at) VALUES (1, NULL, 'Tea', 'Tea', '${at}');
    INSERT INTO products (id, handle, title, category_id, created_at, updated_at) VALUES (1, 'tea', 'Tea', 1, '${at}', '${at}'), (2, 'cups', 'Cups', NULL, '${at}', '${at}');`);
  const insert = db.prepare('INSERT INTO variants (id, product_id, sku, option1, price, cost, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)');
  for (const v of variants) insert.run(v.id, v.productId ?? 1, v.sku, v.sku, v.price, v.cost, at, at);
}

let orderNumber = 0;

/** One order per day on `days` local days from `from`, of `units` of the variant, placed at `time` UTC on that date (or as given). */
export function dailyOrders(db: Db, o: { variantId: number; from: string; days: number; units: number; time?: string; dayShift?: number; status?: string }): void {
  const order = db.prepare(
    `INSERT INTO orders (channel_id, order_number, location_id, status, placed_at, currency, subtotal, total) VALUES (1, ?, 1, ?, ?, 'USD', 0, 0)`,
  );
  const line = db.prepare("INSERT INTO order_lines (order_id, variant_id, sku, title, quantity, unit_price) VALUES (?, ?, 'x', 'x', ?, 100)");
  db.transaction(() => {
    for (let i = 0; i < o.days; i += 1) {
      const day = addDays(o.from, i + (o.dayShift ?? 0));
      orderNumber += 1;
      const id = Number(order.run(`T-${orderNumber}`, o.status ?? 'fulfilled', `${day}T${o.time ?? '12:00:00'}.000Z`).lastInsertRowid);
      line.run(id, o.variantId, o.units);
    }
  })();
}

export interface PromotionSeed {
  id: number;
  name?: string;
  type: string;
  rule: Record<string, unknown>;
  startsAt: string;
  endsAt: string;
  status?: string;
  /** Targets (kind, id); none = the whole shop. */
  targets?: [string, number][];
  upliftAssumptionBp?: number | null;
}

export function insertPromotion(db: Db, p: PromotionSeed): void {
  const scope = p.targets && p.targets.length > 0 ? 'targets' : 'shop';
  db.prepare(
    `INSERT INTO promotions (id, name, type, status, starts_at, ends_at, scope, rule, uplift_assumption_bp, created_at, updated_at)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
  ).run(p.id, p.name ?? `Promotion ${p.id}`, p.type, p.status ?? 'draft', p.startsAt, p.endsAt, scope, JSON.stringify({ type: p.type, ...p.rule }), p.upliftAssumptionBp ?? null, at, at);
  for (const [kind, target] of p.targets ?? []) db.prepare('INSERT INTO promotion_targets VALUES (?, ?, ?)').run(p.id, kind, target);
}

/** Stock at a location (on hand, committed, incoming mirror of sent POs). */
export function stock(db: Db, variantId: number, locationId: number, onHand: number, committed = 0, incoming = 0): void {
  db.prepare('INSERT INTO stock_levels (variant_id, location_id, on_hand, committed, incoming, updated_at) VALUES (?, ?, ?, ?, ?, ?)').run(
    variantId,
    locationId,
    onHand,
    committed,
    incoming,
    at,
  );
}
