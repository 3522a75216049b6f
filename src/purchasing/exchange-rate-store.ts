// SQL of remembered exchange rates (supplier_exchange_rates, 0010_daily_work.sql):
// the rate last used to receive a supplier's goods in a foreign currency, so the
// next receipt in that currency proposes it instead of an empty field.
import type { Db } from '../db/open.js';

export interface RememberedRate {
  /** Shop-currency units per one unit of the order's currency. */
  rate: number;
  updatedAt: string;
}

export function createExchangeRateStore(db: Db) {
  const get = db.prepare<[number, string], RememberedRate>(
    'SELECT rate, updated_at AS updatedAt FROM supplier_exchange_rates WHERE supplier_id = ? AND currency = ?',
  );
  const save = db.prepare<{ supplierId: number; currency: string; rate: number; at: string }>(
    `INSERT INTO supplier_exchange_rates (supplier_id, currency, rate, updated_at) VALUES (@supplierId, @currency, @rate, @at)
     ON CONFLICT (supplier_id, currency) DO UPDATE SET rate = excluded.rate, updated_at = excluded.updated_at`,
  );
  return {
    get: (supplierId: number, currency: string): RememberedRate | null => get.get(supplierId, currency) ?? null,
    /** Runs inside the receipt's transaction: the rate is remembered only if the receipt is posted. */
    save: (supplierId: number, currency: string, rate: number, at: string) => void save.run({ supplierId, currency, rate, at }),
  };
}
