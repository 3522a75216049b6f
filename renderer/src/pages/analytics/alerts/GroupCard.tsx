// One group of alerts: its rule and supplier / category (or the one thing it is
// about), how many, the worst items by the rule's own measure, and one click to
// act on all of it; open it for the list, mark it seen or resolved.
import type { ReactNode } from 'react';
import type { AlertGroup } from '../../../../../src/alerts/contract.js';
import { useI18n } from '../../../i18n/context.js';
import { severityStyle, useAlertText } from './alert-text.js';

/** "Supplier Acme", "Category Home", or the title of the one alert the group is about. */
export function useGroupName(): (group: AlertGroup) => string {
  const { t } = useI18n();
  const { text } = useAlertText();
  return (group) => {
    const first = group.worst[0]?.alert;
    if (group.kind === 'subject') return group.title && first ? text(first, group.title) : '';
    if (group.name === null) return t('alertGroups.kind.noCategory');
    return t(group.kind === 'supplier' ? 'alertGroups.kind.supplier' : 'alertGroups.kind.category', { name: group.name });
  };
}

export function GroupCard(props: {
  group: AlertGroup;
  onAct: (group: AlertGroup) => void;
  onOpen: (group: AlertGroup) => void;
  onMark: (group: AlertGroup, next: 'seen' | 'resolved') => void;
  /** False when the list shows resolved alerts only. */
  resolvable: boolean;
}): ReactNode {
  const { group, onAct, onOpen, onMark, resolvable } = props;
  const { t } = useI18n();
  const { text, measure } = useAlertText();
  const nameOf = useGroupName();
  // The item itself (SKU, product or category name), not its whole alert title: the group already says what is wrong.
  const itemOf = (alert: AlertGroup['worst'][number]['alert']): string => {
    const { sku, name } = alert.explanation.title.params;
    return typeof sku === 'string' ? sku : typeof name === 'string' ? name : text(alert, alert.explanation.title);
  };
  return (
    <section className="card alert-group" data-testid="alert-group" data-key={group.key} data-rule={group.rule} style={{ marginBottom: 8, padding: '10px 14px' }}>
      <div style={{ display: 'flex', gap: 12, alignItems: 'baseline', flexWrap: 'wrap' }}>
        <span className="badge" style={severityStyle[group.severity]}>
          {t(`alerts.severity.${group.severity}`)}
        </span>
        {group.urgent ? (
          <span className="badge" style={severityStyle.critical} data-testid="alert-group-urgent">
            {t('alertGroups.urgent')}
          </span>
        ) : null}
        <strong data-testid="alert-group-title">{t('alertGroups.groupHeading', { rule: t(`alertGroups.rule.${group.rule}`), name: nameOf(group) })}</strong>
        <span className="muted small" data-testid="alert-group-count">
          {t('alertGroups.count', { count: group.count })}
          {group.newCount > 0 ? ` · ${t('alertGroups.newCount', { count: group.newCount })}` : ''}
        </span>
      </div>
      {group.kind !== 'subject' || group.count > 1 ? (
        <p className="small" style={{ margin: '6px 0' }}>
          <span className="muted">{t('alertGroups.worst')}: </span>
          <span data-testid="alert-group-worst">
            {group.worst.map(({ alert, measure: m }, i) => (
              <span key={alert.id} data-testid="alert-group-item">
                {i > 0 ? ' · ' : ''}
                <span title={text(alert, alert.explanation.title)}>{itemOf(alert)}</span> <span className="muted">({measure(m)})</span>
              </span>
            ))}
          </span>
        </p>
      ) : null}
      <div className="page-actions" style={{ justifyContent: 'flex-start' }}>
        {group.action ? (
          <button type="button" className="button button-small button-primary" onClick={() => onAct(group)} data-testid="alert-group-action">
            {t(`alertGroups.action.${group.action.kind}`)}
          </button>
        ) : null}
        <button type="button" className="button button-small" onClick={() => onOpen(group)} data-testid="alert-group-open">
          {t('alertGroups.open')}
        </button>
        {group.newCount > 0 ? (
          <button type="button" className="button button-small" onClick={() => onMark(group, 'seen')} data-testid="alert-group-seen">
            {t('alertGroups.markSeen')}
          </button>
        ) : null}
        {resolvable ? (
          <button type="button" className="button button-small" onClick={() => onMark(group, 'resolved')} data-testid="alert-group-resolve">
            {t('alertGroups.markResolved')}
          </button>
        ) : null}
      </div>
    </section>
  );
}
