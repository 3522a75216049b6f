// The stock worker's in-memory connector (push-fake-connector.ts: remote stock per (variant,
// location), compare-and-set, answers cached by idempotency key, a lost answer, failed items, a
// failed whole call) extended with prices: remote price and compare-at per variant, the
// same key cache and faults for pushPrices, and `readInto`, which plays the remote catalogue read
// (remote-catalog.ts) by writing channel_remote_variants.
import type { Db } from '../../../src/db/open.js';
import { ConnectorError, type ItemResult, type PricePushItem } from '../../../src/sync/connector.js';
import { FakeConnector } from './push-fake-connector.js';

export interface RemotePrice {
  price: number;
  compareAtPrice: number | null;
}

export class PriceFakeConnector extends FakeConnector {
  /** Remote prices by remote variant id. */
  readonly prices = new Map<string, RemotePrice>();
  readonly priceCalls: PricePushItem[][] = [];
  /** How many times each key's request was actually applied. */
  readonly pricesAppliedByKey = new Map<string, number>();
  private readonly priceAnswers = new Map<string, ItemResult>();

  override pushPrices(items: readonly PricePushItem[]): Promise<ItemResult[]> {
    if (items.length > this.capabilities.priceBatchSize) throw new Error(`batch of ${items.length} exceeds ${this.capabilities.priceBatchSize}`);
    this.priceCalls.push(items.map((item) => ({ ...item })));
    if (this.nextCallError) {
      const error = this.nextCallError;
      this.nextCallError = null;
      return Promise.reject(error);
    }
    const results = items.map((item) => this.onePrice(item));
    if (this.loseNextAnswer) {
      this.loseNextAnswer = false;
      return Promise.reject(new ConnectorError('timeout', { key: 'sync.error.timeout', params: {} }));
    }
    return Promise.resolve(results);
  }

  private onePrice(item: PricePushItem): ItemResult {
    const cacheKey = item.idempotencyKey === null ? null : `${item.idempotencyKey}|${item.remoteVariantId}`;
    const cached = cacheKey === null ? undefined : this.priceAnswers.get(cacheKey);
    if (cached) return { ...cached, ref: item.ref };
    const failure = this.failing.get(item.remoteVariantId);
    let result: ItemResult;
    if (failure) {
      result = { ref: item.ref, outcome: 'failed', retryable: failure.retryable, reason: { key: 'sync.item.refused', params: { id: item.remoteVariantId } }, answerExcerpt: failure.excerpt };
    } else {
      this.prices.set(item.remoteVariantId, { price: item.price, compareAtPrice: this.capabilities.compareAtPrice ? item.compareAtPrice : null });
      if (item.idempotencyKey !== null) this.pricesAppliedByKey.set(item.idempotencyKey, (this.pricesAppliedByKey.get(item.idempotencyKey) ?? 0) + 1);
      result = { ref: item.ref, outcome: 'applied', remoteQuantity: null };
    }
    if (cacheKey !== null) this.priceAnswers.set(cacheKey, result);
    return result;
  }

  /** Writes the remote prices into the remote catalogue table, as an incremental read would. */
  readInto(db: Db, channelId: number, at: string): void {
    const upsert = db.prepare(
      `INSERT INTO channel_remote_variants (channel_id, remote_variant_id, remote_product_id, price, compare_at_price, remote_updated_at, seen_at)
       VALUES (?, ?, ?, ?, ?, ?, ?)
       ON CONFLICT (channel_id, remote_variant_id) DO UPDATE SET price = excluded.price, compare_at_price = excluded.compare_at_price, seen_at = excluded.seen_at`,
    );
    for (const [id, prices] of this.prices) upsert.run(channelId, id, `rp-${id}`, prices.price, prices.compareAtPrice, at, at);
  }
}
