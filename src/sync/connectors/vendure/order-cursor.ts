// Keyset paging for the order pull. Orders are sorted by updatedAt then id, and a page's cursor
// says where it ended: the last updatedAt read and the ids already read at that instant. The
// next page asks for `updatedAt >= that instant`, excluding those ids, so an order modified during
// the pass (it moves to the end of the sort) can neither shift the rest past an offset — the way
// `skip` paging lost an order for good — nor hide another one; it is simply read again.
//
// Vendure's ID filter has no `>` (only eq/in/notIn), hence the id list. The list is bounded: a
// second holding more than `maxSeenIds` orders (a bulk import) continues with an offset inside
// that second only. A plain number is the earlier skip cursor, still accepted.
import { z } from 'zod';
import { ConnectorError } from '../../connector.js';
import { vendureReasons as R } from './reasons.js';

/** Ids kept in a cursor before an offset within the boundary instant takes over. */
export const maxSeenIds = 500;

const prefix = 'k1.';

export interface OrderKeyset {
  /** updatedAt of the last order read (ISO). */
  at: string;
  /** Ids of orders read whose updatedAt is `at`. */
  seen: string[];
  /** Orders at `at`, beyond `seen`, already read (in id order). */
  skip: number;
}

export type OrderCursor = { kind: 'start' } | { kind: 'offset'; skip: number } | { kind: 'keyset'; keyset: OrderKeyset };

const keysetSchema = z.object({
  at: z.string().refine((text) => !Number.isNaN(Date.parse(text))),
  seen: z.array(z.string()).max(maxSeenIds),
  skip: z.number().int().nonnegative(),
});

function badCursor(cursor: string): ConnectorError {
  return new ConnectorError('invalid_answer', { key: R.badCursor, params: { cursor: cursor.slice(0, 80) } });
}

export function decodeOrderCursor(cursor: string | null): OrderCursor {
  if (cursor === null) return { kind: 'start' };
  if (/^\d+$/.test(cursor)) return { kind: 'offset', skip: Number(cursor) };
  if (!cursor.startsWith(prefix)) throw badCursor(cursor);
  let json: unknown;
  try {
    json = JSON.parse(Buffer.from(cursor.slice(prefix.length), 'base64url').toString('utf8'));
  } catch {
    throw badCursor(cursor);
  }
  const parsed = keysetSchema.safeParse(json);
  if (!parsed.success) throw badCursor(cursor);
  return { kind: 'keyset', keyset: parsed.data };
}

export function encodeOrderCursor(keyset: OrderKeyset): string {
  return prefix + Buffer.from(JSON.stringify(keyset)).toString('base64url');
}

const instant = (text: string): string => new Date(text).toISOString();

/** The options filter and skip that continue after `keyset`. */
export function keysetQuery(keyset: OrderKeyset): { updatedAt: { after: string }; id?: { notIn: string[] }; skip: number } {
  // Vendure's `after` is strict: one millisecond earlier reads the boundary instant itself again.
  const after = new Date(Date.parse(keyset.at) - 1).toISOString();
  return { updatedAt: { after }, ...(keyset.seen.length > 0 ? { id: { notIn: keyset.seen } } : {}), skip: keyset.skip };
}

/**
 * The keyset after a page (`rows` in the order Vendure returned them, drafts included), carrying
 * over the ids of the previous keyset when the page ends at the same instant.
 */
export function nextKeyset(previous: OrderKeyset | null, rows: readonly { id: string; updatedAt: string }[]): OrderKeyset | null {
  const last = rows[rows.length - 1];
  if (!last) return null;
  const at = instant(last.updatedAt);
  const sameInstant = previous !== null && instant(previous.at) === at;
  const seen = sameInstant ? [...previous.seen] : [];
  let skip = sameInstant ? previous.skip : 0;
  for (const row of rows) {
    if (instant(row.updatedAt) !== at) continue;
    if (seen.length < maxSeenIds && skip === 0) seen.push(row.id);
    else skip += 1;
  }
  return { at, seen, skip };
}
