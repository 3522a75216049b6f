// Where the shop's stock history begins (see stock-history-contract.ts), and
// how a period relates to it. Stock before a location's first ledger record is
// unknown — an opening-stock import dates its movements at the snapshot's local
// midnight, and nothing before it was recorded — unless that first record only
// brings goods in (a receipt, a transfer in): such a location began empty and
// its history is complete. The shop's stock is known from the latest start of
// the locations that opened with stock; from the start of the ledger when none
// did; never when nothing is recorded.
import type { Db } from '../db/open.js';
import { localDateOf } from '../shared/local-time.js';
import { shopTimeZone } from './periods.js';
import type { StockCoverage, StockHistory } from './stock-history-contract.js';
import { createStockStartStore } from './stock-start-store.js';

export interface StockStart {
  /** UTC instant from which stock is known; null when known from the beginning (or nothing is recorded). */
  at: string | null;
  recorded: boolean;
  /** The local date of `at`. */
  from: string | null;
  locations: StockHistory['locations'];
}

/**
 * How the UTC range [start, end) relates to the history. Stock at an instant t
 * is rebuilt as on hand now − the movements at or after t, so the stock at the
 * end is known when the first records come before the end; the stock at the
 * start when they come at or before it.
 */
export function coverageOf(history: StockStart, start: string, end: string): StockCoverage {
  if (!history.recorded) return 'none';
  if (history.at === null) return 'full';
  if (end <= history.at) return 'none';
  return start < history.at ? 'fromStart' : 'full';
}

/** The contract's view of the history for one answer. */
export function stockHistoryOf(history: StockStart, coverage: StockCoverage): StockHistory {
  return { from: history.from, recorded: history.recorded, coverage, locations: history.locations };
}

export function createStockStart(db: Db) {
  const store = createStockStartStore(db);
  const timeZone = shopTimeZone(db);
  return {
    /** Read per call (a few index probes): an import or a new location moves it at any time. */
    read(): StockStart {
      const tz = timeZone();
      const records = store.firstRecords();
      const locations = records.map((r) => ({ locationId: r.locationId, name: r.name, from: localDateOf(r.firstAt, tz), opening: r.arrivalsOnly === 0 }));
      let at: string | null = null;
      for (const r of records) if (r.arrivalsOnly === 0 && (at === null || r.firstAt > at)) at = r.firstAt;
      return { at, recorded: records.length > 0, from: at === null ? null : localDateOf(at, tz), locations };
    },
  };
}
