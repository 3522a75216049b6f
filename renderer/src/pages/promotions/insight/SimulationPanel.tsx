// Before launch: what the promoted SKUs would sell anyway (the baseline, with how far its forecast
// was off), the expected uplift and where it came from (past promotions, or an assumption the owner
// enters here), the totals against the baseline in words, the stock cover with one-click draft
// purchase orders, and every SKU in a grid.
import { useState, type ReactNode } from 'react';
import type { MethodOutput } from '../../../../../src/contract.js';
import type { Simulation, SimulationRow } from '../../../../../src/promotions/insight-contract.js';
import { call } from '../../../api/client.js';
import { routeHref } from '../../../app/route.js';
import { useShop } from '../../../app/shop-context.js';
import { useCan } from '../../../app/team-context.js';
import { EmptyState } from '../../../components/EmptyState.js';
import { Loaded } from '../../../components/Loading.js';
import { NumberField, useNumberInput } from '../../../components/number-field.js';
import type { NumberRule } from '../../../components/number-check.js';
import { ReportGrid, type ReportColumn } from '../../../components/ReportGrid.js';
import { useToasts } from '../../../components/toasts.js';
import { useLoad } from '../../../components/use-load.js';
import { useI18n } from '../../../i18n/context.js';
import { formatNumber } from '../../../i18n/format.js';
import { usePromotionsRefresh } from '../use-promotions-refresh.js';
import { figuresFor, noteText, type Figures } from './insight-format.js';
import { Figure, Notes } from './parts.js';
import type { PromotionPanelProps } from './types.js';

/** What the owner may try as uplift: the contract's bounds (−100 % … +1000 %). */
const upliftRule: NumberRule = { required: true, min: -100, max: 1000, decimals: 1 };

export function SimulationPanel({ promotionId }: PromotionPanelProps): ReactNode {
  const { t } = useI18n();
  const numbers = useNumberInput();
  const [upliftText, setUpliftText] = useState('');
  const [tried, setTried] = useState<number | null>(null);
  const load = useLoad(() => call('promotions.simulate', { promotionId, ...(tried === null ? {} : { upliftAssumptionBp: tried }) }), [promotionId, tried]);
  usePromotionsRefresh(load.reload);

  const tryUplift = () => {
    const check = numbers.check(upliftText, upliftRule);
    if (check.ok && check.value !== null) setTried(Math.round(check.value * 100));
  };

  return (
    <div className="promo-insight" data-testid="promo-simulation">
      <Loaded load={load} lines={10} label={t('promotions.insight.sim.loading')}>
        {(simulation) =>
          simulation.totals.skus === 0 ? (
            <EmptyState title={t('promotions.insight.sim.noSkus')} hint={t('promotions.insight.sim.noSkusHint')} testId="promo-sim-empty" />
          ) : (
            <SimulationView
              simulation={simulation}
              uplift={
                <div className="promo-uplift-try">
                  <label className="field">
                    <span>
                      {t('promotions.insight.sim.tryUplift')} <span className="pill">{t('promotions.assumption')}</span>
                    </span>
                    <span className="promo-inline">
                      <NumberField value={upliftText} onChange={setUpliftText} rule={upliftRule} onCommit={() => tryUplift()} data-testid="promo-sim-uplift" aria-label={t('promotions.insight.sim.tryUplift')} />
                      <span>%</span>
                      <button type="button" className="button button-small" onClick={tryUplift} data-testid="promo-sim-uplift-apply">
                        {t('promotions.insight.sim.simulate')}
                      </button>
                      {tried === null ? null : (
                        <button
                          type="button"
                          className="button button-small"
                          onClick={() => {
                            setTried(null);
                            setUpliftText('');
                          }}
                          data-testid="promo-sim-uplift-reset"
                        >
                          {t('promotions.insight.sim.resetUplift')}
                        </button>
                      )}
                    </span>
                  </label>
                  <p className="muted small">{t('promotions.insight.sim.tryUpliftHint')}</p>
                </div>
              }
              tried={tried}
            />
          )
        }
      </Loaded>
    </div>
  );
}

function SimulationView({ simulation, uplift, tried }: { simulation: Simulation; uplift: ReactNode; tried: number | null }): ReactNode {
  const i18n = useI18n();
  const { t, locale } = i18n;
  const { settings } = useShop();
  const f = figuresFor(locale, settings.currency);
  const { totals } = simulation;
  // Gift cost and gross profit come from costs: without costs.view the core blanks them, and they (and the verdict) are left out.
  const seesCosts = useCan()('costs.view');
  const difference = totals.expectedGrossProfit - totals.baselineGrossProfit - totals.giftCost;

  return (
    <>
      <section className="card" data-testid="promo-sim-baseline">
        <h2>{t('promotions.insight.sim.baselineTitle')}</h2>
        <p>
          {t('promotions.insight.sim.baselineLine', {
            skus: formatNumber(totals.skus, locale),
            units: f.units(totals.baselineUnits),
            days: formatNumber(simulation.days, locale),
            sales: f.money(totals.baselineNetSales),
          })}
        </p>
        <p className={simulation.wape !== null && simulation.wape > 0.5 ? 'note' : 'muted small'} data-testid="promo-sim-wape">
          {simulation.wape === null ? t('promotions.insight.noWape') : t('promotions.insight.wape', { wape: f.percent(simulation.wape) })}
        </p>
        <h3>{t('promotions.insight.sim.upliftTitle')}</h3>
        <UpliftSource simulation={simulation} f={f} />
        {/* The owner's figure is used only where no past promotion compares (metrics-notes). */}
        {simulation.uplift.source === 'history' && tried === null ? null : uplift}
      </section>

      <section className="kpi-grid promo-figures" data-testid="promo-sim-totals">
        <Figure id="sim-units" label={t('promotions.insight.sim.units')} value={`${f.units(totals.baselineUnits)} → ${f.units(totals.expectedUnits)}`} how={t('promotions.insight.sim.unitsHow')} />
        <Figure id="sim-gmv" label={t('promotions.insight.sim.gmv')} value={f.money(totals.expectedGmv)} how={t('promotions.insight.sim.gmvHow')} />
        <Figure id="sim-discount" label={t('promotions.insight.sim.discountCost')} value={f.money(totals.discountCost)} how={t('promotions.insight.sim.discountCostHow')} />
        {seesCosts ? (
          <>
            <Figure id="sim-gift" label={t('promotions.insight.sim.giftCost')} value={f.money(totals.giftCost)} how={t('promotions.insight.sim.giftCostHow')} />
            <Figure
              id="sim-profit"
              label={t('promotions.insight.sim.profit')}
              value={`${f.money(totals.expectedGrossProfit)}`}
              sub={t('promotions.insight.sim.profitVs', { baseline: f.money(totals.baselineGrossProfit) })}
              how={t('promotions.insight.sim.profitHow')}
            />
          </>
        ) : null}
      </section>
      {seesCosts ? (
        <p className={difference < 0 ? 'promo-verdict promo-verdict-down' : 'promo-verdict promo-verdict-up'} data-testid="promo-sim-verdict">
          {difference >= 0
            ? t('promotions.insight.sim.earnMore', { amount: f.money(difference) })
            : t('promotions.insight.sim.earnLess', { amount: f.money(-difference) })}
        </p>
      ) : null}

      <StockCover simulation={simulation} f={f} tried={tried} />

      <section className="card" data-testid="promo-sim-skus">
        <h2>{t('promotions.insight.sim.skusTitle')}</h2>
        <p className="muted small">
          {simulation.rows.length < totals.skus
            ? t('promotions.insight.sim.skusCapped', { shown: formatNumber(simulation.rows.length, locale), total: formatNumber(totals.skus, locale) })
            : t('promotions.insight.sim.skusHow')}
        </p>
        <SimulationGrid simulation={simulation} tried={tried} />
      </section>
      <Notes notes={simulation.notes.map((note) => noteText(note, i18n, settings.timeZone))} testId="promo-sim-notes" />
    </>
  );
}

function UpliftSource({ simulation, f }: { simulation: Simulation; f: Figures }): ReactNode {
  const { t, locale } = useI18n();
  const { uplift } = simulation;
  return (
    <div data-testid="promo-sim-uplift-source" data-source={uplift.source}>
      <p>
        <strong data-testid="promo-sim-uplift-value">{f.signedPercent(uplift.fraction)}</strong>{' '}
        {uplift.source === 'history'
          ? t('promotions.insight.sim.fromHistory', { count: formatNumber(uplift.basedOn.length, locale) })
          : uplift.source === 'assumption'
            ? t('promotions.insight.sim.fromAssumption')
            : t('promotions.insight.sim.fromNone')}
        {uplift.source === 'assumption' ? <span className="pill promo-pill-assumption">{t('promotions.assumption')}</span> : null}
      </p>
      {uplift.basedOn.length > 0 ? (
        <ul className="promo-based-on">
          {uplift.basedOn.map((past) => (
            <li key={past.id}>
              <a href={routeHref('promotions', past.id, 'evaluation')}>{past.name}</a> <span className="muted">{t('promotions.insight.sim.pastLift', { lift: f.signedPercent(past.lift) })}</span>
            </li>
          ))}
        </ul>
      ) : null}
    </div>
  );
}

type DraftResult = MethodOutput<'promotions.draftPurchaseOrders'>;

function StockCover({ simulation, f, tried }: { simulation: Simulation; f: Figures; tried: number | null }): ReactNode {
  const { t, locale } = useI18n();
  const { showError } = useToasts();
  const [busy, setBusy] = useState(false);
  const [drafted, setDrafted] = useState<DraftResult | null>(null);
  const short = simulation.shortfalls;

  const draft = async () => {
    setBusy(true);
    try {
      // The shortfalls shown are the ones ordered (an assumed uplift changes them).
      const result = await call('promotions.draftPurchaseOrders', { promotionId: simulation.promotionId, variantIds: short.map((row) => row.variantId) });
      setDrafted(result);
    } catch (error) {
      showError(error);
    } finally {
      setBusy(false);
    }
  };

  return (
    <section className="card" data-testid="promo-sim-cover">
      <header className="card-header">
        <h2>{t('promotions.insight.sim.coverTitle')}</h2>
        {short.length > 0 ? (
          <button type="button" className="button button-primary button-small" disabled={busy || tried !== null || drafted !== null} title={tried !== null ? t('promotions.insight.sim.draftAssumedHint') : undefined} onClick={() => void draft()} data-testid="promo-sim-draft-pos">
            {busy ? t('promotions.insight.sim.drafting') : t('promotions.insight.sim.draftPos')}
          </button>
        ) : null}
      </header>
      {short.length === 0 ? (
        <p className="promo-cover-ok" data-testid="promo-sim-cover-ok">
          {t('promotions.insight.sim.coverOk')}
        </p>
      ) : (
        <>
          <p className="note" data-testid="promo-sim-cover-count">
            {t('promotions.insight.sim.coverShort', { count: formatNumber(simulation.shortfallCount, locale) })}
          </p>
          <p className="muted small">{t('promotions.insight.sim.coverHow')}</p>
          <div className="table-scroll">
            <table className="table" data-testid="promo-sim-shortfalls">
              <thead>
                <tr>
                  <th>{t('promotions.insight.col.sku')}</th>
                  <th>{t('promotions.insight.col.product')}</th>
                  <th className="num">{t('promotions.insight.col.expectedUnits')}</th>
                  <th className="num">{t('promotions.insight.col.available')}</th>
                  <th className="num">{t('promotions.insight.col.incoming')}</th>
                  <th className="num">{t('promotions.insight.col.shortfall')}</th>
                </tr>
              </thead>
              <tbody>
                {short.map((row: SimulationRow) => (
                  <tr key={row.variantId} data-testid="promo-sim-shortfall">
                    <td>{row.sku}</td>
                    <td>{row.title}</td>
                    <td className="num">{f.units(row.expectedUnits)}</td>
                    <td className="num">{formatNumber(row.available, locale)}</td>
                    <td className="num">{formatNumber(row.incoming, locale)}</td>
                    <td className="num promo-short">{formatNumber(row.shortfall, locale)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        </>
      )}
      {drafted ? <DraftedOrders result={drafted} /> : null}
    </section>
  );
}

function DraftedOrders({ result }: { result: DraftResult }): ReactNode {
  const { t, locale } = useI18n();
  return (
    <div className="promo-drafted" data-testid="promo-sim-drafted">
      {result.purchaseOrders.length > 0 ? (
        <>
          <p>
            <strong>{t('promotions.insight.sim.draftedCount', { count: formatNumber(result.purchaseOrders.length, locale) })}</strong>
          </p>
          <ul>
            {result.purchaseOrders.map((po) => (
              <li key={po.purchaseOrderId} data-testid="promo-sim-drafted-po">
                <a href={routeHref('purchasing', 'orders', po.purchaseOrderId)}>{po.number}</a> · {po.supplierName} · {t('promotions.insight.sim.draftedLines', { lines: formatNumber(po.lines, locale) })}
              </li>
            ))}
          </ul>
        </>
      ) : (
        <p>{t('promotions.insight.sim.draftedNone')}</p>
      )}
      {result.noSupplier.length > 0 ? (
        <p className="note" data-testid="promo-sim-no-supplier">
          {t('promotions.insight.sim.noSupplier', { count: formatNumber(result.noSupplier.length, locale), skus: result.noSupplier.map((row) => row.sku).join(', ') })}{' '}
          <a href={routeHref('purchasing', 'suppliers')}>{t('promotions.insight.sim.openSuppliers')}</a>
        </p>
      ) : null}
    </div>
  );
}

/** Columns that hold a cost figure: left out for a person without costs.view (the core blanks them). */
const simulationCostFields: ReadonlySet<string> = new Set(['expectedGrossProfit', 'baselineGrossProfit']);

function SimulationGrid({ simulation, tried }: { simulation: Simulation; tried: number | null }): ReactNode {
  const { t } = useI18n();
  const { settings } = useShop();
  const seesCosts = useCan()('costs.view');
  const allColumns: ReportColumn<SimulationRow>[] = [
    { field: 'sku', header: t('promotions.insight.col.sku'), kind: 'text', width: 160 },
    { field: 'title', header: t('promotions.insight.col.product'), kind: 'text', width: 240 },
    { field: 'regularPrice', header: t('promotions.insight.col.regularPrice'), kind: 'money', width: 120 },
    { field: 'promoPrice', header: t('promotions.insight.col.promoPrice'), kind: 'money', width: 120 },
    { field: 'baselineUnits', header: t('promotions.insight.col.baselineUnits'), kind: 'number', width: 120 },
    { field: 'expectedUnits', header: t('promotions.insight.col.expectedUnits'), kind: 'number', width: 120 },
    { field: 'expectedGmv', header: t('promotions.insight.col.expectedGmv'), kind: 'money', width: 120 },
    { field: 'discountCost', header: t('promotions.insight.col.discountCost'), kind: 'money', width: 120 },
    { field: 'expectedGrossProfit', header: t('promotions.insight.col.expectedGrossProfit'), kind: 'money', width: 120 },
    { field: 'baselineGrossProfit', header: t('promotions.insight.col.baselineGrossProfit'), kind: 'money', width: 120 },
    { field: 'available', header: t('promotions.insight.col.available'), kind: 'number', width: 120 },
    { field: 'shortfall', header: t('promotions.insight.col.shortfall'), kind: 'number', width: 120 },
  ];
  const columns = seesCosts ? allColumns : allColumns.filter((column) => !simulationCostFields.has(column.field));
  return (
    <ReportGrid
      rows={simulation.rows}
      columns={columns}
      rowKey="variantId"
      currency={settings.currency}
      testId="promo-sim-grid"
      exportSource="promotions.simulate"
      exportQuery={{ promotionId: simulation.promotionId, ...(tried === null ? {} : { upliftAssumptionBp: tried }) }}
      fileName={t('promotions.insight.sim.fileName')}
      height={380}
    />
  );
}
