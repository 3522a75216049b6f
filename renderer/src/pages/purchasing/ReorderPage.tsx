// Reorder suggestions grouped per supplier: each group's header says who, how
// many lines, units and what it costs, with "Create draft PO" beside it; the
// lines fold away under the header, and each line's explanation of its numbers
// (metrics.md) opens on "Why?". A long list starts with only the first
// supplier open, so the page reads as a list of suppliers to order from.
import { Fragment, useEffect, useState, type ReactNode } from 'react';
import type { MethodOutput } from '../../../../src/contract.js';
import type { SuggestionLine } from '../../../../src/purchasing/reorder-contract.js';
import { call } from '../../api/client.js';
import { navigate, routeHref } from '../../app/route.js';
import { useCan } from '../../app/team-context.js';
import { EmptyState } from '../../components/EmptyState.js';
import { Busy, PanelSkeleton } from '../../components/Loading.js';
import { Pager } from '../../components/Pager.js';
import { useLoad } from '../../components/use-load.js';
import { useToasts } from '../../components/toasts.js';
import { useI18n } from '../../i18n/context.js';
import { formatMoney, formatNumber } from '../../i18n/format.js';
import { useLocations } from '../stock/use-locations.js';
import { IdSelect } from '../../components/IdSelect.js';
import { ExportMenu } from '../../components/ExportMenu.js';
import { ReorderForecastCheck } from './ReorderForecastCheck.js';

type Suggestions = MethodOutput<'reorder.suggestions'>;
type SupplierSuggestions = Suggestions['suppliers'][number];
/** Suggested lines per page, over all suppliers (most urgent first within a supplier). */
const pageSize = 200;
/** Up to this many lines in all, every supplier starts open; beyond it only the first. */
const openAllUpTo = 40;

export function ReorderPage(): ReactNode {
  const { t, locale } = useI18n();
  const { showError } = useToasts();
  const locations = useLocations();
  // Line costs are blanked by the core without costs.view: not exported then.
  const seesCosts = useCan()('costs.view');
  const [offset, setOffset] = useState(0);
  // The settings line first: it is answered at once, while the suggestions take the core a while.
  const settings = useLoad<MethodOutput<'reorder.settings.get'>>(() => call('reorder.settings.get', {}), []);
  const suggestions = useLoad<Suggestions>(() => call('reorder.suggestions', { offset, limit: pageSize }), [offset]);
  const [locationId, setLocationId] = useState(0);
  // Which suppliers the person opened or closed; others follow the default above.
  const [opened, setOpened] = useState<ReadonlyMap<number, boolean>>(new Map());
  useEffect(() => {
    if (!locationId && locations[0]) setLocationId(locations[0].id);
  }, [locations, locationId]);

  const data = suggestions.data;
  const draft = async (supplierId: number) => {
    try {
      const created = await call('reorder.createDraft', { supplierId, locationId });
      navigate('purchasing', 'orders', created.purchaseOrderId);
    } catch (error) {
      showError(error);
    }
  };

  const allLines = data?.suppliers.reduce((sum, group) => sum + group.lines.length, 0) ?? 0;
  const isOpen = (supplierId: number, index: number) => opened.get(supplierId) ?? (allLines <= openAllUpTo || index === 0);
  const setOpen = (supplierId: number, open: boolean) => setOpened((current) => new Map(current).set(supplierId, open));
  const setAll = (open: boolean) => setOpened(new Map((data?.suppliers ?? []).map((group) => [group.supplier.id, open])));

  return (
    <div data-testid="reorder">
      <p className="muted small">
        {settings.data
          ? t('reorder.settings', { window: settings.data.demandWindowDays, level: `${Math.round(settings.data.serviceLevel * 100)}%`, review: settings.data.reviewPeriodDays })
          : '\u00a0'}
      </p>
      <div className="filters">
        <label className="check">
          {t('po.deliverTo')}
          <IdSelect value={locationId} onChange={(id) => setLocationId(id ?? 0)} options={locations} label={(o) => o.name} />
        </label>
        {data && data.suppliers.length > 0 ? (
          <span className="total" data-testid="reorder-summary">
            {t('pages.reorder.summary', { suppliers: formatNumber(data.suppliers.length, locale), lines: formatNumber(data.total, locale) })}
          </span>
        ) : null}
        <div className="page-actions">
          {data && data.suppliers.length > 1 ? (
            <>
              <button type="button" className="button button-small" onClick={() => setAll(true)} data-testid="reorder-open-all">
                {t('pages.reorder.openAll')}
              </button>
              <button type="button" className="button button-small" onClick={() => setAll(false)} data-testid="reorder-close-all">
                {t('pages.reorder.closeAll')}
              </button>
            </>
          ) : null}
          <ExportMenu
            source="reorder.suggestions"
            query={{}}
            columns={[
              { field: 'supplierName', header: t('exports.supplier'), kind: 'text' },
              { field: 'sku', header: t('columns.sku'), kind: 'text' },
              { field: 'title', header: t('columns.title'), kind: 'text' },
              { field: 'dailyDemand', header: t('reorder.demand'), kind: 'number' },
              { field: 'available', header: t('stock.col.available'), kind: 'number' },
              { field: 'onOrder', header: t('reorder.onOrder'), kind: 'number' },
              { field: 'reorderPoint', header: t('reorder.rop'), kind: 'number' },
              { field: 'quantity', header: t('reorder.quantity'), kind: 'number' },
              ...(seesCosts ? [{ field: 'lineCost', header: t('po.lineTotal'), kind: 'money' as const }] : []),
              { field: 'currency', header: t('fields.currency'), kind: 'text' },
            ]}
            fileName={t('exports.file.reorder')}
          />
        </div>
      </div>
      {data === null ? (
        <div className="card">
          <PanelSkeleton lines={8} label={t('reorder.computing')} />
        </div>
      ) : (
        <Busy busy={suggestions.loading}>
          <Pager offset={offset} total={data.total} size={pageSize} onChange={setOffset} placement="top" />
          {data.suppliers.length === 0 ? (
            <div className="card">
              <EmptyState
                title={t('pages.reorder.emptyTitle')}
                hint={t('reorder.none')}
                action={{ label: t('purchasing.tab.orders'), href: routeHref('purchasing', 'orders') }}
                testId="reorder-empty"
              />
            </div>
          ) : null}
          {data.suppliers.map((group, index) => (
            <SupplierGroup
              key={group.supplier.id}
              group={group}
              open={isOpen(group.supplier.id, index)}
              onToggle={() => setOpen(group.supplier.id, !isOpen(group.supplier.id, index))}
              onDraft={() => void draft(group.supplier.id)}
            />
          ))}
          <Pager offset={offset} total={data.total} size={pageSize} onChange={setOffset} />
          {data.noSupplierTotal > 0 ? (
            <div className="card">
              <h2>{t('reorder.withoutSupplier', { count: formatNumber(data.noSupplierTotal, locale) })}</h2>
              <p className="muted small">{t('reorder.withoutSupplierHint')}</p>
              <p className="small">{data.noSupplier.slice(0, 20).map((v) => v.sku).join(', ')}</p>
            </div>
          ) : null}
        </Busy>
      )}
    </div>
  );
}

/** One supplier: the header (who, lines, units, cost, draft PO) and, when open, its lines. */
function SupplierGroup(props: { group: SupplierSuggestions; open: boolean; onToggle: () => void; onDraft: () => void }): ReactNode {
  const { t, locale } = useI18n();
  const { group } = props;
  // Line costs and the group's cost are blanked by the core without costs.view: not shown then.
  const seesCosts = useCan()('costs.view');
  const [why, setWhy] = useState<ReadonlySet<number>>(new Set());
  const toggleWhy = (variantId: number) =>
    setWhy((current) => {
      const next = new Set(current);
      if (!next.delete(variantId)) next.add(variantId);
      return next;
    });
  const n = (value: number, digits = 1) => formatNumber(Math.round(value * 10 ** digits) / 10 ** digits, locale);
  const explain = (l: SuggestionLine) =>
    t('reorder.explain', {
      demand: n(l.dailyDemand, 2),
      sd: n(l.demandStdDev, 2),
      window: l.windowDays,
      lead: l.leadTimeDays,
      z: n(l.z, 2),
      level: `${Math.round(l.serviceLevel * 100)}%`,
      ss: n(l.safetyStock),
      ssHow: l.safetyMode === 'manual' ? t('reorder.ssManual') : t('reorder.ssComputed'),
      rop: n(l.reorderPoint),
      available: l.available,
      onOrder: l.onOrder,
      review: l.reviewPeriodDays,
      target: n(l.target),
      shortfall: n(l.explanation.quantity.shortfall),
      moq: l.moq,
      pack: l.packSize,
      quantity: l.quantity,
    });
  const linesId = `reorder-lines-${group.supplier.id}`;

  return (
    <section className="card reorder-group" data-testid="reorder-group" aria-label={group.supplier.name}>
      <header className="reorder-group-head">
        <button type="button" className="group-toggle" aria-expanded={props.open} aria-controls={linesId} onClick={props.onToggle} data-testid="reorder-group-toggle">
          <span className="group-caret" aria-hidden="true">
            {props.open ? '▾' : '▸'}
          </span>
          <h2>{group.supplier.name}</h2>
        </button>
        <span className="muted" data-testid="reorder-group-totals">
          {t('reorder.groupTotals', {
            lines: formatNumber(group.totals.lines, locale),
            units: formatNumber(group.totals.units, locale),
            cost: seesCosts ? formatMoney(group.totals.cost, group.supplier.currency, locale) : '—',
          })}
        </span>
        <div className="page-actions">
          <button type="button" className="button button-small button-primary" onClick={props.onDraft} data-testid="reorder-draft">
            {t('reorder.createDraft')}
          </button>
        </div>
      </header>
      {props.open ? (
        <table className="table" id={linesId}>
          <thead>
            <tr>
              <th>{t('columns.sku')}</th>
              <th>{t('columns.title')}</th>
              <th className="num">{t('reorder.demand')}</th>
              <th className="num">{t('stock.col.available')}</th>
              <th className="num">{t('reorder.onOrder')}</th>
              <th className="num">{t('reorder.rop')}</th>
              <th className="num">{t('reorder.quantity')}</th>
              {seesCosts ? <th className="num">{t('po.lineTotal')}</th> : null}
              <th />
            </tr>
          </thead>
          <tbody>
            {group.lines.map((line) => (
              <Fragment key={line.variantId}>
                <tr>
                  <td className="cell-mono">{line.sku}</td>
                  <td>
                    {line.title}
                    {line.onDraft ? <span className="pill">{t('reorder.onDraft')}</span> : null}
                    {line.lowStock ? (
                      <span className="pill pill-low" title={t('figures.lowStock.title')} data-testid="reorder-low-stock">
                        {t('figures.lowStock.badge')}
                      </span>
                    ) : null}
                  </td>
                  <td className="num">{n(line.dailyDemand, 2)}</td>
                  <td className="num">{formatNumber(line.available, locale)}</td>
                  <td className="num">{formatNumber(line.onOrder, locale)}</td>
                  <td className="num">{n(line.reorderPoint)}</td>
                  <td className="num">
                    <strong>{formatNumber(line.quantity, locale)}</strong>
                  </td>
                  {seesCosts ? <td className="num">{formatMoney(line.lineCost, group.supplier.currency, locale)}</td> : null}
                  <td>
                    <button type="button" className="link" aria-expanded={why.has(line.variantId)} onClick={() => toggleWhy(line.variantId)}>
                      {t('reorder.why')}
                    </button>
                  </td>
                </tr>
                {why.has(line.variantId) ? (
                  <tr>
                    <td colSpan={9} className="explain" data-testid="reorder-explain">
                      {explain(line)}
                      <ReorderForecastCheck variantId={line.variantId} dailyDemand={line.dailyDemand} days={line.leadTimeDays + line.reviewPeriodDays} />
                    </td>
                  </tr>
                ) : null}
              </Fragment>
            ))}
          </tbody>
        </table>
      ) : null}
    </section>
  );
}
