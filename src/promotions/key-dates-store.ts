// SQL for the owner's own calendar dates (promotion_key_dates).
import type { Db } from '../db/open.js';

export interface KeyDateRow {
  id: number;
  date: string;
  name: string;
}

export function createKeyDatesStore(db: Db) {
  const inRange = db.prepare<[string, string], KeyDateRow>(
    'SELECT id, date, name FROM promotion_key_dates WHERE date >= ? AND date <= ? ORDER BY date, id',
  );
  const insert = db.prepare<[string, string, string]>('INSERT INTO promotion_key_dates (date, name, created_at) VALUES (?, ?, ?)');
  const remove = db.prepare<[number]>('DELETE FROM promotion_key_dates WHERE id = ?');
  return {
    /** Dates from `from` to `to`, both included. */
    between: (from: string, to: string): KeyDateRow[] => inRange.all(from, to),
    add(date: string, name: string, at: string): KeyDateRow {
      const id = Number(insert.run(date, name, at).lastInsertRowid);
      return { id, date, name };
    },
    remove: (id: number): boolean => remove.run(id).changes > 0,
  };
}
