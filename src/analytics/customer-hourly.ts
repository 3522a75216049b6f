// Grouped reads of the per-customer hourly rollup (sales_customer_hourly, migration 0014) for the
// customer reports: RFM, cohorts, lifetime value. The rollup is brought up to date first
// (sales-rollup.ts); when it cannot answer — a bound that is not a whole UTC hour (half-hour time
// zones) or another connection holding the write lock — the reader answers undefined and the
// caller reads the orders with its own SQL, which stays the definition.
//
// Two plans for one statement, chosen by the window's length:
//  - a long window (most of the table) walks the primary key (customer_id, hour) in order and
//    skips the other hours: the rows arrive grouped by customer, so nothing is sorted;
//  - a short one seeks the hours through sales_customer_hourly_by_hour and groups what it finds.
import type { Db } from '../db/open.js';
import { perDatabase } from '../db/per-database.js';
import { createSalesRollup } from './sales-rollup.js';

export type HourParams = Record<string, string | number | null>;

const rollupOf = perDatabase(createSalesRollup);

/** Windows longer than this many hours walk the whole table rather than seek the hours. */
const scanAboveHours = 24 * 90;

/**
 * Prepares `sql(table, range)` twice: `table` is the rollup with its access path, `range` the
 * condition keeping hours in [@fromHour, @toHour). The statement may use further named parameters.
 */
export function customerHourlyReader<Row>(db: Db, sql: (table: string, range: string) => string) {
  const scan = db.prepare<HourParams, Row>(sql('sales_customer_hourly NOT INDEXED', '+hour >= @fromHour AND +hour < @toHour'));
  const seek = db.prepare<HourParams, Row>(
    sql('sales_customer_hourly INDEXED BY sales_customer_hourly_by_hour', 'hour >= @fromHour AND hour < @toHour'),
  );
  return {
    /**
     * Rows for [from, to) (UTC instants; from null: since the first order), or undefined when the
     * rollup cannot answer and the orders must be read instead.
     */
    all(from: string | null, to: string, params: HourParams = {}): Row[] | undefined {
      const range = rollupOf(db).hours(from ?? to, to);
      if (!range) return undefined;
      const [fromHour, toHour] = range;
      const long = from === null || Date.parse(to) - Date.parse(from) > scanAboveHours * 3_600_000;
      return (long ? scan : seek).all({ ...params, fromHour: from === null ? '' : fromHour, toHour });
    },
  };
}
