// Products: every variant in an AG Grid over the Infinite Row Model. Sorting,
// filtering and quick search run in the core (SQL); the grid fetches blocks of
// 100 rows as the person scrolls. Cells edit in place; a block pasted from a
// spreadsheet, a fill-down and a bulk action each become one undoable change set.
import { AgGridReact } from 'ag-grid-react';
import type {
  CellValueChangedEvent,
  ColDef,
  FilterChangedEvent,
  GetRowIdParams,
  GridApi,
  GridReadyEvent,
  IDatasource,
  IGetRowsParams,
  RowSelectionOptions,
} from 'ag-grid-community';
import { useCallback, useEffect, useMemo, useRef, useState, type ClipboardEvent, type KeyboardEvent, type MouseEvent, type ReactNode } from 'react';
import { variantMoneyColumns, variantTextColumns, type VariantRow } from '../../../../src/catalog/contract.js';
import type { VariantEditField } from '../../../../src/catalog/edit-contract.js';
import type { MethodInput } from '../../../../src/contract.js';
import { call, onEvent } from '../../api/client.js';
import { routeHref } from '../../app/route.js';
import { useShop } from '../../app/shop-context.js';
import { useCan } from '../../app/team-context.js';
import { useToasts } from '../../components/toasts.js';
import { useDebounced } from '../../components/use-debounced.js';
import { displayedGridColumns, ExportMenu } from '../../components/ExportMenu.js';
import type { ExportColumn, ExportColumnKind } from '../../../../src/exports/contract.js';
import { useI18n } from '../../i18n/context.js';
import { formatNumber } from '../../i18n/format.js';
import { gridTheme } from './grid-theme.js';
import { defaultHiddenProductColumns, fixedProductColumns, productColumns } from './columns.js';
import { useGridLocaleText } from '../../components/grid-locale.js';
import { ColumnChooser, useColumnChoice, withChosenColumns } from './ColumnChooser.js';
import { toFilters, toSort } from './grid-query.js';
import { BulkActionDialog } from './BulkActionDialog.js';
import { useHistoryShortcuts } from './edit-history.js';
import { useGridEdits } from './use-grid-edits.js';

const blockSize = 100;
const defaultColDef: ColDef<VariantRow> = { sortable: true, resizable: true, floatingFilter: true };
const rowId = (params: GetRowIdParams<VariantRow>): string => String(params.data.variantId);
const searchDebounceMs = 250;
const rowSelection: RowSelectionOptions = { mode: 'multiRow', checkboxes: true, headerCheckbox: false, enableClickSelection: false };
const selectionColumnDef = { pinned: 'left' as const, width: 44 };
/** Toolbar buttons keep focus where it was (a grid cell), so the keyboard carries on from there. */
const keepFocus = (event: MouseEvent) => event.preventDefault();
/** How each grid column is exported; null for the selection checkboxes. */
function exportKind(colId: string): ExportColumnKind | null {
  if ((variantMoneyColumns as readonly string[]).includes(colId)) return 'money';
  if (colId === 'updatedAt') return 'date';
  if (['weightGrams', 'onHand', 'completeness'].includes(colId)) return 'number';
  return (variantTextColumns as readonly string[]).includes(colId) || colId === 'status' ? 'text' : null;
}

export function ProductsPage(_props: { route: readonly string[] }): ReactNode {
  const i18n = useI18n();
  const { t, locale } = i18n;
  const { settings } = useShop();
  const { showError } = useToasts();
  const [search, setSearch] = useState('');
  const quickSearch = useDebounced(search.trim(), searchDebounceMs);
  const [total, setTotal] = useState<number | null>(null);
  const onGridReady = useCallback((event: GridReadyEvent<VariantRow>) => {
    gridApi.current = event.api;
  }, []);
  const onFilterChanged = useCallback(
    (event: FilterChangedEvent<VariantRow>) => setHasFilters(event.api.isAnyFilterPresent()),
    [],
  );
  const [hasFilters, setHasFilters] = useState(false);
  const gridApi = useRef<GridApi<VariantRow> | null>(null);
  const [selected, setSelected] = useState(0);
  const [bulkOpen, setBulkOpen] = useState(false);
  const [incompleteOnly, setIncompleteOnly] = useState(false);
  const lastQuery = useRef<Pick<MethodInput<'products.list'>, 'filters' | 'quickSearch' | 'incompleteOnly'>>({ filters: {}, quickSearch: '' });
  // The last list call's filters and sort, which Export repeats over every row.
  const lastListQuery = useRef<MethodInput<'products.list'>>({});
  const exportColumns = useCallback(
    (): ExportColumn[] => [
      { field: 'variantId', header: t('exports.variantId'), kind: 'number' },
      ...(gridApi.current ? displayedGridColumns(gridApi.current, exportKind) : []),
    ],
    [t],
  );

  const reload = useCallback(() => gridApi.current?.refreshInfiniteCache(), []);
  const edits = useGridEdits(gridApi, reload);
  const { history, paste, fillDown, saveCell } = edits;
  useHistoryShortcuts(history);
  useEffect(() => onEvent('data.changed', ({ areas }) => areas.includes('catalog') && reload()), [reload]);

  const onPaste = useCallback(
    (event: ClipboardEvent<HTMLDivElement>) => {
      const api = gridApi.current;
      if (!api || api.getEditingCells().length > 0) return; // the cell editor takes its own paste
      // A paste into the search box or a filter is that field's own.
      if (event.target instanceof HTMLInputElement && event.target.closest('.ag-floating-filter, .ag-filter')) return;
      event.preventDefault();
      paste(event.clipboardData.getData('text/plain'));
    },
    [paste],
  );
  // Undo and redo are page-wide (useHistoryShortcuts); fill-down belongs to the grid.
  const onKeyDown = useCallback(
    (event: KeyboardEvent<HTMLDivElement>) => {
      if (!(event.ctrlKey || event.metaKey) || event.key.toLowerCase() !== 'd' || gridApi.current?.getEditingCells().length) return;
      event.preventDefault();
      fillDown();
    },
    [fillDown],
  );
  const onCellValueChanged = useCallback(
    (event: CellValueChangedEvent<VariantRow>) => {
      if (!event.data || event.source === 'api') return;
      const field = event.column.getColId() as VariantEditField;
      const value = event.data[field as keyof VariantRow] as string | number | null;
      const before = event.oldValue as string | number | null;
      // The row is named by the SKU it had: an edited SKU cell already holds the new one.
      const sku = field === 'sku' ? String(before) : event.data.sku;
      void saveCell({ variantId: event.data.variantId, field, value, sku, before, row: (event.rowIndex ?? 0) + 1 });
    },
    [saveCell],
  );
  const bulkTarget: MethodInput<'variants.bulkAction'>['target'] =
    selected > 0
      ? { variantIds: (gridApi.current?.getSelectedNodes() ?? []).flatMap((n) => (n.data ? [n.data.variantId] : [])) }
      : { filter: lastQuery.current };

  // Without costs.view the core sends no cost (null); the column is left out rather than shown empty.
  const seesCosts = useCan()('costs.view');
  const allColumns = useMemo(
    () => productColumns(i18n, settings.currency, settings.timeZone, edits.cellEdits).filter((column) => seesCosts || column.colId !== 'cost'),
    [i18n, settings.currency, settings.timeZone, edits.cellEdits, seesCosts],
  );
  const columnChoice = useColumnChoice('products', defaultHiddenProductColumns);
  const columnDefs = useMemo(() => withChosenColumns(allColumns, columnChoice.hidden), [allColumns, columnChoice.hidden]);

  // A new datasource resets the grid's cache, which is what a new search needs.
  const datasource = useMemo<IDatasource>(
    () => ({
      rowCount: undefined,
      getRows(params: IGetRowsParams) {
        const input = {
          offset: params.startRow,
          limit: params.endRow - params.startRow,
          sort: toSort(params.sortModel),
          filters: toFilters(params.filterModel, {
            currency: settings.currency,
            statusLabel: (status) => i18n.t(`status.${status}`),
          }),
          quickSearch,
          incompleteOnly,
        };
        lastQuery.current = { filters: input.filters, quickSearch, incompleteOnly };
        lastListQuery.current = { sort: input.sort, filters: input.filters, quickSearch, incompleteOnly };
        call('products.list', input)
          .then((answer) => {
            setTotal(answer.total);
            params.successCallback(answer.rows, answer.total);
          })
          .catch((error: unknown) => {
            params.failCallback();
            showError(error);
          });
      },
    }),
    [quickSearch, incompleteOnly, settings.currency, i18n, showError],
  );

  // Stable props: a new object on every render (e.g. when the total arrives) makes
  // AG Grid rebuild its columns and repaint every row, which tripled re-sort time.
  const localeText = useGridLocaleText();

  return (
    <div className="page page-products">
      <div className="page-header">
        <h1>{t('products.title')}</h1>
        <span className="total" data-testid="products-total">
          {total === null ? t('products.totalLoading') : t('products.total', { count: formatNumber(total, locale) })}
        </span>
        <div className="toolbar" data-testid="products-toolbar">
          <a className="button button-small button-primary" href={routeHref('products', 'new')} data-testid="new-product">
            {t('products.new')}
          </a>
          <span className="sep" />
          <button type="button" className="button button-small" onMouseDown={keepFocus} onClick={() => void history.undo()} disabled={!history.canUndo} data-testid="undo" title="Ctrl+Z">
            {t('products.undo')}
          </button>
          <button type="button" className="button button-small" onMouseDown={keepFocus} onClick={() => void history.redo()} disabled={!history.canRedo} data-testid="redo" title="Ctrl+Shift+Z">
            {t('products.redo')}
          </button>
          <button
            type="button"
            className="button button-small"
            disabled={selected === 0}
            onMouseDown={keepFocus}
            onClick={fillDown}
            title="Ctrl+D"
          >
            {t('products.fillDown')}
          </button>
          <button type="button" className="button button-small" onClick={() => setBulkOpen(true)} data-testid="bulk-open">
            {selected > 0 ? t('products.bulkSelected', { count: selected }) : t('products.bulkFiltered')}
          </button>
          <ColumnChooser columns={allColumns} choice={columnChoice} fixed={fixedProductColumns} />
          <ExportMenu source="products.list" query={() => lastListQuery.current} columns={exportColumns} fileName={t('exports.file.products')} />
        </div>
        <div className="page-actions">
          <label className="check small">
            <input type="checkbox" checked={incompleteOnly} onChange={(e) => setIncompleteOnly(e.target.checked)} data-testid="incomplete-only" />
            {t('products.incompleteOnly')}
          </label>
          {hasFilters ? (
            <button type="button" className="button button-small" onClick={() => gridApi.current?.setFilterModel(null)}>
              {t('products.clearFilters')}
            </button>
          ) : null}
          <input
            type="search"
            className="search"
            data-testid="products-search"
            aria-label={t('products.searchLabel')}
            placeholder={t('products.search')}
            value={search}
            onChange={(event) => setSearch(event.target.value)}
          />
        </div>
      </div>
      <p className="muted small">{t('products.editHint')}</p>
      {edits.problemNote}
      {edits.dialog}
      <div className="grid-wrap" data-testid="products-grid" onPaste={onPaste} onKeyDown={onKeyDown}>
        <AgGridReact<VariantRow>
          // Remount on language change: AG Grid reads localeText only at start.
          key={locale}
          theme={gridTheme}
          rowModelType="infinite"
          cacheBlockSize={blockSize}
          maxBlocksInCache={50}
          datasource={datasource}
          columnDefs={columnDefs}
          defaultColDef={defaultColDef}
          getRowId={rowId}
          localeText={localeText}
          onGridReady={onGridReady}
          onFilterChanged={onFilterChanged}
          rowSelection={rowSelection}
          selectionColumnDef={selectionColumnDef}
          onSelectionChanged={(event) => setSelected(event.api.getSelectedNodes().length)}
          onCellValueChanged={onCellValueChanged}
          stopEditingWhenCellsLoseFocus
        />
      </div>
      {bulkOpen ? (
        <BulkActionDialog
          target={bulkTarget}
          count={selected > 0 ? selected : (total ?? 0)}
          currency={settings.currency}
          onApply={async (input) => {
            await history.apply({ kind: 'action', input });
          }}
          onClose={() => setBulkOpen(false)}
        />
      ) : null}
    </div>
  );
}
