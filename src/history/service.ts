// Change sets as a unit of work: areas open one inside their write transaction,
// add items (or insert them set-based through their own store), and undo
// restores the before-values of a whole set in one transaction, refusing when a
// later change set still in effect touched the same field.
import type { Db } from '../db/open.js';
import { AppError, notFound } from '../shared/app-error.js';
import type { Clock } from '../shared/clock.js';
import type { ChangeItem, ChangeSetInfo, ChangeValue } from './contract.js';
import { createdRowField, createHistoryStore, type ChangeSetRow, type UndoTargets } from './store.js';
import { parseSummaryParams, type Summary } from '../shared/history-summary.js';
import { historyRenderer, type KnownSummary } from '../shared/history-texts.js';
import { callerCan, currentCaller } from '../team/call-context.js';

/**
 * Sets that record a side effect of another operation (a receipt's new moving-average
 * cost, a posted stocktake): undoing them alone would break what they belong to, so
 * they are history only. They still block undoing earlier sets that touched the same fields.
 */
export const recordOnlyKinds: ReadonlySet<string> = new Set(['po_receipt', 'stocktake']);

/**
 * Stored fields that hold a cost figure (variants.cost, supplier_items.cost,
 * purchase_order_lines.unit_cost, an imported order line's unit cost, margin floors):
 * their before and after values are blanked for a person without `costs.view`.
 */
const costField = /cost|cogs|margin|profit/i;

/** Undo refuses with at most this many blockers listed (the count is always exact enough to act on). */
const maxBlockersReported = 200;

export function encodeChangeValue(value: ChangeValue): string | null {
  return value === null ? null : JSON.stringify(value);
}

export function decodeChangeValue(text: string | null): ChangeValue {
  if (text === null) return null;
  const value: unknown = JSON.parse(text);
  return typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean' ? value : null;
}

function toInfo(row: ChangeSetRow): ChangeSetInfo {
  return {
    ...row,
    summaryParams: row.summaryKey === null ? null : parseSummaryParams(row.summaryParams),
    undone: row.undoneAt !== null,
  };
}

/**
 * What an undo says it undid: the undone set's own summary nested (so it is rendered in the
 * reader's language too), or its stored text when it was written before summaries had keys.
 */
function undoSummary(set: ChangeSetRow): Summary {
  const undone = set.summaryKey === null ? set.summary : { key: set.summaryKey, params: parseSummaryParams(set.summaryParams) };
  return { key: 'undo', params: { changeSetId: set.id, undone } };
}

export function createHistoryService(db: Db, clock: Clock, targets: UndoTargets) {
  const store = createHistoryStore(db);
  /** Stores the key and parameters, and the English text beside them for logs and older readers. */
  const create = (kind: string, summary: Summary, actor: string, at: string): number => {
    const english = historyRenderer('en', store.shopCurrency()).summary(summary, summary.key);
    return store.createChangeSet(kind, english, summary.key, JSON.stringify(summary.params), actor, at);
  };

  const undo = db.transaction((changeSetId: number, actor: string) => {
    const set = store.getChangeSet(changeSetId);
    if (!set) throw notFound('Change set', changeSetId);
    if (set.undoneAt !== null) {
      throw new AppError('CONFLICT', `Change set ${changeSetId} was already undone.`, {
        key: 'alreadyUndone',
        params: { changeSetId },
      });
    }
    if (set.kind === 'undo') {
      // Redo would need its own conflict rules; until then an undo is final.
      throw new AppError('CONFLICT', `Change set ${changeSetId} is an undo and cannot itself be undone.`, {
        key: 'undoOfUndo',
        params: { changeSetId },
      });
    }
    if (recordOnlyKinds.has(set.kind)) {
      throw new AppError('CONFLICT', `Change set ${changeSetId} records what a ${set.kind.replace('_', ' ')} did; it cannot be undone on its own.`, {
        key: 'notUndoable',
        params: { changeSetId, kind: set.kind },
      });
    }
    const blockers = [
      ...store.blockingChanges(changeSetId, maxBlockersReported),
      ...(targets.dependents ?? []).flatMap((dependent) => store.blockingChildren(changeSetId, dependent, maxBlockersReported)),
    ].slice(0, maxBlockersReported);
    if (blockers.length > 0) {
      const later = [...new Set(blockers.map((b) => b.laterChangeSetId))];
      throw new AppError(
        'CONFLICT',
        `Change set ${changeSetId} cannot be undone: later changes (${later.join(', ')}) touched the same fields. Undo those first.`,
        {
          key: 'undoBlocked',
          params: { changeSetId, blockedCount: blockers.length, laterChangeSets: later.join(',') },
          issues: blockers.map((b) => ({
            path: `${b.entity}.${b.entityId}.${b.field}`,
            key: 'undoBlocked',
            message: `${b.entity} ${b.entityId} ${b.field} was changed later by change set ${b.laterChangeSetId} (${b.laterSummary})`,
          })),
        },
      );
    }
    const at = clock.now().toISOString();
    let restored = 0;
    const memberships = new Set<string>();
    const created: string[] = [];
    const hooked = new Set<string>();
    const takenBackLast = new Set<string>();
    for (const { entity, field } of store.fieldGroups(changeSetId)) {
      const hook = targets.hooks?.[entity];
      if (hook) {
        if (!hooked.has(entity)) restored += hook(db, changeSetId, at);
        hooked.add(entity);
        continue;
      }
      if (field === createdRowField && targets.afterDelete?.[entity]) {
        takenBackLast.add(entity);
        continue;
      }
      if (field === createdRowField && targets.rows?.[entity]) {
        created.push(entity);
        continue;
      }
      const membership = targets.memberships[entity];
      if (membership) {
        if (!memberships.has(entity)) restored += store.restoreMembership(changeSetId, entity, membership.ownerColumn, membership.memberColumn);
        memberships.add(entity);
        continue;
      }
      const columns = targets.columns[entity];
      if (!columns || !columns.fields.includes(field)) {
        throw new AppError('CONFLICT', `Change set ${changeSetId} holds changes (${entity}.${field}) this version cannot undo.`, {
          key: 'undoUnsupported',
          params: { changeSetId, entity, field },
        });
      }
      restored += store.restoreColumn(changeSetId, entity, field, columns.touch, at);
    }
    // Created rows go last (their other items were restored above), children first.
    created.sort((a, b) => (targets.rows?.[a]?.order ?? 0) - (targets.rows?.[b]?.order ?? 0));
    for (const entity of created) restored += targets.beforeDelete?.[entity]?.(db, changeSetId, at) ?? 0;
    for (const entity of created) restored += store.deleteCreatedRows(changeSetId, entity);
    for (const entity of takenBackLast) restored += targets.afterDelete?.[entity]?.(db, changeSetId, at) ?? 0;
    const undoId = create('undo', undoSummary(set), actor, at);
    store.copyReversed(undoId, changeSetId);
    store.markUndone(changeSetId, at, undoId);
    return { undoChangeSetId: undoId, restored };
  });

  return {
    /**
     * Opens a change set; call inside the caller's write transaction. `summary` says what
     * happened as a key of shared/history-texts.ts and its parameters, so History reads in any language.
     */
    begin(kind: string, summary: KnownSummary, actor: string): number {
      return create(kind, summary, actor, clock.now().toISOString());
    },
    /** Drops a set opened in this transaction that turned out to change nothing (items cascade). */
    discard(changeSetId: number): void {
      store.deleteChangeSet(changeSetId);
    },
    addItem(changeSetId: number, item: ChangeItem): void {
      store.addItem(changeSetId, {
        entity: item.entity,
        entityId: item.entityId,
        field: item.field,
        beforeValue: encodeChangeValue(item.before),
        afterValue: encodeChangeValue(item.after),
      });
    },
    list(offset: number, limit: number): { changeSets: ChangeSetInfo[]; total: number } {
      return { changeSets: store.listChangeSets(offset, limit).map(toInfo), total: store.countChangeSets() };
    },
    get(changeSetId: number, offset: number, limit: number) {
      const set = store.getChangeSet(changeSetId);
      if (!set) throw notFound('Change set', changeSetId);
      const hideCosts = !callerCan(currentCaller(), 'costs.view');
      const items = store.listItems(changeSetId, offset, limit).map((row) => {
        const hidden = hideCosts && costField.test(row.field);
        return {
          entity: row.entity,
          entityId: row.entityId,
          field: row.field,
          before: hidden ? null : decodeChangeValue(row.beforeValue),
          after: hidden ? null : decodeChangeValue(row.afterValue),
          label: row.label,
        };
      });
      return { changeSet: toInfo(set), items, totalItems: store.countItems(changeSetId) };
    },
    undo(changeSetId: number, actor: string): { undoChangeSetId: number; restored: number } {
      try {
        return undo(changeSetId, actor);
      } catch (error) {
        // A restored value can collide with one taken since (e.g. a SKU reused by another variant).
        if (error instanceof Error && 'code' in error && (error.code === 'SQLITE_CONSTRAINT_UNIQUE' || error.code === 'SQLITE_CONSTRAINT_FOREIGNKEY')) {
          throw new AppError('CONFLICT', `Change set ${changeSetId} cannot be undone: ${error.message}`, {
            key: 'undoConstraint',
            params: { changeSetId },
          });
        }
        throw error;
      }
    },
  };
}

export type HistoryService = ReturnType<typeof createHistoryService>;
