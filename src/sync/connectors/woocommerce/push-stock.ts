// pushStock: absolute stock_quantity (manage_stock switched on, else WooCommerce ignores the
// figure), then a read-back of what was written. WooCommerce has no compare-and-set, so a race (an
// order or an admin edit between our write and the read) shows up as a different remote value:
// reported 'stale' with the remote quantity, for the engine to recompute and push again. The
// read-back is one list request per 100 written records (read-back.ts); a record it no longer
// finds fails alone (remoteItemGone).
import type { ItemResult, StockPushItem } from '../../connector.js';
import { type WooHttp, wooReason } from './http.js';
import { pushBatches, type PushItem } from './push.js';
import { isUnreadable, readBack, type ReadBack, recordIdOf } from './read-back.js';

export async function pushStock(http: WooHttp, items: readonly StockPushItem[]): Promise<ItemResult[]> {
  const pushItems: PushItem[] = items.map((item) => ({
    ref: item.ref,
    remoteVariantId: item.remoteVariantId,
    fields: { manage_stock: true, stock_quantity: item.quantity },
    matches: (record) => record.manage_stock === true && record.stock_quantity === item.quantity,
  }));
  const { written, failed } = await pushBatches(http, pushItems);
  const wanted = new Map(items.map((item) => [item.ref, item.quantity]));
  let seen: ReadBack | null;
  try {
    seen = written.length > 0 ? await readBack(http, written.map((w) => w.target)) : new Map();
  } catch {
    // The write is confirmed by its answer; only the race check is missing, so still 'applied'.
    seen = null;
  }
  const results: ItemResult[] = [...failed];
  for (const { item, target, record } of written) {
    const looked = seen?.get(recordIdOf(target));
    // The write is confirmed by its answer; an unreadable read-back only loses the race check.
    const now = seen === null || isUnreadable(looked) ? record : looked;
    const quantity = wanted.get(item.ref) ?? null;
    if (now === undefined || now === 'gone') {
      results.push({ ref: item.ref, outcome: 'failed', retryable: false, reason: { key: wooReason.remoteItemGone, params: { id: item.remoteVariantId } }, answerExcerpt: null });
    } else if (now.stock_quantity === quantity) {
      results.push({ ref: item.ref, outcome: 'applied', remoteQuantity: now.stock_quantity });
    } else {
      results.push({ ref: item.ref, outcome: 'stale', remoteQuantity: now.stock_quantity });
    }
  }
  return results;
}
