// Analytics → Customers, below the segments: the cohort retention heat map,
// customer lifetime value with every factor, and silent customers to win back
// (exportable for outreach).
import { useRef, useState, type ReactNode } from 'react';
import type { MethodInput, MethodOutput } from '../../../../src/contract.js';
import { call } from '../../api/client.js';
import { useShop } from '../../app/shop-context.js';
import { useCan } from '../../app/team-context.js';
import { ExportMenu } from '../../components/ExportMenu.js';
import { EmptyState } from '../../components/EmptyState.js';
import { Busy, PanelSkeleton, useQueuedLabel } from '../../components/Loading.js';
import { Pager } from '../../components/Pager.js';
import { useLoad } from '../../components/use-load.js';
import { useI18n } from '../../i18n/context.js';
import { formatMoney, formatNumber } from '../../i18n/format.js';

type Cohorts = MethodOutput<'analytics.cohorts'>;
type Value = MethodOutput<'analytics.customerValue'>;
type Silent = MethodOutput<'analytics.silentCustomers'>;
const pageSize = 50;
type ValueSort = NonNullable<MethodInput<'analytics.customerValue'>['sort']>;
const valueSorts: readonly ValueSort[] = ['historicalValue', 'expectedValue', 'orders', 'lastOrderAt'];

function useFormats() {
  const { locale } = useI18n();
  const { settings } = useShop();
  return {
    money: (minor: number | null) => (minor === null ? '—' : formatMoney(Math.round(minor), settings.currency, locale)),
    percent: (value: number | null) => (value === null ? '—' : new Intl.NumberFormat(locale, { style: 'percent', maximumFractionDigits: 0 }).format(value)),
    number: (value: number | null, digits = 0) => (value === null ? '—' : formatNumber(Math.round(value * 10 ** digits) / 10 ** digits, locale)),
  };
}

export function CohortHeatmap({ asOf }: { asOf: string }): ReactNode {
  const { t } = useI18n();
  const { percent, number } = useFormats();
  // The retention panels sit below the RFM segments: each is asked for after them (or when scrolled to).
  const panel = useRef<HTMLElement>(null);
  const load = useLoad<Cohorts>(() => call('analytics.cohorts', { asOf, months: 12 }), [asOf], { belowFold: panel });
  const answer = load.data;
  const queuedLabel = useQueuedLabel();
  const months = answer?.months.length ?? 0;
  return (
    <article className="card" data-testid="cohorts" ref={panel}>
      <h2>{t('analytics.cohorts.title')}</h2>
      <p className="muted small how">{t('analytics.cohorts.how')}</p>
      <p data-testid="cohorts-next-month">
        <strong>{t('analytics.cohorts.nextMonth', { rate: answer ? percent(answer.nextMonth.rate) : '…' })}</strong>{' '}
        <span className="muted">{t('analytics.cohorts.benchmark')}</span>
      </p>
      {answer === null ? (
        <PanelSkeleton lines={6} label={queuedLabel(load)} />
      ) : answer.cohorts.length === 0 ? (
        <EmptyState title={t('pages.analytics.noCohorts', { asOf })} hint={t('pages.analytics.noCustomersHint')} testId="cohorts-empty" />
      ) : (
        <Busy busy={load.loading} className="table-scroll">
          <table className="table heatmap">
            <thead>
              <tr>
                <th>{t('analytics.cohorts.cohort')}</th>
                <th className="num">{t('analytics.cohorts.size')}</th>
                {Array.from({ length: months }, (_, k) => (
                  <th key={k} className="num">
                    {t('analytics.cohorts.monthN', { n: k })}
                  </th>
                ))}
              </tr>
            </thead>
            <tbody>
              {answer.cohorts.map((cohort) => (
                <tr key={cohort.month}>
                  <td>{cohort.month}</td>
                  <td className="num">{number(cohort.size)}</td>
                  {Array.from({ length: months }, (_, k) => {
                    const share = cohort.shares[k];
                    // Month 0 is everyone; colour months 1… by share (a darker blue is better retention).
                    const shade = share === undefined || share === null || k === 0 ? undefined : `rgba(21, 112, 239, ${Math.min(1, share * 2.5).toFixed(2)})`;
                    return (
                      <td key={k} className="num" style={shade ? { background: shade, color: (share ?? 0) > 0.25 ? '#fff' : undefined } : undefined} title={share === undefined ? undefined : `${cohort.retained[k] ?? 0} / ${cohort.size}`}>
                        {share === undefined ? '' : percent(share)}
                      </td>
                    );
                  })}
                </tr>
              ))}
            </tbody>
          </table>
        </Busy>
      )}
    </article>
  );
}

export function CustomerValuePanel({ asOf }: { asOf: string }): ReactNode {
  const { t } = useI18n();
  // CLV uses the gross margin: without costs.view the core blanks it (and expected values), so they are left out.
  const seesCosts = useCan()('costs.view');
  const { money, percent, number } = useFormats();
  const [offset, setOffset] = useState(0);
  const [sort, setSort] = useState<ValueSort>('historicalValue');
  const panel = useRef<HTMLElement>(null);
  const load = useLoad<Value>(() => call('analytics.customerValue', { asOf, sort, offset, limit: pageSize }), [asOf, sort, offset], { belowFold: panel });
  const answer = load.data;
  const shop = answer?.shop;
  return (
    <article className="card" data-testid="customer-value" ref={panel}>
      <header className="card-header">
        <h2>{t('analytics.clv.title')}</h2>
        <div className="page-actions">
          <label className="field-inline">
            <span>{t('analytics.clv.sortBy')}</span>{' '}
            <select value={sort} onChange={(e) => { setSort(e.target.value as ValueSort); setOffset(0); }} data-testid="clv-sort">
              {valueSorts.filter((s) => seesCosts || s !== 'expectedValue').map((s) => (
                <option key={s} value={s}>
                  {t(`analytics.clv.sort.${s}`)}
                </option>
              ))}
            </select>
          </label>
          <ExportMenu source="analytics.customerValue" query={{ asOf, sort }} columns={valueColumns(t, seesCosts)} fileName={t('analytics.clv.title')} />
        </div>
      </header>
      <p data-testid="clv-figure" hidden={!seesCosts}>
        <strong>{t('analytics.clv.figure', { clv: shop ? money(shop.clv) : '…' })}</strong>
      </p>
      <p className="muted small how" hidden={!seesCosts}>
        {t('analytics.clv.how', {
          aov: money(shop?.aov ?? null),
          frequency: number(shop?.frequency ?? null, 2),
          lifetime: number(shop?.lifetimeYears ?? null, 1),
          churn: percent(shop?.churn ?? null),
          stayed: number(shop?.stayedCustomers ?? 0),
          previous: number(shop?.previousYearCustomers ?? 0),
          margin: percent(shop?.margin ?? null),
        })}
      </p>
      <CustomerRows load={load} offset={offset} onPage={setOffset} testId="customer-value" />
    </article>
  );
}

export function SilentCustomersPanel({ asOf }: { asOf: string }): ReactNode {
  const { t } = useI18n();
  const seesCosts = useCan()('costs.view');
  const { number } = useFormats();
  const [days, setDays] = useState(90);
  const [offset, setOffset] = useState(0);
  const panel = useRef<HTMLElement>(null);
  const load = useLoad<Silent>(() => call('analytics.silentCustomers', { asOf, days, offset, limit: pageSize }), [asOf, days, offset], { belowFold: panel });
  const answer = load.data;
  return (
    <article className="card" data-testid="silent-customers" ref={panel}>
      <header className="card-header">
        <h2>{t('analytics.silent.title')}</h2>
        <div className="page-actions">
          {[90, 180].map((n) => (
            <button key={n} type="button" className={n === days ? 'chip active' : 'chip'} onClick={() => { setDays(n); setOffset(0); }} data-testid={`silent-${n}`}>
              {t('analytics.silent.days', { days: n })}
            </button>
          ))}
          <ExportMenu source="analytics.silentCustomers" query={{ asOf, days }} columns={valueColumns(t, seesCosts)} fileName={t('analytics.silent.file', { days })} />
        </div>
      </header>
      <p className="muted small how">
        {t('analytics.silent.how', { silent90: number(answer?.counts.silent90 ?? 0), silent180: number(answer?.counts.silent180 ?? 0), customers: number(answer?.counts.customers ?? 0) })}
      </p>
      <CustomerRows load={load} offset={offset} onPage={setOffset} testId="silent-customers" />
    </article>
  );
}

/** A page of customers with the pager above and below; a skeleton first, then the rows dimmed while the next page loads. */
function CustomerRows({ load, offset, onPage, testId }: { load: { data: { customers: Value['customers']; total: number } | null; loading: boolean; queued?: boolean }; offset: number; onPage: (offset: number) => void; testId: string }): ReactNode {
  const { t } = useI18n();
  const queuedLabel = useQueuedLabel();
  if (load.data === null) return <PanelSkeleton lines={8} label={queuedLabel(load)} />;
  if (load.data.total === 0) return <EmptyState title={t('pages.analytics.noCustomersHere')} testId={`${testId}-empty`} />;
  return (
    <>
      <Pager offset={offset} size={pageSize} total={load.data.total} onChange={onPage} placement="top" />
      <Busy busy={load.loading}>
        <CustomerTable rows={load.data.customers} />
      </Busy>
      <Pager offset={offset} size={pageSize} total={load.data.total} onChange={onPage} />
    </>
  );
}

/** The expected value uses the gross margin: only for a person with costs.view. */
function valueColumns(t: ReturnType<typeof useI18n>['t'], seesCosts: boolean) {
  const columns = [
    { field: 'name', header: t('analytics.segments.name'), kind: 'text' as const },
    { field: 'email', header: t('analytics.segments.email'), kind: 'text' as const },
    { field: 'orders', header: t('analytics.kpi.orders'), kind: 'number' as const },
    { field: 'lastOrderDate', header: t('analytics.clv.lastOrder'), kind: 'text' as const },
    { field: 'daysSinceLastOrder', header: t('analytics.clv.daysSince'), kind: 'number' as const },
    { field: 'historicalValue', header: t('analytics.clv.historical'), kind: 'money' as const },
    { field: 'expectedValue', header: t('analytics.clv.expected'), kind: 'money' as const },
  ];
  return seesCosts ? columns : columns.filter((column) => column.field !== 'expectedValue');
}

function CustomerTable({ rows }: { rows: Value['customers'] }): ReactNode {
  const { t } = useI18n();
  const seesCosts = useCan()('costs.view');
  const { money, number } = useFormats();
  return (
    <table className="table">
      <thead>
        <tr>
          {valueColumns(t, seesCosts).map((c) => (
            <th key={c.field} className={c.kind === 'text' ? undefined : 'num'}>
              {c.header}
            </th>
          ))}
        </tr>
      </thead>
      <tbody>
        {rows.map((c) => (
          <tr key={c.customerId}>
            <td>{c.name}</td>
            <td>{c.email ?? ''}</td>
            <td className="num">{number(c.orders)}</td>
            <td>{c.lastOrderDate}</td>
            <td className="num">{number(c.daysSinceLastOrder)}</td>
            <td className="num">{money(c.historicalValue)}</td>
            {seesCosts ? <td className="num">{money(c.expectedValue)}</td> : null}
          </tr>
        ))}
      </tbody>
    </table>
  );
}
