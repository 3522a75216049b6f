// The parts of the outbox push protocol every push worker shares (stock: push-worker.ts, prices:
// price-push.ts), so the two cannot drift apart: reading the channel's settings, sending items in
// the platform's batch size with one redacted sync_log entry per call, turning a whole-call error
// into a per-item "callFailed" outcome (and stopping after an error every later batch would repeat),
// and backing a row off with jitter. The key-before-send steps themselves are outbox-store.ts.
import type { Clock } from '../shared/clock.js';
import { backoffDelayMs, type BackoffPolicy } from './backoff.js';
import { channelSettingsSchema, type ChannelSettings } from './channel-settings.js';
import { ConnectorError, type ConnectorErrorKind, type ItemResult, type ReasonText } from './connector.js';
import type { OutboxRow, OutboxStore } from './outbox-store.js';
import type { LogInput } from './push-store.js';
import { reason } from './reasons.js';
import { logExcerpt } from './redact.js';

/** How a push pass ended: ran, another pass of the channel was running, paused, or not set up. */
export type PushRunStatus = 'done' | 'busy' | 'paused' | 'notConfigured';

/** A whole connector call failed: every item in it shares the error. */
export interface CallFailed {
  ref: string;
  outcome: 'callFailed';
  reason: ReasonText;
  retryAfterMs: number | null;
  /**
   * The request may have reached the platform and be applied (late) although no answer came:
   * a timeout, a dropped connection, a 5xx, an unreadable answer. False when the platform
   * certainly did nothing (throttled, auth, permission, wrong URL).
   */
  mayHaveApplied: boolean;
}
export type Outcome = ItemResult | CallFailed;

/** Whole-call errors after which the request may still have been applied by the platform. */
const unanswered: ReadonlySet<ConnectorErrorKind> = new Set<ConnectorErrorKind>(['timeout', 'transient', 'invalid_answer']);

/** channels.settings parsed, or null when missing or invalid (the channel is not configured). */
export function parseChannelSettings(text: string | null | undefined): ChannelSettings | null {
  if (text === null || text === undefined) return null;
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    return null;
  }
  const parsed = channelSettingsSchema.safeParse(json);
  return parsed.success ? parsed.data : null;
}

export interface SendOptions<Item extends { ref: string }> {
  channelId: number;
  items: readonly Item[];
  batchSize: number;
  /** The connector call for one batch (pushStock / pushPrices). */
  call(batch: Item[]): Promise<ItemResult[]>;
  log(entry: LogInput): void;
  secrets: readonly string[];
  nowIso(): string;
  /** sync_log summaries: a call that answered (with its per-outcome counts), a call that failed. */
  sentKey: string;
  failedKey: string;
}

/**
 * Sends the items batch by batch and returns each item's outcome by ref. A retryable whole-call
 * error (rate limit, 5xx, timeout) fails only its batch; any other (auth, permission, wrong URL)
 * would fail every later batch the same way, so those are not sent and share the error.
 */
export async function sendInBatches<Item extends { ref: string }>(options: SendOptions<Item>): Promise<Map<string, Outcome>> {
  const { channelId, items, secrets } = options;
  const outcomes = new Map<string, Outcome>();
  const size = Math.max(1, options.batchSize);
  let stopped: CallFailed | null = null;
  for (let start = 0; start < items.length; start += size) {
    const batch = items.slice(start, start + size);
    const request = logExcerpt(JSON.stringify(batch), secrets);
    if (stopped) {
      for (const item of batch) outcomes.set(item.ref, { ...stopped, ref: item.ref, mayHaveApplied: false });
      continue;
    }
    try {
      const results = await options.call(batch);
      for (const result of results) if (batch.some((item) => item.ref === result.ref)) outcomes.set(result.ref, result);
      const count = (outcome: ItemResult['outcome']) => results.filter((r) => r.outcome === outcome).length;
      options.log({
        channelId,
        at: options.nowIso(),
        summary: reason(options.sentKey, { items: batch.length, applied: count('applied'), stale: count('stale'), failed: count('failed') }),
        requestExcerpt: request,
        answerExcerpt: logExcerpt(JSON.stringify(results), secrets),
      });
    } catch (error) {
      const failure: CallFailed =
        error instanceof ConnectorError
          ? { ref: '', outcome: 'callFailed', reason: error.reason, retryAfterMs: error.retryAfterMs, mayHaveApplied: unanswered.has(error.kind) }
          : { ref: '', outcome: 'callFailed', reason: reason('sync.push.unexpected'), retryAfterMs: null, mayHaveApplied: true };
      for (const item of batch) outcomes.set(item.ref, { ...failure, ref: item.ref });
      options.log({
        channelId,
        at: options.nowIso(),
        summary: reason(options.failedKey, { items: batch.length, reason: failure.reason.key }),
        requestExcerpt: request,
        answerExcerpt: error instanceof ConnectorError && error.answerExcerpt !== null ? logExcerpt(error.answerExcerpt, secrets) : null,
      });
      if (!(error instanceof ConnectorError) || !error.retryable) stopped = failure;
    }
  }
  return outcomes;
}

/** The outcome for a ref, or a retryable "no result" when the platform answered without it. */
export function outcomeFor(outcomes: ReadonlyMap<string, Outcome>, ref: string): Outcome {
  return outcomes.get(ref) ?? { ref, outcome: 'failed', retryable: true, reason: reason('sync.push.noResult'), answerExcerpt: null };
}

export interface BackoffDeps {
  outbox: OutboxStore;
  clock: Clock;
  random: () => number;
  policy: BackoffPolicy;
}

/** Counts the failed attempt and sets the row's next try: exponential with jitter, never before Retry-After. */
export function backOffRow(deps: BackoffDeps, row: OutboxRow, why: ReasonText, retryAfterMs: number | null): void {
  const delay = backoffDelayMs(row.attempts, deps.random, deps.policy, retryAfterMs);
  deps.outbox.fail(row.id, why.key, new Date(deps.clock.now().getTime() + delay).toISOString());
}
