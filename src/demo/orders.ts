// Day-by-day simulation of two years of trading: orders and lines, returns,
// and the stock ledger (first stock, receipts, sales, restocked returns,
// adjustments, damage, clearance of discontinued items, dead stock).
import type { Db } from '../db/open.js';
import { systemNote } from '../shared/system-note.js';
import { DAY_MS, type Calendar } from './calendar.js';
import { RETURNS } from './catalog-spec.js';
import type { Catalog, Product } from './catalog.js';
import { CHANNELS, OPEN_WINDOW_MS, POS_CHANNEL, type OrderPlan } from './orders-plan.js';
import { Sampler, type Rng } from './prng.js';
import type { DemoPromotionDays, PricedLine } from './promotions-apply.js';
import type { DemoPurchasing } from './purchasing.js';
import type { StockModel } from './stock.js';
import type { ChunkWriter } from './writer.js';

export interface LocationInfo {
  code: string;
  kind: 'warehouse' | 'store';
  weight: number;
}

export interface SimContext {
  db: Db;
  rng: Rng;
  writer: ChunkWriter;
  catalog: Catalog;
  plan: OrderPlan;
  cal: Calendar;
  stock: StockModel;
  /** Reorders at the reorder point; deliveries after the supplier's lead time. */
  purchasing: DemoPurchasing;
  locations: LocationInfo[];
  currency: string;
  /** Large shops write one sale movement per variant × location × day (ref_type 'order_day') instead of one per line. */
  aggregateSales: boolean;
  linesPerOrder: number;
  /** The demo's promotions: demand lifts and dips, and the discounts of their windows. */
  promotions: DemoPromotionDays;
  progress: (done: number, total: number) => void;
}

export interface SimResult {
  orders: number;
  lines: number;
  returns: number;
  returnLines: number;
}

const LINE_COUNT_WEIGHTS = [50, 28, 14, 8];
/**
 * Tries per line: a pick already on the order, or not in stock where the order ships from (slow items are
 * kept at the main warehouse only, see stock.ts), is picked again — the customer chooses something else.
 */
const PICKS = 24;

export async function simulate(ctx: SimContext): Promise<SimResult> {
  const { db, rng, writer, catalog, plan, cal, stock } = ctx;
  const { products } = catalog;
  const windowStart = cal.days[0]?.startUtc ?? 0;
  const nowMs = cal.nowMs;
  const cny = ctx.currency === 'CNY';
  const dayIndex = (ms: number): number => Math.floor((ms - windowStart) / DAY_MS);
  const launchMs = (p: Product): number => (p.launchDay < 0 ? windowStart - DAY_MS : windowStart + p.launchDay * DAY_MS + 12 * 3_600_000);

  const warehouses = ctx.locations.flatMap((l, i) => (l.kind === 'warehouse' ? [i] : []));
  const stores = ctx.locations.flatMap((l, i) => (l.kind === 'store' ? [i] : []));
  const whWeights = warehouses.map((i) => ctx.locations[i]?.weight ?? 1);
  const storeWeights = stores.map((i) => ctx.locations[i]?.weight ?? 1);
  estimateRates(ctx, warehouses, stores);

  const insertOrder = db.prepare(`INSERT INTO orders (id, channel_id, order_number, external_id, customer_id, location_id, status,
    placed_at, fulfilled_at, cancelled_at, currency, subtotal, discount_total, shipping, total, coupon_code)
    VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`);
  const insertLine = db.prepare(`INSERT INTO order_lines (id, order_id, variant_id, sku, title, quantity, unit_price, discount, unit_cost)
    VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)`);
  const insertReturn = db.prepare('INSERT INTO returns (id, order_id, returned_at, location_id, note) VALUES (?, ?, ?, ?, ?)');
  const insertReturnLine = db.prepare(`INSERT INTO return_lines (return_id, order_line_id, quantity, reason_code, refund_amount, restocked)
    VALUES (?, ?, ?, ?, ?, ?)`);

  // Per-day work queues: restocked returns reach the model late (see stock.ts), life-cycle events.
  const dayCount = cal.days.length;
  const returnQueue: number[][] = Array.from({ length: dayCount + 3 }, () => []);
  const launches: number[][] = Array.from({ length: dayCount }, () => []);
  const endings: number[][] = Array.from({ length: dayCount + 8 }, () => []);
  products.forEach((p, i) => {
    if (p.life === 'retired') return;
    launches[Math.max(0, p.launchDay)]?.push(i);
    if (p.endDay < dayCount) endings[p.life === 'discontinued' ? p.endDay + 7 : p.endDay]?.push(i);
  });
  // Aggregated sales by fulfilment day: pair → [qty, latest time, cost].
  const salesByDay = new Map<number, Map<number, [number, number, number]>>();
  const flushSales = (upTo: number): void => {
    for (const [day, groups] of salesByDay) {
      if (day > upTo) continue;
      const ref = new Date(windowStart + day * DAY_MS + DAY_MS / 2).toISOString().slice(0, 10);
      for (const [p, [qty, ms, cost]] of groups) {
        stock.write({ variant: Math.floor(p / stock.locations), location: p % stock.locations, delta: -qty, reason: 'sale',
          ms, refType: 'order_day', refId: ref, unitCost: cost }, false);
      }
      salesByDay.delete(day);
    }
  };

  const counters = new Int32Array(CHANNELS.length);
  let orderId = 0;
  let lineId = 0;
  let returnId = 0;
  let returnLines = 0;
  let o = 0;
  for (let d = 0; d < dayCount; d++) {
    const day = cal.days[d];
    if (!day) continue;
    for (let k = 0; k + 1 < (returnQueue[d]?.length ?? 0); k += 2) {
      const p = returnQueue[d]?.[k] ?? 0;
      stock.onHand[p] = (stock.onHand[p] ?? 0) + (returnQueue[d]?.[k + 1] ?? 0);
    }
    ctx.purchasing.arrive(d);
    if (ctx.aggregateSales) flushSales(d - 3);
    for (const i of launches[d] ?? []) {
      const p = products[i];
      // Drafts are not bought yet; the deep tail only once a customer orders it (stock.ts ensure).
      if (!p || p.life === 'draft' || (p.tail && p.life !== 'dead')) continue;
      for (let v = p.firstVariant; v < p.firstVariant + p.variantCount; v++) {
        const factor = p.life === 'dead' ? 2 : 1;
        stock.initial(v, 0, Math.ceil(stock.batch(v, 0, 1) * factor), launchMs(p), p.launchDay < 0 ? 1 : null);
      }
    }
    for (const i of endings[d] ?? []) endOfLife(ctx, products[i], windowStart + d * DAY_MS + 10 * 3_600_000);
    // Units found during the day are counted by the model from the next day (sales earlier today cannot use them).
    adjustments(ctx, d, day.startUtc, (pair, qty) => returnQueue[Math.min(dayCount + 2, d + 1)]?.push(pair, qty));

    // Products on sale today, weighted by popularity with a boost for new launches.
    const ids: number[] = [];
    const weights: number[] = [];
    // Promotions lift their products' share of the day's orders (and lower it in the dip after).
    const factors = ctx.promotions.leafFactors(d);
    products.forEach((p, i) => {
      if (p.life === 'draft' || d <= p.launchDay || d >= p.endDay) return;
      ids.push(i);
      weights.push(p.pop * (1 + 2 * Math.exp(-(d - p.launchDay) / 21)) * (factors ? factors[p.leaf] ?? 1 : 1));
    });
    const sampler = new Sampler(Int32Array.from(ids), Float64Array.from(weights));

    for (; o < plan.count && (plan.day[o] ?? 0) === d; o++) {
      const placedMs = plan.placedMs[o] ?? 0;
      const ch = plan.channel[o] ?? 0;
      const cancelled = plan.cancelled[o] === 1;
      const open = !cancelled && placedMs >= nowMs - OPEN_WINDOW_MS;
      let location = ch === POS_CHANNEL ? stores[rng.weighted(storeWeights)] ?? 0 : warehouses[rng.weighted(whWeights)] ?? 0;
      const fulfilledMs = ch === POS_CHANNEL ? placedMs + rng.int(60, 300) * 1000 : placedMs + rng.int(4 * 3600, 44 * 3600) * 1000;
      const lineCount = 1 + rng.weighted(LINE_COUNT_WEIGHTS);
      const lines: PricedLine[] = [];
      const generic = day.promo > 0 && rng.chance(day.promo) ? day.promoDepth * (0.6 + rng.next() * 0.6)
        : rng.chance(0.06) ? 0.1 : 0;
      // A promotion's rules give the discounts of its days (and a coupon order's), not a generic depth.
      const promo = ctx.promotions.replacesGeneric(d) || ctx.promotions.hasCoupon(o) ? 0 : generic;
      for (let n = 0; n < lineCount && sampler.total > 0; n++) {
        for (let attempt = 0; attempt < PICKS; attempt++) {
          const p = products[sampler.sample(rng)];
          if (!p) break;
          const v = pickVariant(rng, catalog, p);
          if (lines.some((l) => l.variant === v)) continue;
          const multi = ctx.promotions.buysMore(d, p.leaf) ? 0.4 : p.kind === 'general' ? 0.25 : 0.1;
          const qty = rng.chance(multi) ? rng.int(2, 3) : 1;
          // Slow items are kept at the main warehouse only: an online order starting with one ships from there.
          if (lines.length === 0 && ch !== POS_CHANNEL && !stock.carries(v, location)) location = 0;
          if (!cancelled && !stock.ensure(v, location, qty, placedMs, launchMs(p))) {
            // Out of stock here: the customer picks something else, or the line is lost.
            if (attempt < PICKS - 1) continue;
            break;
          }
          const price = catalog.price[v] ?? 0;
          lines.push({ variant: v, qty, price, discount: Math.round(qty * price * promo), cost: catalog.cost[v] ?? 0 });
          break;
        }
      }
      const flash = cancelled ? -1 : ctx.promotions.flashPick(d, rng);
      if (flash >= 0 && !lines.some((l) => l.variant === flash)) {
        const fp = products[catalog.productOf[flash] ?? 0];
        if (fp) stock.topUp(flash, location, 1, placedMs, launchMs(fp));
        lines.push({ variant: flash, qty: 1, price: catalog.price[flash] ?? 0, discount: 0, cost: catalog.cost[flash] ?? 0 });
      }
      if (lines.length === 0) continue;
      const coupon = ctx.promotions.apply(d, o, lines, cancelled);
      const id = ++orderId;
      let subtotal = 0;
      let discount = 0;
      for (const l of lines) {
        subtotal += l.qty * l.price;
        discount += l.discount;
      }
      const freeFrom = cny ? 9900 : 5000;
      const shipping = ch === POS_CHANNEL || subtotal - discount >= freeFrom ? 0 : cny ? 1000 : 599;
      const n = (counters[ch] ?? 0) + 1;
      counters[ch] = n;
      const [number, external] = orderNumber(ch, n, day.iso);
      const status = cancelled ? 'cancelled' : open ? 'open' : 'fulfilled';
      const cancelledAt = cancelled ? new Date(Math.min(nowMs, placedMs + rng.int(600, 72_000) * 1000)).toISOString() : null;
      const customer = plan.customer[o] ?? -1;
      insertOrder.run(id, ch + 1, number, external, customer >= 0 ? customer + 1 : null, location + 1, status,
        new Date(placedMs).toISOString(), status === 'fulfilled' ? new Date(fulfilledMs).toISOString() : null, cancelledAt,
        ctx.currency, subtotal, discount, shipping, subtotal - discount + shipping, coupon);
      writer.rows++;
      const returnedMs = fulfilledMs + rng.int(3 * 24, 30 * 24) * 3_600_000 + rng.int(0, 3_599_999);
      let currentReturn = 0;
      for (const l of lines) {
        const lid = ++lineId;
        insertLine.run(lid, id, l.variant + 1, catalog.sku[l.variant] ?? '', catalog.lineTitle[l.variant] ?? '', l.qty, l.price,
          l.discount, l.cost);
        writer.rows++;
        const pr = stock.pair(l.variant, location);
        if (open) stock.committed[pr] = (stock.committed[pr] ?? 0) + l.qty;
        if (status === 'fulfilled') stock.onHand[pr] = (stock.onHand[pr] ?? 0) - l.qty;
        if (status !== 'cancelled') {
          stock.sold(l.variant, location, l.qty, placedMs);
          ctx.purchasing.review(l.variant, location, d, placedMs);
        }
        if (status !== 'fulfilled') continue;
        if (ctx.aggregateSales) {
          const fd = dayIndex(fulfilledMs);
          const groups = salesByDay.get(fd) ?? new Map<number, [number, number, number]>();
          salesByDay.set(fd, groups);
          const g = groups.get(pr);
          if (g) {
            g[0] += l.qty;
            g[1] = Math.max(g[1], fulfilledMs);
          } else groups.set(pr, [l.qty, fulfilledMs, l.cost]);
        } else {
          stock.write({ variant: l.variant, location, delta: -l.qty, reason: 'sale', ms: fulfilledMs, refType: 'order',
            refId: String(id), unitCost: l.cost }, false);
        }
        const kind = products[catalog.productOf[l.variant] ?? 0]?.kind ?? 'general';
        const policy = RETURNS[kind];
        if (returnedMs > nowMs || !rng.chance(policy.rate)) continue;
        if (currentReturn === 0) {
          currentReturn = ++returnId;
          insertReturn.run(currentReturn, id, new Date(returnedMs).toISOString(), location + 1, null);
          writer.rows++;
        }
        const reason = rng.weightedKey(policy.reasons);
        const qty = l.qty > 1 && rng.chance(0.5) ? 1 : l.qty;
        const refund = Math.round(((l.qty * l.price - l.discount) * qty) / l.qty);
        const restock = rng.chance(reason === 'defective' || reason === 'damaged_in_transit' ? 0.15 : 0.92);
        insertReturnLine.run(currentReturn, lid, qty, reason, refund, restock ? 1 : 0);
        returnLines++;
        writer.rows++;
        if (restock) {
          stock.write({ variant: l.variant, location, delta: qty, reason: 'return', ms: returnedMs, refType: 'return',
            refId: String(currentReturn), unitCost: l.cost }, false);
          returnQueue[Math.min(dayCount + 2, dayIndex(returnedMs) + 2)]?.push(pr, qty);
        }
      }
      if (writer.rows >= 20_000) {
        ctx.progress(o, plan.count);
        await writer.flush();
      }
    }
  }
  flushSales(Number.MAX_SAFE_INTEGER);
  return { orders: orderId, lines: lineId, returns: returnId, returnLines };
}

function pickVariant(rng: Rng, catalog: Catalog, p: Product): number {
  let total = 0;
  for (let v = p.firstVariant; v < p.firstVariant + p.variantCount; v++) total += catalog.weight[v] ?? 0;
  let r = rng.next() * total;
  for (let v = p.firstVariant; v < p.firstVariant + p.variantCount; v++) {
    r -= catalog.weight[v] ?? 0;
    if (r < 0) return v;
  }
  return p.firstVariant + p.variantCount - 1;
}

function orderNumber(channel: number, n: number, iso: string): [string, string | null] {
  const compact = iso.replaceAll('-', '');
  switch (CHANNELS[channel]?.code) {
    case 'shopify':
      return [`#${1000 + n}`, String(5_100_000_000_000 + n * 7)];
    case 'woocommerce':
      return [`WC-${10000 + n}`, String(10000 + n)];
    case 'tmall':
      return [`2${compact}${String(n).padStart(8, '0')}`, `2${compact}${String(n).padStart(8, '0')}`];
    case 'douyin':
      return [`6${compact}${String(n).padStart(8, '0')}`, `6${compact}${String(n).padStart(8, '0')}`];
    default:
      return [`POS-${String(n).padStart(6, '0')}`, null];
  }
}

/** Expected units per day per variant × location (purchase batches follow demand). */
function estimateRates(ctx: SimContext, warehouses: number[], stores: number[]): void {
  const { catalog, stock, plan } = ctx;
  let popTotal = 0;
  for (const p of catalog.products) if (p.life !== 'draft' && p.life !== 'retired') popTotal += p.pop;
  const unitsPerDay = (plan.count * ctx.linesPerOrder * 1.15) / ctx.cal.days.length;
  const whTotal = warehouses.reduce((s, i) => s + (ctx.locations[i]?.weight ?? 0), 0);
  const storeTotal = stores.reduce((s, i) => s + (ctx.locations[i]?.weight ?? 0), 0);
  const posShare = 0.2;
  const share = ctx.locations.map((l) => l.kind === 'store' ? (posShare * l.weight) / storeTotal : ((1 - posShare) * l.weight) / whTotal);
  for (const p of catalog.products) {
    let wTotal = 0;
    for (let v = p.firstVariant; v < p.firstVariant + p.variantCount; v++) wTotal += catalog.weight[v] ?? 0;
    for (let v = p.firstVariant; v < p.firstVariant + p.variantCount; v++) {
      const vr = (unitsPerDay * (p.pop / popTotal) * (catalog.weight[v] ?? 0)) / wTotal;
      for (let l = 0; l < stock.locations; l++) stock.rate[stock.pair(v, l)] = vr * (share[l] ?? 0);
    }
  }
}

/** Dead items get a last purchase that never sells; discontinued items have their rest sent back. */
function endOfLife(ctx: SimContext, p: Product | undefined, ms: number): void {
  if (!p) return;
  const { stock, catalog } = ctx;
  for (let v = p.firstVariant; v < p.firstVariant + p.variantCount; v++) {
    if (p.life === 'dead') {
      stock.receive(v, 0, Math.max(p.moq, p.packSize * 2), ms - 20 * DAY_MS);
      continue;
    }
    for (let l = 0; l < stock.locations; l++) {
      const left = stock.available(v, l);
      if (stock.stocked[stock.pair(v, l)] === 1 && left > 0) {
        stock.write({ variant: v, location: l, delta: -left, reason: 'adjustment', ms, reasonCode: 'return_to_supplier',
          note: systemNote('discontinuedReturned'), unitCost: catalog.cost[v] ?? null });
      }
    }
  }
}

/** Stock-count corrections and breakage, a few a day. */
function adjustments(ctx: SimContext, d: number, dayStart: number, countLater: (pair: number, qty: number) => void): void {
  const { rng, stock, catalog } = ctx;
  const count = Math.floor(catalog.price.length / 2000 + rng.next());
  for (let i = 0; i < count && stock.pairs.length > 0; i++) {
    const p = stock.pairs[rng.int(0, stock.pairs.length - 1)] ?? 0;
    const variant = Math.floor(p / stock.locations);
    const location = p % stock.locations;
    // Not on launch day: the count must come after the first stock arrived.
    if ((catalog.products[catalog.productOf[variant] ?? 0]?.launchDay ?? 0) >= d) continue;
    const ms = dayStart + rng.int(8 * 3600, 18 * 3600) * 1000;
    const r = rng.next();
    const [reason, code, delta] = r < 0.4 ? (['damage', 'damage', -rng.int(1, 2)] as const)
      : r < 0.65 ? (['adjustment', 'loss', -1] as const)
      : r < 0.8 ? (['adjustment', 'found', 1] as const)
      : (['adjustment', 'correction', rng.chance(0.5) ? rng.int(1, 3) : -rng.int(1, 3)] as const);
    if (delta < 0 && stock.available(variant, location) < -delta) continue;
    stock.write({ variant, location, delta, reason, reasonCode: code, ms, unitCost: catalog.cost[variant] ?? null }, delta < 0);
    if (delta > 0) countLater(p, delta);
    // Units written off can take an item to its reorder point as a sale does.
    else ctx.purchasing.review(variant, location, d, ms);
  }
}
