// SQL for change sets. Undo is set-based: one UPDATE per (entity, field) pair
// reads the before-values straight out of change_set_items, so undoing a bulk
// change of 100k variants never loops in JavaScript. Table and column names
// come only from the registered whitelist (UndoTargets), never from callers.
import type { Statement } from 'better-sqlite3';
import type { Db } from '../db/open.js';

/** What undo may write: plain columns of a table, or rows of a link table (tags). */
export interface UndoTargets {
  /** entity (table) -> columns undo may restore; `touch` is stamped with the undo time. */
  columns: Record<string, { fields: readonly string[]; touch?: string }>;
  /** entity -> link table whose rows were added (after true) or removed (after false); field = member id. */
  memberships: Record<string, { ownerColumn: string; memberColumn: string }>;
  /**
   * entity -> rows the set created (field `$row`, after true): undo deletes them, lowest
   * `order` first (children before parents). A later change to any field of such a row blocks undo.
   */
  rows?: Record<string, { order: number }>;
  /** entity -> code that reverses the set's items of that entity (e.g. stock through the ledger). */
  hooks?: Record<string, (db: Db, changeSetId: number, at: string) => number>;
  /** entity -> code run before the set's created rows are deleted, when it created rows of that entity (e.g. a new variant's ledger rows). */
  beforeDelete?: Record<string, (db: Db, changeSetId: number, at: string) => number>;
  /**
   * entity -> code that takes back the rows of that entity the set created, once all its other
   * created rows are gone, instead of a plain delete (e.g. a location: deleted when nothing refers
   * to it any more, else deactivated).
   */
  afterDelete?: Record<string, (db: Db, changeSetId: number, at: string) => number>;
  /**
   * Rows a later change set created under rows this set created (returns imported for imported
   * orders): deleting the parent would take them along unseen, so they block the undo too.
   */
  dependents?: readonly UndoDependent[];
}

export interface UndoDependent {
  /** The parent entity (table) this set created rows of. */
  entity: string;
  /** The child table and its column naming the parent. */
  childTable: string;
  childColumn: string;
}

/** change_set_items.field of an item recording that the set created the row. */
export const createdRowField = '$row';

export interface ChangeSetRow {
  id: number;
  kind: string;
  summary: string;
  summaryKey: string | null;
  /** JSON object (src/shared/history-summary.ts); parsed by the service. */
  summaryParams: string | null;
  actor: string;
  createdAt: string;
  itemCount: number;
  undoneAt: string | null;
  undoneBy: number | null;
}

export interface ItemRow {
  entity: string;
  entityId: number;
  field: string;
  beforeValue: string | null;
  afterValue: string | null;
}

/** An item read back for History, with what a person calls the row while it still exists. */
export interface ItemViewRow extends ItemRow {
  label: string | null;
}

export interface BlockingRow {
  entity: string;
  entityId: number;
  field: string;
  laterChangeSetId: number;
  laterSummary: string;
}

const identifier = /^[a-z_][a-z0-9_]*$/;
function ident(name: string): string {
  if (!identifier.test(name)) throw new Error(`Not a safe SQL identifier: ${name}`);
  return name;
}

const changeSetColumns = `cs.id, cs.kind, cs.summary, cs.summary_key AS summaryKey, cs.summary_params AS summaryParams,
  cs.actor, cs.created_at AS createdAt,
  (SELECT COUNT(*) FROM change_set_items i WHERE i.change_set_id = cs.id) AS itemCount,
  cs.undone_at AS undoneAt, cs.undone_by AS undoneBy`;

export function createHistoryStore(db: Db) {
  const insertSet = db.prepare<[string, string, string | null, string | null, string, string]>(
    'INSERT INTO change_sets (kind, summary, summary_key, summary_params, actor, created_at) VALUES (?, ?, ?, ?, ?, ?)',
  );
  const shopCurrency = db.prepare<[], { currency: string }>('SELECT currency FROM shop_settings WHERE id = 1');
  const insertItem = db.prepare<[number, string, number, string, string | null, string | null]>(
    'INSERT INTO change_set_items (change_set_id, entity, entity_id, field, before_value, after_value) VALUES (?, ?, ?, ?, ?, ?)',
  );
  const getSet = db.prepare<[number], ChangeSetRow>(`SELECT ${changeSetColumns} FROM change_sets cs WHERE cs.id = ?`);
  const listSets = db.prepare<[number, number], ChangeSetRow>(
    `SELECT ${changeSetColumns} FROM change_sets cs ORDER BY cs.id DESC LIMIT ? OFFSET ?`,
  );
  const countSets = db.prepare<[], { n: number }>('SELECT COUNT(*) AS n FROM change_sets');
  const listItems = db.prepare<[number, number, number], ItemViewRow>(
    `SELECT i.entity, i.entity_id AS entityId, i.field, i.before_value AS beforeValue, i.after_value AS afterValue,
       CASE i.entity
         WHEN 'variants' THEN (SELECT v.sku FROM variants v WHERE v.id = i.entity_id)
         WHEN 'products' THEN (SELECT p.title FROM products p WHERE p.id = i.entity_id)
         WHEN 'locations' THEN (SELECT l.name FROM locations l WHERE l.id = i.entity_id)
         WHEN 'promotions' THEN (SELECT pr.name FROM promotions pr WHERE pr.id = i.entity_id)
       END AS label
     FROM change_set_items i WHERE i.change_set_id = ? ORDER BY i.id LIMIT ? OFFSET ?`,
  );
  const countItems = db.prepare<[number], { n: number }>('SELECT COUNT(*) AS n FROM change_set_items WHERE change_set_id = ?');
  const groups = db.prepare<[number], { entity: string; field: string }>(
    'SELECT DISTINCT entity, field FROM change_set_items WHERE change_set_id = ?',
  );
  // Later sets that are still in effect; undo sets are excluded because they only
  // restore earlier values (undoing S2 then S1 must be allowed).
  const blocking = db.prepare<[number, number], BlockingRow>(
    `SELECT DISTINCT i.entity, i.entity_id AS entityId, i.field, l.change_set_id AS laterChangeSetId, cs.summary AS laterSummary
     FROM change_set_items i
     JOIN change_set_items l ON l.entity = i.entity AND l.entity_id = i.entity_id AND (l.field = i.field OR i.field = '$row')
       AND l.change_set_id > i.change_set_id
     JOIN change_sets cs ON cs.id = l.change_set_id
     WHERE i.change_set_id = ? AND cs.undone_at IS NULL AND cs.kind <> 'undo'
     ORDER BY l.change_set_id, i.entity, i.entity_id, i.field
     LIMIT ?`,
  );
  // The undo set's items are the original's with before/after swapped.
  const copyReversed = db.prepare<[number, number]>(
    `INSERT INTO change_set_items (change_set_id, entity, entity_id, field, before_value, after_value)
     SELECT ?, entity, entity_id, field, after_value, before_value FROM change_set_items WHERE change_set_id = ? ORDER BY id`,
  );
  const deleteSet = db.prepare<[number]>('DELETE FROM change_sets WHERE id = ?');
  const markUndone = db.prepare<[string, number, number]>('UPDATE change_sets SET undone_at = ?, undone_by = ? WHERE id = ?');
  const restoreStatements = new Map<string, Statement<unknown[]>>();
  const cached = (sql: string) => {
    let statement = restoreStatements.get(sql);
    if (!statement) {
      statement = db.prepare<unknown[]>(sql);
      restoreStatements.set(sql, statement);
    }
    return statement;
  };

  return {
    /** `summaryKey`/`summaryParams` (JSON) say what happened for any language; `summary` is the English text. */
    createChangeSet(kind: string, summary: string, summaryKey: string | null, summaryParams: string | null, actor: string, at: string): number {
      return Number(insertSet.run(kind, summary, summaryKey, summaryParams, actor, at).lastInsertRowid);
    },
    /** Money in summaries is in the shop currency; before a shop exists nothing is written anyway. */
    shopCurrency: (): string => shopCurrency.get()?.currency ?? 'USD',
    addItem(changeSetId: number, item: ItemRow): void {
      insertItem.run(changeSetId, item.entity, item.entityId, item.field, item.beforeValue, item.afterValue);
    },
    getChangeSet: (id: number): ChangeSetRow | undefined => getSet.get(id),
    listChangeSets: (offset: number, limit: number): ChangeSetRow[] => listSets.all(limit, offset),
    countChangeSets: (): number => countSets.get()?.n ?? 0,
    listItems: (id: number, offset: number, limit: number): ItemViewRow[] => listItems.all(id, limit, offset),
    countItems: (id: number): number => countItems.get(id)?.n ?? 0,
    fieldGroups: (id: number) => groups.all(id),
    blockingChanges: (id: number, limit: number): BlockingRow[] => blocking.all(id, limit),
    /** Children that later, still effective sets created under the parents this set created. */
    blockingChildren(id: number, dependent: UndoDependent, limit: number): BlockingRow[] {
      const child = ident(dependent.childTable);
      const column = ident(dependent.childColumn);
      return cached(
        `SELECT DISTINCT l.entity, l.entity_id AS entityId, l.field, l.change_set_id AS laterChangeSetId, cs.summary AS laterSummary
         FROM change_set_items i
         JOIN ${child} c ON c.${column} = i.entity_id
         JOIN change_set_items l ON l.entity = '${child}' AND l.entity_id = c.id AND l.field = '${createdRowField}' AND l.change_set_id > i.change_set_id
         JOIN change_sets cs ON cs.id = l.change_set_id
         WHERE i.change_set_id = ? AND i.entity = ? AND i.field = '${createdRowField}' AND cs.undone_at IS NULL AND cs.kind <> 'undo'
         ORDER BY l.change_set_id, l.entity_id LIMIT ?`,
      ).all(id, dependent.entity, limit) as BlockingRow[];
    },
    /** Writes the before-values of one (entity, field) group back; returns rows changed. */
    restoreColumn(id: number, entity: string, field: string, touch: string | undefined, at: string): number {
      const table = ident(entity);
      const column = ident(field);
      const stamp = touch ? `, ${ident(touch)} = ?` : '';
      const sql = `UPDATE ${table} SET ${column} = (
          SELECT json_extract(i.before_value, '$') FROM change_set_items i
          WHERE i.change_set_id = ? AND i.entity = ? AND i.field = ? AND i.entity_id = ${table}.id)${stamp}
        WHERE id IN (SELECT entity_id FROM change_set_items WHERE change_set_id = ? AND entity = ? AND field = ?)`;
      const params: (string | number)[] = touch ? [id, entity, field, at, id, entity, field] : [id, entity, field, id, entity, field];
      return cached(sql).run(...params).changes;
    },
    /** Re-adds link rows the set removed and removes the ones it added. */
    restoreMembership(id: number, entity: string, owner: string, member: string): number {
      const table = ident(entity);
      const ownerColumn = ident(owner);
      const memberColumn = ident(member);
      const readd = cached(
        `INSERT OR IGNORE INTO ${table} (${ownerColumn}, ${memberColumn})
         SELECT entity_id, CAST(field AS INTEGER) FROM change_set_items
         WHERE change_set_id = ? AND entity = ? AND before_value = 'true'`,
      ).run(id, entity).changes;
      const removed = cached(
        `DELETE FROM ${table} WHERE (${ownerColumn}, ${memberColumn}) IN (
           SELECT entity_id, CAST(field AS INTEGER) FROM change_set_items
           WHERE change_set_id = ? AND entity = ? AND before_value = 'false')`,
      ).run(id, entity).changes;
      return readd + removed;
    },
    /** Deletes the rows of one entity that the set created. */
    deleteCreatedRows(id: number, entity: string): number {
      const table = ident(entity);
      return cached(
        `DELETE FROM ${table} WHERE id IN (
           SELECT entity_id FROM change_set_items WHERE change_set_id = ? AND entity = ? AND field = '${createdRowField}')`,
      ).run(id, entity).changes;
    },
    deleteChangeSet: (id: number): void => void deleteSet.run(id),
    copyReversed: (undoId: number, id: number): number => copyReversed.run(undoId, id).changes,
    markUndone: (id: number, at: string, undoId: number): void => void markUndone.run(at, undoId, id),
  };
}

export type HistoryStore = ReturnType<typeof createHistoryStore>;
