// Products: every variant in an AG Grid over the Infinite Row Model. Sorting,
// filtering and quick search run in the core (SQL); the grid fetches blocks of
// 100 rows as the person scrolls. Read-only for now.
import { AgGridReact } from 'ag-grid-react';
import type {
  ColDef,
  FilterChangedEvent,
  GetRowIdParams,
  GridApi,
  GridReadyEvent,
  IDatasource,
  IGetRowsParams,
} from 'ag-grid-community';
import { useCallback, useEffect, useMemo, useRef, useState, type ReactNode } from 'react';
import type { VariantRow } from '../../../../src/catalog/contract.js';
import { call } from '../../api/client.js';
import { useShop } from '../../app/shop-context.js';
import { useToasts } from '../../components/toasts.js';
import { useI18n } from '../../i18n/context.js';
import { formatNumber } from '../../i18n/format.js';
import { gridTheme } from './grid-theme.js';
import { gridLocaleText, productColumns } from './columns.js';
import { toFilters, toSort } from './grid-query.js';

const blockSize = 100;
const defaultColDef: ColDef<VariantRow> = { sortable: true, resizable: true, floatingFilter: true };
const rowId = (params: GetRowIdParams<VariantRow>): string => String(params.data.variantId);
const searchDebounceMs = 250;

function useDebounced<T>(value: T, ms: number): T {
  const [debounced, setDebounced] = useState(value);
  useEffect(() => {
    const timer = window.setTimeout(() => setDebounced(value), ms);
    return () => window.clearTimeout(timer);
  }, [value, ms]);
  return debounced;
}

export function ProductsPage(): ReactNode {
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
        };
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
    [quickSearch, settings.currency, i18n, showError],
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
        <span className="pill">{t('products.readOnly')}</span>
        <div className="page-actions">
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
      <div className="grid-wrap" data-testid="products-grid">
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
        />
      </div>
    </div>
  );
}
