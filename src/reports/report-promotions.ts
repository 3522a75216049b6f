// The weekly report's promotions section: the promotions running or ended during the week with
// their headline results (promotions/results-service.ts — the same figures as the evaluation
// page, measured up to when the report is made), as rows for the PDF and the XLSX.
import type { Db } from '../db/open.js';
import type { Locale } from '../settings/contract.js';
import { localDateOf } from '../shared/local-time.js';
import { listPromotionResults } from '../promotions/results-service.js';
import type { formatters } from './report-format.js';
import { reportTexts } from './report-texts.js';

export interface PromotionResultRow {
  promotionId: number;
  name: string;
  status: 'running' | 'ended' | 'cancelled';
  /** Local dates of its first and last day. */
  from: string;
  to: string;
  units: number;
  netSales: number;
  /** Lift in units as a fraction of the baseline (null without a baseline). */
  liftPercent: number | null;
  incrementalGrossProfit: number;
  promotionCost: number;
  roi: number | null;
}

/** At most this many promotions are listed (newest first). */
export const reportedPromotions = 50;

const statusOf = (status: string): PromotionResultRow['status'] => (status === 'running' ? 'running' : status === 'cancelled' ? 'cancelled' : 'ended');

/** Promotions overlapping the week's [weekStart, weekEnd) UTC instants. */
export function weekPromotions(db: Db, weekStart: string, weekEnd: string, timeZone: string, now: Date): PromotionResultRow[] {
  return listPromotionResults(db, { from: weekStart, to: weekEnd, limit: reportedPromotions }, now).map((r) => ({
    promotionId: r.promotionId,
    name: r.name,
    status: statusOf(r.status),
    from: localDateOf(r.startsAt, timeZone),
    to: localDateOf(new Date(Date.parse(r.endsAt) - 1), timeZone),
    units: r.units,
    netSales: r.netSales,
    liftPercent: r.liftPercent,
    incrementalGrossProfit: Math.round(r.incrementalGrossProfit),
    promotionCost: r.promotionCost,
    roi: r.roi,
  }));
}

/** The PDF table's cells of each promotion, formatted for the report language. */
export function promotionCells(rows: readonly PromotionResultRow[], locale: Locale, f: ReturnType<typeof formatters>): string[][] {
  const l = reportTexts[locale];
  const status = { running: l.promotionRunning, ended: l.promotionEnded, cancelled: l.promotionCancelled };
  return rows.map((r) => [
    r.name,
    status[r.status],
    `${r.from.slice(5)} – ${r.to.slice(5)}`,
    f.number(r.units),
    f.money(r.netSales),
    f.change(r.liftPercent),
    f.money(r.incrementalGrossProfit),
    f.ratio(r.roi === null ? null : Math.round(r.roi * 100) / 100),
  ]);
}
