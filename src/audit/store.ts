// SQL of the audit log: appending a chained row, the capture scratch table the
// triggers fill during a call, and the reads History needs. Filters are fixed SQL
// fragments with bound values; paging is by keyset (id < cursor), newest first.
import type { Statement } from 'better-sqlite3';
import type { Db } from '../db/open.js';
import { chainHash, genesisHash, type ChainedFields, type StoredChainRow } from './chain.js';

/** A row to append: every chained field but its id, which SQLite assigns. */
export type AuditRowInput = Omit<ChainedFields, 'id'>;

export type AuditRow = StoredChainRow;

export interface CaptureRow {
  seq: number;
  tableName: string;
  rowKey: string;
  beforeJson: string | null;
  afterJson: string | null;
}

export interface AuditFilter {
  personId?: number | undefined;
  area?: string | undefined;
  kind?: string | undefined;
  /** Inclusive UTC ISO bounds on `at`. */
  from?: string | undefined;
  to?: string | undefined;
  /** Matched (case-insensitively for ASCII) against who, what, the summary and the values before and after. */
  text?: string | undefined;
}

const rowColumns = `id, at, person_id AS personId, person_name AS personName, origin, area, kind, subject, summary,
  input_json AS inputJson, before_json AS beforeJson, after_json AS afterJson, extra_json AS extraJson,
  change_set_id AS changeSetId, prev_hash AS prevHash, hash`;

/** LIKE with the person's text taken literally. */
function likePattern(text: string): string {
  return `%${text.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
}

function whereOf(filter: AuditFilter, beforeId: number | null): { sql: string; params: (string | number)[] } {
  const clauses: string[] = [];
  const params: (string | number)[] = [];
  if (filter.personId !== undefined) {
    clauses.push('person_id = ?');
    params.push(filter.personId);
  }
  if (filter.area !== undefined) {
    clauses.push('area = ?');
    params.push(filter.area);
  }
  if (filter.kind !== undefined) {
    clauses.push('kind = ?');
    params.push(filter.kind);
  }
  if (filter.from !== undefined) {
    clauses.push('at >= ?');
    params.push(filter.from);
  }
  if (filter.to !== undefined) {
    clauses.push('at <= ?');
    params.push(filter.to);
  }
  if (filter.text !== undefined && filter.text !== '') {
    const pattern = likePattern(filter.text);
    clauses.push(
      `(${['person_name', 'kind', 'subject', 'summary', 'before_json', 'after_json'].map((column) => `${column} LIKE ? ESCAPE '\\'`).join(' OR ')})`,
    );
    params.push(pattern, pattern, pattern, pattern, pattern, pattern);
  }
  if (beforeId !== null) {
    clauses.push('id < ?');
    params.push(beforeId);
  }
  return { sql: clauses.length > 0 ? `WHERE ${clauses.join(' AND ')}` : '', params };
}

export function createAuditStore(db: Db) {
  const last = db.prepare<[], { id: number; hash: string }>('SELECT id, hash FROM audit_log ORDER BY id DESC LIMIT 1');
  const insert = db.prepare(
    `INSERT INTO audit_log (id, at, person_id, person_name, origin, area, kind, subject, summary, input_json, before_json,
       after_json, extra_json, change_set_id, prev_hash, hash)
     VALUES (@id, @at, @personId, @personName, @origin, @area, @kind, @subject, @summary, @inputJson, @beforeJson,
       @afterJson, @extraJson, @changeSetId, @prevHash, @hash)`,
  );
  const captureMark = db.prepare<[], { seq: number | null }>('SELECT MAX(seq) AS seq FROM audit_capture');
  // All three marks in one statement: every call, reads included, takes them before and after.
  const marks = db.prepare<[], { capture: number | null; changeSet: number | null; movement: number | null }>(
    `SELECT (SELECT MAX(seq) FROM audit_capture) AS capture, (SELECT MAX(id) FROM change_sets) AS changeSet,
       (SELECT MAX(id) FROM stock_movements) AS movement`,
  );
  const captureAfter = db.prepare<[number], CaptureRow>(
    `SELECT seq, table_name AS tableName, row_key AS rowKey, before_json AS beforeJson, after_json AS afterJson
     FROM audit_capture WHERE seq > ? ORDER BY seq`,
  );
  const captureBetween = db.prepare<[number, number], CaptureRow>(
    `SELECT seq, table_name AS tableName, row_key AS rowKey, before_json AS beforeJson, after_json AS afterJson
     FROM audit_capture WHERE seq > ? AND seq <= ? ORDER BY seq`,
  );
  const deleteCaptureAfter = db.prepare<[number]>('DELETE FROM audit_capture WHERE seq > ?');
  const deleteCaptureBetween = db.prepare<[number, number]>('DELETE FROM audit_capture WHERE seq > ? AND seq <= ?');
  const changeSetsAfter = db.prepare<[number], { id: number }>('SELECT id FROM change_sets WHERE id > ? ORDER BY id');
  const movementsAfter = db.prepare<[number], { n: number; first: number | null; last: number | null }>(
    'SELECT COUNT(*) AS n, MIN(id) AS first, MAX(id) AS last FROM stock_movements WHERE id > ?',
  );
  const getRow = db.prepare<[number], AuditRow>(`SELECT ${rowColumns} FROM audit_log WHERE id = ?`);
  const allRows = db.prepare<[], AuditRow>(`SELECT ${rowColumns} FROM audit_log ORDER BY id`);
  // Who can be filtered by: the shop's people (the team area's table) and the shop itself.
  const people = db.prepare<[], { id: number; name: string }>(
    `SELECT 0 AS id, 'Shopdesk' AS name UNION ALL SELECT id, name FROM (SELECT id, name FROM people ORDER BY name, id)`,
  );
  const totalChanges = db.prepare<[], { n: number }>('SELECT total_changes() AS n');
  // Rows this connection wrote for the audit itself (log rows, capture rows folded away): not shop
  // data, so an import's preview is not made stale by them (ownChanges()).
  let ownChanges = 0;
  const counted = (work: () => void): void => {
    const before = totalChanges.get()?.n ?? 0;
    work();
    ownChanges += (totalChanges.get()?.n ?? 0) - before;
  };
  const listCache = new Map<string, Statement<unknown[]>>();
  const prepared = (sql: string) => {
    let statement = listCache.get(sql);
    if (!statement) {
      statement = db.prepare<unknown[]>(sql);
      listCache.set(sql, statement);
    }
    return statement;
  };

  return {
    /** Appends one row to the chain; call inside a write transaction (the chain's head must not move meanwhile). */
    append(row: AuditRowInput): number {
      const head = last.get();
      const fields: ChainedFields = { id: (head?.id ?? 0) + 1, ...row };
      const prevHash = head?.hash ?? genesisHash;
      counted(() => insert.run({ ...fields, prevHash, hash: chainHash(prevHash, fields) }));
      return fields.id;
    },
    captureMark: (): number => captureMark.get()?.seq ?? 0,
    /** The newest capture row, change set and stock movement, read at once. */
    marks(): { capture: number; changeSet: number; movement: number } {
      const row = marks.get();
      return { capture: row?.capture ?? 0, changeSet: row?.changeSet ?? 0, movement: row?.movement ?? 0 };
    },
    /** The capture rows after `mark` (up to `upTo` when given), in the order they were written. */
    captured(mark: number, upTo: number | null): IterableIterator<CaptureRow> {
      return upTo === null ? captureAfter.iterate(mark) : captureBetween.iterate(mark, upTo);
    },
    dropCaptured(mark: number, upTo: number | null): void {
      counted(() => (upTo === null ? deleteCaptureAfter.run(mark) : deleteCaptureBetween.run(mark, upTo)));
    },
    /** How many rows (of SQLite's total_changes()) this connection changed for the audit's own bookkeeping. */
    ownChanges: (): number => ownChanges,
    changeSetsAfter: (mark: number): number[] => changeSetsAfter.all(mark).map((row) => row.id),
    movementsAfter: (mark: number) => movementsAfter.get(mark) ?? { n: 0, first: null, last: null },
    get: (id: number): AuditRow | undefined => getRow.get(id),
    /** Every row in id order, streamed (the chain check). */
    iterateAll: (): IterableIterator<AuditRow> => allRows.iterate(),
    /** Newest first; `offset` only when no keyset cursor is known (an export's first jump). */
    list(filter: AuditFilter, beforeId: number | null, limit: number, offset = 0): AuditRow[] {
      const where = whereOf(filter, beforeId);
      return prepared(`SELECT ${rowColumns} FROM audit_log ${where.sql} ORDER BY id DESC LIMIT ? OFFSET ?`).all(...where.params, limit, offset) as AuditRow[];
    },
    count(filter: AuditFilter): number {
      const where = whereOf(filter, null);
      return (prepared(`SELECT COUNT(*) AS n FROM audit_log ${where.sql}`).get(...where.params) as { n: number }).n;
    },
    people: () => people.all(),
  };
}

export type AuditStore = ReturnType<typeof createAuditStore>;
