// The audit log read back: pages of rows newest first (keyset), one row in full
// with the change set it links, and the chain check.
import type { Db } from '../db/open.js';
import { createHistoryService } from '../history/service.js';
import { shopUndoTargets } from '../history/shop-undo-targets.js';
import { notFound } from '../shared/app-error.js';
import type { Clock } from '../shared/clock.js';
import { walkChain } from './chain.js';
import type { AuditFieldChange, AuditListFilter, AuditRowView, ChainStatusView } from './contract.js';
import { auditOrigins } from './contract.js';
import { changesLine, fieldChanges } from './field-changes.js';
import { createAuditStore, type AuditRow } from './store.js';

/** Fields that hold a cost or a margin: blanked for people without costs.view (a custom role may read the log without them). */
const costField = /cost|margin/i;
export const hiddenCost = '•••';

function withoutCosts(change: AuditFieldChange): AuditFieldChange {
  return costField.test(change.field) ? { ...change, before: change.before === null ? null : hiddenCost, after: change.after === null ? null : hiddenCost } : change;
}

function inputWithoutCosts(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(inputWithoutCosts);
  if (value === null || typeof value !== 'object') return value;
  return Object.fromEntries(Object.entries(value).map(([key, inner]) => [key, costField.test(key) && inner !== null ? hiddenCost : inputWithoutCosts(inner)]));
}

/** Field changes a list row carries (the detail has them all). */
const changesPerListRow = 10;

function parseExtra(text: string | null): Record<string, unknown> | null {
  if (text === null) return null;
  const value: unknown = JSON.parse(text);
  return value !== null && typeof value === 'object' && !Array.isArray(value) ? (value as Record<string, unknown>) : null;
}

const numberIn = (record: Record<string, unknown> | null, key: string): number => {
  const value = record?.[key];
  return typeof value === 'number' ? value : 0;
};

function movementCount(extra: Record<string, unknown> | null): number {
  const movements = extra?.['movements'];
  return movements !== null && typeof movements === 'object' && 'count' in movements && typeof movements.count === 'number' ? movements.count : 0;
}

const originOf = (value: string): AuditRowView['origin'] => auditOrigins.find((origin) => origin === value) ?? 'cli';

export function createAuditService(db: Db, clock: Clock) {
  const store = createAuditStore(db);
  const history = createHistoryService(db, clock, shopUndoTargets);
  // The exporter pages by offset; each page after the first continues by keyset from the previous one.
  let lastPage: { filterKey: string; offsetEnd: number; lastId: number } | null = null;

  const changeSetItems = (changeSetId: number, limit: number): { changes: AuditFieldChange[]; total: number } => {
    try {
      const detail = history.get(changeSetId, 0, limit);
      return {
        changes: detail.items.map((item) => ({
          table: item.entity,
          rowKey: String(item.entityId),
          label: item.label,
          field: item.field,
          before: item.before,
          after: item.after,
        })),
        total: detail.totalItems,
      };
    } catch {
      // A change set dropped because it changed nothing: the row still says who did what.
      return { changes: [], total: 0 };
    }
  };

  const view = (row: AuditRow, limit: number | null, costs: boolean): AuditRowView => {
    const everything = fieldChanges(row.beforeJson, row.afterJson);
    const captured = costs ? everything : everything.map(withoutCosts);
    const extra = parseExtra(row.extraJson);
    const linked = row.changeSetId !== null && captured.length === 0 ? changeSetItems(row.changeSetId, limit ?? changesPerListRow) : null;
    const all = linked ? (costs ? linked.changes : linked.changes.map(withoutCosts)) : captured;
    const changes = limit === null ? all : all.slice(0, limit);
    return {
      id: row.id,
      at: row.at,
      personId: row.personId,
      personName: row.personName,
      origin: originOf(row.origin),
      area: row.area,
      kind: row.kind,
      subject: row.subject,
      summary: row.summary,
      changeSetId: row.changeSetId,
      changes,
      changeCount: linked ? linked.total : captured.length,
      omittedRows: numberIn(extra, 'omittedRows'),
      movements: movementCount(extra),
      changesText: changesLine(changes),
    };
  };

  return {
    /** `costs`: whether the reader may see cost and margin values (costs.view). */
    list(filter: AuditListFilter, page: { beforeId?: number | undefined; offset: number; limit: number }, costs: boolean) {
      const filterKey = JSON.stringify(filter);
      let beforeId = page.beforeId ?? null;
      let offset = 0;
      if (beforeId === null && page.offset > 0) {
        if (lastPage && lastPage.filterKey === filterKey && lastPage.offsetEnd === page.offset) beforeId = lastPage.lastId;
        else offset = page.offset;
      }
      const rows = store.list(filter, beforeId, page.limit + 1, offset);
      const shown = rows.slice(0, page.limit);
      const lastId = shown.at(-1)?.id ?? null;
      if (lastId !== null) lastPage = { filterKey, offsetEnd: page.offset + shown.length, lastId };
      return {
        rows: shown.map((row) => view(row, changesPerListRow, costs)),
        total: store.count(filter),
        nextBeforeId: rows.length > page.limit ? lastId : null,
        people: store.people(),
      };
    },
    get(id: number, offset: number, limit: number, costs: boolean) {
      const row = store.get(id);
      if (!row) throw notFound('Audit entry', id);
      const set = row.changeSetId === null ? null : (() => {
        try {
          return history.get(row.changeSetId, offset, limit);
        } catch {
          return null;
        }
      })();
      const input = row.inputJson === null ? null : (JSON.parse(row.inputJson) as unknown);
      const items = set?.items ?? [];
      return {
        row: view(row, null, costs),
        input: costs ? input : inputWithoutCosts(input),
        extra: parseExtra(row.extraJson),
        changeSet: set?.changeSet ?? null,
        changeSetItems: costs ? items : items.map((item) => (costField.test(item.field) ? { ...item, before: item.before === null ? null : hiddenCost, after: item.after === null ? null : hiddenCost } : item)),
        changeSetItemTotal: set?.totalItems ?? 0,
      };
    },
    verify(): ChainStatusView {
      const status = walkChain(store.iterateAll());
      return status.ok ? { ok: true, rows: status.rows, brokenAt: null } : { ok: false, rows: status.rows, brokenAt: status.brokenAt };
    },
  };
}

export type AuditService = ReturnType<typeof createAuditService>;

/** The chain check on a database, for a caller without a service (a backup's check, a test). */
export function verifyChain(db: Db): ChainStatusView {
  const status = walkChain(createAuditStore(db).iterateAll());
  return status.ok ? { ok: true, rows: status.rows, brokenAt: null } : { ok: false, rows: status.rows, brokenAt: status.brokenAt };
}
