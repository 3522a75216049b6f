// Alerts that explain themselves: filter by status, read what moved against
// what baseline and why, act on it (open the product, make the draft PO the
// Reorder page would, open the report), mark seen or resolved, check now, and
// set the owner's limits on daily KPIs.
import { useCallback, useEffect, useState, type ReactNode } from 'react';
import type { Alert, AlertKpi, AlertStatus, KeyedText } from '../../../../src/alerts/contract.js';
import type { MethodOutput } from '../../../../src/contract.js';
import { call, onEvent } from '../../api/client.js';
import { navigate } from '../../app/route.js';
import { useShop } from '../../app/shop-context.js';
import { useToasts } from '../../components/toasts.js';
import { moneyRule, NumberField, useNumberInput, type NumberRule } from '../../components/number-field.js';
import { EmptyState } from '../../components/EmptyState.js';
import { PanelSkeleton } from '../../components/Loading.js';
import { useI18n } from '../../i18n/context.js';
import { formatDateTime, formatMoney, formatNumber, majorToMinor, minorToMajor } from '../../i18n/format.js';
import type { Params } from '../../i18n/translate.js';

type Listed = MethodOutput<'alerts.list'>;
const statuses: readonly AlertStatus[] = ['new', 'seen', 'resolved'];
const severityStyle = {
  critical: { background: '#fee4e2', color: '#b42318' },
  warning: { background: '#fef0c7', color: '#b54708' },
  info: { background: '#e0eaff', color: '#3538cd' },
} as const;

/** Told to the tab badge when this page changes statuses (the core only announces new alerts). */
const alertsChanged = 'shopdesk:alerts-changed';

/** The number of new alerts beside the Alerts tab; follows evaluations and this page's changes. */
export function NewAlertsBadge(): ReactNode {
  const [count, setCount] = useState(0);
  useEffect(() => {
    const load = () => void call('alerts.list', { status: 'new', offset: 0, limit: 1 }).then((answer) => setCount(answer.counts.new), () => undefined);
    load();
    window.addEventListener(alertsChanged, load);
    const unsubscribe = onEvent('alerts.raised', load);
    return () => {
      window.removeEventListener(alertsChanged, load);
      unsubscribe();
    };
  }, []);
  return count > 0 ? (
    <span className="badge" style={{ ...severityStyle.critical, marginLeft: 6 }} data-testid="alerts-new-count">
      {count}
    </span>
  ) : null;
}

export function AlertsPage(): ReactNode {
  const { t, tKey, locale } = useI18n();
  const { settings } = useShop();
  const { showError, showSuccess } = useToasts();
  const currency = settings?.currency ?? 'USD';
  const timeZone = settings?.timeZone ?? 'UTC';
  const [status, setStatus] = useState<AlertStatus | undefined>('new');
  const [data, setData] = useState<Listed | null>(null);
  const [checked, setChecked] = useState<string | null>(null);
  const [limit, setLimit] = useState(100);

  const load = useCallback(() => {
    void call('alerts.list', { status, offset: 0, limit }).then(setData, showError);
    window.dispatchEvent(new Event(alertsChanged));
  }, [status, limit, showError]);
  useEffect(load, [load]);
  useEffect(() => onEvent('alerts.raised', load), [load]);

  const money = (minor: number) => formatMoney(Math.round(minor), currency, locale);
  const percent = (rate: number) => `${formatNumber(Math.round(rate * 1000) / 10, locale)} %`;
  const figure = (alert: Alert, value: number | null): string => {
    if (value === null) return t('alerts.none');
    const unit = alert.explanation.unit;
    return unit === 'money' ? money(value) : unit === 'rate' ? percent(value) : formatNumber(Math.round(value * 100) / 100, locale);
  };
  // Params from the core are plain values; money, reasons and KPI names are shown the user's way.
  const text = (alert: Alert, item: KeyedText): string => {
    const params: Params = {};
    for (const [name, value] of Object.entries(item.params)) {
      if (value === null) params[name] = t('alerts.none');
      else if ((name === 'before' || name === 'after' || name === 'profit' || name === 'cost') && typeof value === 'number') params[name] = money(value);
      else if ((name === 'median' || name === 'mad') && typeof value === 'number') params[name] = figure(alert, value);
      else if (name === 'reason') params[name] = tKey(`alerts.reason.${value}`, 'alerts.reason.other');
      else if (name === 'kpi') params[name] = tKey(`alerts.kpi.${value}`, 'alerts.none');
      else params[name] = value;
    }
    return tKey(item.key, 'alerts.none', params);
  };

  const checkNow = async () => {
    try {
      const result = await call('alerts.evaluate', {});
      setChecked(t('alerts.checked', result));
      load();
    } catch (error) {
      showError(error);
    }
  };
  const mark = async (ids: number[], next: 'seen' | 'resolved') => {
    try {
      await call('alerts.setStatus', { ids, status: next });
      load();
    } catch (error) {
      showError(error);
    }
  };
  const act = async (alert: Alert) => {
    const action = alert.explanation.action;
    if (!action) return;
    if (action.kind === 'openProduct') navigate('products', action.productId);
    else if (action.kind === 'openReport') navigate('analytics', ...(action.report === 'dashboard' ? [] : [action.report]));
    else if (action.kind === 'openChannel') navigate('channels', action.channelId);
    else if (action.kind === 'openPromotion') navigate('promotions', action.promotionId);
    else if (action.locationId === null) navigate('purchasing', 'reorder');
    else {
      try {
        const created = await call('reorder.createDraft', { supplierId: action.supplierId, locationId: action.locationId, variantIds: action.variantIds });
        navigate('purchasing', 'orders', created.purchaseOrderId);
      } catch (error) {
        showError(error);
      }
    }
  };

  return (
    <div data-testid="alerts-page">
      <div className="page-header">
        <h1>{t('alerts.heading')}</h1>
        <div className="page-actions">
          <button type="button" className="button button-primary" onClick={() => void checkNow()} data-testid="alerts-check">
            {t('alerts.checkNow')}
          </button>
        </div>
      </div>
      <p className="muted small">{t('alerts.intro')}</p>
      {checked ? <p className="small" data-testid="alerts-checked">{checked}</p> : null}
      <div className="chips" role="group">
        {statuses.map((name) => (
          <button key={name} type="button" className={status === name ? 'chip active' : 'chip'} onClick={() => setStatus(name)} data-testid={`alerts-filter-${name}`}>
            {t(`alerts.status.${name}`)} ({data?.counts[name] ?? 0})
          </button>
        ))}
        <button type="button" className={status === undefined ? 'chip active' : 'chip'} onClick={() => setStatus(undefined)} data-testid="alerts-filter-all">
          {t('alerts.filter.all')}
        </button>
      </div>
      {data === null ? <PanelSkeleton lines={6} /> : null}
      {data && data.alerts.length === 0 ? (
        <EmptyState title={status === 'new' ? t('pages.empty.alertsNew') : t('alerts.empty')} hint={t('pages.empty.alertsHint')} testId="alerts-empty" />
      ) : null}
      <div className="alert-list">
        {data?.alerts.map((alert) => {
          const e = alert.explanation;
          return (
            <section key={alert.id} className="card alert-card" data-testid="alert-card" data-rule={alert.rule} style={{ marginBottom: 12 }}>
              <h2>
                <span className="badge" style={severityStyle[alert.severity]}>
                  {t(`alerts.severity.${alert.severity}`)}
                </span>{' '}
                {text(alert, e.title)}
              </h2>
              <p className="muted small">
                {t('alerts.raisedAt', { at: formatDateTime(alert.raisedAt, locale, timeZone) })} · {t(`alerts.status.${alert.status}`)}
                {alert.resolvedAt ? ` · ${t('alerts.resolvedAt', { at: formatDateTime(alert.resolvedAt, locale, timeZone) })}` : ''}
              </p>
              <p>{text(alert, e.metric)}</p>
              <table className="table" style={{ maxWidth: 560 }}>
                <tbody>
                  <tr>
                    <th>{t('alerts.value')}</th>
                    <td className="num" data-testid="alert-value">{figure(alert, e.value)}</td>
                  </tr>
                  <tr>
                    <th>{t('alerts.baselineLabel')}</th>
                    <td className="num" data-testid="alert-baseline">
                      {figure(alert, e.baseline)} <span className="muted small">{text(alert, e.baselineText)}</span>
                    </td>
                  </tr>
                  <tr>
                    <th>{t('alerts.change')}</th>
                    <td className="num" data-testid="alert-change">
                      {figure(alert, e.change)}
                      {e.changeRatio !== null ? ` (${e.changeRatio > 0 ? '+' : ''}${percent(e.changeRatio)})` : ''}
                    </td>
                  </tr>
                </tbody>
              </table>
              {e.band ? (
                <p className="small">
                  {t('alerts.band', {
                    lower: figure(alert, e.band.lower),
                    upper: figure(alert, e.band.upper),
                    source: t(e.band.source === 'owner' ? 'alerts.band.owner' : 'alerts.band.history'),
                  })}
                </p>
              ) : null}
              {e.window ? <p className="muted small">{t('alerts.window', e.window)}</p> : null}
              <h3 className="small">{t('alerts.causes')}</h3>
              {e.causes.length === 0 ? (
                <p className="muted small">{t('alerts.noCauses')}</p>
              ) : (
                <ul data-testid="alert-causes">
                  {e.causes.map((cause, i) => (
                    <li key={i}>{text(alert, cause)}</li>
                  ))}
                </ul>
              )}
              <div className="page-actions">
                {e.action ? (
                  <button type="button" className="button button-small button-primary" onClick={() => void act(alert)} data-testid="alert-action">
                    {t(`alerts.action.${e.action.kind}`)}
                  </button>
                ) : null}
                {alert.status === 'new' ? (
                  <button type="button" className="button button-small" onClick={() => void mark([alert.id], 'seen')} data-testid="alert-seen">
                    {t('alerts.markSeen')}
                  </button>
                ) : null}
                {alert.status !== 'resolved' ? (
                  <button type="button" className="button button-small" onClick={() => void mark([alert.id], 'resolved')} data-testid="alert-resolve">
                    {t('alerts.markResolved')}
                  </button>
                ) : null}
              </div>
            </section>
          );
        })}
      </div>
      {data && data.total > data.alerts.length ? (
        <p className="muted small">
          {t('alerts.shown', { shown: data.alerts.length, total: data.total })}{' '}
          <button type="button" className="button button-small" onClick={() => setLimit((n) => Math.min(500, n + 100))} disabled={limit >= 500} data-testid="alerts-more">
            {t('alerts.more')}
          </button>
        </p>
      ) : null}
      <LimitsEditor currency={currency} onSaved={() => showSuccess('alerts.limits.saved')} onError={showError} />
    </div>
  );
}

/** The owner's limits per daily KPI: money in the shop currency, return rate in %. */
function LimitsEditor({ currency, onSaved, onError }: { currency: string; onSaved: () => void; onError: (error: unknown) => void }): ReactNode {
  const { t } = useI18n();
  const [drafts, setDrafts] = useState<Record<AlertKpi, { lower: string; upper: string }> | null>(null);
  // Typed limits are read like every typed number (components/number-field.tsx); a refused save shows why.
  const numbers = useNumberInput();
  const [tried, setTried] = useState<AlertKpi | null>(null);
  const rules: Record<AlertKpi, NumberRule> = { netSales: moneyRule(currency), orders: { integer: true, min: 0 }, returnRate: { min: 0, max: 100, decimals: 2 } };
  const { write } = numbers;
  const toShown = useCallback(
    (kpi: AlertKpi, value: number | null) =>
      value === null ? '' : write(kpi === 'netSales' ? minorToMajor(value, currency) : kpi === 'returnRate' ? Math.round(value * 10000) / 100 : value),
    [currency, write],
  );
  const toStored = (kpi: AlertKpi, value: number | null): number | null => {
    if (value === null) return null;
    return kpi === 'netSales' ? majorToMinor(value, currency) : kpi === 'returnRate' ? value / 100 : Math.round(value);
  };
  const fill = useCallback(
    (limits: MethodOutput<'alerts.limits.get'>['limits']) => {
      const next = { netSales: { lower: '', upper: '' }, orders: { lower: '', upper: '' }, returnRate: { lower: '', upper: '' } };
      for (const limit of limits) next[limit.kpi] = { lower: toShown(limit.kpi, limit.lower), upper: toShown(limit.kpi, limit.upper) };
      setDrafts(next);
    },
    [toShown],
  );
  useEffect(() => {
    void call('alerts.limits.get', {}).then((answer) => fill(answer.limits), onError);
  }, [fill, onError]);
  const save = async (kpi: AlertKpi) => {
    if (!drafts) return;
    const lower = numbers.check(drafts[kpi].lower, rules[kpi]);
    const upper = numbers.check(drafts[kpi].upper, rules[kpi]);
    if (!lower.ok || !upper.ok) {
      setTried(kpi);
      return;
    }
    try {
      const answer = await call('alerts.limits.set', { kpi, lower: toStored(kpi, lower.value), upper: toStored(kpi, upper.value) });
      fill(answer.limits);
      setTried(null);
      onSaved();
    } catch (error) {
      onError(error);
    }
  };
  if (!drafts) return null;
  return (
    <section className="card" data-testid="alert-limits" style={{ marginTop: 16 }}>
      <h2>{t('alerts.limits.heading')}</h2>
      <p className="muted small">{t('alerts.limits.hint')}</p>
      <table className="table" style={{ maxWidth: 640 }}>
        <thead>
          <tr>
            <th />
            <th>{t('alerts.limits.lower')}</th>
            <th>{t('alerts.limits.upper')}</th>
            <th />
          </tr>
        </thead>
        <tbody>
          {(['netSales', 'orders', 'returnRate'] as const).map((kpi) => (
            <tr key={kpi}>
              <th>{t(`alerts.kpi.${kpi}`)}</th>
              {(['lower', 'upper'] as const).map((side) => (
                <td key={side}>
                  <NumberField
                    rule={rules[kpi]}
                    showProblem={tried === kpi}
                    value={drafts[kpi][side]}
                    aria-label={`${t(`alerts.kpi.${kpi}`)} ${t(`alerts.limits.${side}`)}`}
                    data-testid={`limit-${kpi}-${side}`}
                    onChange={(text) => setDrafts({ ...drafts, [kpi]: { ...drafts[kpi], [side]: text } })}
                  />
                </td>
              ))}
              <td>
                <button type="button" className="button button-small" onClick={() => void save(kpi)} data-testid={`limit-${kpi}-save`}>
                  {t('alerts.limits.save')}
                </button>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </section>
  );
}
