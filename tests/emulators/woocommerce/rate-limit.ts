// A host-level request limiter (WooCommerce itself has none; hosts and security plugins add one):
// at most `maxRequests` per sliding `windowMs`, beyond which the answer is 429 with `Retry-After`.

export interface RateLimitSettings {
  maxRequests: number;
  windowMs: number;
}

export class SlidingWindowLimiter {
  private readonly recent: number[] = [];

  constructor(private settings: RateLimitSettings | null) {}

  configure(settings: RateLimitSettings | null): void {
    this.settings = settings;
    this.recent.length = 0;
  }

  /** Records a request at `nowMs`; returns the seconds to wait when it is over the limit, else null. */
  admit(nowMs: number): number | null {
    if (!this.settings) return null;
    const { maxRequests, windowMs } = this.settings;
    while (this.recent.length > 0 && (this.recent[0] ?? 0) <= nowMs - windowMs) this.recent.shift();
    if (this.recent.length >= maxRequests) {
      const oldest = this.recent[0] ?? nowMs;
      return Math.max(1, Math.ceil((oldest + windowMs - nowMs) / 1000));
    }
    this.recent.push(nowMs);
    return null;
  }
}
