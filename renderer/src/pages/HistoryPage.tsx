// History: what happened in the shop. Two views of one record: "Changes" — the change
// sets (catalog, stock, imports, promotions) with Undo — and "Audit log" — every change
// in every area by every person, with where it came from and each field's before and
// after. A broken hash chain (the file changed outside Shopdesk) is said above both.
import type { ReactNode } from 'react';
import { routeHref, useRoute } from '../app/route.js';
import { useI18n } from '../i18n/context.js';
import { AuditLogView } from './history/AuditLogView.js';
import { ChainBanner } from './history/ChainBanner.js';
import { ChangeSetsView } from './history/ChangeSetsView.js';

export function HistoryPage(): ReactNode {
  const { t } = useI18n();
  const route = useRoute();
  const view = route.rest[0] === 'audit' ? 'audit' : 'changes';
  return (
    <div className="page">
      <div className="page-header">
        <h1>{t('history.title')}</h1>
        <nav className="tabs" aria-label={t('history.title')}>
          <a href={routeHref('history')} className={view === 'changes' ? 'tab active' : 'tab'} data-testid="history-tab-changes">
            {t('audit.tab.changes')}
          </a>
          <a href={routeHref('history', 'audit')} className={view === 'audit' ? 'tab active' : 'tab'} data-testid="history-tab-audit">
            {t('audit.tab.log')}
          </a>
        </nav>
      </div>
      <ChainBanner />
      {view === 'audit' ? <AuditLogView /> : <ChangeSetsView />}
    </div>
  );
}
