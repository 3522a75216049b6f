// The Purchasing area: orders, suppliers, reorder suggestions and the supplier
// scorecard (#/purchasing/orders/12, #/purchasing/reorder, …).
import type { ReactNode } from 'react';
import { routeHref } from '../../app/route.js';
import { useI18n } from '../../i18n/context.js';
import { OrderPage } from './OrderPage.js';
import { OrdersPage } from './OrdersPage.js';
import { ReorderPage } from './ReorderPage.js';
import { ScorecardPage } from './ScorecardPage.js';
import { SuppliersPage } from './SuppliersPage.js';

const tabs = ['orders', 'reorder', 'suppliers', 'scorecard'] as const;
type Tab = (typeof tabs)[number];

export function PurchasingArea({ route }: { route: readonly string[] }): ReactNode {
  const { t } = useI18n();
  const tab: Tab = tabs.find((candidate) => candidate === route[0]) ?? 'orders';
  const id = Number(route[1]);
  const detail = Number.isInteger(id) && id > 0 ? id : null;
  return (
    <div className="page">
      <div className="page-header">
        <h1>{t('nav.purchasing')}</h1>
        <nav className="tabs" aria-label={t('nav.purchasing')}>
          {tabs.map((name) => (
            <a key={name} href={routeHref('purchasing', name)} className={name === tab ? 'tab active' : 'tab'} data-testid={`purchasing-tab-${name}`}>
              {t(`purchasing.tab.${name}`)}
            </a>
          ))}
        </nav>
      </div>
      {tab === 'orders' ? detail ? <OrderPage key={detail} purchaseOrderId={detail} /> : <OrdersPage /> : null}
      {tab === 'reorder' ? <ReorderPage /> : null}
      {tab === 'suppliers' ? <SuppliersPage /> : null}
      {tab === 'scorecard' ? <ScorecardPage /> : null}
    </div>
  );
}
