// SQL for where the stock history begins: each location's first ledger
// instant, and whether the records at that instant only bring goods in from
// outside the location's history (a receipt, a transfer in). Both are probes of
// stock_movements_by_location (location_id, occurred_at): one MIN and one short
// range per location, whatever the size of the ledger.
import type { Db } from '../db/open.js';

export interface LocationFirstRecord {
  locationId: number;
  name: string;
  /** UTC ISO instant of the location's earliest movement. */
  firstAt: string;
  /** 1 when every movement at that instant is a receipt or a transfer in: the location began empty. */
  arrivalsOnly: number;
}

export function createStockStartStore(db: Db) {
  // In-transit locations are left out: their stock only ever comes from another location's transfer out.
  const firstRecords = db.prepare<[], LocationFirstRecord>(
    `SELECT s.locationId, s.name, s.firstAt,
            NOT EXISTS (SELECT 1 FROM stock_movements m
                        WHERE m.location_id = s.locationId AND m.occurred_at = s.firstAt
                          AND m.reason NOT IN ('receive', 'transfer_in')) AS arrivalsOnly
     FROM (SELECT l.id AS locationId, l.name,
                  (SELECT MIN(m.occurred_at) FROM stock_movements m WHERE m.location_id = l.id) AS firstAt
           FROM locations l WHERE l.kind <> 'transit') s
     WHERE s.firstAt IS NOT NULL
     ORDER BY s.locationId`,
  );
  return { firstRecords: () => firstRecords.all() };
}
