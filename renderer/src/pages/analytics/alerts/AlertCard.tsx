// One alert, explained: what moved against what baseline, the band it left,
// the likely causes, its action, and marking it seen or resolved.
import type { ReactNode } from 'react';
import type { Alert } from '../../../../../src/alerts/contract.js';
import { useShop } from '../../../app/shop-context.js';
import { useI18n } from '../../../i18n/context.js';
import { formatDateTime } from '../../../i18n/format.js';
import { severityStyle, useAlertText } from './alert-text.js';

export function AlertCard(props: { alert: Alert; onAct: (alert: Alert) => void; onMark: (ids: number[], next: 'seen' | 'resolved') => void }): ReactNode {
  const { alert, onAct, onMark } = props;
  const { t, locale } = useI18n();
  const { settings } = useShop();
  const timeZone = settings?.timeZone ?? 'UTC';
  const { figure, percent, text } = useAlertText();
  const e = alert.explanation;
  const shown = (value: number | null) => figure(e.unit, value);
  return (
    <section className="card alert-card" data-testid="alert-card" data-rule={alert.rule} style={{ marginBottom: 12 }}>
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
            <td className="num" data-testid="alert-value">{shown(e.value)}</td>
          </tr>
          <tr>
            <th>{t('alerts.baselineLabel')}</th>
            <td className="num" data-testid="alert-baseline">
              {shown(e.baseline)} <span className="muted small">{text(alert, e.baselineText)}</span>
            </td>
          </tr>
          <tr>
            <th>{t('alerts.change')}</th>
            <td className="num" data-testid="alert-change">
              {shown(e.change)}
              {e.changeRatio !== null ? ` (${e.changeRatio > 0 ? '+' : ''}${percent(e.changeRatio)})` : ''}
            </td>
          </tr>
        </tbody>
      </table>
      {e.band ? (
        <p className="small">
          {t('alerts.band', {
            lower: shown(e.band.lower),
            upper: shown(e.band.upper),
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
          <button type="button" className="button button-small button-primary" onClick={() => onAct(alert)} data-testid="alert-action">
            {t(`alerts.action.${e.action.kind}`)}
          </button>
        ) : null}
        {alert.status === 'new' ? (
          <button type="button" className="button button-small" onClick={() => onMark([alert.id], 'seen')} data-testid="alert-seen">
            {t('alerts.markSeen')}
          </button>
        ) : null}
        {alert.status !== 'resolved' ? (
          <button type="button" className="button button-small" onClick={() => onMark([alert.id], 'resolved')} data-testid="alert-resolve">
            {t('alerts.markResolved')}
          </button>
        ) : null}
      </div>
    </section>
  );
}
