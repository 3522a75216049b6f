// When a failed push is tried again. Exponential, so a platform that is down is not hammered;
// jittered, so the rows (and shops) that failed together do not all come back in the same second.

export interface BackoffPolicy {
  baseMs: number;
  maxMs: number;
}

export const defaultBackoff: BackoffPolicy = { baseMs: 30_000, maxMs: 3_600_000 };

/**
 * Delay before the next try after `attempts` earlier failures (0 for the first): between half and
 * all of min(max, base × 2^attempts) — the half floor keeps the delay growing despite the jitter —
 * and never sooner than the platform's Retry-After.
 */
export function backoffDelayMs(attempts: number, random: () => number, policy: BackoffPolicy = defaultBackoff, retryAfterMs: number | null = null): number {
  const ceiling = Math.min(policy.maxMs, policy.baseMs * 2 ** Math.min(attempts, 30));
  const jittered = Math.floor(ceiling / 2 + (ceiling / 2) * Math.min(Math.max(random(), 0), 1));
  return Math.max(jittered, retryAfterMs ?? 0);
}

/**
 * A connector's wait before retrying one request after `failures` failed attempts (1 for the
 * first retry): "full jitter", anywhere in [0, min(max, base × 2^(failures − 1))), so many
 * Shopdesk installs retrying one server do not retry in lockstep.
 */
export function requestRetryDelayMs(failures: number, random: () => number, baseMs: number, maxMs: number): number {
  return Math.floor(random() * Math.min(maxMs, baseMs * 2 ** Math.max(failures - 1, 0)));
}
