// The Promotions area (issue 15): the list (#/promotions), the calendar
// (#/promotions/calendar), results of running and ended promotions
// (#/promotions/results), the margin floors (#/promotions/settings), a new
// promotion (#/promotions/new) and one promotion with its tabs
// (#/promotions/<id>/<tab>, #/promotions/<id>/edit).
import type { ReactNode } from 'react';
import { routeHref } from '../../app/route.js';
import { useI18n } from '../../i18n/context.js';
import { CalendarPage } from './CalendarPage.js';
import { ResultsPage } from './insight/index.js';
import { PromotionEditor } from './PromotionEditor.js';
import { PromotionPage, promotionTabs, type PromotionTab } from './PromotionPage.js';
import { PromotionSettings } from './PromotionSettings.js';
import { PromotionsList } from './PromotionsList.js';
import './promotions.css';

const areaTabs = ['list', 'calendar', 'results', 'settings'] as const;
type AreaTab = (typeof areaTabs)[number];

export function PromotionsArea({ route }: { route: readonly string[] }): ReactNode {
  const { t } = useI18n();
  const id = Number(route[0]);
  const promotionId = Number.isInteger(id) && id > 0 ? id : null;
  const top: AreaTab = areaTabs.find((tab) => tab !== 'list' && tab === route[0]) ?? 'list';
  const tab: PromotionTab = route[1] === 'edit' ? 'edit' : (promotionTabs.find((name) => name === route[1]) ?? 'overview');
  return (
    <div className="page page-promotions">
      <div className="page-header">
        <h1>{t('nav.promotions')}</h1>
        <nav className="tabs" aria-label={t('nav.promotions')}>
          {areaTabs.map((name) => (
            <a
              key={name}
              href={name === 'list' ? routeHref('promotions') : routeHref('promotions', name)}
              className={name === top && route[0] !== 'new' && !promotionId ? 'tab active' : 'tab'}
              data-testid={`promotions-tab-${name}`}
            >
              {t(`promotions.tab.${name}`)}
            </a>
          ))}
        </nav>
      </div>
      {route[0] === 'new' ? (
        <PromotionEditor detail={null} />
      ) : promotionId ? (
        <PromotionPage key={promotionId} promotionId={promotionId} tab={tab} />
      ) : top === 'calendar' ? (
        <CalendarPage />
      ) : top === 'results' ? (
        <ResultsPage />
      ) : top === 'settings' ? (
        <PromotionSettings />
      ) : (
        <PromotionsList />
      )}
    </div>
  );
}
