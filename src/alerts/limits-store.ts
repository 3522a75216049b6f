// The owner's KPI limits (alert_limits). No row = the history band applies.
import type { Db } from '../db/open.js';
import type { AlertKpi } from './contract.js';
import { alertKpiSchema } from './contract.js';

export interface KpiLimit {
  kpi: AlertKpi;
  lower: number | null;
  upper: number | null;
  updatedAt: string | null;
}

export function createLimitsStore(db: Db) {
  const rows = db.prepare<[], { kpi: AlertKpi; lower: number | null; upper: number | null; updatedAt: string }>(
    'SELECT kpi, lower_limit AS lower, upper_limit AS upper, updated_at AS updatedAt FROM alert_limits',
  );
  const upsert = db.prepare(
    `INSERT INTO alert_limits (kpi, lower_limit, upper_limit, updated_at) VALUES (?, ?, ?, ?)
     ON CONFLICT (kpi) DO UPDATE SET lower_limit = excluded.lower_limit, upper_limit = excluded.upper_limit, updated_at = excluded.updated_at`,
  );
  const remove = db.prepare('DELETE FROM alert_limits WHERE kpi = ?');
  return {
    /** Every KPI, with its owner limits or nulls. */
    all(): KpiLimit[] {
      const byKpi = new Map(rows.all().map((row) => [row.kpi, row]));
      return alertKpiSchema.options.map((kpi) => byKpi.get(kpi) ?? { kpi, lower: null, upper: null, updatedAt: null });
    },
    set(kpi: AlertKpi, lower: number | null, upper: number | null, now: string): void {
      if (lower === null && upper === null) remove.run(kpi);
      else upsert.run(kpi, lower, upper, now);
    },
  };
}
