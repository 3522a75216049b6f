// The Stock area: levels, transfers, stocktakes and valuation, each a tab with
// its own route (#/stock/levels, #/stock/transfers/7, #/stock/stocktakes/3, …).
import type { ReactNode } from 'react';
import { routeHref } from '../../app/route.js';
import { useCan } from '../../app/team-context.js';
import { useI18n } from '../../i18n/context.js';
import { StockLevelsPage } from './StockLevelsPage.js';
import { StocktakePage, StocktakesPage } from './StocktakesPage.js';
import { TransferPage, TransfersPage } from './TransfersPage.js';
import { ValuationPage } from './ValuationPage.js';

const tabs = ['levels', 'transfers', 'stocktakes', 'valuation'] as const;
type Tab = (typeof tabs)[number];

export function StockArea({ route }: { route: readonly string[] }): ReactNode {
  const { t } = useI18n();
  // Valuation is stock at cost as a whole (stock.valuation needs costs.view): no tab without it.
  const seesCosts = useCan()('costs.view');
  const shownTabs = seesCosts ? tabs : tabs.filter((name) => name !== 'valuation');
  const tab: Tab = shownTabs.find((candidate) => candidate === route[0]) ?? 'levels';
  const id = Number(route[1]);
  const detail = Number.isInteger(id) && id > 0 ? id : null;
  return (
    <div className="page">
      <div className="page-header">
        <h1>{t('nav.stock')}</h1>
        <nav className="tabs" aria-label={t('nav.stock')}>
          {shownTabs.map((name) => (
            <a key={name} href={routeHref('stock', name)} className={name === tab ? 'tab active' : 'tab'} data-testid={`stock-tab-${name}`}>
              {t(`stock.tab.${name}`)}
            </a>
          ))}
        </nav>
      </div>
      {tab === 'levels' ? <StockLevelsPage /> : null}
      {tab === 'transfers' ? detail ? <TransferPage key={detail} transferId={detail} /> : <TransfersPage /> : null}
      {tab === 'stocktakes' ? detail ? <StocktakePage key={detail} stocktakeId={detail} /> : <StocktakesPage /> : null}
      {tab === 'valuation' ? <ValuationPage /> : null}
    </div>
  );
}
