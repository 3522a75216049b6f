// Reads for the product 360 view. Every query is bounded by one product's
// variants (indexes by variant), so the page stays fast on the large shop.
import type { Db } from '../db/open.js';
import { notFound } from '../shared/app-error.js';
import type { Clock } from '../shared/clock.js';
import { addDays, localDateOf, localMidnightUtc, weekStartOf } from '../shared/local-time.js';
import type { ProductInsights } from './insights-contract.js';

type Insights = ProductInsights;
interface SaleLine {
  lineId: number;
  orderId: number;
  channelId: number;
  placedAt: string;
  quantity: number;
  revenue: number;
}

const productVariants = 'SELECT id FROM variants WHERE product_id = @productId';

export function createInsightsStore(db: Db, clock: Clock) {
  const shop = db.prepare<[], { currency: string; timeZone: string }>(
    'SELECT currency, time_zone AS timeZone FROM shop_settings WHERE id = 1',
  );
  const product = db.prepare<[number], { id: number }>('SELECT id FROM products WHERE id = ?');
  const stock = db.prepare<{ productId: number }, Insights['stock'][number]>(
    `SELECT v.id AS variantId, v.sku, l.id AS locationId, l.name AS location, l.kind AS locationKind,
       sl.on_hand AS onHand, sl.committed, sl.on_hand - sl.committed AS available, sl.incoming
     FROM variants v JOIN stock_levels sl ON sl.variant_id = v.id JOIN locations l ON l.id = sl.location_id
     WHERE v.product_id = @productId ORDER BY v.position, v.id, l.id`,
  );
  const movements = db.prepare<{ productId: number; limit: number }, Insights['movements'][number]>(
    `SELECT m.id, v.sku, l.name AS location, m.delta, m.reason, m.reason_code AS reasonCode, m.ref_type AS refType,
       m.ref_id AS refId, m.note, m.actor, m.occurred_at AS occurredAt
     FROM stock_movements m JOIN variants v ON v.id = m.variant_id JOIN locations l ON l.id = m.location_id
     WHERE m.variant_id IN (${productVariants}) ORDER BY m.occurred_at DESC, m.id DESC LIMIT @limit`,
  );
  const movementCount = db.prepare<{ productId: number }, { n: number }>(
    `SELECT COUNT(*) AS n FROM stock_movements WHERE variant_id IN (${productVariants})`,
  );
  // Revenue here is units × price charged − line discounts (refunds are shown under returns).
  const sales = db.prepare<{ productId: number; from: string }, SaleLine>(
    `SELECT ol.id AS lineId, o.id AS orderId, o.channel_id AS channelId, o.placed_at AS placedAt, ol.quantity,
       ol.quantity * ol.unit_price - ol.discount AS revenue
     FROM order_lines ol JOIN orders o ON o.id = ol.order_id
     WHERE ol.variant_id IN (${productVariants}) AND o.status <> 'cancelled' AND o.placed_at >= @from`,
  );
  const lastSold = db.prepare<{ productId: number }, { at: string | null }>(
    `SELECT MAX(o.placed_at) AS at FROM order_lines ol JOIN orders o ON o.id = ol.order_id
     WHERE ol.variant_id IN (${productVariants}) AND o.status <> 'cancelled'`,
  );
  const returnReasons = db.prepare<{ productId: number; from: string }, Insights['returns']['reasons'][number]>(
    `SELECT rr.code, rr.reason_group AS "group", rr.name_en AS nameEn, rr.name_zh AS nameZh, SUM(rl.quantity) AS units
     FROM return_lines rl JOIN return_reasons rr ON rr.code = rl.reason_code
       JOIN order_lines ol ON ol.id = rl.order_line_id JOIN orders o ON o.id = ol.order_id
     WHERE ol.variant_id IN (${productVariants}) AND o.status <> 'cancelled' AND o.placed_at >= @from
     GROUP BY rr.code ORDER BY units DESC, rr.code`,
  );
  const suppliers = db.prepare<{ productId: number }, Omit<Insights['suppliers'][number], 'preferred' | 'lastPurchase'> & {
    preferred: number;
    lastNumber: string | null;
    lastCost: number | null;
    lastAt: string | null;
  }>(
    `SELECT s.id AS supplierId, s.name AS supplier, s.currency, v.id AS variantId, v.sku, si.supplier_sku AS supplierSku,
       si.cost, si.pack_size AS packSize, si.moq, COALESCE(si.lead_time_days, s.lead_time_days) AS leadTimeDays,
       si.is_preferred AS preferred, last.number AS lastNumber, last.unit_cost AS lastCost, last.at AS lastAt
     FROM supplier_items si JOIN suppliers s ON s.id = si.supplier_id JOIN variants v ON v.id = si.variant_id
     LEFT JOIN (
       SELECT po.supplier_id, pol.variant_id, po.number, pol.unit_cost, COALESCE(po.sent_at, po.created_at) AS at,
         ROW_NUMBER() OVER (PARTITION BY po.supplier_id, pol.variant_id
           ORDER BY COALESCE(po.sent_at, po.created_at) DESC, po.id DESC) AS rn
       FROM purchase_order_lines pol JOIN purchase_orders po ON po.id = pol.purchase_order_id
       WHERE pol.variant_id IN (${productVariants}) AND po.status NOT IN ('draft', 'cancelled')
     ) last ON last.supplier_id = s.id AND last.variant_id = v.id AND last.rn = 1
     WHERE v.product_id = @productId ORDER BY v.position, v.id, si.is_preferred DESC, s.name`,
  );
  const channels = db.prepare<{ productId: number }, {
    channelId: number;
    channel: string;
    platform: string;
    listing: 'active' | 'paused' | 'removed' | null;
    listedAt: string | null;
  }>(
    `SELECT c.id AS channelId, c.name AS channel, c.platform, cl.status AS listing, cl.listed_at AS listedAt
     FROM channels c LEFT JOIN channel_listings cl ON cl.channel_id = c.id AND cl.product_id = @productId
     ORDER BY c.id`,
  );

  return {
    get(productId: number, weeks: number, movementLimit: number): Insights {
      if (!product.get(productId)) throw notFound('Product', productId);
      const settings = shop.get();
      const timeZone = settings?.timeZone ?? 'UTC';
      const firstWeek = addDays(weekStartOf(localDateOf(clock.now(), timeZone)), -7 * (weeks - 1));
      const from = localMidnightUtc(firstWeek, timeZone).toISOString();
      const lines = sales.all({ productId, from });
      const recent = sales.all({ productId, from: localMidnightUtc(addDays(localDateOf(clock.now(), timeZone), -29), timeZone).toISOString() });
      const trend = weeklyTrend(lines, firstWeek, weeks, timeZone);
      const units = sum(lines, (l) => l.quantity);
      const reasons = returnReasons.all({ productId, from });
      const returned = sum(reasons, (r) => r.units);
      const byChannel = new Map<number, { units: number; netSales: number }>();
      for (const line of lines) {
        const entry = byChannel.get(line.channelId) ?? { units: 0, netSales: 0 };
        entry.units += line.quantity;
        entry.netSales += line.revenue;
        byChannel.set(line.channelId, entry);
      }
      return {
        productId,
        currency: settings?.currency ?? 'USD',
        timeZone,
        stock: stock.all({ productId }),
        movements: movements.all({ productId, limit: movementLimit }),
        movementsTotal: movementCount.get({ productId })?.n ?? 0,
        salesTrend: trend,
        partialWeek: { weekStart: weekStartOf(localDateOf(clock.now(), timeZone)), asOf: clock.now().toISOString() },
        sales: {
          units,
          netSales: sum(lines, (l) => l.revenue),
          orders: new Set(lines.map((l) => l.orderId)).size,
          lastSoldAt: lastSold.get({ productId })?.at ?? null,
        },
        last30Days: { units: sum(recent, (l) => l.quantity), netSales: sum(recent, (l) => l.revenue) },
        returns: { units: returned, rate: units > 0 ? returned / units : null, reasons },
        suppliers: suppliers.all({ productId }).map(({ preferred, lastNumber, lastCost, lastAt, ...row }) => ({
          ...row,
          preferred: preferred === 1,
          lastPurchase: lastNumber !== null && lastCost !== null && lastAt !== null ? { number: lastNumber, unitCost: lastCost, at: lastAt } : null,
        })),
        channels: channels
          .all({ productId })
          .map((c) => ({ ...c, listing: c.listing ?? ('unlisted' as const), ...(byChannel.get(c.channelId) ?? { units: 0, netSales: 0 }) }))
          // Channels that neither list nor sold the product are noise on this page.
          .filter((c) => c.listing !== 'unlisted' || c.units > 0),
      };
    },
  };
}

function sum<T>(rows: readonly T[], value: (row: T) => number): number {
  let total = 0;
  for (const row of rows) total += value(row);
  return total;
}

/** Every week of the window, empty weeks included, so the chart's x axis is continuous. */
function weeklyTrend(lines: readonly SaleLine[], firstWeek: string, weeks: number, timeZone: string): Insights['salesTrend'] {
  const buckets = new Map<string, { units: number; netSales: number; orders: Set<number> }>();
  for (let i = 0; i < weeks; i += 1) buckets.set(addDays(firstWeek, 7 * i), { units: 0, netSales: 0, orders: new Set() });
  for (const line of lines) {
    const bucket = buckets.get(weekStartOf(localDateOf(line.placedAt, timeZone)));
    if (!bucket) continue;
    bucket.units += line.quantity;
    bucket.netSales += line.revenue;
    bucket.orders.add(line.orderId);
  }
  return [...buckets].map(([weekStart, b]) => ({ weekStart, units: b.units, netSales: b.netSales, orders: b.orders.size }));
}
