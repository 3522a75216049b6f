// A small shop whose promotion results are computed by hand in the evaluation tests: plain SQL
// inserts (catalog, channels, customers, orders, promotions) and baselines passed in directly,
// so every expected figure follows from the rows below.
import { openDatabase, type Db } from '../../../src/db/open.js';
import { defaultMigrationsDir, loadMigrations, migrate } from '../../../src/db/migrate.js';
import type { BaselineFigures, BaselineSource } from '../../../src/promotions/evaluation-service.js';

const at = '2026-01-01T00:00:00.000Z';

/**
 * Tea (category 1): T-A (variant 1, product 1, price 1000, cost 400) and T-B (variant 2, product 2,
 * price 2000, cost 1200). Cups (category 2): C-1 (variant 3, price 500, cost 200) and the gift
 * GIFT (variant 4, price 300, cost 100), both product 3. Channels 1 (POS) and 2 (Web); customers 1–4.
 */
export function evaluationShop(timeZone = 'UTC'): Db {
  const db = openDatabase(':memory:');
  migrate(db, ':memory:', loadMigrations(defaultMigrationsDir()), { now: () => new Date(at) });
  db.prepare(
    `INSERT INTO shop_settings (id, name, currency, time_zone, locale, created_at, updated_at) VALUES (1, 'Test shop', 'USD', ?, 'en', ?, ?)
     ON CONFLICT (id) DO UPDATE SET time_zone = excluded.time_zone, currency = excluded.currency`,
  ).run(timeZone, at, at);
  db.exec(`
    INSERT INTO locations (id, code, name, kind, created_at) VALUES (1, 'WH', 'Warehouse', 'warehouse', '${at}');
    INSERT INTO channels (id, code, name, platform, created_at) VALUES (1, 'pos', 'POS', 'pos', '${at}'), (2, 'web', 'Web', 'shopify', '${at}');
    INSERT INTO categories (id, parent_id, name, path, created_at) VALUES (1, NULL, 'Tea', 'Tea', '${at}'), (2, NULL, 'Cups', 'Cups', '${at}');
    INSERT INTO products (id, handle, title, category_id, created_at, updated_at) VALUES
      (1, 'tea-a', 'Tea A', 1, '${at}', '${at}'), (2, 'tea-b', 'Tea B', 1, '${at}', '${at}'), (3, 'cups', 'Cups', 2, '${at}', '${at}');
    INSERT INTO variants (id, product_id, sku, price, cost, created_at, updated_at) VALUES
      (1, 1, 'T-A', 1000, 400, '${at}', '${at}'), (2, 2, 'T-B', 2000, 1200, '${at}', '${at}'),
      (3, 3, 'C-1', 500, 200, '${at}', '${at}'), (4, 3, 'GIFT', 300, 100, '${at}', '${at}');
    INSERT INTO customers (id, email, name, created_at) VALUES
      (1, 'ann@example.com', 'Ann', '${at}'), (2, 'bo@example.com', 'Bo', '${at}'), (3, 'cy@example.com', 'Cy', '${at}'), (4, 'di@example.com', 'Di', '${at}');`);
  return db;
}

export interface LineSeed {
  variantId: number;
  quantity: number;
  unitPrice: number;
  discount?: number;
  unitCost?: number | null;
}

export interface OrderSeed {
  placedAt: string;
  lines: LineSeed[];
  customerId?: number | null;
  channelId?: number;
  status?: 'open' | 'fulfilled' | 'cancelled';
  /** Discount on the order beyond its lines' own (split over the lines by GMV share). */
  orderDiscount?: number;
  couponCode?: string | null;
}

let orderNumber = 0;

export function order(db: Db, o: OrderSeed): number {
  orderNumber += 1;
  const gmv = o.lines.reduce((a, l) => a + l.quantity * l.unitPrice, 0);
  const discountTotal = o.lines.reduce((a, l) => a + (l.discount ?? 0), 0) + (o.orderDiscount ?? 0);
  const id = Number(
    db
      .prepare(
        `INSERT INTO orders (channel_id, order_number, customer_id, location_id, status, placed_at, currency, subtotal, discount_total, total, coupon_code)
         VALUES (?, ?, ?, 1, ?, ?, 'USD', ?, ?, ?, ?)`,
      )
      .run(o.channelId ?? 1, `E-${orderNumber}`, o.customerId ?? null, o.status ?? 'fulfilled', o.placedAt, gmv, discountTotal, gmv - discountTotal, o.couponCode ?? null).lastInsertRowid,
  );
  const costs = new Map([
    [1, 400],
    [2, 1200],
    [3, 200],
    [4, 100],
  ]);
  const line = db.prepare('INSERT INTO order_lines (order_id, variant_id, sku, title, quantity, unit_price, discount, unit_cost) VALUES (?, ?, ?, ?, ?, ?, ?, ?)');
  for (const l of o.lines) line.run(id, l.variantId, `V${l.variantId}`, `V${l.variantId}`, l.quantity, l.unitPrice, l.discount ?? 0, l.unitCost === undefined ? (costs.get(l.variantId) ?? null) : l.unitCost);
  return id;
}

export interface PromotionSeed {
  id: number;
  type: string;
  rule: Record<string, unknown>;
  startsAt: string;
  endsAt: string;
  status?: string;
  finishedAt?: string | null;
  /** Targets (kind, id); none = the whole shop. */
  targets?: [string, number][];
  /** Channel ids; none = every channel. */
  channels?: number[];
  controlShareBp?: number;
}

export function promotion(db: Db, p: PromotionSeed): void {
  const scope = p.targets && p.targets.length > 0 ? 'targets' : 'shop';
  db.prepare(
    `INSERT INTO promotions (id, name, type, status, starts_at, ends_at, scope, all_channels, rule, control_share_bp, created_at, updated_at, started_at, finished_at)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
  ).run(
    p.id,
    `Promotion ${p.id}`,
    p.type,
    p.status ?? 'ended',
    p.startsAt,
    p.endsAt,
    scope,
    p.channels ? 0 : 1,
    JSON.stringify(p.rule),
    p.controlShareBp ?? 0,
    at,
    at,
    p.startsAt,
    p.finishedAt ?? null,
  );
  for (const [kind, target] of p.targets ?? []) db.prepare('INSERT INTO promotion_targets (promotion_id, kind, target_id) VALUES (?, ?, ?)').run(p.id, kind, target);
  for (const channel of p.channels ?? []) db.prepare('INSERT INTO promotion_channels (promotion_id, channel_id) VALUES (?, ?)').run(p.id, channel);
}

/** A flat baseline: `perDay` units every day, split over the variants by the given weights. */
export function flatBaseline(days: number, perDay: number, shares: [number, number][]): BaselineFigures {
  const total = days * perDay;
  const weight = shares.reduce((a, [, w]) => a + w, 0);
  return { daily: Array.from({ length: days }, () => perDay), byVariant: new Map(shares.map(([v, w]) => [v, (total * w) / weight])), wape: 0.2 };
}

/** Baselines passed in: the promoted set's and the other-products set's, each made for the days asked. */
export function knownBaselines(promoted: (days: number) => BaselineFigures, others: (days: number) => BaselineFigures = (days) => flatBaseline(days, 0, [])): BaselineSource & { calls: { first: string; days: number }[] } {
  const calls: { first: string; days: number }[] = [];
  return {
    calls,
    promoted: (_db, _id, first, days) => {
      calls.push({ first, days });
      return promoted(days);
    },
    variants: (_db, _ids, _first, days) => others(days),
  };
}
