// SQL for remembered column mappings (one per file layout).
import type { Db } from '../db/open.js';

export function createMappingStore(db: Db) {
  const get = db.prepare<[string], { assignments: string }>('SELECT assignments FROM import_mappings WHERE layout_key = ?');
  const put = db.prepare<[string, string, string, string]>(
    `INSERT INTO import_mappings (layout_key, target, assignments, updated_at) VALUES (?, ?, ?, ?)
     ON CONFLICT (layout_key) DO UPDATE SET assignments = excluded.assignments, updated_at = excluded.updated_at`,
  );
  return {
    /** The remembered assignments, or null (also when the stored JSON no longer fits the layout). */
    get(layoutKey: string, columns: number): (string | null)[] | null {
      const row = get.get(layoutKey);
      if (!row) return null;
      const parsed: unknown = JSON.parse(row.assignments);
      if (!Array.isArray(parsed) || parsed.length !== columns) return null;
      return parsed.map((value) => (typeof value === 'string' ? value : null));
    },
    remember(layoutKey: string, target: string, assignments: readonly (string | null)[], at: string): void {
      put.run(layoutKey, target, JSON.stringify(assignments), at);
    },
  };
}
