// Coded values an export writes as the screen shows them: a product's status, a
// transfer's, stocktake's or purchase order's state and a stocktake's scope in the
// language of the file's headers (`active` → 在售). ExportMenu attaches these
// to the columns it sends; a column that brings its own labels keeps them. The
// products import reads the Chinese status words back (src/spreadsheets statusWords).
import type { ExportColumn, GridExportSource } from '../../../src/exports/contract.js';
import { productStatusSchema } from '../../../src/catalog/contract.js';
import { transferStatuses } from '../../../src/inventory/contract.js';
import { stocktakeStatuses } from '../../../src/inventory/stocktake-contract.js';
import { poStatuses } from '../../../src/purchasing/contract.js';
import type { I18n } from './context.js';
import type { MessageKey } from './en.js';

interface CodedField {
  values: readonly string[];
  key(value: string): MessageKey;
}

const codedFields: Partial<Record<GridExportSource, Record<string, CodedField>>> = {
  'products.list': { status: { values: productStatusSchema.options, key: (v) => `status.${v}` as MessageKey } },
  'transfers.list': { status: { values: transferStatuses, key: (v) => `transfer.state.${v}` as MessageKey } },
  'stocktakes.list': {
    status: { values: stocktakeStatuses, key: (v) => `stocktake.state.${v}` as MessageKey },
    scope: { values: ['all', 'category', 'bin'], key: (v) => `stocktake.scope.${v}` as MessageKey },
  },
  'purchaseOrders.list': { status: { values: poStatuses, key: (v) => `po.state.${v}` as MessageKey } },
};

/** The columns with the translated names of their coded values. */
export function withCodedLabels(source: GridExportSource, columns: readonly ExportColumn[], t: I18n['t']): ExportColumn[] {
  const fields = codedFields[source];
  if (!fields) return [...columns];
  return columns.map((column) => {
    const coded = fields[column.field];
    if (!coded || column.labels) return column;
    return { ...column, labels: Object.fromEntries(coded.values.map((value) => [value, t(coded.key(value))])) };
  });
}
