// The price and cost changes of an import preview that are beyond ± the shop's
// confirmation threshold (settings.priceChangeConfirmPercent): a file with prices
// in cents, or a column shifted by one, would otherwise multiply prices silently.
// They are listed before applying (and counted in a preview notice).
import { isLargePriceChange } from '../shared/price-change.js';
import type { ImportNotice, RowPlan } from './contract.js';
import { notice } from './issue-messages.js';
import type { ImportTarget } from './targets/target.js';

/** Fields holding a stored price or cost (money fields of orders and returns are amounts of a sale, not prices). */
const priceFields: ReadonlySet<string> = new Set(['price', 'compareAtPrice', 'cost', 'unitCost', 'regularPrice', 'salePrice']);
/** The list shows the first ones; the notice and the count say how many in all. */
const listed = 50;

export interface LargePriceChange {
  row: number;
  key: string;
  label: string;
  field: string;
  before: number;
  after: number;
}

export function largePriceChanges(
  rows: readonly RowPlan[],
  fields: ImportTarget['fields'],
  thresholdPercent: number,
): { changes: LargePriceChange[]; count: number; notices: ImportNotice[] } {
  const watched = new Set(fields.filter((field) => field.type === 'money' && priceFields.has(field.key)).map((field) => field.key));
  const changes: LargePriceChange[] = [];
  let count = 0;
  if (watched.size > 0) {
    for (const row of rows) {
      if (row.outcome !== 'update') continue;
      for (const change of row.changes) {
        if (!watched.has(change.field) || typeof change.before !== 'number' || typeof change.after !== 'number') continue;
        if (!isLargePriceChange(change.before, change.after, thresholdPercent)) continue;
        count += 1;
        if (changes.length < listed) changes.push({ row: row.row, key: row.key, label: row.label, field: change.field, before: change.before, after: change.after });
      }
    }
  }
  return { changes, count, notices: count > 0 ? [notice('largePriceChanges', { count, threshold: thresholdPercent })] : [] };
}
