// The audit log's hash chain: each row's hash covers the previous row's hash and
// every field of the row, so editing, inserting or deleting a row with plain SQL
// (after dropping the append-only triggers) breaks the chain at that row. The
// serialisation is fixed (field order, JSON for each value) so any build — or a
// PostgreSQL store later — computes the same hash.
import { createHash } from 'node:crypto';

/** The prev_hash of the first row. */
export const genesisHash = '0'.repeat(64);

/** The fields a row's hash covers, as stored (JSON columns as their text). */
export interface ChainedFields {
  id: number;
  at: string;
  personId: number;
  personName: string;
  origin: string;
  area: string;
  kind: string;
  subject: string | null;
  summary: string | null;
  inputJson: string | null;
  beforeJson: string | null;
  afterJson: string | null;
  extraJson: string | null;
  changeSetId: number | null;
}

export function canonicalRow(row: ChainedFields): string {
  return JSON.stringify([
    row.id,
    row.at,
    row.personId,
    row.personName,
    row.origin,
    row.area,
    row.kind,
    row.subject,
    row.summary,
    row.inputJson,
    row.beforeJson,
    row.afterJson,
    row.extraJson,
    row.changeSetId,
  ]);
}

export function chainHash(prevHash: string, row: ChainedFields): string {
  return createHash('sha256').update(prevHash).update(canonicalRow(row)).digest('hex');
}

export interface StoredChainRow extends ChainedFields {
  prevHash: string;
  hash: string;
}

export type ChainBreakReason = 'edited' | 'missingBefore' | 'inserted';

export type ChainStatus =
  | { ok: true; rows: number }
  | { ok: false; rows: number; brokenAt: { id: number; at: string; reason: ChainBreakReason } };

/**
 * Walks the rows in id order (streamed: a shop's log may hold millions) and names the first
 * one that does not follow from the row before it:
 * - `edited`: its own hash does not match its fields (a value changed in place);
 * - `missingBefore`: it does not follow the row before (a row before it was deleted: an id gap);
 * - `inserted`: it does not follow the row before although the ids are contiguous (a row was
 *   slipped in, or the chain re-written from this row on).
 */
export function walkChain(rows: Iterable<StoredChainRow>): ChainStatus {
  let prevHash = genesisHash;
  let prevId = 0;
  let count = 0;
  for (const row of rows) {
    count += 1;
    if (chainHash(row.prevHash, row) !== row.hash) return broken(count, row, 'edited');
    if (row.prevHash !== prevHash || row.id !== prevId + 1) {
      return broken(count, row, row.id !== prevId + 1 ? 'missingBefore' : 'inserted');
    }
    prevHash = row.hash;
    prevId = row.id;
  }
  return { ok: true, rows: count };
}

function broken(rows: number, row: StoredChainRow, reason: ChainBreakReason): ChainStatus {
  return { ok: false, rows, brokenAt: { id: row.id, at: row.at, reason } };
}
