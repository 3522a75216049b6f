// The area's Results tab: running and ended promotions with their headline results (units, net
// sales, lift, incremental gross profit, promotion cost, ROI) in a grid that sorts, filters and
// exports; a promotion's name opens its Evaluation tab.
import type { ReactNode } from 'react';
import type { MethodOutput } from '../../../../../src/contract.js';
import { call } from '../../../api/client.js';
import { routeHref } from '../../../app/route.js';
import { useShop } from '../../../app/shop-context.js';
import { useCan } from '../../../app/team-context.js';
import { Loaded } from '../../../components/Loading.js';
import { ReportGrid, type ReportColumn } from '../../../components/ReportGrid.js';
import { useLoad } from '../../../components/use-load.js';
import { useI18n } from '../../../i18n/context.js';
import { statusName, typeName } from '../promotion-texts.js';
import { promotionStatuses, promotionTypes, type PromotionStatus, type PromotionType } from '../types.js';
import { usePromotionsRefresh } from '../use-promotions-refresh.js';

type ResultRow = MethodOutput<'promotions.results'>['rows'][number];
/** The most the core lists at once. */
const limit = 500;

const isType = (value: string): value is PromotionType => (promotionTypes as readonly string[]).includes(value);
const isStatus = (value: string): value is PromotionStatus => (promotionStatuses as readonly string[]).includes(value);

export function ResultsPage(): ReactNode {
  const { t, locale } = useI18n();
  const { settings } = useShop();
  // Incremental gross profit, promotion cost and ROI come from costs: without costs.view the core blanks them and they are left out.
  const seesCosts = useCan()('costs.view');
  const load = useLoad(() => call('promotions.results', { limit }), []);
  usePromotionsRefresh(load.reload);
  const dates = new Intl.DateTimeFormat(locale, { dateStyle: 'short', timeStyle: 'short', timeZone: settings.timeZone });
  const date = (iso: string) => dates.format(new Date(iso));

  // Widths so every figure reads in full; the grid scrolls sideways on a narrow window.
  const allColumns: ReportColumn<ResultRow>[] = [
    { field: 'name', header: t('promotions.insight.results.name'), kind: 'text', href: (row) => routeHref('promotions', row.promotionId, 'evaluation'), width: 230 },
    { field: 'type', header: t('promotions.insight.results.type'), kind: 'text', text: (row) => (isType(row.type) ? typeName(t, row.type) : row.type), width: 110 },
    { field: 'status', header: t('promotions.insight.results.status'), kind: 'text', text: (row) => (isStatus(row.status) ? statusName(t, row.status) : row.status), width: 90 },
    { field: 'startsAt', header: t('promotions.insight.results.starts'), kind: 'text', text: (row) => date(row.startsAt), width: 150 },
    { field: 'endsAt', header: t('promotions.insight.results.ends'), kind: 'text', text: (row) => date(row.endsAt), width: 150 },
    { field: 'units', header: t('promotions.insight.results.units'), kind: 'number', width: 90 },
    { field: 'netSales', header: t('promotions.insight.results.netSales'), kind: 'money', width: 125 },
    { field: 'liftPercent', header: t('promotions.insight.results.lift'), kind: 'rate', width: 95 },
    { field: 'incrementalGrossProfit', header: t('promotions.insight.results.incremental'), kind: 'money', width: 150 },
    { field: 'promotionCost', header: t('promotions.insight.results.cost'), kind: 'money', width: 125 },
    { field: 'roi', header: t('promotions.insight.results.roi'), kind: 'number', width: 80 },
  ];
  const columns = seesCosts ? allColumns : allColumns.filter((column) => !['incrementalGrossProfit', 'promotionCost', 'roi'].includes(column.field));

  return (
    <div className="card promo-insight" data-testid="promo-results">
      <h2>{t('promotions.insight.results.title')}</h2>
      <p className="muted small how">{t('promotions.insight.results.how')}</p>
      <Loaded load={load} lines={8} label={t('promotions.insight.results.loading')}>
        {({ rows }) => (
          <ReportGrid
            rows={rows}
            columns={columns}
            rowKey="promotionId"
            currency={settings.currency}
            testId="promo-results-grid"
            exportSource="promotions.results"
            exportQuery={{ limit }}
            fileName={t('promotions.insight.results.fileName')}
            empty={{ title: t('promotions.insight.results.empty'), hint: t('promotions.insight.results.emptyHint') }}
          />
        )}
      </Loaded>
    </div>
  );
}
