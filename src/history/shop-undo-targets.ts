// Everything a change set may hold and undo may restore, for every area:
// catalog edits plus what spreadsheet imports create or change.
import { catalogUndoTargets } from '../catalog/change-sets.js';
import { importUndoTargets } from '../spreadsheets/undo-targets.js';
import type { UndoTargets } from './store.js';

export const shopUndoTargets: UndoTargets = {
  columns: { ...catalogUndoTargets.columns, ...importUndoTargets.columns },
  memberships: { ...catalogUndoTargets.memberships, ...importUndoTargets.memberships },
  rows: { ...catalogUndoTargets.rows, ...importUndoTargets.rows },
  hooks: { ...catalogUndoTargets.hooks, ...importUndoTargets.hooks },
};
