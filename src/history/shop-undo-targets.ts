// Everything a change set may hold and undo may restore, for every area:
// catalog edits, what spreadsheet imports create or change, and promotions. Columns of a
// table both name are merged, so each area lists only what it writes.
import { catalogUndoTargets } from '../catalog/change-sets.js';
import { promotionUndoTargets } from '../promotions/change-sets.js';
import { importUndoTargets } from '../spreadsheets/undo-targets.js';
import type { UndoTargets } from './store.js';

function mergeColumns(...sources: UndoTargets['columns'][]): UndoTargets['columns'] {
  const merged: UndoTargets['columns'] = {};
  for (const source of sources) {
    for (const [table, spec] of Object.entries(source)) {
      const existing = merged[table];
      merged[table] = existing
        ? { fields: [...new Set([...existing.fields, ...spec.fields])], touch: existing.touch ?? spec.touch }
        : spec;
    }
  }
  return merged;
}

export const shopUndoTargets: UndoTargets = {
  columns: mergeColumns(catalogUndoTargets.columns, importUndoTargets.columns),
  memberships: { ...catalogUndoTargets.memberships, ...importUndoTargets.memberships },
  rows: { ...catalogUndoTargets.rows, ...importUndoTargets.rows },
  hooks: { ...catalogUndoTargets.hooks, ...importUndoTargets.hooks, ...promotionUndoTargets.hooks },
  beforeDelete: { ...catalogUndoTargets.beforeDelete, ...importUndoTargets.beforeDelete },
  afterDelete: { ...catalogUndoTargets.afterDelete, ...importUndoTargets.afterDelete },
  dependents: [...(catalogUndoTargets.dependents ?? []), ...(importUndoTargets.dependents ?? [])],
};
