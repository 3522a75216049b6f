// Batched writes (products/batch, products/{id}/variations/batch, ≤ 100 updates a request) with
// per-item results. WooCommerce has no idempotency keys, so a write whose answer was lost (reset,
// timeout, 5xx) is not simply re-sent: the items are read back first and only those not yet
// showing the pushed values are sent again.
import { ConnectorError, type ItemResult } from '../../connector.js';
import { type WooHttp, wooReason } from './http.js';
import { parseVariantId, type WooTarget } from './ids.js';
import { isUnreadable, readBack, type ReadBack, recordIdOf, type StockPriceRecord } from './read-back.js';
import { batchAnswerSchema, batchErrorItemSchema, productSchema, variationSchema } from './schemas.js';

export interface PushItem {
  ref: string;
  remoteVariantId: string;
  /** The fields sent in the batch `update` entry (besides the id). */
  fields: Record<string, unknown>;
  /** Whether a record read back shows this push applied. */
  matches(record: StockPriceRecord): boolean;
}

/** A written item: the record as the batch answer or a read-back showed it. */
export interface Written {
  item: PushItem;
  target: WooTarget;
  record: StockPriceRecord;
}

interface Pending {
  item: PushItem;
  target: WooTarget;
}

const batchLimit = 100;

export async function pushBatches(http: WooHttp, items: readonly PushItem[]): Promise<{ written: Written[]; failed: ItemResult[] }> {
  const written: Written[] = [];
  const failed: ItemResult[] = [];
  const groups = new Map<string, Pending[]>();
  for (const item of items) {
    const target = parseVariantId(item.remoteVariantId);
    if (!target) {
      failed.push(fail(item.ref, false, { key: wooReason.invalidRemoteId, params: { id: item.remoteVariantId } }, null));
      continue;
    }
    const path = target.kind === 'product' ? 'products/batch' : `products/${target.productId}/variations/batch`;
    groups.set(path, [...(groups.get(path) ?? []), { item, target }]);
  }
  for (const [path, group] of groups) {
    for (let start = 0; start < group.length; start += batchLimit) {
      await pushGroup(http, path, group.slice(start, start + batchLimit), written, failed);
    }
  }
  return { written, failed };
}

async function pushGroup(http: WooHttp, path: string, group: Pending[], written: Written[], failed: ItemResult[]): Promise<void> {
  let pending = group;
  for (let attempt = 1; pending.length > 0; attempt++) {
    try {
      const answer = await http.post(path, { update: pending.map(({ item, target }) => ({ id: recordIdOf(target), ...item.fields })) });
      collectAnswer(http, pending, answer.body, answer.excerpt, written, failed);
      return;
    } catch (error) {
      if (!(error instanceof ConnectorError)) throw error;
      // Bad keys or a read-only key fail every item alike: the whole call fails, the engine pauses.
      if (error.kind === 'auth' || error.kind === 'permission' || error.kind === 'not_found' || error.kind === 'tls') throw error;
      // Refused (429 beyond the client's own waits): nothing was applied; the engine paces and retries.
      if (!error.retryable || error.kind === 'rate_limited') {
        const retryable = error.retryable;
        for (const { item } of pending) failed.push(fail(item.ref, retryable, error.reason, error.answerExcerpt));
        return;
      }
      // The write may have been applied before the answer was lost: look before pushing again.
      let seen: ReadBack;
      try {
        seen = await readBack(http, pending.map((p) => p.target));
      } catch {
        for (const { item } of pending) failed.push(fail(item.ref, true, error.reason, error.answerExcerpt));
        return;
      }
      const stillOwed: Pending[] = [];
      for (const entry of pending) {
        const record = seen.get(recordIdOf(entry.target));
        if (record === 'gone') failed.push(fail(entry.item.ref, false, { key: wooReason.remoteItemGone, params: { id: entry.item.remoteVariantId } }, null));
        // Not knowing whether it was applied, an absolute value is not sent again over a possible sale.
        else if (isUnreadable(record)) failed.push(fail(entry.item.ref, true, { key: wooReason.invalidAnswer, params: { id: entry.item.remoteVariantId } }, record.excerpt));
        else if (record && entry.item.matches(record)) written.push({ ...entry, record });
        else stillOwed.push(entry);
      }
      pending = stillOwed;
      if (pending.length > 0 && attempt >= http.maxAttempts) {
        for (const { item } of pending) failed.push(fail(item.ref, true, error.reason, error.answerExcerpt));
        return;
      }
      if (pending.length > 0) await http.backoff(attempt);
    }
  }
}

/** Splits a batch answer into per-item outcomes; an item the answer does not explain fails alone. */
function collectAnswer(http: WooHttp, pending: Pending[], body: unknown, excerpt: string, written: Written[], failed: ItemResult[]): void {
  const envelope = batchAnswerSchema.safeParse(body);
  if (!envelope.success) {
    for (const { item } of pending) failed.push(fail(item.ref, true, { key: wooReason.invalidAnswer, params: { what: 'batch' } }, excerpt));
    return;
  }
  const byId = new Map<number, unknown>();
  const unreadable: unknown[] = [];
  for (const entry of envelope.data.update) {
    const id = typeof entry === 'object' && entry !== null && 'id' in entry && typeof entry.id === 'number' ? entry.id : null;
    if (id === null) unreadable.push(entry);
    else byId.set(id, entry);
  }
  for (const entry of pending) {
    const { item, target } = entry;
    const raw = byId.get(recordIdOf(target));
    const itemExcerpt = raw === undefined ? null : http.excerpt(JSON.stringify(raw));
    if (raw === undefined) {
      const key = unreadable.length > 0 ? wooReason.invalidAnswer : wooReason.itemMissingFromAnswer;
      failed.push(fail(item.ref, true, { key, params: { id: item.remoteVariantId } }, unreadable.length > 0 ? excerpt : null));
      continue;
    }
    const error = batchErrorItemSchema.safeParse(raw);
    if (error.success) {
      const status = error.data.error.data?.status ?? 400;
      const params = { id: item.remoteVariantId, code: error.data.error.code, message: error.data.error.message, status };
      // 5xx / 429 on one item is the server's trouble, worth another try; 4xx is this item's data.
      failed.push(fail(item.ref, status >= 500 || status === 429, { key: wooReason.itemRejected, params }, itemExcerpt));
      continue;
    }
    const record = (target.kind === 'product' ? productSchema : variationSchema).safeParse(raw);
    if (record.success) written.push({ ...entry, record: record.data });
    else failed.push(fail(item.ref, true, { key: wooReason.invalidAnswer, params: { id: item.remoteVariantId } }, itemExcerpt));
  }
}

function fail(ref: string, retryable: boolean, reason: { key: string; params: Record<string, string | number> }, answerExcerpt: string | null): ItemResult {
  return { ref, outcome: 'failed', retryable, reason, answerExcerpt };
}
