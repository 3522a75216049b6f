// Stock per variant and location: on hand, committed, available, incoming,
// value; search, location, low-stock filter and sort run in the core.
import { useEffect, useState, type ReactNode } from 'react';
import type { MethodInput, MethodOutput } from '../../../../src/contract.js';
import type { StockLevel } from '../../../../src/inventory/contract.js';
import { call, onEvent } from '../../api/client.js';
import { routeHref } from '../../app/route.js';
import { useShop } from '../../app/shop-context.js';
import { useCan } from '../../app/team-context.js';
import { EmptyState } from '../../components/EmptyState.js';
import { ExportMenu } from '../../components/ExportMenu.js';
import { Loaded } from '../../components/Loading.js';
import { Pager } from '../../components/Pager.js';
import { useDebounced } from '../../components/use-debounced.js';
import { useLoad } from '../../components/use-load.js';
import { useI18n } from '../../i18n/context.js';
import { formatMoney, formatNumber } from '../../i18n/format.js';
import { AdjustDialog } from './AdjustDialog.js';
import { useLocations } from './use-locations.js';

type Sort = NonNullable<MethodInput<'stock.levels'>['sort']>;
const pageSize = 100;
const numericColumns = ['onHand', 'committed', 'available', 'incoming', 'value'] as const;

export function StockLevelsPage(): ReactNode {
  const { t, locale } = useI18n();
  const { settings } = useShop();
  const locations = useLocations();
  // Value is stock at cost: without costs.view the core blanks it, and the column is left out.
  const seesCosts = useCan()('costs.view');
  const shownColumns = seesCosts ? numericColumns : numericColumns.filter((c) => c !== 'value');
  const [search, setSearch] = useState('');
  const [locationId, setLocationId] = useState<number | undefined>(undefined);
  const [lowOnly, setLowOnly] = useState(false);
  const [sort, setSort] = useState<Sort>({ column: 'sku', direction: 'asc' });
  const [offset, setOffset] = useState(0);
  const [adjusting, setAdjusting] = useState<StockLevel | null | 'new'>(null);

  // Typing waits for a pause; the rows shown stay (dimmed) until the next answer.
  const typed = useDebounced(search.trim(), 200);
  const levels = useLoad<MethodOutput<'stock.levels'>>(
    () => call('stock.levels', { search: typed, locationId, lowOnly, sort, offset, limit: pageSize }),
    [typed, locationId, lowOnly, sort, offset],
  );
  const page = levels.data;
  const { reload } = levels;
  useEffect(() => onEvent('data.changed', ({ areas }) => areas.includes('stock') && reload()), [reload]);
  const filtered = typed !== '' || locationId !== undefined || lowOnly;

  const sortBy = (column: Sort['column']) => {
    setOffset(0);
    setSort((current) => ({ column, direction: current.column === column && current.direction === 'asc' ? 'desc' : 'asc' }));
  };
  const header = (column: Sort['column'], label: string, numeric = false) => (
    <th className={numeric ? 'num sortable' : 'sortable'} onClick={() => sortBy(column)} aria-sort={sort.column === column ? (sort.direction === 'asc' ? 'ascending' : 'descending') : 'none'}>
      {label} {sort.column === column ? (sort.direction === 'asc' ? '▲' : '▼') : ''}
    </th>
  );

  return (
    <>
      <div className="filters">
        <input type="search" className="search" placeholder={t('products.search')} value={search} onChange={(e) => (setSearch(e.target.value), setOffset(0))} data-testid="stock-search" />
        <select value={locationId ?? ''} onChange={(e) => (setLocationId(e.target.value ? Number(e.target.value) : undefined), setOffset(0))} aria-label={t('stock.location')}>
          <option value="">{t('stock.allLocations')}</option>
          {locations.map((l) => (
            <option key={l.id} value={l.id}>
              {l.name}
            </option>
          ))}
        </select>
        <label className="check">
          <input type="checkbox" checked={lowOnly} onChange={(e) => (setLowOnly(e.target.checked), setOffset(0))} /> {t('stock.lowOnly')}
        </label>
        <span className="total">{page ? t('stock.rows', { count: formatNumber(page.total, locale) }) : ''}</span>
        <div className="page-actions">
          <ExportMenu
            source="stock.levels"
            query={{ search: search.trim(), locationId, lowOnly, sort }}
            columns={[
              { field: 'sku', header: t('columns.sku'), kind: 'text' },
              { field: 'title', header: t('columns.title'), kind: 'text' },
              { field: 'options', header: t('columns.variantTitle'), kind: 'text' },
              { field: 'location', header: t('stock.location'), kind: 'text' },
              { field: 'bin', header: t('stock.bin'), kind: 'text' },
              ...shownColumns.map((c) => ({ field: c, header: t(`stock.col.${c}`), kind: c === 'value' ? ('money' as const) : ('number' as const) })),
            ]}
            fileName={t('exports.file.stock')}
          />
          <button type="button" className="button button-small button-primary" onClick={() => setAdjusting('new')} data-testid="stock-adjust-new">
            {t('stock.adjust')}
          </button>
        </div>
      </div>
      <p className="muted small">{t('stock.how')}</p>
      <div className="card">
        <Loaded load={levels} lines={10}>
          {(page) =>
            page.total === 0 ? (
              filtered ? (
                <EmptyState title={t('pages.empty.stockFiltered')} hint={t('pages.empty.stockFilteredHint')} testId="stock-levels-empty" />
              ) : (
                <EmptyState
                  title={t('pages.empty.stock')}
                  hint={t('pages.empty.stockHint')}
                  action={{ label: t('stock.adjust'), onClick: () => setAdjusting('new') }}
                  testId="stock-levels-empty"
                />
              )
            ) : (
              <>
                <Pager offset={offset} total={page.total} size={pageSize} onChange={setOffset} placement="top" />
                <table className="table" data-testid="stock-levels">
                  <thead>
                    <tr>
                      {header('sku', t('columns.sku'))}
                      {header('title', t('columns.title'))}
                      {header('location', t('stock.location'))}
                      {header('bin', t('stock.bin'))}
                      {shownColumns.map((c) => header(c, t(`stock.col.${c}`), true))}
                      <th />
                    </tr>
                  </thead>
                  <tbody>
                    {page.rows.map((row) => (
                      <tr key={`${row.variantId}-${row.locationId}`} className={row.isLow ? 'row-low' : undefined}>
                        <td className="cell-mono">{row.sku}</td>
                        <td>
                          <a href={routeHref('products', row.productId)}>{row.title}</a> <span className="muted">{row.options}</span>
                        </td>
                        <td>{row.location}</td>
                        <td>{row.bin ?? ''}</td>
                        <td className="num">{formatNumber(row.onHand, locale)}</td>
                        <td className="num">{formatNumber(row.committed, locale)}</td>
                        <td className={row.available <= 0 ? 'num negative' : 'num'}>{formatNumber(row.available, locale)}</td>
                        <td className="num">{formatNumber(row.incoming, locale)}</td>
                        {seesCosts ? <td className="num">{formatMoney(row.value, settings.currency, locale)}</td> : null}
                        <td>
                          <button type="button" className="button button-small" onClick={() => setAdjusting(row)}>
                            {t('stock.adjust')}
                          </button>
                        </td>
                      </tr>
                    ))}
                  </tbody>
                </table>
                <Pager offset={offset} total={page.total} size={pageSize} onChange={setOffset} />
              </>
            )
          }
        </Loaded>
      </div>
      {adjusting ? <AdjustDialog level={adjusting === 'new' ? null : adjusting} locations={locations} onClose={() => setAdjusting(null)} /> : null}
    </>
  );
}
