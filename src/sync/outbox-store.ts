// The durable outbox of pushes owed to channels (table sync_outbox, migration 0011).
//
// Stock and price changes are enqueued by triggers (sync_outbox_stock_*, sync_outbox_price_update)
// inside the writer's own transaction, so the ledger, orders, imports and catalogue edits cannot
// forget to: the row commits or rolls back with the change it describes. With no channel linking
// the variant the trigger costs one probe of the channel_links_by_variant index, so bulk writes
// of a shop without channels stay as fast as before. This store holds the explicit enqueues (a new
// link, a channel's rule changed: push everything again) and the worker's side of the protocol:
//
//   1. `due` lists rows whose backoff has passed.
//   2. `issueKey` persists an idempotency key for the row's current version BEFORE the request
//      is sent (its own commit), so a retry after a lost answer reuses the same key.
//   3. `complete(id, version)` deletes the row only if no newer change arrived meanwhile; if one
//      did, the row stays due and the next `issueKey` hands out a fresh key for the new version.
//   4. `fail` counts the attempt, keeps the reason and sets the next try.
// A crash between any two steps leaves the row in place: the push is either done or still queued.
// The stock worker uses the batch forms (`issueKeys`, `applied`) so a round of hundreds of rows costs
// one commit before the send and one after, not two per row; the order of steps is the same.
//
// Two columns (migration 0012) remember what a lost answer hides: `sent_quantities` (what was sent
// under keys whose answer never came: a refused compare-and-set reporting one of them met our own
// write, not a remote edit) and `check_state` (without compare-and-set, a timed-out request may
// still land after a later push: 'unsure' until a push is applied, then 'verify' = push once more
// after the late request's window has passed).
import { randomUUID } from 'node:crypto';
import { z } from 'zod';
import type { Db } from '../db/open.js';

export const outboxKinds = ['stock', 'price'] as const;
export type OutboxKind = (typeof outboxKinds)[number];

export interface OutboxRow {
  id: number;
  channelId: number;
  variantId: number;
  kind: OutboxKind;
  /** Bumped by every coalesced change; a push is for one version. */
  version: number;
  changedAt: string;
  attempts: number;
  nextTryAt: string | null;
  lastError: string | null;
  idempotencyKey: string | null;
  keyVersion: number | null;
  /** 'unsure': an attempt's answer was lost (no compare-and-set); 'verify': push once more at nextTryAt. */
  checkState: CheckState | null;
}

export type CheckState = 'unsure' | 'verify';

export interface IssuedKey {
  version: number;
  idempotencyKey: string;
}

/** A quantity sent under a key whose answer never came, and when it was sent. */
export interface SentFigure {
  quantity: number;
  at: string;
}
/** Per target ('' for per-variant stock, else the remote location id): unconfirmed figures, oldest first. */
export type SentQuantities = Record<string, SentFigure[]>;

export interface KeyRequest {
  id: number;
  /** A new key even for the same version: the previous request was refused, or this is a verification push. */
  renew: boolean;
  /** What this request sends, per target; remembered with the key. */
  sent: Record<string, number>;
  at: string;
}

const sentSchema = z.record(z.string(), z.array(z.object({ quantity: z.number().int(), at: z.string() })));
/** Older unconfirmed figures kept per target: a few lost answers in a row, never an unbounded list. */
const keptFigures = 8;

function parseSent(text: string | null): SentQuantities {
  if (text === null) return {};
  try {
    const parsed = sentSchema.safeParse(JSON.parse(text));
    return parsed.success ? parsed.data : {};
  } catch {
    return {};
  }
}

const columns = `id, channel_id AS channelId, variant_id AS variantId, kind, version, changed_at AS changedAt, attempts,
  next_try_at AS nextTryAt, last_error AS lastError, idempotency_key AS idempotencyKey, key_version AS keyVersion,
  check_state AS checkState`;

// The same coalescing upsert as the triggers: one row per (channel, variant, kind).
const coalesce = `ON CONFLICT (channel_id, variant_id, kind) DO UPDATE SET version = version + 1, changed_at = excluded.changed_at`;

export function createOutboxStore(db: Db, newKey: () => string = randomUUID) {
  const enqueueOne = db.prepare<[number, number, OutboxKind, string]>(
    `INSERT INTO sync_outbox (channel_id, variant_id, kind, changed_at) VALUES (?, ?, ?, ?) ${coalesce}`,
  );
  const enqueueChannel = db.prepare<[string, string, number]>(
    `INSERT INTO sync_outbox (channel_id, variant_id, kind, changed_at)
     SELECT channel_id, variant_id, ?, ? FROM channel_links WHERE channel_id = ? ${coalesce}`,
  );
  const due = db.prepare<[number, string, string, number], OutboxRow>(
    `SELECT ${columns} FROM sync_outbox
     WHERE channel_id = ? AND kind = ? AND (next_try_at IS NULL OR next_try_at <= ?)
     ORDER BY id LIMIT ?`,
  );
  const byId = db.prepare<[number], OutboxRow>(`SELECT ${columns} FROM sync_outbox WHERE id = ?`);
  const setKey = db.prepare<[string, number, number]>('UPDATE sync_outbox SET idempotency_key = ?, key_version = ? WHERE id = ?');
  const remove = db.prepare<[number, number]>('DELETE FROM sync_outbox WHERE id = ? AND version = ?');
  const failed = db.prepare<[string, string, number]>(
    'UPDATE sync_outbox SET attempts = attempts + 1, last_error = ?, next_try_at = ? WHERE id = ?',
  );
  const pending = db.prepare<[number], { n: number }>('SELECT COUNT(*) AS n FROM sync_outbox WHERE channel_id = ?');
  const keyState = db.prepare<[number], { version: number; idempotencyKey: string | null; keyVersion: number | null; sent: string | null }>(
    'SELECT version, idempotency_key AS idempotencyKey, key_version AS keyVersion, sent_quantities AS sent FROM sync_outbox WHERE id = ?',
  );
  const setKeySent = db.prepare<[string, number, string, number]>('UPDATE sync_outbox SET idempotency_key = ?, key_version = ?, sent_quantities = ? WHERE id = ?');
  const sentOf = db.prepare<[number], { sent: string | null }>('SELECT sent_quantities AS sent FROM sync_outbox WHERE id = ?');
  const toVerify = db.prepare<[string, number]>(
    "UPDATE sync_outbox SET check_state = 'verify', next_try_at = ?, attempts = 0, last_error = NULL WHERE id = ? AND check_state = 'unsure'",
  );
  const keptClean = db.prepare<[number]>('UPDATE sync_outbox SET check_state = NULL, sent_quantities = NULL WHERE id = ?');
  const unsure = db.prepare<[number]>("UPDATE sync_outbox SET check_state = 'unsure' WHERE id = ?");

  const issueKeys = db.transaction((requests: readonly KeyRequest[]): Map<number, IssuedKey> => {
    const issued = new Map<number, IssuedKey>();
    for (const request of requests) {
      const row = keyState.get(request.id);
      if (!row) continue;
      const reuse = !request.renew && row.idempotencyKey !== null && row.keyVersion === row.version;
      const idempotencyKey = reuse && row.idempotencyKey !== null ? row.idempotencyKey : newKey();
      const sent = parseSent(row.sent);
      for (const [target, quantity] of Object.entries(request.sent)) {
        const figures = (sent[target] ?? []).filter((figure) => figure.quantity !== quantity);
        sent[target] = [...figures, { quantity, at: request.at }].slice(-keptFigures);
      }
      setKeySent.run(idempotencyKey, row.version, JSON.stringify(sent), request.id);
      issued.set(request.id, { version: row.version, idempotencyKey });
    }
    return issued;
  });

  const issueKey = db.transaction((id: number): IssuedKey | null => {
    const row = byId.get(id);
    if (!row) return null;
    if (row.idempotencyKey !== null && row.keyVersion === row.version) return { version: row.version, idempotencyKey: row.idempotencyKey };
    const idempotencyKey = newKey();
    setKey.run(idempotencyKey, row.version, id);
    return { version: row.version, idempotencyKey };
  });

  // A refused compare-and-set was not applied; its retry carries a different expected quantity,
  // and a platform that caches answers by key would replay the refusal for the old key.
  const renewKey = db.transaction((id: number): IssuedKey | null => {
    const row = byId.get(id);
    if (!row) return null;
    const idempotencyKey = newKey();
    setKey.run(idempotencyKey, row.version, id);
    return { version: row.version, idempotencyKey };
  });

  return {
    /** Queues (or coalesces into) a push of one variant to one channel. */
    enqueue(channelId: number, variantId: number, kind: OutboxKind, at: string): void {
      enqueueOne.run(channelId, variantId, kind, at);
    },
    /** Queues a push of every variant the channel links, e.g. after its buffer or share changed. */
    enqueueChannel(channelId: number, kind: OutboxKind, at: string): number {
      return enqueueChannel.run(kind, at, channelId).changes;
    },
    due(channelId: number, kind: OutboxKind, now: string, limit: number): OutboxRow[] {
      return due.all(channelId, kind, now, limit);
    },
    get(id: number): OutboxRow | undefined {
      return byId.get(id);
    },
    /**
     * The key to send with the row's current version, created and committed if needed. Call it
     * outside any other transaction, before sending. Null when the row is gone (already done).
     */
    issueKey(id: number): IssuedKey | null {
      return issueKey(id);
    },
    /**
     * A fresh key for the row's current version, committed before sending: only after the
     * platform refused the previous request (stale compare-and-set), never after a lost answer.
     */
    renewKey(id: number): IssuedKey | null {
      return renewKey(id);
    },
    /**
     * Keys for a whole round in ONE commit, before anything is sent: each row keeps its key for
     * the same version (a resend after a lost answer) unless `renew`, and remembers what this
     * request sends next to the figures of earlier unanswered ones. Rows already gone are absent.
     */
    issueKeys(requests: readonly KeyRequest[]): Map<number, IssuedKey> {
      return requests.length === 0 ? new Map() : issueKeys(requests);
    },
    /** What was sent under keys whose answer never came (empty once a push is confirmed and no late arrival is awaited). */
    sentQuantities(id: number): SentQuantities {
      return parseSent(sentOf.get(id)?.sent ?? null);
    },
    /** The attempt may have been applied without an answer (timeout, connection lost). */
    markUnsure(id: number): void {
      unsure.run(id);
    },
    /**
     * The push of `version` was applied. With `verifyAt` and an earlier unanswered attempt
     * ('unsure'), the row stays for one more push at `verifyAt` ('verify'; the unanswered figures
     * are kept: one may still land); else it is deleted unless a newer change keeps it queued
     * ('kept', its figures cleared). Call inside the round's settling transaction.
     */
    applied(id: number, version: number, verifyAt: string | null): 'done' | 'kept' | 'verify' {
      if (verifyAt !== null && toVerify.run(verifyAt, id).changes > 0) return 'verify';
      if (remove.run(id, version).changes > 0) return 'done';
      keptClean.run(id);
      return 'kept';
    },
    /** The push of `version` succeeded: true when the row is gone, false when a newer change keeps it queued. */
    complete(id: number, version: number): boolean {
      return remove.run(id, version).changes > 0;
    },
    /** The attempt failed: count it, keep why, try again at `nextTryAt`. */
    fail(id: number, error: string, nextTryAt: string): void {
      failed.run(error, nextTryAt, id);
    },
    pendingCount(channelId: number): number {
      return pending.get(channelId)?.n ?? 0;
    },
  };
}

export type OutboxStore = ReturnType<typeof createOutboxStore>;
