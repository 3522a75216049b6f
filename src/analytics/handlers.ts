// The analytics.* methods. Read-only: built per connection, no events.
import type { AreaContext } from '../area-context.js';
import { perDatabase } from '../db/per-database.js';
import type { AreaHandlers } from '../router.js';
import { checkPeriodOrder } from './periods.js';
import type { analyticsContract } from './contract.js';
import { createForecastService } from './forecast-service.js';
import { createKpiService } from './kpi-service.js';
import { createMixService } from './mix-service.js';
import { createReportService } from './report-service.js';
import { createReturnsService } from './returns-service.js';
import { createSegmentsService } from './segments-service.js';
import { createSeriesService } from './series-service.js';

export function createAnalyticsHandlers(ctx: AreaContext): AreaHandlers<typeof analyticsContract> {
  const kpisFor = perDatabase((db) => createKpiService(db));
  const seriesFor = perDatabase((db) => createSeriesService(db));
  const returnsFor = perDatabase((db) => createReturnsService(db));
  const forecastsFor = perDatabase((db) => createForecastService(db));
  const reportsFor = perDatabase((db) => createReportService(db));
  const segmentsFor = perDatabase((db) => createSegmentsService(db));
  const mixFor = perDatabase((db) => createMixService(db));
  const currencyOf = perDatabase((db) => db.prepare<[], { currency: string }>('SELECT currency FROM shop_settings WHERE id = 1'));
  const currency = () => currencyOf(ctx.db()).get()?.currency ?? 'USD';
  return {
    'analytics.kpis': (period) => ({ ...kpisFor(ctx.db()).kpis(period, ctx.clock.now()), currency: currency() }),
    'analytics.salesReport': ({ from, to, by, categoryId, sort, offset, limit }) => {
      checkPeriodOrder(from, to);
      const report = reportsFor(ctx.db()).salesReport({ from, to }, by, sort, offset, limit, categoryId);
      const time = by === 'day' || by === 'week' || by === 'month' ? by : null;
      return { ...report, partialBucket: time ? seriesFor(ctx.db()).partialBucket({ from, to }, time, ctx.clock.now()) : null };
    },
    'analytics.salesMix': ({ from, to, products, categories }) => {
      checkPeriodOrder(from, to);
      return mixFor(ctx.db()).salesMix({ from, to }, products, categories);
    },
    'analytics.segments': ({ asOf, windowDays, segment, offset, limit }) => segmentsFor(ctx.db()).segments(asOf, windowDays, segment, offset, limit),
    'analytics.forecast': ({ scope, today, horizonDays }) => forecastsFor(ctx.db()).forecast(scope, today, horizonDays, ctx.clock.now()),
    'analytics.returns': ({ from, to, by }) => {
      checkPeriodOrder(from, to);
      return returnsFor(ctx.db()).report({ from, to }, by, ctx.clock.now());
    },
    'analytics.salesSeries': ({ from, to, granularity }) => {
      checkPeriodOrder(from, to);
      return { ...seriesFor(ctx.db()).salesSeries({ from, to }, granularity, ctx.clock.now()), currency: currency() };
    },
  };
}
