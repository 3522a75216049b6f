// The workstation once a shop is open: left navigation, top bar (shop name,
// demo badge, language, the person menu, jobs tray) and the current page. The
// page lives in the URL hash so a reload stays where the person was. Areas a
// person's role cannot use are left out of the navigation (the core refuses
// their calls anyway); an idle window locks itself.
import { useCallback, useEffect, type ReactNode } from 'react';
import type { Locale } from '../../../src/settings/contract.js';
import type { SessionPerson } from '../../../src/team/contract.js';
import { call } from '../api/client.js';
import { JobsTray } from '../components/JobsTray.js';
import { LanguageSwitch } from '../components/LanguageSwitch.js';
import { useI18n } from '../i18n/context.js';
import { DamagedBanner } from '../pages/backups/DamagedBanner.js';
import { useIdleLock } from '../pages/team/idle-lock.js';
import { PersonMenu } from '../pages/team/PersonMenu.js';
import { navAreas, type NavArea } from './nav.js';
import { useRoute } from './route.js';
import { useShop } from './shop-context.js';
import { useCan, useTeam } from './team-context.js';

/** Areas shown only to a role with one of these permissions (every other area needs only shop.view). */
const areaNeeds: Readonly<Record<string, readonly SessionPerson['permissions'][number][]>> = {
  imports: ['imports.run'],
  settings: ['settings.manage', 'people.manage', 'backups.manage'],
};

export function Shell({ onLocaleChange }: { onLocaleChange: (locale: Locale) => void }): ReactNode {
  const { t } = useI18n();
  const { settings } = useShop();
  const team = useTeam();
  const can = useCan();
  const route = useRoute();
  const visible = navAreas.filter((item) => (areaNeeds[item.id] ?? []).length === 0 || (areaNeeds[item.id] ?? []).some(can));
  const area = visible.find((item) => item.id === route.area) ?? (visible[0] as NavArea);

  const signedIn = team?.status.signInRequired === true && team.status.person !== null;
  const lockNow = useCallback(() => {
    // Locked or not (the session may have ended), the App shows what team.status says next.
    call('team.lock', {})
      .catch(() => undefined)
      .finally(() => team?.refresh());
  }, [team]);
  useIdleLock(signedIn ? (team?.status.idleLockMinutes ?? 0) : 0, lockNow);

  const visibleIds = visible.map((item) => item.id).join(' ');
  useEffect(() => {
    // Alt+1…9 (or Ctrl+1…9) jumps to the n-th area.
    const onKey = (event: KeyboardEvent): void => {
      if (!(event.altKey || event.ctrlKey) || event.shiftKey || event.metaKey) return;
      const index = Number.parseInt(event.key, 10) - 1;
      const target = navAreas[index];
      if (!target || !visibleIds.includes(target.id)) return;
      event.preventDefault();
      location.hash = `#/${target.id}`;
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [visibleIds]);

  const { Page } = area;
  return (
    <div className="shell">
      <a className="skip-link" href="#main">
        {t('app.skipToContent')}
      </a>
      <nav className="sidebar" aria-label={t('nav.label')}>
        <div className="brand">{t('app.name')}</div>
        <ul>
          {navAreas.map((item, index) => visible.includes(item) ? (
            <li key={item.id}>
              <a
                href={`#/${item.id}`}
                className={item.id === area.id ? 'nav-item active' : 'nav-item'}
                aria-current={item.id === area.id ? 'page' : undefined}
                data-testid={`nav-${item.id}`}
                title={t('nav.shortcut', { n: index + 1 })}
              >
                <span className="nav-icon" aria-hidden="true">
                  {item.icon}
                </span>
                <span>{t(item.labelKey)}</span>
              </a>
            </li>
          ) : null)}
        </ul>
      </nav>
      <header className="topbar">
        <span className="shop-name" data-testid="shop-name">
          {settings.name}
        </span>
        {settings.isDemo ? (
          <span className="badge badge-demo" data-testid="demo-badge" title={t('topbar.demoBadgeHint')}>
            {t('topbar.demoBadge')}
          </span>
        ) : null}
        <div className="topbar-right">
          <LanguageSwitch onChange={onLocaleChange} />
          <PersonMenu />
        </div>
      </header>
      <main className="content" id="main" tabIndex={-1}>
        <DamagedBanner />
        <Page key={area.id} route={route.rest} />
      </main>
      <JobsTray />
    </div>
  );
}
