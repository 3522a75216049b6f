// Alerts a person can read (issue 16): the alerts grouped by rule × supplier /
// category (or the one thing they are about), groups that need action first,
// each with its worst items and one click to act (the supplier's draft PO,
// open Stock / Reorder / the report); a group opens into its explained alerts.
// Also: check now, filter by status, and the owner's limits on daily KPIs.
import { useCallback, useEffect, useState, type ReactNode } from 'react';
import type { Alert, AlertGroup, AlertStatus } from '../../../../src/alerts/contract.js';
import type { MethodOutput } from '../../../../src/contract.js';
import { call, onEvent } from '../../api/client.js';
import { navigate } from '../../app/route.js';
import { useShop } from '../../app/shop-context.js';
import { useToasts } from '../../components/toasts.js';
import { EmptyState } from '../../components/EmptyState.js';
import { PanelSkeleton } from '../../components/Loading.js';
import { useI18n } from '../../i18n/context.js';
import { AlertCard } from './alerts/AlertCard.js';
import { alertsChanged, severityStyle } from './alerts/alert-text.js';
import { GroupCard, useGroupName } from './alerts/GroupCard.js';
import { LimitsEditor } from './alerts/LimitsEditor.js';
import { afterFirstScreen } from '../../components/use-first-screen.js';

type Grouped = MethodOutput<'alerts.groups'>;
type Listed = MethodOutput<'alerts.list'>;
const statuses: readonly AlertStatus[] = ['new', 'seen', 'resolved'];

/** Beside the Alerts tab: the groups of new alerts that need action (not the alerts); follows evaluations and this page. */
export function NewAlertsBadge(): ReactNode {
  const { t } = useI18n();
  const [count, setCount] = useState(0);
  useEffect(() => {
    const load = () => void call('alerts.groups', { status: 'new' }).then((answer) => setCount(answer.needAction), () => undefined);
    // After the tab's first screen: the core answers one call at a time, and the badge must not hold up the figures.
    const cancelFirst = afterFirstScreen(null, load);
    window.addEventListener(alertsChanged, load);
    const unsubscribe = onEvent('alerts.raised', load);
    return () => {
      cancelFirst();
      window.removeEventListener(alertsChanged, load);
      unsubscribe();
    };
  }, []);
  return count > 0 ? (
    <span className="badge" style={{ ...severityStyle.critical, marginLeft: 6 }} title={t('alertGroups.badgeTitle')} data-testid="alerts-badge">
      {count}
    </span>
  ) : null;
}

export function AlertsPage(): ReactNode {
  const { t } = useI18n();
  const { settings } = useShop();
  const { showError, showSuccess } = useToasts();
  const currency = settings?.currency ?? 'USD';
  const nameOf = useGroupName();
  const [status, setStatus] = useState<AlertStatus | undefined>('new');
  const [grouped, setGrouped] = useState<Grouped | null>(null);
  const [opened, setOpened] = useState<AlertGroup | null>(null);
  const [listed, setListed] = useState<Listed | null>(null);
  // The last check's figures, translated when shown (the language can change after the click).
  const [checked, setChecked] = useState<MethodOutput<'alerts.evaluate'> | null>(null);
  const [limit, setLimit] = useState(100);

  const load = useCallback(() => {
    void call('alerts.groups', { status }).then(setGrouped, showError);
    if (opened) void call('alerts.list', { status, group: opened.key, offset: 0, limit }).then(setListed, showError);
    window.dispatchEvent(new Event(alertsChanged));
  }, [status, opened, limit, showError]);
  useEffect(load, [load]);
  useEffect(() => onEvent('alerts.raised', load), [load]);

  const checkNow = async () => {
    try {
      const result = await call('alerts.evaluate', {});
      setChecked(result);
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
  const markGroup = async (group: AlertGroup, next: 'seen' | 'resolved') => {
    try {
      await call('alerts.groups.setStatus', { group: group.key, status: next });
      load();
    } catch (error) {
      showError(error);
    }
  };
  const createPo = async (supplierId: number, locationId: number | null, variantIds: number[]) => {
    if (locationId === null) return navigate('purchasing', 'reorder');
    try {
      const created = await call('reorder.createDraft', { supplierId, locationId, variantIds });
      navigate('purchasing', 'orders', created.purchaseOrderId);
    } catch (error) {
      showError(error);
    }
  };
  const actOnAlert = (alert: Alert) => {
    const action = alert.explanation.action;
    if (!action) return;
    if (action.kind === 'openProduct') navigate('products', action.productId);
    else if (action.kind === 'openReport') navigate('analytics', ...(action.report === 'dashboard' ? [] : [action.report]));
    else if (action.kind === 'openChannel') navigate('channels', action.channelId);
    else if (action.kind === 'openPromotion') navigate('promotions', action.promotionId);
    else void createPo(action.supplierId, action.locationId, action.variantIds);
  };
  const actOnGroup = async (group: AlertGroup) => {
    const action = group.action;
    if (!action) return;
    if (action.kind === 'openStock') navigate('stock');
    else if (action.kind === 'openReorder') navigate('purchasing', 'reorder');
    else if (action.kind === 'openReport') navigate('analytics', ...(action.report === 'dashboard' ? [] : [action.report]));
    else if (action.kind === 'openProduct') navigate('products', action.productId);
    else if (action.kind === 'openChannel') navigate('channels', action.channelId);
    else if (action.kind === 'openPromotion') navigate('promotions', action.promotionId);
    else {
      try {
        // The group's items the Reorder page suggests now, in one draft PO; the group's alerts become seen.
        const created = await call('alerts.groups.createPo', { group: group.key });
        window.dispatchEvent(new Event(alertsChanged));
        navigate('purchasing', 'orders', created.purchaseOrderId);
      } catch (error) {
        showError(error);
      }
    }
  };
  const openGroup = (group: AlertGroup | null) => {
    setListed(null);
    setLimit(100);
    setOpened(group);
  };

  const groups = grouped?.groups ?? [];
  const acting = groups.filter((group) => group.needsAction || status !== 'new');
  const informing = status === 'new' ? groups.filter((group) => !group.needsAction) : [];
  const card = (group: AlertGroup) => (
    <GroupCard key={group.key} group={group} onAct={(g) => void actOnGroup(g)} onOpen={openGroup} onMark={(g, next) => void markGroup(g, next)} resolvable={status !== 'resolved'} />
  );

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
      <p className="muted small">{t('alertGroups.intro')}</p>
      {checked ? <p className="small" data-testid="alerts-checked">{t('alerts.checked', checked)}</p> : null}
      <div className="chips" role="group">
        {statuses.map((name) => (
          <button key={name} type="button" className={status === name ? 'chip active' : 'chip'} onClick={() => setStatus(name)} data-testid={`alerts-filter-${name}`}>
            {t(`alerts.status.${name}`)} (<span data-testid={`alerts-${name}-count`}>{grouped?.counts[name] ?? 0}</span>)
          </button>
        ))}
        <button type="button" className={status === undefined ? 'chip active' : 'chip'} onClick={() => setStatus(undefined)} data-testid="alerts-filter-all">
          {t('alerts.filter.all')}
        </button>
      </div>
      {grouped === null ? <PanelSkeleton lines={6} /> : null}
      {opened ? (
        <section data-testid="alert-group-detail">
          <div className="page-actions" style={{ margin: '12px 0' }}>
            <button type="button" className="button button-small" onClick={() => openGroup(null)} data-testid="alert-group-back">
              ← {t('alertGroups.back')}
            </button>
          </div>
          <h2 data-testid="alert-group-detail-title">{t('alertGroups.groupHeading', { rule: t(`alertGroups.rule.${opened.rule}`), name: nameOf(opened) })}</h2>
          <div className="page-actions" style={{ justifyContent: 'flex-start', marginBottom: 12 }}>
            {opened.action ? (
              <button type="button" className="button button-small button-primary" onClick={() => void actOnGroup(opened)} data-testid="alert-group-detail-action">
                {t(`alertGroups.action.${opened.action.kind}`)}
              </button>
            ) : null}
            {status !== 'resolved' ? (
              <>
                <button type="button" className="button button-small" onClick={() => void markGroup(opened, 'seen')} data-testid="alert-group-detail-seen">
                  {t('alertGroups.markSeen')}
                </button>
                <button type="button" className="button button-small" onClick={() => void markGroup(opened, 'resolved')} data-testid="alert-group-detail-resolve">
                  {t('alertGroups.markResolved')}
                </button>
              </>
            ) : null}
          </div>
          {listed === null ? <PanelSkeleton lines={4} /> : null}
          {listed && listed.alerts.length === 0 ? <EmptyState title={t('alerts.empty')} testId="alerts-empty" /> : null}
          <div className="alert-list">
            {listed?.alerts.map((alert) => <AlertCard key={alert.id} alert={alert} onAct={actOnAlert} onMark={(ids, next) => void mark(ids, next)} />)}
          </div>
          {listed && listed.total > listed.alerts.length ? (
            <p className="muted small">
              {t('alerts.shown', { shown: listed.alerts.length, total: listed.total })}{' '}
              <button type="button" className="button button-small" onClick={() => setLimit((n) => Math.min(500, n + 100))} disabled={limit >= 500} data-testid="alerts-more">
                {t('alerts.more')}
              </button>
            </p>
          ) : null}
        </section>
      ) : (
        <>
          {grouped && groups.length === 0 ? (
            <EmptyState title={status === 'new' ? t('pages.empty.alertsNew') : t('alerts.empty')} hint={t('pages.empty.alertsHint')} testId="alerts-empty" />
          ) : null}
          {grouped && groups.length > 0 ? (
            <p className="small" data-testid="alert-groups-need-action">
              {grouped.needAction > 0 ? t('alertGroups.needAction', { count: grouped.needAction }) : t('alertGroups.noneNeedAction')}
            </p>
          ) : null}
          <div className="alert-groups">{acting.map(card)}</div>
          {informing.length > 0 ? (
            <details data-testid="alert-groups-info">
              <summary>{t('alertGroups.forInformation', { count: informing.length })}</summary>
              {informing.map(card)}
            </details>
          ) : null}
        </>
      )}
      <LimitsEditor currency={currency} onSaved={() => showSuccess('alerts.limits.saved')} onError={showError} />
    </div>
  );
}
