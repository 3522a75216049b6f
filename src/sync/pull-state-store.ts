// Each channel's sync health (channel_sync_state, migration 0012) for the status page and the
// sync-failure alert: when pulls and pushes last ran and last succeeded, since when the channel
// fails (set by the first failure, kept by later ones, cleared by any success), the last
// whole-call error as a reason key + params, and today's counters. "Today" is the UTC date of
// the write: the first write of a new day starts the counters from 0, so no job is needed to
// reset them. The puller (order-puller.ts) and the push worker share this one store.
import type { Db } from '../db/open.js';
import type { ReasonText } from './connector.js';

export interface SyncState {
  channelId: number;
  lastPullAt: string | null;
  lastPullOkAt: string | null;
  lastPushAt: string | null;
  lastPushOkAt: string | null;
  failingSince: string | null;
  lastError: ReasonText | null;
  /** UTC date (YYYY-MM-DD) the counters below count; null before the first write. */
  day: string | null;
  pushedToday: number;
  pulledToday: number;
  throttleWaitMsToday: number;
}

interface Row {
  channelId: number;
  lastPullAt: string | null;
  lastPullOkAt: string | null;
  lastPushAt: string | null;
  lastPushOkAt: string | null;
  failingSince: string | null;
  lastErrorKey: string | null;
  lastErrorParams: string;
  day: string | null;
  pushedToday: number;
  pulledToday: number;
  throttleWaitMsToday: number;
}

const dayOf = (at: string): string => at.slice(0, 10);

function paramsOf(text: string): Record<string, string | number> {
  try {
    const parsed: unknown = JSON.parse(text);
    if (parsed === null || typeof parsed !== 'object' || Array.isArray(parsed)) return {};
    const out: Record<string, string | number> = {};
    for (const [key, value] of Object.entries(parsed)) if (typeof value === 'string' || typeof value === 'number') out[key] = value;
    return out;
  } catch {
    return {};
  }
}

export function createSyncStateStore(db: Db) {
  const ensure = db.prepare<[number, string, string]>(
    'INSERT INTO channel_sync_state (channel_id, day, updated_at) VALUES (?, ?, ?) ON CONFLICT (channel_id) DO NOTHING',
  );
  // Counters of another day start again from 0.
  const rollDay = db.prepare<{ channelId: number; day: string; at: string }>(
    `UPDATE channel_sync_state SET pushed_today = 0, pulled_today = 0, throttle_wait_ms_today = 0, day = @day, updated_at = @at
     WHERE channel_id = @channelId AND (day IS NULL OR day <> @day)`,
  );
  const pullStarted = db.prepare<[string, string, number]>('UPDATE channel_sync_state SET last_pull_at = ?, updated_at = ? WHERE channel_id = ?');
  const pullOk = db.prepare<[string, number, string, number]>(
    `UPDATE channel_sync_state SET last_pull_ok_at = ?, pulled_today = pulled_today + ?, failing_since = NULL, last_error_key = NULL,
       last_error_params = '{}', updated_at = ? WHERE channel_id = ?`,
  );
  const pushOk = db.prepare<[string, string, number, string, number]>(
    `UPDATE channel_sync_state SET last_push_at = ?, last_push_ok_at = ?, pushed_today = pushed_today + ?, failing_since = NULL,
       last_error_key = NULL, last_error_params = '{}', updated_at = ? WHERE channel_id = ?`,
  );
  const failed = db.prepare<[string, string, string, string, number]>(
    `UPDATE channel_sync_state SET failing_since = COALESCE(failing_since, ?), last_error_key = ?, last_error_params = ?, updated_at = ?
     WHERE channel_id = ?`,
  );
  const pushAttempt = db.prepare<[string, string, number]>('UPDATE channel_sync_state SET last_push_at = ?, updated_at = ? WHERE channel_id = ?');
  const throttle = db.prepare<[number, string, number]>(
    'UPDATE channel_sync_state SET throttle_wait_ms_today = throttle_wait_ms_today + ?, updated_at = ? WHERE channel_id = ?',
  );
  const read = db.prepare<[number], Row>(
    `SELECT channel_id AS channelId, last_pull_at AS lastPullAt, last_pull_ok_at AS lastPullOkAt, last_push_at AS lastPushAt,
       last_push_ok_at AS lastPushOkAt, failing_since AS failingSince, last_error_key AS lastErrorKey,
       last_error_params AS lastErrorParams, day, pushed_today AS pushedToday, pulled_today AS pulledToday,
       throttle_wait_ms_today AS throttleWaitMsToday
     FROM channel_sync_state WHERE channel_id = ?`,
  );

  /** Runs `write` on the channel's row, created if missing, with today's counters. One transaction. */
  const onRow = (channelId: number, at: string, write: () => void): void => {
    db.transaction(() => {
      ensure.run(channelId, dayOf(at), at);
      rollDay.run({ channelId, day: dayOf(at), at });
      write();
    })();
  };

  return {
    /** A pull began (last_pull_at). */
    pullStarted(channelId: number, at: string): void {
      onRow(channelId, at, () => pullStarted.run(at, at, channelId));
    },
    /** A pull ended well: `orders` (new or changed) are added to today's count; the failure state clears. */
    pullSucceeded(channelId: number, orders: number, at: string): void {
      onRow(channelId, at, () => pullOk.run(at, Math.max(0, Math.trunc(orders)), at, channelId));
    },
    /** A whole pull failed: failing_since keeps the first failure's time; the last error is replaced. */
    pullFailed(channelId: number, error: ReasonText, at: string): void {
      onRow(channelId, at, () => {
        pullStarted.run(at, at, channelId);
        failed.run(at, error.key, JSON.stringify(error.params), at, channelId);
      });
    },
    /** A push pass ended well: `count` items pushed are added to today's count; the failure state clears. */
    pushSucceeded(channelId: number, count: number, at: string): void {
      onRow(channelId, at, () => pushOk.run(at, at, Math.max(0, Math.trunc(count)), at, channelId));
    },
    /** A whole push call failed (same failure fields as a pull: a channel fails whichever direction does). */
    pushFailed(channelId: number, error: ReasonText, at: string): void {
      onRow(channelId, at, () => {
        pushAttempt.run(at, at, channelId);
        failed.run(at, error.key, JSON.stringify(error.params), at, channelId);
      });
    },
    /** Time spent waiting for the platform's rate limit, added to today's total. */
    addThrottleWait(channelId: number, ms: number, at: string): void {
      if (!(ms > 0)) return;
      onRow(channelId, at, () => throttle.run(Math.round(ms), at, channelId));
    },
    get(channelId: number): SyncState | null {
      const row = read.get(channelId);
      if (!row) return null;
      const { lastErrorKey, lastErrorParams, ...rest } = row;
      return { ...rest, lastError: lastErrorKey === null ? null : { key: lastErrorKey, params: paramsOf(lastErrorParams) } };
    },
  };
}

export type SyncStateStore = ReturnType<typeof createSyncStateStore>;
