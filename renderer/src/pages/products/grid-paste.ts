// Turns a pasted block (or a fill-down) into variants.bulkUpdate edits, laid
// over the grid from the focused cell: rows downward, editable columns in the
// order shown. Any cell that does not parse refuses the whole paste.
import type { GridApi } from 'ag-grid-community';
import { variantEditFields, type VariantEditField } from '../../../../src/catalog/edit-contract.js';
import type { ProductStatus, VariantRow } from '../../../../src/catalog/contract.js';
import { parseCell, parseTsv, type CellValue } from './clipboard.js';

export interface Edit {
  variantId: number;
  field: VariantEditField;
  value: CellValue;
}
export type PastePlan = { ok: true; edits: Edit[] } | { ok: false; key: 'pasteCell' | 'pasteNoCell'; params?: Record<string, string | number> };

const editable = new Set<string>(variantEditFields);

export function editableColumnsFrom(api: GridApi<VariantRow>, colId: string): VariantEditField[] | null {
  const shown = api.getAllDisplayedColumns().map((c) => c.getColId()).filter((id) => editable.has(id)) as VariantEditField[];
  const start = shown.indexOf(colId as VariantEditField);
  return start < 0 ? null : shown.slice(start);
}

export function planPaste(
  api: GridApi<VariantRow>,
  text: string,
  context: { currency: string; statusOf: (label: string) => ProductStatus | null; columnName: (field: VariantEditField) => string },
): PastePlan {
  const focused = api.getFocusedCell();
  const columns = focused ? editableColumnsFrom(api, focused.column.getColId()) : null;
  if (!focused || !columns) return { ok: false, key: 'pasteNoCell' };
  const edits: Edit[] = [];
  const rows = parseTsv(text);
  for (let r = 0; r < rows.length; r += 1) {
    const data = api.getDisplayedRowAtIndex(focused.rowIndex + r)?.data;
    if (!data) break; // past the last row: the rest of the block has nowhere to go
    const cells = rows[r] ?? [];
    for (let c = 0; c < cells.length && c < columns.length; c += 1) {
      const field = columns[c] as VariantEditField;
      const raw = cells[c] ?? '';
      const parsed = parseCell(field, raw, context.currency, context.statusOf);
      if (!parsed.ok) return { ok: false, key: 'pasteCell', params: { row: focused.rowIndex + r + 1, column: context.columnName(field), value: raw } };
      edits.push({ variantId: data.variantId, field, value: parsed.value });
    }
  }
  return { ok: true, edits };
}

/** The focused cell's value copied into the same column of every selected row. */
export function planFillDown(api: GridApi<VariantRow>): PastePlan {
  const focused = api.getFocusedCell();
  const field = focused?.column.getColId();
  const source = focused ? api.getDisplayedRowAtIndex(focused.rowIndex)?.data : undefined;
  if (!focused || !field || !editable.has(field) || !source) return { ok: false, key: 'pasteNoCell' };
  const value = source[field as keyof VariantRow] as CellValue;
  const edits = api
    .getSelectedNodes()
    .map((node) => node.data)
    .filter((data): data is VariantRow => data !== undefined && data.variantId !== source.variantId)
    .map((data) => ({ variantId: data.variantId, field: field as VariantEditField, value }));
  return { ok: true, edits };
}
