// Bulk actions from the Products grid toolbar: one action over a selection or
// over everything a filter matches, written in one transaction as one change set.
import type { Db } from '../db/open.js';
import type { HistoryService } from '../history/service.js';
import type { Summary } from '../shared/history-summary.js';
import type { KnownSummary } from '../shared/history-texts.js';
import { validationError } from '../shared/app-error.js';
import type { Clock } from '../shared/clock.js';
import type { BulkStore } from './bulk-store.js';
import type { BulkAction, BulkTarget } from './edit-contract.js';
import type { EditStore } from './edit-store.js';
import { applyPriceChange } from './price-rounding.js';
import { limits } from '../shared/bounds.js';

/** Rows read per page for the price maths; bounded memory whatever the target size. */
const pageSize = 5000;

/** What the bulk action did, as a History summary (src/shared/history-texts.ts). */
function describe(action: BulkAction, matched: number): { kind: string; summary: KnownSummary } {
  const count = matched;
  switch (action.kind) {
    case 'priceChange': {
      const change: Summary['params'] = action.mode === 'percent' ? { percent: action.value } : { amount: action.value };
      const mode = action.mode === 'percent' ? 'Percent' : 'Amount';
      if (action.rounding === 'none') {
        return { kind: 'price_change', summary: { key: `priceChange${mode}`, params: { field: action.field, ...change, count } } };
      }
      // To the nearest price with that ending, or up / down to one (price-rounding.ts).
      const roundKey = ({ nearest: 'roundNearest', up: 'roundUp', down: 'roundDown' } as const)[action.direction];
      const rounding: KnownSummary = { key: roundKey, params: { ending: action.rounding } };
      return { kind: 'price_change', summary: { key: `priceChange${mode}Rounded`, params: { field: action.field, ...change, rounding, count } } };
    }
    case 'setStatus':
      return { kind: 'bulk_edit', summary: { key: 'setStatus', params: { status: action.status, count } } };
    case 'addTag':
      return { kind: 'bulk_edit', summary: { key: 'addTag', params: { tag: action.tag, count } } };
    case 'removeTag':
      return { kind: 'bulk_edit', summary: { key: 'removeTag', params: { tag: action.tag, count } } };
    case 'setCategory':
      return { kind: 'bulk_edit', summary: { key: 'setCategory', params: { count } } };
    case 'setSupplier':
      return { kind: 'bulk_edit', summary: { key: 'setSupplier', params: { count } } };
  }
}

export function createBulkService(db: Db, bulk: BulkStore, store: EditStore, history: HistoryService, clock: Clock) {
  const run = db.transaction((target: BulkTarget, action: BulkAction, actor: string) => {
    const matched = bulk.fillTarget(target);
    if (matched === 0) return { changeSetId: null, changed: 0, matched };
    if (action.kind === 'setCategory' && action.categoryId !== null && !store.category(action.categoryId)) {
      throw validationError(`action.categoryId: category ${action.categoryId} does not exist`, [
        { path: 'action.categoryId', key: 'categoryNotFound', message: 'action.categoryId: category not found' },
      ]);
    }
    if (action.kind === 'removeTag' && !store.findTag(action.tag)) return { changeSetId: null, changed: 0, matched };
    if (action.kind === 'setSupplier' && !db.prepare('SELECT 1 FROM suppliers WHERE id = ?').get(action.supplierId)) {
      throw validationError(`action.supplierId: supplier ${action.supplierId} does not exist`, [
        { path: 'action.supplierId', key: 'unknownSupplier', message: 'action.supplierId: supplier not found' },
      ]);
    }
    const { kind, summary } = describe(action, matched);
    const changeSetId = history.begin(kind, summary, actor);
    const at = clock.now().toISOString();
    let changed = 0;
    switch (action.kind) {
      case 'priceChange': {
        const column = action.field === 'price' ? 'price' : 'compare_at_price';
        bulk.clearValues();
        for (let after = 0; ; ) {
          const page = bulk.priceValues(column, after, pageSize);
          for (const row of page) {
            const value = applyPriceChange(row.value, action);
            if (value > limits.unitMoney) {
              throw validationError(`The change would take a price above ${limits.unitMoney / 100}; nothing was changed.`, [
                { path: 'action.value', key: 'moneyTooLarge', message: 'value: the result is larger than Shopdesk accepts' },
              ]);
            }
            if (value !== row.value) bulk.stageValue(row.id, value);
          }
          const last = page.at(-1);
          if (!last || page.length < pageSize) break;
          after = last.id;
        }
        changed = bulk.writeStagedValues(changeSetId, column, at);
        bulk.clearValues();
        break;
      }
      case 'setStatus':
        changed = bulk.setStatus(changeSetId, action.status, at);
        break;
      case 'addTag':
        changed = bulk.addTag(changeSetId, store.tagId(action.tag));
        break;
      case 'removeTag':
        changed = bulk.removeTag(changeSetId, store.tagId(action.tag));
        break;
      case 'setCategory':
        changed = bulk.setCategory(changeSetId, action.categoryId, at);
        break;
      case 'setSupplier':
        changed = bulk.setSupplier(changeSetId, action.supplierId);
        break;
    }
    // Nothing differed (e.g. status already set): no empty entry in history. Rolling back
    // would need a savepoint; deleting the just-created set is simpler and the id is never seen.
    if (changed === 0) {
      history.discard(changeSetId);
      return { changeSetId: null, changed, matched };
    }
    return { changeSetId, changed, matched };
  });

  return {
    run: (target: BulkTarget, action: BulkAction, actor: string) => run(target, action, actor),
  };
}
