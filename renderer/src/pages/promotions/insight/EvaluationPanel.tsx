// Live (so far) or final evaluation of a promotion against its baseline — what would have sold
// anyway: headline figures each with how it is computed, units against the baseline per SKU as a
// chart or a table, then what happened around it (pull-forward dip, cannibalisation, new and
// returning customers), the A/B comparison with the control group, and every SKU in a grid.
import { useState, type ReactNode } from 'react';
import { Bar, BarChart, CartesianGrid, Legend, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';
import type { Evaluation, EvaluationRow } from '../../../../../src/promotions/insight-contract.js';
import { call } from '../../../api/client.js';
import { useShop } from '../../../app/shop-context.js';
import { useCan } from '../../../app/team-context.js';
import { ChartLegend } from '../../../components/ChartLegend.js';
import { ChartTableToggle } from '../../../components/ChartTableToggle.js';
import { EmptyState } from '../../../components/EmptyState.js';
import { Loaded } from '../../../components/Loading.js';
import { ReportGrid, type ReportColumn } from '../../../components/ReportGrid.js';
import { useLoad } from '../../../components/use-load.js';
import { useI18n } from '../../../i18n/context.js';
import { currencyFractionDigits, formatDateTime, formatNumber } from '../../../i18n/format.js';
import { usePromotionsRefresh } from '../use-promotions-refresh.js';
import { AbBlock } from './AbBlock.js';
import { AroundBlocks } from './AroundBlocks.js';
import { figuresFor, noteText } from './insight-format.js';
import { Figure, Notes, toneOf } from './parts.js';
import type { PromotionPanelProps } from './types.js';

export function EvaluationPanel({ promotionId }: PromotionPanelProps): ReactNode {
  const { t } = useI18n();
  const load = useLoad(() => call('promotions.evaluate', { promotionId }), [promotionId]);
  usePromotionsRefresh(load.reload);
  return (
    <div className="promo-insight" data-testid="promo-evaluation">
      <Loaded load={load} lines={10} label={t('promotions.insight.eval.loading')}>
        {(evaluation) =>
          evaluation.state === 'notStarted' ? (
            <EmptyState title={t('promotions.insight.eval.notStarted')} hint={t('promotions.insight.eval.notStartedHint')} testId="promo-eval-not-started" />
          ) : (
            <EvaluationView evaluation={evaluation} />
          )
        }
      </Loaded>
    </div>
  );
}

const controlNote = 'promotions.evaluation.note.controlBaseline';

function EvaluationView({ evaluation: e }: { evaluation: Evaluation }): ReactNode {
  const i18n = useI18n();
  const { t, locale } = i18n;
  const { settings } = useShop();
  const f = figuresFor(locale, settings.currency);
  const when = (iso: string) => formatDateTime(iso, locale, settings.timeZone);
  /** One major unit of the currency in minor units (¥1.00 = 100), for the ROI's words. */
  const unit = 10 ** currencyFractionDigits(settings.currency);
  // A campaign with a control group is measured against that group, not the forecast: the note says so where the baseline is explained.
  const fromControl = e.notes.find((note) => note.key === controlNote);
  const otherNotes = e.notes.filter((note) => note.key !== controlNote);
  // Gross profit, promotion cost (gifts at cost) and ROI come from costs: without costs.view the core blanks them and they are left out.
  const seesCosts = useCan()('costs.view');

  return (
    <>
      <section className="card promo-eval-state" data-testid="promo-eval-state" data-state={e.state}>
        <span className={e.state === 'live' ? 'pill promo-pill-live' : 'pill promo-pill-final'}>{t(`promotions.insight.eval.state.${e.state}`)}</span>{' '}
        {t(e.state === 'live' ? 'promotions.insight.eval.liveLine' : 'promotions.insight.eval.finalLine', {
          from: when(e.from),
          to: when(e.to),
          days: formatNumber(Math.round(e.days * 10) / 10, locale),
          orders: formatNumber(e.orders, locale),
        })}
        <p className="muted small" data-testid="promo-eval-wape">
          {fromControl
            ? noteText(fromControl, i18n, settings.timeZone)
            : `${t('promotions.insight.eval.baselineIs')} ${e.wape === null ? t('promotions.insight.noWape') : t('promotions.insight.wape', { wape: f.percent(e.wape) })}`}
        </p>
      </section>

      <section className="kpi-grid promo-figures" data-testid="promo-eval-figures">
        <Figure id="eval-units" label={t('promotions.insight.eval.units')} value={formatNumber(e.units, locale)} sub={t('promotions.insight.eval.baselineUnits', { units: f.units(e.baselineUnits) })} how={t('promotions.insight.eval.unitsHow')} />
        <Figure id="eval-net-sales" label={t('promotions.insight.eval.netSales')} value={f.money(e.netSales)} sub={t('promotions.insight.eval.baselineSales', { sales: f.money(e.baselineNetSales) })} how={t('promotions.insight.eval.netSalesHow')} />
        <Figure
          id="eval-lift"
          label={t('promotions.insight.eval.lift')}
          value={e.liftPercent === null ? f.signedUnits(e.liftUnits) : f.signedPercent(e.liftPercent)}
          sub={t('promotions.insight.eval.liftUnits', { units: f.signedUnits(e.liftUnits) })}
          tone={toneOf(e.liftUnits)}
          how={t('promotions.insight.eval.liftHow')}
        />
        {seesCosts ? (
          <>
        <Figure
          id="eval-incremental"
          label={t('promotions.insight.eval.incremental')}
          value={f.signedMoney(e.incrementalGrossProfit)}
          tone={toneOf(Math.round(e.incrementalGrossProfit))}
          sub={t('promotions.insight.eval.incrementalSub', { profit: f.money(e.grossProfit), baseline: f.money(e.baselineGrossProfit) })}
          how={t('promotions.insight.eval.incrementalHow')}
        />
        <Figure
          id="eval-cost"
          label={t('promotions.insight.eval.cost')}
          value={f.money(e.promotionCost)}
          sub={t('promotions.insight.eval.costSub', { discounts: f.money(e.discounts), gifts: f.money(e.giftCost) })}
          how={t('promotions.insight.eval.costHow')}
        />
        <Figure id="eval-roi" label={t('promotions.insight.eval.roi')} value={f.ratio(e.roi)} tone={toneOf(e.roi)} how={e.roi === null ? t('promotions.insight.eval.roiNone') : t('promotions.insight.eval.roiHow', { amount: f.money(Math.round(e.roi * unit)), per: f.money(unit) })} />
          </>
        ) : null}
      </section>
      {e.expectedUnits !== null ? (
        <p className="muted" data-testid="promo-eval-expected">
          {t('promotions.insight.eval.vsSimulation', { expected: f.units(e.expectedUnits), units: formatNumber(e.units, locale) })}
        </p>
      ) : null}

      <SkuChart rows={e.rows} />
      <AroundBlocks evaluation={e} f={f} />
      {e.ab ? <AbBlock ab={e.ab} f={f} /> : null}

      <section className="card" data-testid="promo-eval-skus">
        <h2>{t('promotions.insight.eval.skusTitle')}</h2>
        <EvaluationGrid evaluation={e} />
      </section>
      <Notes notes={otherNotes.map((note) => noteText(note, i18n, settings.timeZone))} testId="promo-eval-notes" />
    </>
  );
}

/** How many SKUs the chart shows (the biggest sellers); the grid has them all. */
const chartSkus = 12;

function SkuChart({ rows }: { rows: readonly EvaluationRow[] }): ReactNode {
  const { t, locale } = useI18n();
  const [asTable, setAsTable] = useState(false);
  const top = rows.slice(0, chartSkus).map((row) => ({ sku: row.sku, title: row.title, actual: row.units, baseline: Math.round(row.baselineUnits * 10) / 10 }));
  const name = (key: unknown) => (key === 'actual' ? t('promotions.insight.eval.chartActual') : t('promotions.insight.eval.chartBaseline'));
  if (top.length === 0) return null;
  return (
    <section className="card" data-testid="promo-eval-chart">
      <header className="card-header">
        <h2>{t('promotions.insight.eval.chartTitle', { count: formatNumber(top.length, locale) })}</h2>
        <ChartTableToggle asTable={asTable} onToggle={() => setAsTable((v) => !v)} testId="promo-eval-chart-toggle" />
      </header>
      <p className="muted small">{t('promotions.insight.eval.chartHow')}</p>
      {asTable ? (
        <div className="table-scroll">
          <table className="table" data-testid="promo-eval-chart-table">
            <thead>
              <tr>
                <th>{t('promotions.insight.col.sku')}</th>
                <th>{t('promotions.insight.col.product')}</th>
                <th className="num">{name('actual')}</th>
                <th className="num">{name('baseline')}</th>
              </tr>
            </thead>
            <tbody>
              {top.map((row) => (
                <tr key={row.sku}>
                  <td>{row.sku}</td>
                  <td>{row.title}</td>
                  <td className="num">{formatNumber(row.actual, locale)}</td>
                  <td className="num">{formatNumber(row.baseline, locale)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      ) : (
        // Bars across, one SKU a row: SKU codes are too long to sit side by side under the bars.
        <ResponsiveContainer width="100%" height={60 + top.length * 30}>
          <BarChart data={top} layout="vertical" margin={{ top: 4, right: 16, bottom: 0, left: 8 }}>
            <CartesianGrid strokeDasharray="3 3" horizontal={false} />
            <XAxis type="number" allowDecimals={false} tick={{ fontSize: 11 }} />
            <YAxis type="category" dataKey="sku" tick={{ fontSize: 11 }} width={150} interval={0} />
            <Tooltip labelFormatter={(label) => top.find((row) => row.sku === label)?.title ?? String(label)} formatter={(value, key) => [formatNumber(Number(value), locale), name(key)]} />
            <Legend content={({ payload }) => <ChartLegend payload={payload} name={name} />} />
            <Bar dataKey="actual" fill="#7a5af8" barSize={10} isAnimationActive={false} />
            <Bar dataKey="baseline" fill="#98a2b3" barSize={10} isAnimationActive={false} />
          </BarChart>
        </ResponsiveContainer>
      )}
    </section>
  );
}

function EvaluationGrid({ evaluation }: { evaluation: Evaluation }): ReactNode {
  const { t } = useI18n();
  const { settings } = useShop();
  // Gross profit columns are blanked by the core without costs.view: left out then.
  const seesCosts = useCan()('costs.view');
  const allColumns: ReportColumn<EvaluationRow>[] = [
    { field: 'sku', header: t('promotions.insight.col.sku'), kind: 'text', width: 160 },
    { field: 'title', header: t('promotions.insight.col.product'), kind: 'text', width: 240 },
    { field: 'units', header: t('promotions.insight.col.units'), kind: 'number', width: 120 },
    { field: 'baselineUnits', header: t('promotions.insight.col.baselineUnits'), kind: 'number', width: 120 },
    { field: 'liftUnits', header: t('promotions.insight.col.liftUnits'), kind: 'number', width: 120 },
    { field: 'gmv', header: t('promotions.insight.col.gmv'), kind: 'money', width: 120 },
    { field: 'discounts', header: t('promotions.insight.col.discounts'), kind: 'money', width: 120 },
    { field: 'netSales', header: t('promotions.insight.col.netSales'), kind: 'money', width: 120 },
    { field: 'grossProfit', header: t('promotions.insight.col.grossProfit'), kind: 'money', width: 120 },
    { field: 'baselineGrossProfit', header: t('promotions.insight.col.baselineGrossProfit'), kind: 'money', width: 120 },
  ];
  const columns = seesCosts ? allColumns : allColumns.filter((column) => column.field !== 'grossProfit' && column.field !== 'baselineGrossProfit');
  return (
    <ReportGrid
      rows={evaluation.rows}
      columns={columns}
      rowKey="variantId"
      currency={settings.currency}
      testId="promo-eval-grid"
      exportSource="promotions.evaluate"
      exportQuery={{ promotionId: evaluation.promotionId }}
      fileName={t('promotions.insight.eval.fileName')}
      height={380}
      empty={{ title: t('promotions.insight.eval.noSkus'), hint: t('promotions.insight.eval.noSkusHint') }}
    />
  );
}
