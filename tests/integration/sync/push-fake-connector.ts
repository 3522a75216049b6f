// An in-memory Connector for the push worker's tests: remote stock per (variant, location),
// compare-and-set, answers cached by idempotency key (a resend under the same key is not applied
// twice), and switchable faults: a lost answer, a failed item, a failed whole call.
import {
  ConnectorError,
  type Connector,
  type ConnectorCapabilities,
  type ItemResult,
  type PricePushItem,
  type StockPushItem,
} from '../../../src/sync/connector.js';

export const fakeCapabilities: ConnectorCapabilities = {
  compareAndSet: true,
  idempotencyKeys: true,
  stockBatchSize: 250,
  priceBatchSize: 250,
  stockScope: 'variant',
  compareAtPrice: true,
  rateLimit: { kind: 'retry-after' },
  timestampPrecisionSeconds: 1,
};

const placeOf = (item: Pick<StockPushItem, 'remoteVariantId' | 'remoteLocationId'>) => `${item.remoteVariantId}@${item.remoteLocationId ?? ''}`;

export class FakeConnector implements Connector {
  readonly kind = 'fake';
  readonly capabilities: ConnectorCapabilities;
  /** Remote stock by `${remoteVariantId}@${remoteLocationId ?? ''}`. */
  readonly remote = new Map<string, number>();
  readonly calls: StockPushItem[][] = [];
  /** How many times each key's request was actually applied. */
  readonly appliedByKey = new Map<string, number>();
  private readonly answered = new Map<string, ItemResult>();
  /** Per remote variant: fail its items with this result (retryable or not). */
  readonly failing = new Map<string, { retryable: boolean; excerpt: string | null }>();
  /** Apply the next call, then lose its answer (a timeout after the platform did the work). */
  loseNextAnswer = false;
  /** Throw this from the next call before applying anything. */
  nextCallError: ConnectorError | null = null;

  constructor(capabilities: Partial<ConnectorCapabilities> = {}) {
    this.capabilities = { ...fakeCapabilities, ...capabilities };
  }

  quantityAt(remoteVariantId: string, remoteLocationId: string | null = null): number | undefined {
    return this.remote.get(placeOf({ remoteVariantId, remoteLocationId }));
  }

  pushStock(items: readonly StockPushItem[]): Promise<ItemResult[]> {
    if (items.length > this.capabilities.stockBatchSize) throw new Error(`batch of ${items.length} exceeds ${this.capabilities.stockBatchSize}`);
    this.calls.push(items.map((item) => ({ ...item })));
    if (this.nextCallError) {
      const error = this.nextCallError;
      this.nextCallError = null;
      return Promise.reject(error);
    }
    const results = items.map((item) => this.one(item));
    if (this.loseNextAnswer) {
      this.loseNextAnswer = false;
      return Promise.reject(new ConnectorError('timeout', { key: 'sync.error.timeout', params: {} }));
    }
    return Promise.resolve(results);
  }

  private one(item: StockPushItem): ItemResult {
    const cacheKey = item.idempotencyKey === null ? null : `${item.idempotencyKey}|${placeOf(item)}`;
    const cached = cacheKey === null ? undefined : this.answered.get(cacheKey);
    if (cached) return { ...cached, ref: item.ref };
    const failure = this.failing.get(item.remoteVariantId);
    let result: ItemResult;
    if (failure) {
      result = { ref: item.ref, outcome: 'failed', retryable: failure.retryable, reason: { key: 'sync.item.refused', params: { id: item.remoteVariantId } }, answerExcerpt: failure.excerpt };
    } else {
      const current = this.remote.get(placeOf(item));
      if (this.capabilities.compareAndSet && item.expectedQuantity !== null && current !== undefined && current !== item.expectedQuantity) {
        result = { ref: item.ref, outcome: 'stale', remoteQuantity: current };
      } else {
        this.remote.set(placeOf(item), item.quantity);
        if (item.idempotencyKey !== null) this.appliedByKey.set(item.idempotencyKey, (this.appliedByKey.get(item.idempotencyKey) ?? 0) + 1);
        result = { ref: item.ref, outcome: 'applied', remoteQuantity: item.quantity };
      }
    }
    if (cacheKey !== null) this.answered.set(cacheKey, result);
    return result;
  }

  /** The stock worker never pushes prices; price-fake-connector.ts extends this class with them. */
  pushPrices(_items: readonly PricePushItem[]): Promise<ItemResult[]> {
    return Promise.reject(new Error('not used by the stock worker'));
  }
  testConnection(): never {
    throw new Error('not used');
  }
  listLocations(): never {
    throw new Error('not used');
  }
  listVariants(): never {
    throw new Error('not used');
  }
  pullOrders(): never {
    throw new Error('not used');
  }
}
