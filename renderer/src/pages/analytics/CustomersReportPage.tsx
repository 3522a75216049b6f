// RFM segments of the year to the as-of day (today unless chosen): each segment's size, typical recency,
// frequency and spend, and the suggested action; pick one to list its
// customers and export them for outreach (WeCom, SMS, e-mail tools).
import { useMemo, useState, type ReactNode } from 'react';
import type { MethodOutput } from '../../../../src/contract.js';
import { call } from '../../api/client.js';
import { useShop } from '../../app/shop-context.js';
import { ReportGrid, type ReportColumn } from '../../components/ReportGrid.js';
import { EmptyState } from '../../components/EmptyState.js';
import { Busy, PanelSkeleton } from '../../components/Loading.js';
import { useLoad } from '../../components/use-load.js';
import { useI18n } from '../../i18n/context.js';
import { formatMoney, formatNumber } from '../../i18n/format.js';
import { todayIn } from './period.js';
import { PeriodControls } from './PeriodControls.js';
import { usePeriodRoute } from './period-route.js';
import { CohortHeatmap, CustomerValuePanel, SilentCustomersPanel } from './RetentionPanels.js';

type Answer = MethodOutput<'analytics.segments'>;
type Segment = Answer['summary'][number]['segment'];
/** A segment's customers all at once: the grid sorts and filters them. */
const allCustomers = 100_000;

export function CustomersReportPage(): ReactNode {
  const { t, locale } = useI18n();
  const { settings } = useShop();
  const [segment, setSegment] = useState<Segment>('champions');
  // The as-of day only: a period preset in the URL (from another tab) is kept for the way back.
  const periodRoute = usePeriodRoute('last30', todayIn(settings.timeZone));
  const asOf = periodRoute.asOf;
  const money = (minor: number | null) => (minor === null ? '—' : formatMoney(Math.round(minor), settings.currency, locale));
  const percent = (value: number | null) => (value === null ? '—' : new Intl.NumberFormat(locale, { style: 'percent', maximumFractionDigits: 1 }).format(value));

  const load = useLoad<Answer>(() => call('analytics.segments', { asOf, segment, limit: allCustomers }), [asOf, segment]);
  const answer = load.data;
  // Kept until the language changes: new columns would make the grid rebuild every row on each render.
  const columns = useMemo<ReportColumn<Answer['customers'][number]>[]>(
    () => [
      { field: 'name', header: t('analytics.segments.name'), kind: 'text' },
      { field: 'email', header: t('analytics.segments.email'), kind: 'text', text: (c) => c.email ?? '—' },
      { field: 'recencyDays', header: t('analytics.segments.recency'), kind: 'number' },
      { field: 'frequency', header: t('analytics.segments.frequency'), kind: 'number' },
      { field: 'monetary', header: t('analytics.segments.monetary'), kind: 'money' },
      { field: 'r', header: 'R', kind: 'number', width: 70 },
      { field: 'f', header: 'F', kind: 'number', width: 70 },
      { field: 'm', header: 'M', kind: 'number', width: 70 },
    ],
    [t],
  );

  return (
    <div className="page" data-testid="customers-report">
      <div className="page-header">
        <h1>{t('analytics.tab.customers')}</h1>
        <PeriodControls route={periodRoute} period={false} asOf />
      </div>
      <article className="card">
        <p className="muted small how">{t('analytics.segments.how', { asOf, customers: formatNumber(answer?.scoredCustomers ?? 0, locale) })}</p>
        {answer === null ? (
          <PanelSkeleton lines={8} />
        ) : answer.scoredCustomers === 0 ? (
          <EmptyState title={t('pages.analytics.noCustomers', { asOf })} hint={t('pages.analytics.noCustomersHint')} testId="segments-empty" />
        ) : (
          <Busy busy={load.loading}>
            <table className="table" data-testid="segments-table">
              <thead>
                <tr>
                  <th>{t('analytics.segments.segment')}</th>
                  <th className="num">{t('analytics.segments.customers')}</th>
                  <th className="num">{t('analytics.segments.recency')}</th>
                  <th className="num">{t('analytics.segments.frequency')}</th>
                  <th className="num">{t('analytics.segments.monetary')}</th>
                  <th>{t('analytics.segments.action')}</th>
                </tr>
              </thead>
              <tbody>
                {answer.summary.map((row) => (
                  <tr key={row.segment} className={row.segment === segment ? 'selected' : undefined}>
                    <td>
                      <button type="button" className="link" onClick={() => setSegment(row.segment)} data-testid={`segment-${row.segment}`}>
                        {t(`analytics.segment.${row.segment}`)}
                      </button>
                    </td>
                    <td className="num">
                      {formatNumber(row.customers, locale)} ({percent(row.share)})
                    </td>
                    <td className="num">{row.meanRecencyDays === null ? '—' : formatNumber(Math.round(row.meanRecencyDays), locale)}</td>
                    <td className="num">{row.meanFrequency === null ? '—' : formatNumber(Math.round(row.meanFrequency * 10) / 10, locale)}</td>
                    <td className="num">{money(row.meanMonetary)}</td>
                    <td>{t(`analytics.segmentAction.${row.segment}`)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </Busy>
        )}
      </article>
      <article className="card" data-testid="segment-customers">
        <h2>{t(`analytics.segment.${segment}`)}</h2>
        {answer === null ? (
          <PanelSkeleton lines={8} />
        ) : (
          <Busy busy={load.loading}>
            <ReportGrid
              rows={answer.customers}
              columns={columns}
              rowKey="customerId"
              currency={settings.currency}
              testId="segment-customers-grid"
              exportSource="analytics.segments"
              exportQuery={{ asOf, segment }}
              fileName={t(`analytics.segment.${segment}`)}
              empty={{ title: t('pages.analytics.noSegmentCustomers') }}
            />
          </Busy>
        )}
      </article>
      <CohortHeatmap asOf={asOf} />
      <CustomerValuePanel asOf={asOf} />
      <SilentCustomersPanel asOf={asOf} />
    </div>
  );
}
