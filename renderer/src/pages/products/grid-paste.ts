// Turns a pasted block (or a fill-down) into variants.bulkUpdate edits, laid
// over the grid from the focused cell: rows downward, editable columns in the
// order shown. Any cell that does not parse refuses the whole paste; cells that
// read two ways (12,50 in a USD shop) become one question for the whole block,
// answered before anything is saved.
import type { GridApi } from 'ag-grid-community';
import { variantEditFields, type VariantEditField } from '../../../../src/catalog/edit-contract.js';
import type { VariantRow } from '../../../../src/catalog/contract.js';
import type { NumberRule } from '../../components/number-check.js';
import { parseCell, parseTsv, type CellContext, type CellOption, type CellRefusal, type CellValue } from './clipboard.js';

export interface Edit {
  variantId: number;
  field: VariantEditField;
  value: CellValue;
}
/** An edit with what the page needs to explain it: the row's SKU, the value it replaces, the grid row (1-based). */
export interface PlannedEdit extends Edit {
  sku: string;
  before: CellValue;
  row: number;
}
/** A cell that reads two ways; its edit's value is decided by the answer. */
export interface PasteQuestion {
  edit: number;
  text: string;
  readings: [number, number];
  options: [CellOption, CellOption];
  rule: NumberRule;
}
/** A cell that refused the paste, and why. */
export interface RefusedCell {
  edit: Omit<PlannedEdit, 'value'>;
  raw: string;
  why: CellRefusal;
}
export type PastePlan =
  | { ok: true; edits: PlannedEdit[]; questions: PasteQuestion[] }
  | { ok: false; key: 'pasteNoCell' }
  | { ok: false; key: 'pasteCell'; cell: RefusedCell };

const editable = new Set<string>(variantEditFields);

export function editableColumnsFrom(api: GridApi<VariantRow>, colId: string): VariantEditField[] | null {
  const shown = api.getAllDisplayedColumns().map((c) => c.getColId()).filter((id) => editable.has(id)) as VariantEditField[];
  const start = shown.indexOf(colId as VariantEditField);
  return start < 0 ? null : shown.slice(start);
}

const valueOf = (row: VariantRow, field: VariantEditField): CellValue => row[field as keyof VariantRow] as CellValue;

export function planPaste(api: GridApi<VariantRow>, text: string, context: CellContext): PastePlan {
  const focused = api.getFocusedCell();
  const columns = focused ? editableColumnsFrom(api, focused.column.getColId()) : null;
  if (!focused || !columns) return { ok: false, key: 'pasteNoCell' };
  const edits: PlannedEdit[] = [];
  const questions: PasteQuestion[] = [];
  const rows = parseTsv(text);
  for (let r = 0; r < rows.length; r += 1) {
    const data = api.getDisplayedRowAtIndex(focused.rowIndex + r)?.data;
    if (!data) break; // past the last row: the rest of the block has nowhere to go
    const cells = rows[r] ?? [];
    for (let c = 0; c < cells.length && c < columns.length; c += 1) {
      const field = columns[c] as VariantEditField;
      const raw = cells[c] ?? '';
      const where = { variantId: data.variantId, field, sku: data.sku, before: valueOf(data, field), row: focused.rowIndex + r + 1 };
      const parsed = parseCell(field, raw, context);
      if (parsed.kind === 'refused') return { ok: false, key: 'pasteCell', cell: { edit: where, raw, why: parsed } };
      if (parsed.kind === 'ambiguous') questions.push({ edit: edits.length, text: parsed.text, readings: parsed.readings, options: parsed.options, rule: parsed.rule });
      edits.push({ ...where, value: parsed.kind === 'value' ? parsed.value : null });
    }
  }
  return { ok: true, edits, questions };
}

/**
 * The paste with its questions answered: `choice` picks the same reading (0: point as the
 * decimal mark, 1: comma) for every ambiguous cell — a block comes from one spreadsheet,
 * written one way. A cell whose chosen reading the column refuses refuses the paste.
 */
export function answerPaste(plan: Extract<PastePlan, { ok: true }>, choice: 0 | 1): PastePlan {
  const edits = [...plan.edits];
  for (const question of plan.questions) {
    const option = question.options[choice];
    const edit = edits[question.edit];
    if (!edit) continue;
    if (!option.ok) return { ok: false, key: 'pasteCell', cell: { edit, raw: question.text, why: { reason: 'number', refusal: option.refusal, rule: question.rule } } };
    edits[question.edit] = { ...edit, value: option.value };
  }
  return { ok: true, edits, questions: [] };
}

/** The focused cell's value copied into the same column of every selected row. */
export function planFillDown(api: GridApi<VariantRow>): PastePlan {
  const focused = api.getFocusedCell();
  const field = focused?.column.getColId();
  const source = focused ? api.getDisplayedRowAtIndex(focused.rowIndex)?.data : undefined;
  if (!focused || !field || !editable.has(field) || !source) return { ok: false, key: 'pasteNoCell' };
  const column = field as VariantEditField;
  const value = valueOf(source, column);
  const edits = api
    .getSelectedNodes()
    .filter((node) => node.data !== undefined && node.data.variantId !== source.variantId)
    .map((node) => {
      const data = node.data as VariantRow;
      return { variantId: data.variantId, field: column, value, sku: data.sku, before: valueOf(data, column), row: (node.rowIndex ?? 0) + 1 };
    });
  return { ok: true, edits, questions: [] };
}
