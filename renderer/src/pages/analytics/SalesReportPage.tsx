// Sales by channel, location, category or product for a period: sortable by
// any column, paged, exportable as shown.
import { useEffect, useState, type ReactNode } from 'react';
import type { MethodInput, MethodOutput } from '../../../../src/contract.js';
import { call } from '../../api/client.js';
import { routeHref } from '../../app/route.js';
import { useShop } from '../../app/shop-context.js';
import { ExportMenu } from '../../components/ExportMenu.js';
import { useToasts } from '../../components/toasts.js';
import { useI18n } from '../../i18n/context.js';
import type { MessageKey } from '../../i18n/en.js';
import { formatMoney, formatNumber } from '../../i18n/format.js';
import { Pager } from '../HistoryPage.js';
import { presetPeriod, todayIn, type Preset } from './period.js';
import { PeriodPicker } from './PeriodPicker.js';

type Input = MethodInput<'analytics.salesReport'>;
type By = Input['by'];
type SortColumn = NonNullable<Input['sort']>['column'];
const dimensions: readonly By[] = ['day', 'week', 'month', 'channel', 'category', 'product', 'location', 'segment'];
const pageSize = 100;
const columns: readonly { id: SortColumn; kind: 'text' | 'money' | 'number' | 'rate' }[] = [
  { id: 'label', kind: 'text' },
  { id: 'gmv', kind: 'money' },
  { id: 'netSales', kind: 'money' },
  { id: 'orders', kind: 'number' },
  { id: 'units', kind: 'number' },
  { id: 'grossProfit', kind: 'money' },
  { id: 'grossMargin', kind: 'rate' },
];

/** `#/analytics/sales/category/<id>`: the products of one category (the dashboard's category mix links here). */
export function SalesReportPage({ route = [] }: { route?: readonly string[] }): ReactNode {
  const categoryId = route[0] === 'category' && Number(route[1]) > 0 ? Number(route[1]) : undefined;
  const { t, locale } = useI18n();
  const { settings } = useShop();
  const { showError } = useToasts();
  const [preset, setPreset] = useState<Preset>('last30');
  const categoryLabel = route[2];
  const [by, setBy] = useState<By>(categoryId === undefined ? 'channel' : 'product');
  const [sort, setSort] = useState<{ column: SortColumn; direction: 'asc' | 'desc' }>({ column: 'netSales', direction: 'desc' });
  const [offset, setOffset] = useState(0);
  const [page, setPage] = useState<MethodOutput<'analytics.salesReport'> | null>(null);
  const period = presetPeriod(preset, todayIn(settings.timeZone));
  const query = { from: period.from, to: period.to, by, sort, categoryId };

  useEffect(() => {
    call('analytics.salesReport', { from: period.from, to: period.to, by, sort, categoryId, offset, limit: pageSize }).then(setPage, showError);
  }, [period.from, period.to, by, sort, categoryId, offset, showError]);
  // A row's label, and where it leads: a product to its page, a category to its products.
  const label = (row: NonNullable<typeof page>['rows'][number]): ReactNode => {
    if (by === 'segment') return t(`analytics.segment.${row.label}` as MessageKey);
    if (by === 'product' && row.key > 0) return <a href={routeHref('products', row.key)}>{row.label}</a>;
    if (by === 'category' && row.key > 0) return <a href={routeHref('analytics', 'sales', 'category', row.key)}>{row.label}</a>;
    return row.label || '—';
  };
  const header = (id: SortColumn) => (id === 'label' ? t(`analytics.by.${by}`) : t(`analytics.kpi.${id}` as MessageKey));
  const cell = (kind: (typeof columns)[number]['kind'], value: string | number | null) => {
    if (value === null) return '—';
    if (kind === 'money' && typeof value === 'number') return formatMoney(value, settings.currency, locale);
    if (kind === 'rate' && typeof value === 'number') return new Intl.NumberFormat(locale, { style: 'percent', maximumFractionDigits: 1 }).format(value);
    if (kind === 'number' && typeof value === 'number') return formatNumber(value, locale);
    return String(value);
  };
  const sortBy = (column: SortColumn) => {
    setSort((current) => ({ column, direction: current.column === column && current.direction === 'desc' ? 'asc' : 'desc' }));
    setOffset(0);
  };

  return (
    <div className="page" data-testid="sales-report">
      <div className="page-header">
        <h1>{t('analytics.tab.sales')}</h1>
        <PeriodPicker value={preset} onChange={(next) => { setPreset(next); setOffset(0); }} />
      </div>
      <div className="card">
        <div className="field-row">
          <label className="field">
            <span>{t('analytics.groupBy')}</span>
            <select value={by} onChange={(e) => { setBy(e.target.value as By); setOffset(0); }} data-testid="sales-report-by">
              {dimensions.map((d) => (
                <option key={d} value={d}>
                  {t(`analytics.by.${d}`)}
                </option>
              ))}
            </select>
          </label>
          <div className="page-actions">
            <ExportMenu
              source="analytics.salesReport"
              query={query}
              columns={columns.map((c) => ({ field: c.id, header: header(c.id), kind: c.kind === 'rate' ? 'number' : c.kind }))}
              fileName={t('analytics.tab.sales')}
            />
          </div>
        </div>
        <p className="muted small how">{t('analytics.how.salesReport', { from: period.from, to: period.to })}</p>
        {by === 'segment' ? <p className="muted small how">{t('analytics.how.salesBySegment')}</p> : null}
        {categoryId === undefined ? null : (
          <p className="filter-note" data-testid="sales-report-category">
            {t('analytics.onlyCategory', { category: categoryLabel ?? String(categoryId) })} <a href={routeHref('analytics', 'sales')}>{t('analytics.allCategories')}</a>
          </p>
        )}
        <table className="table" data-testid="sales-report-table">
          <thead>
            <tr>
              {columns.map((c) => (
                <th key={c.id} className={c.kind === 'text' ? undefined : 'num'}>
                  <button type="button" className="link" onClick={() => sortBy(c.id)} data-testid={`sales-report-sort-${c.id}`}>
                    {header(c.id)}
                    {sort.column === c.id ? (sort.direction === 'desc' ? ' ↓' : ' ↑') : ''}
                  </button>
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {(page?.rows ?? []).map((row) => (
              <tr key={row.key}>
                {columns.map((c) => (
                  <td key={c.id} className={c.kind === 'text' ? undefined : 'num'}>
                    {c.id === 'label' ? label(row) : cell(c.kind, row[c.id])}
                  </td>
                ))}
              </tr>
            ))}
          </tbody>
        </table>
        <Pager offset={offset} size={pageSize} total={page?.total ?? 0} onChange={setOffset} />
      </div>
    </div>
  );
}
