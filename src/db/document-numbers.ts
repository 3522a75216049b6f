// Human document numbers (TR-000042, ST-000007, PO-000123): one sequence per
// prefix, taken from the highest number in use so numbers never repeat even
// after deletions. Call inside the write transaction that inserts the row.
import type { Db } from './open.js';

const tables = { TR: 'transfers', ST: 'stocktakes', PO: 'purchase_orders' } as const;
export type DocumentPrefix = keyof typeof tables;

export function nextDocumentNumber(db: Db, prefix: DocumentPrefix): string {
  const row = db
    .prepare(`SELECT MAX(CAST(substr(number, ${prefix.length + 2}) AS INTEGER)) AS last FROM ${tables[prefix]} WHERE number LIKE ?`)
    .get(`${prefix}-%`) as { last: number | null };
  return `${prefix}-${String((row.last ?? 0) + 1).padStart(6, '0')}`;
}
