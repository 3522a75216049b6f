// The Inventory report: stock-out rate and episodes with their estimated lost
// sales (a grid linking to each product), inventory aging by FIFO for the shop
// and per top-level category, and sell-through of new products since receipt.
// Stock value itself lives in Stock › Valuation, linked from here. Aging and
// new products are as of a day; every part says where the stock history starts
// when its period or day reaches before it.
import type { ColDef, ICellRendererParams } from 'ag-grid-community';
import { AgGridReact } from 'ag-grid-react';
import { useMemo, useRef, useState, type ReactNode } from 'react';
import type { MethodOutput } from '../../../../src/contract.js';
import { call } from '../../api/client.js';
import { routeHref } from '../../app/route.js';
import { useShop } from '../../app/shop-context.js';
import { useCan } from '../../app/team-context.js';
import { ExportMenu } from '../../components/ExportMenu.js';
import { useGridLocaleText } from '../../components/grid-locale.js';
import { EmptyState } from '../../components/EmptyState.js';
import { Busy, PanelSkeleton, useQueuedLabel } from '../../components/Loading.js';
import { useLoad } from '../../components/use-load.js';
import { useI18n } from '../../i18n/context.js';
import type { MessageKey } from '../../i18n/en.js';
import { currencyFractionDigits, formatMoney, formatNumber } from '../../i18n/format.js';
import { gridTheme } from '../products/grid-theme.js';
import { todayIn } from './period.js';
import { PeriodControls } from './PeriodControls.js';
import { usePeriodRoute } from './period-route.js';
import { StockHistoryNote, stockUnknown } from './StockHistoryNote.js';

type StockOuts = MethodOutput<'analytics.stockOuts'>;
type Episode = StockOuts['episodes'][number];
type Aging = MethodOutput<'analytics.inventoryAging'>;
type Buckets = Aging['shop'];
/** Episodes shown in the grid; the export has them all. */
const shownEpisodes = 500;
const newProductDays = 90;
const goodSellThrough = 0.65;

/** A figure with its "how is this computed" note behind ⓘ. */
function Figure(props: { id: string; label: string; value: string; detail?: string; how: string }): ReactNode {
  const { t } = useI18n();
  const [open, setOpen] = useState(false);
  return (
    <article className="card kpi-card" data-testid={`inventory-${props.id}`}>
      <span className="kpi-label">
        {props.label}{' '}
        <button type="button" className="link kpi-how-toggle" aria-expanded={open} aria-label={t('inventory.howLabel')} title={props.how} onClick={() => setOpen((v) => !v)}>
          ⓘ
        </button>
      </span>
      <strong className="kpi-value">{props.value}</strong>
      {props.detail ? <span className="muted small">{props.detail}</span> : null}
      {open ? <p className="muted small how">{props.how}</p> : null}
    </article>
  );
}

function AgingTable({ buckets, money }: { buckets: Buckets; money: (minor: number) => string }): ReactNode {
  const { t, locale } = useI18n();
  // Aged stock is valued at cost: without costs.view the core blanks the value and the column is left out.
  const seesCosts = useCan()('costs.view');
  const most = Math.max(1, ...buckets.map((b) => b.units));
  return (
    <table className="table">
      <thead>
        <tr>
          <th />
          <th className="num">{t('inventory.units')}</th>
          {seesCosts ? <th className="num">{t('inventory.value')}</th> : null}
        </tr>
      </thead>
      <tbody>
        {buckets.map((b) => (
          <tr key={b.bucket} data-testid={`aging-${b.bucket}`}>
            <td>{t(`inventory.bucket.${b.bucket}` as MessageKey)}</td>
            <td className="num">
              {formatNumber(b.units, locale)}
              <span className="bar" style={{ width: `${(100 * b.units) / most}%` }} />
            </td>
            {seesCosts ? <td className="num">{money(b.value)}</td> : null}
          </tr>
        ))}
      </tbody>
    </table>
  );
}

export function InventoryReportPage(): ReactNode {
  const { t, locale } = useI18n();
  const { settings } = useShop();
  // Stock valuation needs costs.view: no link to it without.
  const seesCosts = useCan()('costs.view');
  const periodRoute = usePeriodRoute('last30', todayIn(settings.timeZone));
  const { period, asOf } = periodRoute;
  // A new period or day keeps the last figures on screen, dimmed, until the new ones come.
  const outsLoad = useLoad<StockOuts>(() => call('analytics.stockOuts', { from: period.from, to: period.to, offset: 0, limit: shownEpisodes }), [period.from, period.to]);
  // Aging sits below the figures and the stock-out grid: asked for after them (or when scrolled to).
  const agingPanel = useRef<HTMLElement>(null);
  const agingLoad = useLoad<Aging>(() => call('analytics.inventoryAging', { asOf }), [asOf], { belowFold: agingPanel });
  const freshLoad = useLoad<MethodOutput<'analytics.newProductSellThrough'>>(() => call('analytics.newProductSellThrough', { asOf, days: newProductDays, limit: 20 }), [asOf]);
  const gridLocale = useGridLocaleText();
  const queuedLabel = useQueuedLabel();
  const outs = outsLoad.data;
  const aging = agingLoad.data;
  const fresh = freshLoad.data;

  const outsUnknown = stockUnknown(outs?.stockHistory);
  const money = (minor: number) => formatMoney(minor, settings.currency, locale);
  const percent = (value: number | null) => (value === null ? '—' : new Intl.NumberFormat(locale, { style: 'percent', maximumFractionDigits: 1 }).format(value));
  const decimal = (value: number) => formatNumber(Math.round(value * 10) / 10, locale);
  // Estimates in whole units of money and stock: cents would claim a precision they do not have.
  const rough = (minor: number) =>
    new Intl.NumberFormat(locale, { style: 'currency', currency: settings.currency, maximumFractionDigits: 0 }).format(minor / 10 ** currencyFractionDigits(settings.currency));
  const whole = (value: number) => formatNumber(Math.round(value), locale);

  const columns = useMemo<ColDef<Episode>[]>(
    () => [
      {
        field: 'sku',
        headerName: 'SKU',
        width: 140,
        cellRenderer: (p: ICellRendererParams<Episode, string>) => (p.data ? <a href={routeHref('products', p.data.productId)}>{p.value}</a> : null),
      },
      { field: 'title', headerName: t('analytics.by.product'), flex: 1, minWidth: 180 },
      { field: 'from', headerName: t('inventory.col.from'), width: 110 },
      { field: 'to', headerName: t('inventory.col.to'), width: 130, valueFormatter: (p) => (p.data?.ongoing ? `${p.value as string} (${t('inventory.ongoing')})` : String(p.value)) },
      { field: 'days', headerName: t('inventory.col.days'), width: 80, type: 'rightAligned' },
      { field: 'variantOutDays', headerName: t('inventory.col.variantDays'), width: 130, type: 'rightAligned' },
      { field: 'demandPerDay', headerName: t('inventory.col.demand'), width: 150, type: 'rightAligned', valueFormatter: (p) => formatNumber(Math.round((p.value as number) * 100) / 100, locale) },
      { field: 'lostUnits', headerName: t('inventory.col.lostUnits'), width: 110, type: 'rightAligned', valueFormatter: (p) => decimal(p.value as number) },
      { field: 'lostNetSales', headerName: t('inventory.col.lostSales'), width: 140, type: 'rightAligned', valueFormatter: (p) => money(p.value as number) },
      { field: 'lostUnitsHigh', headerName: t('figures.lost.colHigh'), width: 120, type: 'rightAligned', valueFormatter: (p) => decimal(p.value as number) },
      { field: 'lostNetSalesHigh', headerName: t('figures.lost.colHighSales'), width: 150, type: 'rightAligned', valueFormatter: (p) => money(p.value as number) },
    ],
    // Rebuilt when the language or currency changes.
    [t, locale, settings.currency],
  );

  return (
    <div className="page" data-testid="inventory-report">
      <div className="page-header">
        <h1>{t('inventory.report.title')}</h1>
        <PeriodControls route={periodRoute} asOf />
      </div>
      <StockHistoryNote history={outs?.stockHistory} testId="stock-outs-stock-history" />
      <Busy busy={outsLoad.loading || freshLoad.loading}>
        <div className="kpi-grid">
          <Figure
            id="stockOutRate"
            label={t('inventory.stockOutRate')}
            value={outs ? percent(outs.rate) : '…'}
            detail={outs && !stockUnknown(outs.stockHistory) ? t('inventory.skuDays', { out: formatNumber(outs.outDays, locale), all: formatNumber(outs.skuDays, locale), variants: formatNumber(outs.variantsOut, locale) }) : undefined}
            how={t('inventory.stockOutRateHow', { timeZone: settings.timeZone })}
          />
          <Figure
            id="lostUnits"
            label={t('inventory.lostUnits')}
            value={outs ? (outsUnknown ? '—' : t('figures.lost.value', { value: whole(outs.lostUnits), high: whole(outs.lostUnitsHigh) })) : '…'}
            how={t('inventory.lostHow')}
          />
          <Figure
            id="lostSales"
            label={t('inventory.lostSales')}
            value={outs ? (outsUnknown ? '—' : t('figures.lost.value', { value: rough(outs.lostNetSales), high: rough(outs.lostNetSalesHigh) })) : '…'}
            // Beside the estimate, what the same variants really sold: the check a person can make.
            detail={
              outs && !outsUnknown && outs.variantsOut > 0
                ? t('figures.lost.check', {
                    variants: formatNumber(outs.variantsOut, locale),
                    units: formatNumber(outs.soldUnits, locale),
                    sales: rough(outs.soldNetSales),
                    days: formatNumber(outs.soldInStockDays, locale),
                    perDay: formatNumber(Math.round((100 * outs.soldUnits) / Math.max(1, outs.soldInStockDays)) / 100, locale),
                    lostPerDay: formatNumber(Math.round((100 * outs.lostUnits) / Math.max(1, outs.outDays)) / 100, locale),
                    outDays: formatNumber(outs.outDays, locale),
                  })
                : undefined
            }
            how={t('inventory.lostHow')}
          />
          <Figure
            id="newSellThrough"
            label={t('inventory.newSellThrough')}
            value={fresh ? percent(fresh.sellThrough) : '…'}
            detail={
              fresh && !stockUnknown(fresh.stockHistory)
                ? `${t('inventory.newCounts', { variants: formatNumber(fresh.variants, locale), sold: formatNumber(fresh.sold, locale), onHand: formatNumber(fresh.onHand, locale) })}${
                    fresh.sellThrough === null ? '' : ` · ${t(fresh.sellThrough >= goodSellThrough ? 'inventory.benchmarkGood' : 'inventory.benchmarkLow')}`
                  }`
                : undefined
            }
            how={t('inventory.newSellThroughHow', { days: newProductDays, asOf })}
          />
        </div>
      </Busy>
      <article className="card" data-testid="stock-out-episodes">
        <header className="card-header">
          <h2>
            {t('inventory.episodes')} {outs ? `(${formatNumber(outs.total, locale)})` : ''}
          </h2>
          <ExportMenu
            source="analytics.stockOuts"
            query={{ from: period.from, to: period.to }}
            columns={[
              { field: 'sku', header: 'SKU', kind: 'text' },
              { field: 'title', header: t('analytics.by.product'), kind: 'text' },
              { field: 'from', header: t('inventory.col.from'), kind: 'text' },
              { field: 'to', header: t('inventory.col.to'), kind: 'text' },
              { field: 'days', header: t('inventory.col.days'), kind: 'number' },
              { field: 'variantOutDays', header: t('inventory.col.variantDays'), kind: 'number' },
              { field: 'demandPerDay', header: t('inventory.col.demand'), kind: 'number' },
              { field: 'lostUnits', header: t('inventory.col.lostUnits'), kind: 'number' },
              { field: 'lostNetSales', header: t('inventory.col.lostSales'), kind: 'money' },
              { field: 'lostUnitsHigh', header: t('figures.lost.colHigh'), kind: 'number' },
              { field: 'lostNetSalesHigh', header: t('figures.lost.colHighSales'), kind: 'money' },
            ]}
            fileName={t('inventory.episodes')}
          />
        </header>
        <p className="muted small how">{t('inventory.episodesHow')}</p>
        {outs === null ? (
          <PanelSkeleton lines={6} />
        ) : outs.total === 0 ? (
          outsUnknown ? null : <EmptyState title={t('inventory.noEpisodes')} hint={t('pages.analytics.noEpisodesHint')} testId="stock-out-episodes-empty" />
        ) : (
          <Busy busy={outsLoad.loading}>
            <div style={{ height: 360 }}>
              <AgGridReact<Episode>
                // Remount on language change: AG Grid reads localeText only at start.
                key={locale}
                theme={gridTheme}
                localeText={gridLocale}
                rowData={outs.episodes}
                columnDefs={columns}
                getRowId={(p) => `${p.data.variantId}:${p.data.from}`}
              />
            </div>
          </Busy>
        )}
      </article>
      <article className="card" data-testid="inventory-aging" ref={agingPanel}>
        <header className="card-header">
          <h2>{t('inventory.aging')}</h2>
          {seesCosts ? <a href={routeHref('stock', 'valuation')}>{t('inventory.valuationLink')} →</a> : null}
        </header>
        <p className="muted small how">{t('inventory.agingHow', { asOf })}</p>
        <StockHistoryNote history={aging?.stockHistory} testId="aging-stock-history" />
        {aging === null ? (
          <PanelSkeleton lines={5} label={queuedLabel(agingLoad)} />
        ) : stockUnknown(aging.stockHistory) ? null : (
          <Busy busy={agingLoad.loading} className="mix-panels">
            <div>
              <h3>{t('inventory.shop')}</h3>
              <AgingTable buckets={aging.shop} money={money} />
            </div>
            {aging.byCategory.map((c) => (
              <div key={c.category}>
                <h3>{c.category || t('inventory.noCategory')}</h3>
                <AgingTable buckets={c.buckets} money={money} />
              </div>
            ))}
          </Busy>
        )}
      </article>
      <article className="card" data-testid="new-sell-through">
        <h2>{t('inventory.lowestNew')}</h2>
        <p className="muted small how">{t('inventory.newSellThroughHow', { days: newProductDays, asOf })}</p>
        <StockHistoryNote history={fresh?.stockHistory} testId="new-stock-history" />
        {fresh === null ? (
          <PanelSkeleton lines={5} />
        ) : stockUnknown(fresh.stockHistory) ? null : fresh.lowest.length === 0 ? (
          <EmptyState title={t('pages.analytics.noNewProducts', { days: newProductDays, asOf })} hint={t('pages.analytics.noNewProductsHint')} testId="new-sell-through-empty" />
        ) : (
          <Busy busy={freshLoad.loading}>
            <table className="table">
              <thead>
                <tr>
                  <th>SKU</th>
                  <th>{t('analytics.by.product')}</th>
                  <th>{t('inventory.col.firstReceived')}</th>
                  <th className="num">{t('inventory.col.sold')}</th>
                  <th className="num">{t('inventory.col.onHand')}</th>
                  <th className="num">{t('inventory.col.sellThrough')}</th>
                </tr>
              </thead>
              <tbody>
                {fresh.lowest.map((row) => (
                  <tr key={row.variantId}>
                    <td className="cell-mono">
                      <a href={routeHref('products', row.productId)}>{row.sku}</a>
                    </td>
                    <td>{row.title}</td>
                    <td>{row.firstReceived}</td>
                    <td className="num">{formatNumber(row.sold, locale)}</td>
                    <td className="num">{formatNumber(row.onHand, locale)}</td>
                    <td className="num">{percent(row.sellThrough)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </Busy>
        )}
      </article>
    </div>
  );
}
