// The workstation once a shop is open: left navigation, top bar (shop name,
// demo badge, language, jobs tray) and the current page. The page lives in the
// URL hash so a reload stays where the person was.
import { useEffect, type ReactNode } from 'react';
import type { Locale } from '../../../src/settings/contract.js';
import { JobsTray } from '../components/JobsTray.js';
import { LanguageSwitch } from '../components/LanguageSwitch.js';
import { useI18n } from '../i18n/context.js';
import { navAreas, type NavArea } from './nav.js';
import { useRoute } from './route.js';
import { useShop } from './shop-context.js';

function areaOf(id: string): NavArea {
  return navAreas.find((area) => area.id === id) ?? (navAreas[0] as NavArea);
}

export function Shell({ onLocaleChange }: { onLocaleChange: (locale: Locale) => void }): ReactNode {
  const { t } = useI18n();
  const { settings } = useShop();
  const route = useRoute();
  const area = areaOf(route.area);

  useEffect(() => {
    // Alt+1…9 (or Ctrl+1…9) jumps to the n-th area.
    const onKey = (event: KeyboardEvent): void => {
      if (!(event.altKey || event.ctrlKey) || event.shiftKey || event.metaKey) return;
      const index = Number.parseInt(event.key, 10) - 1;
      const target = navAreas[index];
      if (!target) return;
      event.preventDefault();
      location.hash = `#/${target.id}`;
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, []);

  const { Page } = area;
  return (
    <div className="shell">
      <a className="skip-link" href="#main">
        {t('app.skipToContent')}
      </a>
      <nav className="sidebar" aria-label={t('nav.label')}>
        <div className="brand">{t('app.name')}</div>
        <ul>
          {navAreas.map((item, index) => (
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
          ))}
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
        </div>
      </header>
      <main className="content" id="main" tabIndex={-1}>
        <Page key={area.id} route={route.rest} />
      </main>
      <JobsTray />
    </div>
  );
}
