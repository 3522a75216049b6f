// Variant edits from the detail page (one variant) and the grid (inline edit,
// paste-a-block, fill-down): every cell is checked first, then all are written
// in one transaction as one change set with before-values, or none are.
import type { Db } from '../db/open.js';
import type { HistoryService } from '../history/service.js';
import type { KnownSummary } from '../shared/history-texts.js';
import { AppError, notFound, validationError } from '../shared/app-error.js';
import type { Clock } from '../shared/clock.js';
import type { FieldIssue } from '../shared/envelope.js';
import { variantColumns } from './change-sets.js';
import type { BulkEditInput, VariantChanges, VariantEditField } from './edit-contract.js';
import type { EditStore, VariantDbRow } from './edit-store.js';
import { checkVariantValue, type SqlScalar } from './variant-values.js';

interface Edit {
  variantId: number;
  field: VariantEditField;
  value: string | number | null;
  /** Where the value came from in the input, for error paths. */
  path: string;
}

const rowValue: Record<VariantEditField, (row: VariantDbRow) => SqlScalar> = {
  sku: (r) => r.sku,
  barcode: (r) => r.barcode,
  price: (r) => r.price,
  compareAtPrice: (r) => r.compareAtPrice,
  cost: (r) => r.cost,
  weightGrams: (r) => r.weightGrams,
  status: (r) => r.status,
};

export function skuTaken(sku: string, path: string): AppError {
  return new AppError('CONFLICT', `SKU "${sku}" is already used by another variant; nothing was saved.`, {
    key: 'skuTaken',
    params: { field: 'sku', value: sku, path },
    issues: [{ path, key: 'skuTaken', message: `${path}: SKU "${sku}" is already used`, params: { value: sku, field: 'sku' } }],
  });
}

export function createVariantEditService(db: Db, store: EditStore, history: HistoryService, clock: Clock) {
  /** Returns the final value per (variant, field), or throws VALIDATION / CONFLICT naming every bad cell. */
  function plan(edits: Edit[]) {
    const rows = new Map(store.variantsIn([...new Set(edits.map((e) => e.variantId))]).map((r) => [r.id, r]));
    const mode = store.barcodeMode();
    const issues: FieldIssue[] = [];
    // Later edits of the same cell win, as when a block is pasted over a fill-down.
    const cells = new Map<string, { edit: Edit; value: SqlScalar; row: VariantDbRow }>();
    for (const edit of edits) {
      const row = rows.get(edit.variantId);
      if (!row) {
        issues.push({ path: edit.path.replace(/value$/, 'variantId'), key: 'notFound', message: `variant ${edit.variantId} was not found` });
        continue;
      }
      const checked = checkVariantValue(edit.field, edit.value, mode);
      if (!checked.ok) {
        issues.push({ path: edit.path, key: checked.key, message: `${edit.path} (SKU ${row.sku}): ${checked.message}`, params: { sku: row.sku, field: edit.field } });
        continue;
      }
      cells.set(`${edit.variantId}:${edit.field}`, { edit, value: checked.value, row });
    }
    if (issues.length > 0) throw validationError(issues.map((i) => i.message).slice(0, 5).join('; '), issues);

    // SKU uniqueness against the final state: a variant may take a SKU another one gives up in the same block.
    const finalSku = new Map<number, { sku: string; path: string }>();
    for (const cell of cells.values()) {
      if (cell.edit.field === 'sku' && typeof cell.value === 'string') finalSku.set(cell.row.id, { sku: cell.value, path: cell.edit.path });
    }
    const claimed = new Map<string, number>();
    for (const [variantId, { sku, path }] of finalSku) {
      // Exact match, as the UNIQUE index on variants.sku compares.
      if (claimed.has(sku)) throw skuTaken(sku, path);
      claimed.set(sku, variantId);
    }
    for (const holder of store.skusIn([...finalSku.values()].map((f) => f.sku))) {
      const mine = finalSku.get(holder.id);
      const keeps = mine === undefined || mine.sku === holder.sku;
      const wanted = [...finalSku.entries()].find(([id, f]) => id !== holder.id && f.sku === holder.sku);
      if (keeps && wanted) throw skuTaken(wanted[1].sku, wanted[1].path);
    }
    return [...cells.values()].filter((cell) => cell.value !== rowValue[cell.edit.field](cell.row));
  }

  const apply = db.transaction((edits: Edit[], kind: string, summary: (cells: number, variants: number) => KnownSummary, actor: string) => {
    const changes = plan(edits);
    if (changes.length === 0) return { changeSetId: null, changed: 0 };
    const variants = new Set(changes.map((c) => c.row.id)).size;
    const changeSetId = history.begin(kind, summary(changes.length, variants), actor);
    const at = clock.now().toISOString();
    try {
      for (const { edit, value, row } of changes) {
        const column = variantColumns[edit.field];
        store.setColumn('variants', column, row.id, value, at);
        history.addItem(changeSetId, { entity: 'variants', entityId: row.id, field: column, before: rowValue[edit.field](row), after: value });
      }
    } catch (error) {
      // Swapping two SKUs in one block passes the final-state check but trips the per-row UNIQUE index.
      if (error instanceof Error && 'code' in error && error.code === 'SQLITE_CONSTRAINT_UNIQUE') {
        const sku = changes.find((c) => c.edit.field === 'sku');
        throw skuTaken(String(sku?.value ?? ''), sku?.edit.path ?? 'sku');
      }
      throw error;
    }
    return { changeSetId, changed: changes.length };
  });

  return {
    update(variantId: number, changes: VariantChanges, actor: string) {
      if (!store.variant(variantId)) throw notFound('Variant', variantId);
      const edits: Edit[] = Object.entries(changes)
        .filter(([, value]) => value !== undefined)
        .map(([field, value]) => ({
          variantId,
          field: field as VariantEditField,
          value: value as string | number | null,
          path: `changes.${field}`,
        }));
      const sku = store.variant(variantId)?.sku ?? '';
      const result = apply(edits, 'variant_edit', (cells) => ({ key: 'variantEdit', params: { cells, sku } }), actor);
      const variant = store.variant(variantId);
      if (!variant) throw notFound('Variant', variantId);
      return { ...result, variant };
    },
    bulkUpdate(input: BulkEditInput, actor: string) {
      const edits = input.edits.map((e, i) => ({ ...e, path: `edits.${i}.value` }));
      return apply(edits, 'bulk_edit', (cells, variants) => ({ key: 'gridEdit', params: { cells, variants } }), actor);
    },
  };
}
