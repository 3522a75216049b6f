// Sales drop per product and per category: net line sales (quantity × price −
// line discount, non-cancelled orders) over the last 7 complete local days
// against a baseline of, for each of those days, the median of the same
// weekday over the 8 weeks before (days without sales count as 0). Fires when
// the week is at least `dropShare` below a non-zero baseline. Causes it can see:
// a stock-out in the window, a price change (history), returns in the window.
import { daysBetween } from '../../shared/local-time.js';
import { median } from '../bands.js';
import type { KeyedText } from '../contract.js';
import type { Finding, RuleContext } from '../rule-context.js';
import { ratioOf } from '../rule-context.js';
import { dailyNetFromRollup } from '../rule-store.js';

/** The week must be this share (or more) below its baseline. */
export const dropShare = 0.3;
const windowDays = 7;
const historyWeeks = 8;

interface LineRow {
  placedAt: string;
  productId: number;
  categoryId: number | null;
  net: number;
}

type Scope = 'product' | 'category';

export function salesDropRule(ctx: RuleContext): Finding[] {
  const windowFrom = ctx.addDays(ctx.today, -windowDays);
  const windowTo = ctx.addDays(ctx.today, -1);
  const historyFrom = ctx.addDays(windowFrom, -7 * historyWeeks);
  // subject → net sales per local day, indexed from historyFrom (day 0) to the window's last day.
  const totalDays = windowDays + 7 * historyWeeks;
  const daily: Record<Scope, Map<number, Float64Array>> = { product: new Map(), category: new Map() };
  const add = (scope: Scope, id: number, index: number, net: number) => {
    let days = daily[scope].get(id);
    if (!days) daily[scope].set(id, (days = new Float64Array(totalDays)));
    days[index] = (days[index] ?? 0) + net;
  };
  const bounds = Array.from({ length: totalDays }, (_, i): [string, string] => [
    ctx.startOf(ctx.addDays(historyFrom, i)),
    ctx.startOf(ctx.addDays(historyFrom, i + 1)),
  ]);
  const rolled = dailyNetFromRollup(ctx.db, bounds, ctx.direct);
  if (rolled) {
    for (const [productId, categoryId, index, net] of rolled) {
      add('product', productId, index, net);
      if (categoryId !== null) add('category', categoryId, index, net);
    }
  } else {
    // The definition: every line of the period, bucketed into local days here.
    const lines = ctx.db
      .prepare<[string, string], LineRow>(
        `SELECT o.placed_at AS placedAt, v.product_id AS productId, p.category_id AS categoryId,
                ol.quantity * ol.unit_price - ol.discount AS net
         FROM orders o INDEXED BY orders_by_placed
         JOIN order_lines ol ON ol.order_id = o.id JOIN variants v ON v.id = ol.variant_id JOIN products p ON p.id = v.product_id
         WHERE o.placed_at >= ? AND o.placed_at < ? AND o.status <> 'cancelled'`,
      )
      .all(ctx.startOf(historyFrom), ctx.startOf(ctx.today));
    const dayIndex = new Map<string, number>();
    const indexOf = (date: string) => {
      let index = dayIndex.get(date);
      if (index === undefined) dayIndex.set(date, (index = daysBetween(historyFrom, date)));
      return index;
    };
    for (const line of lines) {
      const index = indexOf(ctx.localDate(line.placedAt));
      if (index < 0 || index >= totalDays) continue;
      add('product', line.productId, index, line.net);
      if (line.categoryId !== null) add('category', line.categoryId, index, line.net);
    }
  }
  const windowIndexes = Array.from({ length: windowDays }, (_, i) => 7 * historyWeeks + i);
  const causes = createCauseFinder(ctx, ctx.startOf(windowFrom), ctx.startOf(ctx.today), ctx.startOf(ctx.addDays(windowFrom, -7)));
  const names = {
    product: ctx.db.prepare<[number], { name: string }>('SELECT title AS name FROM products WHERE id = ?'),
    category: ctx.db.prepare<[number], { name: string }>('SELECT path AS name FROM categories WHERE id = ?'),
  };
  const findings: Finding[] = [];
  const history = new Float64Array(historyWeeks); // reused: 8 weeks per window day, per subject
  for (const scope of ['product', 'category'] as const) {
    for (const [id, days] of daily[scope]) {
      // Each window day's baseline is the median of 8 history days: with at most 3 of them non-zero
      // it is 0 (the middle two of the 8 sorted are zeros). A subject that sold on fewer than 4
      // history days therefore has no baseline — most of a large catalogue: skip the medians.
      let soldDays = 0;
      for (let i = 0; i < 7 * historyWeeks && soldDays < 4; i++) if ((days[i] ?? 0) !== 0) soldDays += 1;
      if (soldDays < 4) continue;
      const value = windowIndexes.reduce((sum, i) => sum + (days[i] ?? 0), 0);
      let baseline = 0;
      for (const i of windowIndexes) {
        for (let k = 0; k < historyWeeks; k++) history[k] = days[i - 7 * (k + 1)] ?? 0;
        baseline += median(history) ?? 0;
      }
      if (baseline <= 0 || value > baseline * (1 - dropShare)) continue;
      const name = names[scope].get(id)?.name ?? String(id);
      findings.push({
        rule: 'salesDrop',
        subjectType: scope,
        subjectId: String(id),
        fingerprint: `salesDrop:${scope}:${id}`,
        severity: 'warning',
        explanation: {
          title: { key: `alerts.title.salesDrop.${scope}`, params: { name } },
          metric: { key: 'alerts.metric.netSales7d', params: { name } },
          unit: 'money',
          value,
          baseline,
          baselineText: { key: 'alerts.baseline.sameWeekdayMedianWeek', params: { weeks: historyWeeks } },
          change: value - baseline,
          changeRatio: ratioOf(value, baseline),
          band: null,
          causes: causes(scope, id),
          action: scope === 'product' ? { kind: 'openProduct', productId: id } : { kind: 'openReport', report: 'sales' },
          window: { from: windowFrom, to: windowTo },
        },
      });
    }
  }
  return findings;
}

/** Causes visible in the data for a product or a category in the window. */
function createCauseFinder(ctx: RuleContext, from: string, to: string, priceFrom: string) {
  // A variant ran out when its on hand (all locations) was ≤ 0 at the window start or after any movement in it.
  // Worked out once for every variant, from on hand now and the movements since the window start
  // (read per location through stock_movements_by_location), and only when something dropped.
  type OutVariant = { sku: string; productId: number; categoryId: number | null };
  let outVariants: OutVariant[] | null = null;
  const ranOut = (): OutVariant[] => {
    if (outVariants) return outVariants;
    const moves = ctx.db
      .prepare<[string], { variantId: number; delta: number; at: string; id: number }>(
        `SELECT m.variant_id AS variantId, m.delta, m.occurred_at AS at, m.id FROM locations l
         JOIN stock_movements m INDEXED BY stock_movements_by_location ON m.location_id = l.id AND m.occurred_at >= ?`,
      )
      .all(from)
      .sort((a, b) => (a.at < b.at ? -1 : a.at > b.at ? 1 : a.id - b.id));
    const since = new Map<number, number>();
    for (const move of moves) since.set(move.variantId, (since.get(move.variantId) ?? 0) + move.delta);
    // A variant that did not move was out throughout exactly when it is out now: only those
    // and the ones that moved can have run out (a range of the on-hand index and the moved ids,
    // as one set: with an OR the planner walks every variant in SKU order).
    const variants = ctx.db
      .prepare<[string], OutVariant & { id: number; onHand: number }>(
        `SELECT v.id, v.sku, v.product_id AS productId, p.category_id AS categoryId, v.on_hand_total AS onHand
         FROM variants v JOIN products p ON p.id = v.product_id
         WHERE v.status <> 'archived'
           AND v.id IN (SELECT id FROM variants INDEXED BY variants_by_on_hand WHERE on_hand_total <= 0 UNION SELECT value FROM json_each(?))
         ORDER BY v.sku`,
      )
      .all(JSON.stringify([...since.keys()]));
    const balance = new Map(variants.map((v) => [v.id, v.onHand - (since.get(v.id) ?? 0)]));
    const out = new Set(variants.filter((v) => (balance.get(v.id) ?? 0) <= 0).map((v) => v.id));
    for (const move of moves) {
      if (move.at >= to || !balance.has(move.variantId)) continue;
      const next = (balance.get(move.variantId) ?? 0) + move.delta;
      balance.set(move.variantId, next);
      if (next <= 0) out.add(move.variantId);
    }
    outVariants = variants.filter((v) => out.has(v.id));
    return outVariants;
  };
  // Each list grouped once per subject (in its order): hundreds of findings each look theirs up.
  const grouped = <T extends { productId: number; categoryId: number | null }>(rows: readonly T[]): Record<Scope, Map<number, T[]>> => {
    const result: Record<Scope, Map<number, T[]>> = { product: new Map(), category: new Map() };
    for (const row of rows) {
      for (const scope of ['product', 'category'] as const) {
        const id = scope === 'product' ? row.productId : row.categoryId;
        if (id === null) continue;
        const list = result[scope].get(id);
        if (list) list.push(row);
        else result[scope].set(id, [row]);
      }
    }
    return result;
  };
  let outBySubject: Record<Scope, Map<number, OutVariant[]>> | null = null;
  const stockOutsOf = (scope: Scope, id: number): OutVariant[] => (outBySubject ??= grouped(ranOut()))[scope].get(id) ?? [];
  // Price changes and returns of the window, read once and grouped per product and category.
  type PriceChange = { sku: string; before: string | null; after: string | null; at: string };
  const priceRows = ctx.db
    .prepare<[string, string], PriceChange & { productId: number; categoryId: number | null }>(
      `SELECT v.sku, i.before_value AS before, i.after_value AS after, cs.created_at AS at, v.product_id AS productId, p.category_id AS categoryId
       FROM change_sets cs JOIN change_set_items i ON i.change_set_id = cs.id
       JOIN variants v ON v.id = i.entity_id JOIN products p ON p.id = v.product_id
       WHERE cs.created_at >= ? AND cs.created_at < ? AND cs.undone_at IS NULL AND cs.kind <> 'undo'
         AND i.entity = 'variants' AND i.field = 'price'
       ORDER BY cs.created_at DESC, i.id DESC`,
    )
    .all(priceFrom, to);
  const returnRows = ctx.db
    .prepare<[string, string], { productId: number; categoryId: number | null; reason: string; units: number }>(
      `SELECT v.product_id AS productId, p.category_id AS categoryId, rl.reason_code AS reason, SUM(rl.quantity) AS units
       FROM returns r INDEXED BY returns_by_date JOIN return_lines rl ON rl.return_id = r.id JOIN order_lines ol ON ol.id = rl.order_line_id
       JOIN orders o ON o.id = r.order_id JOIN variants v ON v.id = ol.variant_id JOIN products p ON p.id = v.product_id
       WHERE r.returned_at >= ? AND r.returned_at < ? AND o.status <> 'cancelled'
       GROUP BY v.product_id, rl.reason_code`,
    )
    .all(from, to);
  const pricesBySubject = grouped(priceRows);
  const returnsBySubject = grouped(returnRows);
  const pricesOf = (scope: Scope, id: number) => pricesBySubject[scope].get(id) ?? [];
  const returnsOf = (scope: Scope, id: number) => {
    const byReason = new Map<string, number>();
    for (const row of returnsBySubject[scope].get(id) ?? []) byReason.set(row.reason, (byReason.get(row.reason) ?? 0) + row.units);
    return [...byReason].map(([reason, units]) => ({ reason, units })).sort((a, b) => b.units - a.units || a.reason.localeCompare(b.reason));
  };
  const money = (json: string | null): number | null => {
    const parsed: unknown = json === null ? null : JSON.parse(json);
    return typeof parsed === 'number' ? parsed : null;
  };
  return (scope: Scope, id: number): KeyedText[] => {
    const causes: KeyedText[] = [];
    const out = stockOutsOf(scope, id);
    if (out.length > 0) {
      causes.push({ key: 'alerts.cause.stockOut', params: { skus: out.slice(0, 5).map((row) => row.sku).join(', '), count: out.length } });
    }
    const prices = pricesOf(scope, id);
    const latest = prices[0];
    if (latest) {
      causes.push({
        key: 'alerts.cause.priceChange',
        params: { sku: latest.sku, before: money(latest.before), after: money(latest.after), date: ctx.localDate(latest.at), count: prices.length },
      });
    }
    const returned = returnsOf(scope, id);
    if (returned.length > 0) {
      const units = returned.reduce((sum, row) => sum + row.units, 0);
      causes.push({ key: 'alerts.cause.returns', params: { units, reason: returned[0]?.reason ?? 'other' } });
    }
    return causes;
  };
}
