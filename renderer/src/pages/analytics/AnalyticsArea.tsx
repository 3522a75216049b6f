// The Analytics area: the dashboard and the reports, each a tab with its own
// route (#/analytics, #/analytics/sales, #/analytics/returns). The tabs carry
// the URL's query (the chosen period and as-of day) from page to page.
import type { ReactNode } from 'react';
import { routeHref } from '../../app/route.js';
import { useI18n } from '../../i18n/context.js';
import { AlertsPage, NewAlertsBadge } from './AlertsPage.js';
import { hashQuery, useHash, withQuery } from './period-route.js';
import { CustomersReportPage } from './CustomersReportPage.js';
import { DashboardPage } from './DashboardPage.js';
import { InventoryReportPage } from './InventoryReportPage.js';
import { ProductsReportPage } from './ProductsReportPage.js';
import { ReportsPage } from './ReportsPage.js';
import { ReturnsReportPage } from './ReturnsReportPage.js';
import { SalesReportPage } from './SalesReportPage.js';

const tabs = ['dashboard', 'sales', 'products', 'inventory', 'customers', 'returns', 'reports', 'alerts'] as const;
type Tab = (typeof tabs)[number];

export function AnalyticsArea({ route }: { route: readonly string[] }): ReactNode {
  const { t } = useI18n();
  const tab: Tab = tabs.find((candidate) => candidate === route[0]) ?? 'dashboard';
  const query = hashQuery(useHash());
  return (
    <>
      <nav className="tabs page-tabs" aria-label={t('nav.analytics')}>
        {tabs.map((name) => (
          <a key={name} href={withQuery(routeHref('analytics', ...(name === 'dashboard' ? [] : [name])), query)} className={name === tab ? 'tab active' : 'tab'} data-testid={`analytics-tab-${name}`}>
            {name === 'reports' ? t('reports.tab') : t(`analytics.tab.${name}`)}
            {name === 'alerts' ? <NewAlertsBadge /> : null}
          </a>
        ))}
      </nav>
      {tab === 'dashboard' ? <DashboardPage /> : tab === 'sales' ? <SalesReportPage route={route.slice(1)} /> : tab === 'products' ? <ProductsReportPage /> : tab === 'inventory' ? <InventoryReportPage /> : tab === 'customers' ? <CustomersReportPage /> : tab === 'reports' ? <ReportsPage /> : tab === 'alerts' ? <AlertsPage /> : <ReturnsReportPage />}
    </>
  );
}
