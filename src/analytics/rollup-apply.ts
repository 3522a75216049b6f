// Writes a rollup's recomputed rows for the dirty hours so that only what changed is written.
//
// Deleting every row of the dirty hours and inserting them again (what the refresh did) rewrites a page
// per row in the rollups keyed by variant or customer first: a dirty hour's rows are spread over the whole
// table. After 1,000 new orders in today's hours of the large demo shop that was thousands of pages
// through the WAL (and a checkpoint) to change a few dozen rows. Here the hours' rows are recomputed into
// a temporary table (same SQL, same rules), then the rollup loses the rows that are no longer produced
// and takes the new and changed ones; a row whose values are the same is not written.
import type { Db } from '../db/open.js';
import { dirtyBatch } from './rollup-dirty-lines.js';

export interface RollupShape {
  /** The rollup table (its rows are keyed by `hour` plus the rest of `key`). */
  table: string;
  /** Its primary key columns, `hour` among them. */
  key: readonly string[];
  /** Every other column. */
  values: readonly string[];
}

/** Returns the write of one rollup: `select` gives the rows of the batch's hours (rollup-dirty-lines.ts), key columns then values. */
export function createRollupApply(db: Db, shape: RollupShape, select: string): () => void {
  const { table, key, values } = shape;
  const all = [...key, ...values].join(', ');
  const fresh = `rollup_fresh_${table}`;
  // Per connection, in memory (temp_store): the same columns as the rollup, keyed for the lookups below.
  // Created again before each use: a rolled-back transaction that created it took it away (see
  // rollup-dirty-lines.ts), and the statements below re-prepare against the new one.
  const ensureTable = () => {
    db.exec(`CREATE TEMP TABLE IF NOT EXISTS ${fresh} AS SELECT ${all} FROM main.${table} WHERE 0`);
    db.exec(`CREATE UNIQUE INDEX IF NOT EXISTS temp.${fresh}_key ON ${fresh} (${key.join(', ')})`);
  };
  ensureTable();
  const clear = db.prepare(`DELETE FROM temp.${fresh}`);
  const fill = db.prepare(`INSERT INTO temp.${fresh} (${all}) ${select}`);
  const dropGone = db.prepare(
    `DELETE FROM main.${table} WHERE hour IN (SELECT hour FROM ${dirtyBatch})
       AND NOT EXISTS (SELECT 1 FROM temp.${fresh} f WHERE ${key.map((k) => `f.${k} = ${table}.${k}`).join(' AND ')})`,
  );
  // `WHERE true` keeps SQLite from reading ON CONFLICT as a join constraint of the SELECT.
  const upsert = db.prepare(
    `INSERT INTO main.${table} (${all}) SELECT ${all} FROM temp.${fresh} WHERE true
     ON CONFLICT (${key.join(', ')}) DO UPDATE SET ${values.map((v) => `${v} = excluded.${v}`).join(', ')}
     WHERE (${values.map((v) => `${table}.${v}`).join(', ')}) IS DISTINCT FROM (${values.map((v) => `excluded.${v}`).join(', ')})`,
  );
  return () => {
    ensureTable();
    clear.run();
    fill.run();
    dropGone.run();
    upsert.run();
    clear.run();
  };
}
