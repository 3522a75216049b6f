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
import { useCallback, useEffect, useMemo, useRef, useState, type ClipboardEvent, type KeyboardEvent, type ReactNode } from 'react';
import { variantMoneyColumns, variantTextColumns, type ProductStatus, type VariantRow } from '../../../../src/catalog/contract.js';
import type { VariantEditField } from '../../../../src/catalog/edit-contract.js';
import type { MethodInput } from '../../../../src/contract.js';
import { ApiError } from '../../api/api-error.js';
import { call, onEvent } from '../../api/client.js';
import { routeHref } from '../../app/route.js';
import { useShop } from '../../app/shop-context.js';
import { useToasts } from '../../components/toasts.js';
import { displayedGridColumns, ExportMenu } from '../../components/ExportMenu.js';
import type { ExportColumn, ExportColumnKind } from '../../../../src/exports/contract.js';
import { useI18n } from '../../i18n/context.js';
import { formatNumber } from '../../i18n/format.js';
import { gridTheme } from './grid-theme.js';
import { gridLocaleText, productColumns } from './columns.js';
import { toFilters, toSort } from './grid-query.js';
import { BulkActionDialog } from './BulkActionDialog.js';
import { useEditHistory } from './edit-history.js';
import { planFillDown, planPaste, type PastePlan } from './grid-paste.js';

const blockSize = 100;
const defaultColDef: ColDef<VariantRow> = { sortable: true, resizable: true, floatingFilter: true };
const rowId = (params: GetRowIdParams<VariantRow>): string => String(params.data.variantId);
const searchDebounceMs = 250;
const rowSelection: RowSelectionOptions = { mode: 'multiRow', checkboxes: true, headerCheckbox: false, enableClickSelection: false };
const selectionColumnDef = { pinned: 'left' as const, width: 44 };
const statuses: readonly ProductStatus[] = ['active', 'draft', 'archived'];
/** How each grid column is exported; null for the selection checkboxes. */
function exportKind(colId: string): ExportColumnKind | null {
  if ((variantMoneyColumns as readonly string[]).includes(colId)) return 'money';
  if (colId === 'updatedAt') return 'date';
  if (['weightGrams', 'onHand', 'completeness'].includes(colId)) return 'number';
  return (variantTextColumns as readonly string[]).includes(colId) || colId === 'status' ? 'text' : null;
}

function useDebounced<T>(value: T, ms: number): T {
  const [debounced, setDebounced] = useState(value);
  useEffect(() => {
    const timer = window.setTimeout(() => setDebounced(value), ms);
    return () => window.clearTimeout(timer);
  }, [value, ms]);
  return debounced;
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
  const history = useEditHistory(reload, showError);
  useEffect(() => onEvent('data.changed', ({ areas }) => areas.includes('catalog') && reload()), [reload]);

  const applyPlan = useCallback(
    async (plan: PastePlan) => {
      if (!plan.ok) {
        showError(new ApiError('VALIDATION', plan.key, { key: plan.key, params: plan.params }));
        return;
      }
      if (plan.edits.length > 0) await history.apply({ kind: 'edits', input: { edits: plan.edits } });
    },
    [history, showError],
  );
  const statusOf = useCallback(
    (label: string): ProductStatus | null =>
      statuses.find((s) => s === label.toLowerCase() || t(`status.${s}`).toLowerCase() === label.toLowerCase()) ?? null,
    [t],
  );
  const onPaste = useCallback(
    (event: ClipboardEvent<HTMLDivElement>) => {
      const api = gridApi.current;
      if (!api || api.getEditingCells().length > 0) return; // the cell editor takes its own paste
      event.preventDefault();
      const columnName = (field: VariantEditField) => t(`columns.${field}`);
      void applyPlan(planPaste(api, event.clipboardData.getData('text/plain'), { currency: settings.currency, statusOf, columnName }));
    },
    [applyPlan, settings.currency, statusOf, t],
  );
  const onKeyDown = useCallback(
    (event: KeyboardEvent<HTMLDivElement>) => {
      if (!(event.ctrlKey || event.metaKey) || gridApi.current?.getEditingCells().length) return;
      const key = event.key.toLowerCase();
      if (key === 'z' && !event.shiftKey) void history.undo();
      else if ((key === 'z' && event.shiftKey) || key === 'y') void history.redo();
      else if (key === 'd') void applyPlan(gridApi.current ? planFillDown(gridApi.current) : { ok: false, key: 'pasteNoCell' });
      else return;
      event.preventDefault();
    },
    [history, applyPlan],
  );
  const onCellValueChanged = useCallback(
    (event: CellValueChangedEvent<VariantRow>) => {
      if (!event.data || event.source === 'api') return;
      const field = event.column.getColId() as VariantEditField;
      const value = event.data[field as keyof VariantRow] as string | number | null;
      void history.apply({ kind: 'edits', input: { edits: [{ variantId: event.data.variantId, field, value }] } });
    },
    [history],
  );
  const bulkTarget: MethodInput<'variants.bulkAction'>['target'] =
    selected > 0
      ? { variantIds: (gridApi.current?.getSelectedNodes() ?? []).flatMap((n) => (n.data ? [n.data.variantId] : [])) }
      : { filter: lastQuery.current };

  const columnDefs = useMemo(
    () => productColumns(i18n, settings.currency, settings.timeZone),
    [i18n, settings.currency, settings.timeZone],
  );

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
  const localeText = useMemo(() => gridLocaleText(t), [t]);

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
          <button type="button" className="button button-small" onClick={() => void history.undo()} disabled={!history.canUndo} data-testid="undo" title="Ctrl+Z">
            {t('products.undo')}
          </button>
          <button type="button" className="button button-small" onClick={() => void history.redo()} disabled={!history.canRedo} data-testid="redo" title="Ctrl+Shift+Z">
            {t('products.redo')}
          </button>
          <button
            type="button"
            className="button button-small"
            disabled={selected === 0}
            onClick={() => void applyPlan(gridApi.current ? planFillDown(gridApi.current) : { ok: false, key: 'pasteNoCell' })}
            title="Ctrl+D"
          >
            {t('products.fillDown')}
          </button>
          <button type="button" className="button button-small" onClick={() => setBulkOpen(true)} data-testid="bulk-open">
            {selected > 0 ? t('products.bulkSelected', { count: selected }) : t('products.bulkFiltered')}
          </button>
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
