// Column definitions for the Products grid. colId = the contract's column name,
// so sort and filter models map straight onto `products.list`.
import type { ColDef, ValueFormatterParams } from 'ag-grid-community';
import { numberFilterOps, textFilterOps, type VariantRow } from '../../../../src/catalog/contract.js';
import type { MessageKey } from '../../i18n/en.js';
import type { I18n } from '../../i18n/context.js';
import { formatDateTime, formatMoney, formatNumber } from '../../i18n/format.js';

type Col = ColDef<VariantRow>;

const textFilter = {
  filter: 'agTextColumnFilter',
  filterParams: {
    filterOptions: [...textFilterOps],
    maxNumConditions: 2,
    debounceMs: 300,
  },
} satisfies Col;

const numberFilter = {
  filter: 'agNumberColumnFilter',
  filterParams: {
    filterOptions: [...numberFilterOps],
    maxNumConditions: 2,
    debounceMs: 300,
  },
  cellClass: 'ag-right-aligned-cell',
  headerClass: 'ag-right-aligned-header',
} satisfies Col;

export function productColumns(i18n: I18n, currency: string, timeZone: string): Col[] {
  const { t, locale } = i18n;
  const money = (params: ValueFormatterParams<VariantRow, number | null>): string =>
    formatMoney(params.value ?? null, currency, locale);
  const number = (params: ValueFormatterParams<VariantRow, number | null>): string =>
    formatNumber(params.value ?? null, locale);
  const header = (key: MessageKey): Pick<Col, 'headerName' | 'headerTooltip'> => ({ headerName: t(key), headerTooltip: t(key) });

  return [
    { field: 'sku', colId: 'sku', ...header('columns.sku'), ...textFilter, width: 170, pinned: 'left', cellClass: 'cell-mono' },
    { field: 'title', colId: 'title', ...header('columns.title'), ...textFilter, width: 240 },
    { field: 'variantTitle', colId: 'variantTitle', ...header('columns.variantTitle'), ...textFilter, width: 150 },
    { field: 'barcode', colId: 'barcode', ...header('columns.barcode'), ...textFilter, width: 140, cellClass: 'cell-mono' },
    { field: 'category', colId: 'category', ...header('columns.category'), ...textFilter, width: 180, tooltipField: 'category' },
    { field: 'brand', colId: 'brand', ...header('columns.brand'), ...textFilter, width: 140 },
    { field: 'price', colId: 'price', ...header('columns.price'), ...numberFilter, valueFormatter: money, width: 120 },
    { field: 'compareAtPrice', colId: 'compareAtPrice', ...header('columns.compareAtPrice'), ...numberFilter, valueFormatter: money, width: 120 },
    { field: 'cost', colId: 'cost', ...header('columns.cost'), ...numberFilter, valueFormatter: money, width: 110 },
    { field: 'weightGrams', colId: 'weightGrams', ...header('columns.weightGrams'), ...numberFilter, valueFormatter: number, width: 110 },
    { field: 'onHand', colId: 'onHand', ...header('columns.onHand'), ...numberFilter, valueFormatter: number, width: 100 },
    {
      field: 'status',
      colId: 'status',
      ...header('columns.status'),
      // Typed text is matched against the translated labels (see grid-query.ts).
      filter: 'agTextColumnFilter',
      filterParams: { filterOptions: ['contains', 'equals', 'notEqual'], maxNumConditions: 2, debounceMs: 300 },
      width: 110,
      cellRenderer: (params: { value: VariantRow['status'] | undefined }) =>
        params.value ? <span className={`status status-${params.value}`}>{t(`status.${params.value}`)}</span> : null,
    },
    {
      field: 'updatedAt',
      colId: 'updatedAt',
      ...header('columns.updatedAt'),
      filter: false,
      width: 190,
      valueFormatter: (params: ValueFormatterParams<VariantRow, string>) =>
        params.value ? formatDateTime(params.value, locale, timeZone) : '',
    },
  ];
}

/** AG Grid's own filter-menu texts in the UI language. */
export function gridLocaleText(t: I18n['t']): Record<string, string> {
  const keys = [
    'contains', 'notContains', 'equals', 'notEqual', 'startsWith', 'endsWith', 'blank', 'notBlank',
    'lessThan', 'greaterThan', 'lessThanOrEqual', 'greaterThanOrEqual', 'inRange', 'andCondition',
    'orCondition', 'filterOoo', 'inRangeStart', 'inRangeEnd', 'applyFilter', 'resetFilter', 'clearFilter', 'cancelFilter',
  ] as const;
  const text: Record<string, string> = { loadingOoo: t('grid.loading'), noRowsToShow: t('grid.noRows') };
  for (const key of keys) text[key] = t(`grid.${key}`);
  return text;
}
