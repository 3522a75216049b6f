// One promotion (#/promotions/<id>/<tab>): its name, type, status and window on
// top with what can be done now, then tabs — Overview (the rule, targets,
// stacking, status history with any override, the conflict and margin check,
// and how it goes out to each channel), Simulation, Coupons (coupon and segment
// promotions) and Evaluation. #/promotions/<id>/edit is the editor.
import type { ReactNode } from 'react';
import type { PromotionDetail } from '../../../../src/promotions/contract.js';
import { toApiError } from '../../api/api-error.js';
import { call } from '../../api/client.js';
import { routeHref } from '../../app/route.js';
import { useShop } from '../../app/shop-context.js';
import { EmptyState } from '../../components/EmptyState.js';
import { Loaded } from '../../components/Loading.js';
import { useLoad } from '../../components/use-load.js';
import { useI18n } from '../../i18n/context.js';
import { formatDateTime, formatNumber } from '../../i18n/format.js';
import { CouponsPanel, EvaluationPanel, SimulationPanel } from './insight/index.js';
import { CheckView } from './CheckView.js';
import { PromotionActions } from './PromotionActions.js';
import { PromotionEditor } from './PromotionEditor.js';
import { formatBp, formatWindow, keyedText, ruleSummary, typeName } from './promotion-texts.js';
import { StatusChip } from './StatusChip.js';
import { usePromotionsRefresh } from './use-promotions-refresh.js';

export const promotionTabs = ['overview', 'simulation', 'coupons', 'evaluation'] as const;
export type PromotionTab = (typeof promotionTabs)[number] | 'edit';

/** The Coupons tab is for coupon campaigns and segment promotions only. */
function hasCoupons(promotion: PromotionDetail): boolean {
  return promotion.type === 'coupon' || promotion.segmentCode !== null;
}

export function PromotionPage({ promotionId, tab }: { promotionId: number; tab: PromotionTab }): ReactNode {
  // A promotion deleted meanwhile (or undone in History) says so instead of failing to load.
  const load = useLoad(
    () =>
      call('promotions.get', { promotionId }).catch((error: unknown) => {
        if (toApiError(error).code === 'NOT_FOUND') return null;
        throw error;
      }),
    [promotionId],
  );
  usePromotionsRefresh(load.reload);
  return (
    <Loaded load={load} lines={8}>
      {(promotion) =>
        promotion === null ? (
          <PromotionNotFound />
        ) : tab === 'edit' && promotion.status !== 'ended' && promotion.status !== 'cancelled' ? (
          <PromotionEditor key={promotion.updatedAt} detail={promotion} />
        ) : (
          // A finished promotion cannot be edited (nor has it a Coupons tab unless it is a coupon or segment one): its overview instead.
          <PromotionView promotion={promotion} tab={tab === 'edit' || (tab === 'coupons' && !hasCoupons(promotion)) ? 'overview' : tab} reload={load.reload} />
        )
      }
    </Loaded>
  );
}

function PromotionView({ promotion, tab, reload }: { promotion: PromotionDetail; tab: Exclude<PromotionTab, 'edit'>; reload: () => void }): ReactNode {
  const { t, locale } = useI18n();
  const { settings } = useShop();
  const tabs = promotionTabs.filter((name) => name !== 'coupons' || hasCoupons(promotion));
  return (
    <>
      <div className="card promo-head" data-testid="promo-head">
        <div className="promo-head-title">
          <a href={routeHref('promotions')} className="muted small">
            ← {t('promotions.back')}
          </a>
          <h2 data-testid="promo-title">{promotion.name}</h2>
          <span className="pill">{typeName(t, promotion.type)}</span>
          <StatusChip status={promotion.status} />
          <PromotionActions promotion={promotion} onChanged={reload} />
        </div>
        <p className="muted" data-testid="promo-window">
          {formatWindow(promotion.startsAt, promotion.endsAt, locale, settings.timeZone)} <span className="small">({settings.timeZone})</span>
        </p>
      </div>
      <nav className="tabs page-tabs" aria-label={promotion.name}>
        {tabs.map((name) => (
          <a key={name} href={routeHref('promotions', promotion.id, name)} className={name === tab ? 'tab active' : 'tab'} data-testid={`promo-tab-${name}`}>
            {t(`promotions.pageTab.${name}`)}
          </a>
        ))}
      </nav>
      {tab === 'overview' ? <Overview promotion={promotion} /> : null}
      {tab === 'simulation' ? <SimulationPanel promotionId={promotion.id} onChanged={reload} /> : null}
      {tab === 'coupons' ? <CouponsPanel promotionId={promotion.id} onChanged={reload} /> : null}
      {tab === 'evaluation' ? <EvaluationPanel promotionId={promotion.id} onChanged={reload} /> : null}
    </>
  );
}

function Overview({ promotion }: { promotion: PromotionDetail }): ReactNode {
  const i18n = useI18n();
  const { t, locale } = i18n;
  const { settings } = useShop();
  const when = (iso: string | null) => (iso ? formatDateTime(iso, locale, settings.timeZone) : '—');
  // The check follows the saved promotion: reloaded with it (updatedAt changes on every save).
  const check = useLoad(() => call('promotions.check', { promotionId: promotion.id }), [promotion.id, promotion.updatedAt, promotion.status]);
  return (
    <div className="promo-overview">
      <section className="card" data-testid="promo-summary">
        <h2>{t('promotions.overview.rule')}</h2>
        <p data-testid="promo-rule-summary">
          <strong>{typeName(t, promotion.type)}</strong> · {ruleSummary(promotion.rule, t, locale, settings.currency)}
        </p>
        {promotion.type === 'buy_x_get_y' ? <p className="muted small">{t('promotions.rule.cheapestNote')}</p> : null}
        <dl className="promo-facts">
          <div>
            <dt>{t('promotions.field.targets')}</dt>
            <dd data-testid="promo-targets-summary">
              {promotion.targets.scope === 'shop'
                ? t('promotions.scope.shop')
                : promotion.targetLabels.map((label) => `${t(`promotions.targetKind.${label.kind as 'product'}`)} ${label.label}`).join(', ')}
              <span className="muted small block">{t('promotions.variantCount', { count: formatNumber(promotion.variantCount, locale) })}</span>
            </dd>
          </div>
          <div>
            <dt>{t('promotions.field.channels')}</dt>
            <dd>{promotion.channels === 'all' ? t('promotions.channels.all') : promotion.channels.map((c) => c.name).join(', ')}</dd>
          </div>
          <div>
            <dt>{t('promotions.field.stacking')}</dt>
            <dd>
              {t(`promotions.stacking.${promotion.stacking}`)} · {t('promotions.priorityShort', { priority: promotion.priority })}
            </dd>
          </div>
          {promotion.segmentCode ? (
            <div>
              <dt>{t('promotions.field.segment')}</dt>
              <dd>
                {t(`analytics.segment.${promotion.segmentCode}`)}
                {promotion.controlShareBp > 0 ? ` · ${t('promotions.controlShort', { share: formatBp(promotion.controlShareBp, locale) })}` : ''}
              </dd>
            </div>
          ) : null}
          <div>
            <dt>
              {t('promotions.field.uplift')} <span className="pill">{t('promotions.assumption')}</span>
            </dt>
            <dd>{promotion.upliftAssumptionBp === null ? '—' : formatBp(promotion.upliftAssumptionBp, locale)}</dd>
          </div>
        </dl>
        <p className="muted small">{t('promotions.stackingRule')}</p>
        {promotion.note ? <p className="promo-note">{promotion.note}</p> : null}
      </section>

      <section className="card" data-testid="promo-status-history">
        <h2>{t('promotions.overview.status')}</h2>
        <dl className="promo-facts">
          <div>
            <dt>{t('promotions.overview.created')}</dt>
            <dd>{when(promotion.createdAt)}</dd>
          </div>
          <div>
            <dt>{t('promotions.overview.started')}</dt>
            <dd data-testid="promo-started">{when(promotion.startedAt)}</dd>
          </div>
          <div>
            <dt>{t('promotions.overview.finished')}</dt>
            <dd data-testid="promo-finished">{when(promotion.finishedAt)}</dd>
          </div>
        </dl>
        {promotion.overrideReason ? (
          <p className="note" data-testid="promo-override-note">
            {t('promotions.overview.override', { reason: promotion.overrideReason, by: promotion.overrideBy ?? '—', at: when(promotion.overrideAt) })}
          </p>
        ) : null}
        <p className="muted small">
          <a href={routeHref('history')}>{t('promotions.overview.history')}</a>
        </p>
      </section>

      <section className="card" data-testid="promo-push">
        <h2>{t('promotions.push.title')}</h2>
        {promotion.push.length === 0 ? (
          <p className="muted small">{t('promotions.push.noChannels')}</p>
        ) : (
          <ul className="promo-push-list">
            {promotion.push.map((push) => (
              <li key={push.channelId} data-testid="promo-push-row" className={push.pushed ? 'promo-pushed' : 'promo-not-pushed'}>
                {push.pushed ? (
                  <>
                    <strong>{push.channelName}</strong> {t('promotions.push.pushed')}
                  </>
                ) : (
                  <strong>{t('promotions.push.notPushed', { channel: push.channelName })}</strong>
                )}
                {push.reason ? <span className="muted small block">{keyedText(push.reason, i18n, 'promotions.push.', 'promotions.push.notPushedOther')}</span> : null}
              </li>
            ))}
          </ul>
        )}
      </section>

      <section className="card promo-wide">
        <h2>{t('promotions.check.title')}</h2>
        <Loaded load={check} lines={4}>
          {(result) => <CheckView check={result} />}
        </Loaded>
      </section>
    </div>
  );
}

function PromotionNotFound(): ReactNode {
  const { t } = useI18n();
  return <EmptyState title={t('promotions.notFound')} action={{ label: t('promotions.back'), href: routeHref('promotions') }} testId="promo-not-found" />;
}
