// Client-side model of Shopify's cost bucket (marketplaces.md: pace from
// extensions.cost.throttleStatus instead of hitting THROTTLED). Every answer resets the model
// to what Shopify reported; between answers the bucket refills at restoreRate, so the wait
// before a request is exactly the time its cost needs to be restored. A request booked but
// refused before it ran (5xx, reset, an answer without a throttle status) gives its points back.
export interface ThrottleSnapshot {
  maximumAvailable: number;
  currentlyAvailable: number;
  restoreRate: number;
}

export class CostPacer {
  private available: number;
  private maximum: number;
  private restoreRate: number;
  private observedAtMs: number;
  /** Total time spent waiting for points, for the channel status ("throttling waits"). */
  waitedMs = 0;

  constructor(
    maximumAvailable: number,
    restoreRatePerSecond: number,
    private readonly now: () => number = Date.now,
  ) {
    this.maximum = maximumAvailable;
    this.available = maximumAvailable;
    this.restoreRate = restoreRatePerSecond;
    this.observedAtMs = now();
  }

  private availableNow(): number {
    const restored = (Math.max(0, this.now() - this.observedAtMs) / 1000) * this.restoreRate;
    return Math.min(this.maximum, this.available + restored);
  }

  /** Bucket size as last reported (or configured): no single request may cost more. */
  get maximumAvailable(): number {
    return this.maximum;
  }

  /** Milliseconds to wait before a request of this cost fits (0 when it fits now). */
  delayFor(cost: number): number {
    const needed = Math.min(cost, this.maximum) - this.availableNow();
    // Shopify reports whole points and refills continuously: one extra ms avoids a rounding miss.
    return needed <= 0 ? 0 : Math.ceil((needed / this.restoreRate) * 1000) + 1;
  }

  /** Time to restore `cost` points from empty: the wait after a throttle that came without a status. */
  refillTimeFor(cost: number): number {
    return Math.ceil((Math.min(cost, this.maximum) / this.restoreRate) * 1000);
  }

  /** Takes the points locally once the request is sent, so concurrent callers do not double-book. */
  take(cost: number): void {
    this.available = this.availableNow() - cost;
    this.observedAtMs = this.now();
  }

  /**
   * Returns points booked by take() for a request the platform did not charge: it failed
   * before running (5xx, connection reset) or was refused without a throttle status.
   */
  giveBack(cost: number): void {
    this.available = Math.min(this.maximum, this.availableNow() + cost);
    this.observedAtMs = this.now();
  }

  /** What the server reported; authoritative over the local estimate. */
  observe(status: ThrottleSnapshot): void {
    this.maximum = status.maximumAvailable;
    this.restoreRate = Math.max(1, status.restoreRate);
    this.available = status.currentlyAvailable;
    this.observedAtMs = this.now();
  }
}
