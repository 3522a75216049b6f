// Column definitions for the Products grid. colId = the contract's column name,
// so sort and filter models map straight onto `products.list`.
import type { ColDef, ValueFormatterParams, ValueGetterParams, ValueSetterParams } from 'ag-grid-community';
import { numberFilterOps, textFilterOps, type VariantRow } from '../../../../src/catalog/contract.js';
import type { MessageKey } from '../../i18n/en.js';
import type { I18n } from '../../i18n/context.js';
import { routeHref } from '../../app/route.js';
import { currencyFractionDigits, formatDateTime, formatMoney, formatNumber, majorToMinor, minorToMajor } from '../../i18n/format.js';
import type { VariantEditField } from '../../../../src/catalog/edit-contract.js';
import { NumberCellEditor } from './number-cell-editor.js';
import type { CellEdits } from './use-grid-edits.js';

type Col = ColDef<VariantRow>;

/** Always shown and pinned left: what a row is. */
export const fixedProductColumns: readonly string[] = ['sku', 'title'];
/** Left out until someone shows them (Columns), so Cost, On hand and Status fit a 1440 px screen. */
export const defaultHiddenProductColumns: readonly string[] = ['barcode', 'brand', 'compareAtPrice', 'weightGrams', 'updatedAt'];

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

/**
 * Editing goes through `edits` (use-grid-edits.tsx): typed text is read there — asked about,
 * refused with a reason, or confirmed when a price changes a lot — and a cell it refuses is
 * highlighted. Without it (a read-only use) the columns only display.
 */
export function productColumns(i18n: I18n, currency: string, timeZone: string, edits?: CellEdits): Col[] {
  const { t, locale } = i18n;
  const typed = (field: VariantEditField) => (params: ValueSetterParams<VariantRow>) => {
    const value = edits?.typed(params.data, field, params.newValue === null || params.newValue === undefined ? '' : String(params.newValue));
    if (value === undefined) return false;
    Object.assign(params.data, { [field]: value });
    return true;
  };
  const problem = (field: VariantEditField): Pick<Col, 'cellClassRules'> => ({
    cellClassRules: { 'cell-problem': (params) => edits?.hasProblem(params.data?.variantId, field) ?? false },
  });
  // Money is edited in major units (19.99), stored and sent in minor units (1999).
  const money = (field: 'price' | 'compareAtPrice' | 'cost'): Col => ({
    valueGetter: (params: ValueGetterParams<VariantRow>) => {
      const minor = params.data?.[field];
      return minor === undefined || minor === null ? null : minorToMajor(minor, currency);
    },
    valueSetter: typed(field),
    valueFormatter: (params: ValueFormatterParams<VariantRow, number | null>) =>
      params.value === null || params.value === undefined ? '' : formatMoney(majorToMinor(params.value, currency), currency, locale),
    editable: edits !== undefined,
    // No inferred number type: its parser would turn a typed 12,50 into 12 before it is read.
    cellDataType: false,
    cellEditor: NumberCellEditor,
    cellEditorParams: { decimals: currencyFractionDigits(currency) },
    ...problem(field),
  });
  const number = (params: ValueFormatterParams<VariantRow, number | null>): string =>
    formatNumber(params.value ?? null, locale);
  const header = (key: MessageKey): Pick<Col, 'headerName' | 'headerTooltip'> => ({ headerName: t(key), headerTooltip: t(key) });

  return [
    { field: 'sku', colId: 'sku', ...header('columns.sku'), ...textFilter, width: 150, pinned: 'left', cellClass: 'cell-mono', editable: edits !== undefined, valueSetter: typed('sku'), ...problem('sku') },
    {
      field: 'title',
      colId: 'title',
      ...header('columns.title'),
      ...textFilter,
      // 190 (not wider) leaves room for Current price with Status still on a 1440 px screen.
      width: 190,
      pinned: 'left',
      cellRenderer: (params: { value: string | undefined; data: VariantRow | undefined }) =>
        params.data ? <a href={routeHref('products', params.data.productId)}>{params.value}</a> : null,
    },
    { field: 'variantTitle', colId: 'variantTitle', ...header('columns.variantTitle'), ...textFilter, width: 120 },
    { field: 'barcode', colId: 'barcode', ...header('columns.barcode'), ...textFilter, width: 140, cellClass: 'cell-mono', editable: edits !== undefined, valueSetter: typed('barcode'), ...problem('barcode') },
    { field: 'category', colId: 'category', ...header('columns.category'), ...textFilter, width: 150, tooltipField: 'category' },
    { field: 'brand', colId: 'brand', ...header('columns.brand'), ...textFilter, width: 140 },
    { colId: 'price', ...header('columns.price'), ...numberFilter, ...money('price'), width: 105 },
    {
      // What it sells for now. A running promotion's sale price is marked "Sale", with the regular
      // price in Price right beside it (and in the tooltip). Narrow on purpose: Cost, On hand and
      // Status still fit a 1440 px screen. Not sortable (see variantMoneyColumns); Price sorts.
      colId: 'currentPrice',
      ...header('columns.currentPrice'),
      sortable: false,
      filter: false,
      width: 130,
      cellClass: 'ag-right-aligned-cell',
      headerClass: 'ag-right-aligned-header',
      valueGetter: (params: ValueGetterParams<VariantRow>) => params.data?.currentPrice ?? null,
      cellRenderer: (params: { data: VariantRow | undefined }) => {
        const row = params.data;
        if (!row) return null;
        const current = formatMoney(row.currentPrice, currency, locale);
        if (row.promotionId === null || row.currentPrice >= row.price) return current;
        return (
          <span data-testid="sale-price" title={t('products.saleTitle', { price: formatMoney(row.price, currency, locale) })}>
            {/* The price first: a long one clips the badge, never the price. */}
            {current} <span className="pill">{t('products.sale')}</span>
          </span>
        );
      },
    },
    { colId: 'compareAtPrice', ...header('columns.compareAtPrice'), ...numberFilter, ...money('compareAtPrice'), width: 120 },
    { colId: 'cost', ...header('columns.cost'), ...numberFilter, ...money('cost'), width: 100 },
    {
      field: 'weightGrams',
      colId: 'weightGrams',
      ...header('columns.weightGrams'),
      ...numberFilter,
      valueFormatter: number,
      width: 110,
      editable: edits !== undefined,
      valueSetter: typed('weightGrams'),
      cellDataType: false,
      cellEditor: NumberCellEditor,
      cellEditorParams: { decimals: 0 },
      ...problem('weightGrams'),
    },
    { field: 'onHand', colId: 'onHand', ...header('columns.onHand'), ...numberFilter, valueFormatter: number, width: 90 },
    {
      field: 'status',
      colId: 'status',
      ...header('columns.status'),
      // Typed text is matched against the translated labels (see grid-query.ts).
      filter: 'agTextColumnFilter',
      filterParams: { filterOptions: ['contains', 'equals', 'notEqual'], maxNumConditions: 2, debounceMs: 300 },
      width: 100,
      editable: true,
      cellEditor: 'agSelectCellEditor',
      cellEditorParams: { values: ['active', 'draft', 'archived'], formatValue: (value: VariantRow['status']) => t(`status.${value}`) },
      cellRenderer: (params: { value: VariantRow['status'] | undefined }) =>
        params.value ? <span className={`status status-${params.value}`}>{t(`status.${params.value}`)}</span> : null,
    },
    {
      field: 'completeness',
      colId: 'completeness',
      ...header('columns.completeness'),
      sortable: false,
      filter: false,
      width: 100,
      cellClass: 'ag-right-aligned-cell',
      headerClass: 'ag-right-aligned-header',
      valueFormatter: (params: ValueFormatterParams<VariantRow, number>) => (params.value === undefined ? '' : `${params.value}%`),
      cellClassRules: { 'cell-incomplete': (params) => (params.value ?? 100) < 100 },
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
