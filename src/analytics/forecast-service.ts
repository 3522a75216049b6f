// Units forecasts for the shop, a category or one variant: two years of daily
// units sold (non-cancelled orders, by the local day they were placed) feed
// forecastDemand; the answer carries the holdout WAPE so the UI can say how
// far to trust it. The same forecast will feed reorder suggestions.
import type { Db } from '../db/open.js';
import { addDays, localMidnightUtc } from '../shared/local-time.js';
import { forecastDemand } from './forecast.js';
import { salesRollupOf } from './sales-rollup.js';
import { partialDayOf, shopTimeZone } from './periods.js';

export type ForecastScope = { kind: 'shop' } | { kind: 'category'; id: number } | { kind: 'product'; id: number } | { kind: 'variant'; id: number };

const historyDays = 730;

export function createForecastService(db: Db) {
  const timeZone = shopTimeZone(db);
  const base = 'SELECT o.placed_at AS at, l.quantity AS units FROM orders o INDEXED BY orders_by_placed JOIN order_lines l ON l.order_id = o.id';
  const inRange = "o.placed_at >= ? AND o.placed_at < ? AND o.status <> 'cancelled'";
  type Sale = { at: string; units: number };
  const shop = db.prepare<[string, string], Sale>(`${base} WHERE ${inRange}`);
  // One variant: start from its lines (order_lines_by_variant), not from every order of two years.
  const variant = db.prepare<[string, string, number], Sale>(
    `SELECT o.placed_at AS at, l.quantity AS units FROM order_lines l INDEXED BY order_lines_by_variant JOIN orders o ON o.id = l.order_id
     WHERE ${inRange} AND l.variant_id = ?`,
  );
  // All variants of one product (the 360 view), each through its lines.
  const product = db.prepare<[string, string, number], Sale>(
    `SELECT o.placed_at AS at, l.quantity AS units FROM variants v JOIN order_lines l INDEXED BY order_lines_by_variant ON l.variant_id = v.id
     JOIN orders o ON o.id = l.order_id WHERE ${inRange} AND v.product_id = ?`,
  );
  // A category with its subcategories (paths below it).
  const category = db.prepare<[string, string, number, number], Sale>(
    `${base} JOIN variants v ON v.id = l.variant_id JOIN products p ON p.id = v.product_id
     WHERE ${inRange} AND p.category_id IN (SELECT id FROM categories WHERE id = ? OR path LIKE (SELECT path FROM categories WHERE id = ?) || ' > %')`,
  );
  const rollup = salesRollupOf(db);
  const sales = (scope: ForecastScope, from: string, to: string): Sale[] => {
    // The shop's units per hour from the rollup (an hour's start is inside the local day it belongs to).
    const hourly = scope.kind === 'shop' ? rollup.unitsByHour(from, to) : undefined;
    if (hourly) return hourly.map((row) => ({ at: `${row.hour}:00:00.000Z`, units: row.units }));
    if (scope.kind === 'shop') return shop.all(from, to);
    if (scope.kind === 'variant') return variant.all(from, to, scope.id);
    if (scope.kind === 'product') return product.all(from, to, scope.id);
    return category.all(from, to, scope.id, scope.id);
  };

  return {
    /**
     * Daily units of the last two years up to and including `today` (local), then the forecast of the next `horizon` days.
     * When `today` is the shop's current day (at `now`), its units are today's so far: the model is fitted on the
     * complete days before it (a partial day would read as a drop), and its own forecast for today is given beside it.
     */
    forecast(scope: ForecastScope, today: string, horizon: number, now?: Date) {
      const tz = timeZone();
      const partial = now ? partialDayOf({ from: today, to: today }, tz, now) : null;
      const firstDay = addDays(today, -(historyDays - 1));
      const starts = Array.from({ length: historyDays + 1 }, (_, i) => localMidnightUtc(addDays(firstDay, i), tz).toISOString());
      const from = starts[0] ?? '';
      const to = starts[historyDays] ?? '';
      const found = sales(scope, from, to);
      const daily = new Array<number>(historyDays).fill(0);
      for (const row of found) {
        // Binary search for the local day the order was placed on.
        let lo = 0;
        let hi = historyDays - 1;
        while (lo < hi) {
          const mid = (lo + hi + 1) >> 1;
          if ((starts[mid] ?? '') <= row.at) lo = mid;
          else hi = mid - 1;
        }
        daily[lo] = (daily[lo] ?? 0) + row.units;
      }
      // History starts at the first day anything sold, so a new product is not read as two years of zeros.
      const firstSale = daily.findIndex((units) => units > 0);
      const history = firstSale < 0 ? [] : daily.slice(firstSale);
      const complete = partial ? history.slice(0, -1) : history;
      const result = forecastDemand(complete, partial ? horizon + 1 : horizon);
      const ahead = partial ? result.values.slice(1) : result.values;
      return {
        history: history.map((units, i) => ({ day: addDays(firstDay, (firstSale < 0 ? 0 : firstSale) + i), units })),
        forecast: ahead.map((units, i) => ({ day: addDays(today, i + 1), units })),
        partial: partial && history.length > 0 ? { ...partial, todayForecast: result.values[0] ?? 0 } : null,
        wape: result.wape,
        yearly: result.yearly,
        params: result.params,
      };
    },
  };
}
