// Where the shop's stock history begins, as data every stock figure carries
// (the UI words it; the core renders no text). Before a location's first
// ledger record its stock is unknown, so a figure of a period before the
// start has no value, and one of a period that begins before it is computed
// from the start. Pure (zod + types).
import { z } from 'zod';

const localDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'localDate');

/**
 * - full: stock is on record for the whole period (or date);
 * - fromStart: the period begins before the history: figures that need stock at its start use the stock when the history starts;
 * - none: the period (or date) ends before the history starts, or nothing is recorded: stock figures are null.
 */
export const stockCoverageSchema = z.enum(['full', 'fromStart', 'none']);
export type StockCoverage = z.infer<typeof stockCoverageSchema>;

export const stockHistorySchema = z.object({
  /**
   * Local date from which the shop's stock is known: the latest first record among the
   * locations whose history opens with stock already there (an opening count, import,
   * stocktake or adjustment). null when every location began empty (its first records are
   * receipts or transfers in) or when no stock is recorded at all (`recorded` false).
   */
  from: localDate.nullable(),
  /** At least one stock movement is recorded (outside in-transit locations). */
  recorded: z.boolean(),
  /** How this answer's period or date relates to the history. */
  coverage: stockCoverageSchema,
  /** Each location's first record (in-transit locations left out); `opening` = it began with stock already there, so it bounds `from`. */
  locations: z.array(z.object({ locationId: z.number().int(), name: z.string(), from: localDate, opening: z.boolean() })),
});
export type StockHistory = z.infer<typeof stockHistorySchema>;
