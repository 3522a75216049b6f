// Every promotion (#/promotions): name, type in the UI language, status chip,
// window in the shop's time zone, channels, stacking and priority, how many
// SKUs it covers and whether it was scheduled over the margin floor; filtered
// by status and a search, a page at a time, and "New promotion".
import type { ColDef, ICellRendererParams } from 'ag-grid-community';
import { AgGridReact } from 'ag-grid-react';
import { useMemo, useState, type ReactNode } from 'react';
import type { ExportColumn } from '../../../../src/exports/contract.js';
import type { PromotionRow } from '../../../../src/promotions/contract.js';
import { promotionStatuses, promotionTypes, type PromotionStatus } from './types.js';
import { call } from '../../api/client.js';
import { navigate, routeHref } from '../../app/route.js';
import { useShop } from '../../app/shop-context.js';
import { EmptyState } from '../../components/EmptyState.js';
import { ExportMenu } from '../../components/ExportMenu.js';
import { useGridLocaleText } from '../../components/grid-locale.js';
import { Loaded } from '../../components/Loading.js';
import { Pager } from '../../components/Pager.js';
import { useDebounced } from '../../components/use-debounced.js';
import { useLoad } from '../../components/use-load.js';
import { useI18n } from '../../i18n/context.js';
import { formatNumber } from '../../i18n/format.js';
import { gridTheme } from '../products/grid-theme.js';
import { formatWindow, formatWindowShort, statusName, typeName } from './promotion-texts.js';
import { StatusChip } from './StatusChip.js';
import { usePromotionsRefresh } from './use-promotions-refresh.js';

const pageSize = 50;

export function PromotionsList(): ReactNode {
  const { t, locale } = useI18n();
  const { settings } = useShop();
  const localeText = useGridLocaleText();
  const [status, setStatus] = useState<PromotionStatus | null>(null);
  const [search, setSearch] = useState('');
  const [offset, setOffset] = useState(0);
  const query = useDebounced(search.trim(), 300);
  const load = useLoad(
    () => call('promotions.list', { ...(status ? { status: [status] } : {}), ...(query ? { search: query } : {}), offset, limit: pageSize }),
    [status, query, offset],
  );
  usePromotionsRefresh(load.reload);

  const columns = useMemo<ColDef<PromotionRow>[]>(
    () => [
      {
        colId: 'name',
        headerName: t('promotions.col.name'),
        field: 'name',
        tooltipField: 'name',
        flex: 2,
        minWidth: 180,
        cellRenderer: (p: ICellRendererParams<PromotionRow>) =>
          p.data ? (
            <a href={routeHref('promotions', p.data.id)} data-testid="promo-row-link">
              {p.data.name}
            </a>
          ) : null,
      },
      { colId: 'type', headerName: t('promotions.col.type'), valueGetter: (p) => (p.data ? typeName(t, p.data.type) : ''), flex: 1, minWidth: 150 },
      {
        colId: 'status',
        headerName: t('promotions.col.status'),
        valueGetter: (p) => (p.data ? statusName(t, p.data.status) : ''),
        cellRenderer: (p: ICellRendererParams<PromotionRow>) => (p.data ? <StatusChip status={p.data.status} /> : null),
        width: 110,
      },
      {
        colId: 'window',
        headerName: t('promotions.col.window'),
        valueGetter: (p) => (p.data ? formatWindowShort(p.data.startsAt, p.data.endsAt, locale, settings.timeZone) : ''),
        tooltipValueGetter: (p) => (p.data ? formatWindow(p.data.startsAt, p.data.endsAt, locale, settings.timeZone) : null),
        flex: 2,
        minWidth: 210,
      },
      {
        colId: 'channels',
        headerName: t('promotions.col.channels'),
        valueGetter: (p) => (!p.data ? '' : p.data.channels === 'all' ? t('promotions.channels.all') : p.data.channels.map((c) => c.name).join(', ')),
        tooltipValueGetter: (p) => (!p.data ? null : p.data.channels === 'all' ? t('promotions.channels.all') : p.data.channels.map((c) => c.name).join(', ')),
        width: 110,
      },
      {
        colId: 'stacking',
        headerName: t('promotions.col.stacking'),
        valueGetter: (p) => (p.data ? `${t(`promotions.stacking.${p.data.stacking}`)} · ${formatNumber(p.data.priority, locale)}` : ''),
        width: 150,
      },
      { colId: 'variantCount', headerName: t('promotions.col.skus'), type: 'rightAligned', valueGetter: (p) => p.data?.variantCount ?? null, valueFormatter: (p) => formatNumber(typeof p.value === 'number' ? p.value : null, locale), width: 70 },
      {
        colId: 'override',
        headerName: t('promotions.col.override'),
        valueGetter: (p) => (p.data?.overrideReason ? t('promotions.overrideYes') : ''),
        tooltipValueGetter: (p) => p.data?.overrideReason ?? null,
        width: 100,
      },
    ],
    [t, locale, settings.timeZone],
  );

  // The file reads like the screen: types, statuses and stacking in the UI language, times in the shop's zone.
  const exportColumns = (): ExportColumn[] => {
    const labels = <T extends string>(values: readonly T[], text: (value: T) => string) => Object.fromEntries(values.map((value) => [value, text(value)]));
    return [
      { field: 'name', header: t('promotions.col.name'), kind: 'text' },
      { field: 'type', header: t('promotions.col.type'), kind: 'text', labels: labels(promotionTypes, (type) => typeName(t, type)) },
      { field: 'status', header: t('promotions.col.status'), kind: 'text', labels: labels(promotionStatuses, (s) => statusName(t, s)) },
      { field: 'startsAt', header: t('promotions.field.startsAt'), kind: 'date' },
      { field: 'endsAt', header: t('promotions.field.endsAt'), kind: 'date' },
      { field: 'stacking', header: t('promotions.field.stacking'), kind: 'text', labels: labels(['exclusive', 'stackable'] as const, (s) => t(`promotions.stacking.${s}`)) },
      { field: 'priority', header: t('promotions.field.priority'), kind: 'number' },
      { field: 'variantCount', header: t('promotions.col.skus'), kind: 'number' },
      { field: 'overrideReason', header: t('promotions.col.override'), kind: 'text' },
    ];
  };

  return (
    <>
      <div className="filters promo-filters">
        <div className="chips" role="group" aria-label={t('promotions.col.status')}>
          <button type="button" className={status === null ? 'chip active' : 'chip'} onClick={() => (setStatus(null), setOffset(0))} data-testid="promo-filter-all">
            {t('promotions.filter.all')}
          </button>
          {promotionStatuses.map((s) => (
            <button key={s} type="button" className={status === s ? 'chip active' : 'chip'} onClick={() => (setStatus(s), setOffset(0))} data-testid={`promo-filter-${s}`}>
              {statusName(t, s)}
            </button>
          ))}
        </div>
        <input
          type="search"
          className="search"
          value={search}
          placeholder={t('promotions.search')}
          aria-label={t('promotions.search')}
          onChange={(e) => {
            setSearch(e.target.value);
            setOffset(0);
          }}
          data-testid="promo-search"
        />
        <div className="page-actions">
          <a className="button button-small button-primary" href={routeHref('promotions', 'new')} data-testid="promo-new">
            {t('promotions.new')}
          </a>
        </div>
      </div>
      <div className="card">
        <Loaded load={load} lines={6}>
          {({ rows, total }) =>
            rows.length === 0 ? (
              <EmptyState
                title={status || query ? t('promotions.emptyFiltered') : t('promotions.empty')}
                hint={t('promotions.emptyHint')}
                action={{ label: t('promotions.new'), href: routeHref('promotions', 'new') }}
                testId="promo-empty"
              />
            ) : (
              <>
                <div className="grid-toolbar">
                  <span className="muted small" data-testid="promo-total">
                    {t('promotions.total', { count: formatNumber(total, locale) })}
                  </span>
                  <Pager offset={offset} total={total} size={pageSize} onChange={setOffset} placement="top" />
                  <ExportMenu
                    source="promotions.list"
                    query={{ ...(status ? { status: [status] } : {}), ...(query ? { search: query } : {}) }}
                    columns={exportColumns}
                    fileName={t('promotions.exportFile')}
                  />
                </div>
                <div style={{ height: Math.min(560, 40 + rows.length * 31) }} data-testid="promo-grid">
                  <AgGridReact<PromotionRow>
                    key={locale}
                    theme={gridTheme}
                    rowData={rows}
                    columnDefs={columns}
                    localeText={localeText}
                    getRowId={(p) => String(p.data.id)}
                    onRowDoubleClicked={(e) => e.data && navigate('promotions', e.data.id)}
                    defaultColDef={{ sortable: true, resizable: true }}
                  />
                </div>
                <Pager offset={offset} total={total} size={pageSize} onChange={setOffset} />
              </>
            )
          }
        </Loaded>
      </div>
    </>
  );
}
