// Top of the UI: asks the core whether a shop is open and shows Welcome; once
// it is, who is here (team.status): the sign-in page, the lock screen, or the
// Shell inside a TeamProvider. The language comes from the shop's settings once
// a shop exists (a person who may not change them picks one for this window);
// before that it is a local choice remembered in this browser.
import { useCallback, useEffect, useRef, useState, type ReactNode } from 'react';
import type { TeamStatus } from '../../../src/team/contract.js';
import { localeSchema, type Locale, type ShopSettings } from '../../../src/settings/contract.js';
import type { ShopStatus } from '../../../src/shop/contract.js';
import { toApiError, type ApiError } from '../api/api-error.js';
import { call, onEvent, onReconnect } from '../api/client.js';
import { hintKey, ToastProvider, useToasts } from '../components/toasts.js';
import { ConfirmProvider } from '../components/confirm.js';
import { I18nProvider, useI18n } from '../i18n/context.js';
import { WelcomePage } from '../pages/WelcomePage.js';
import { LockScreen } from '../pages/team/LockScreen.js';
import { SignInPage } from '../pages/team/SignInPage.js';
import { useTeamStatus } from '../pages/team/use-team-status.js';
import { effectiveLocale, readWindowLocale, writeWindowLocale, type WindowLocale } from '../pages/team/window-locale.js';
import { JobsProvider } from './jobs-context.js';
import { ShopProvider } from './shop-context.js';
import { Shell } from './Shell.js';
import { TeamProvider } from './team-context.js';

const localeStorageKey = 'shopdesk.locale';

function initialLocale(): Locale {
  const stored = localeSchema.safeParse(localStorage.getItem(localeStorageKey));
  if (stored.success) return stored.data;
  return navigator.language.toLowerCase().startsWith('zh') ? 'zh-CN' : 'en';
}

export function App(): ReactNode {
  const [localLocale, setLocalLocale] = useState<Locale>(initialLocale);
  const [status, setStatus] = useState<ShopStatus | null>(null);
  const [loadError, setLoadError] = useState<ApiError | null>(null);
  const [windowLocale, setWindowLocale] = useState<WindowLocale | null>(readWindowLocale);

  const refresh = useCallback(() => {
    call('shop.status', {})
      .then((next) => {
        setStatus(next);
        setLoadError(null);
      })
      .catch((error: unknown) => setLoadError(toApiError(error)));
  }, []);

  useEffect(() => {
    refresh();
    const stopChanged = onEvent('shop.changed', refresh);
    const stopReconnect = onReconnect(refresh);
    return () => {
      stopChanged();
      stopReconnect();
    };
  }, [refresh]);

  const settings = status?.ready ? status.settings : null;
  const team = useTeamStatus(settings !== null);
  const locale = settings ? effectiveLocale(settings.locale, windowLocale) : localLocale;
  useEffect(() => localStorage.setItem(localeStorageKey, locale), [locale]);
  const chooseWindowLocale = useCallback((next: WindowLocale | null) => {
    writeWindowLocale(next);
    setWindowLocale(next);
  }, []);

  return (
    <I18nProvider locale={locale}>
      <ToastProvider>
        <ConfirmProvider>
        <JobsProvider>
          <Body
            status={status}
            settings={settings}
            loadError={loadError}
            retry={refresh}
            team={team.status}
            teamError={team.error}
            refreshTeam={team.refresh}
            setLocalLocale={setLocalLocale}
            setWindowLocale={chooseWindowLocale}
            applySettings={(next) => setStatus((current) => (current ? { ...current, settings: next } : current))}
          />
        </JobsProvider>
        </ConfirmProvider>
      </ToastProvider>
    </I18nProvider>
  );
}

function Body(props: {
  status: ShopStatus | null;
  settings: ShopSettings | null;
  loadError: ApiError | null;
  retry: () => void;
  team: TeamStatus | null;
  teamError: ApiError | null;
  refreshTeam: () => void;
  setLocalLocale: (locale: Locale) => void;
  setWindowLocale: (choice: WindowLocale | null) => void;
  applySettings: (settings: ShopSettings) => void;
}): ReactNode {
  const { t } = useI18n();
  const { showError, dismissAll } = useToasts();
  const { settings, applySettings, setLocalLocale, setWindowLocale, team } = props;
  const mayChangeShop = team?.person?.permissions.includes('settings.manage') === true && !team.locked;
  // Who is at the screen changed (signed out, locked, another person): the last one's messages go.
  const presence = team ? `${team.person?.id ?? 'none'}:${team.locked ? 'locked' : 'open'}` : null;
  const lastPresence = useRef(presence);
  useEffect(() => {
    if (lastPresence.current !== null && presence !== lastPresence.current) dismissAll();
    lastPresence.current = presence;
  }, [presence, dismissAll]);

  const changeLocale = useCallback(
    (next: Locale) => {
      if (!settings) {
        setLocalLocale(next);
        return;
      }
      if (!mayChangeShop) {
        setWindowLocale({ locale: next, over: settings.locale });
        return;
      }
      call('settings.update', { locale: next })
        .then((saved) => {
          setWindowLocale(null);
          applySettings(saved);
        })
        .catch(showError);
    },
    [settings, mayChangeShop, applySettings, setLocalLocale, setWindowLocale, showError],
  );

  if (!props.status) return <Splash error={props.loadError} retry={props.retry} />;
  if (!settings) return <WelcomePage onLocaleChange={changeLocale} onReady={props.retry} />;
  if (!team) return props.teamError ? <Splash error={props.teamError} retry={props.refreshTeam} /> : <div className="splash" role="status">{t('app.loading')}</div>;
  if (!team.person) return <SignInPage shopName={settings.name} team={team} onLocaleChange={changeLocale} onSignedIn={props.refreshTeam} />;
  if (team.locked) {
    return <LockScreen shopName={settings.name} person={team.person} team={team} onLocaleChange={changeLocale} onChanged={props.refreshTeam} />;
  }
  return (
    <TeamProvider value={{ status: team, refresh: props.refreshTeam }}>
      <ShopProvider value={{ settings, applySettings }}>
        <Shell onLocaleChange={changeLocale} />
      </ShopProvider>
    </TeamProvider>
  );
}

function Splash({ error, retry }: { error: ApiError | null; retry: () => void }): ReactNode {
  const { t, tKey } = useI18n();
  return (
    <div className="splash" role="status">
      {error ? (
        <>
          <strong>{tKey(`errors.${error.details.key}`, 'errors.internal')}</strong>
          {hintKey(error.code, error.details.key) ? <span>{tKey(`errorHints.${error.details.key}`, 'errorHints.generic')}</span> : null}
          <button type="button" className="button" onClick={retry}>
            ↻
          </button>
        </>
      ) : (
        <span>{t('app.loading')}</span>
      )}
    </div>
  );
}
