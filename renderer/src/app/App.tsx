// Top of the UI: asks the core whether a shop is open and shows Welcome or the
// Shell. The language comes from the shop's settings once a shop exists;
// before that it is a local choice remembered in this browser.
import { useCallback, useEffect, useState, type ReactNode } from 'react';
import { localeSchema, type Locale, type ShopSettings } from '../../../src/settings/contract.js';
import type { ShopStatus } from '../../../src/shop/contract.js';
import { toApiError, type ApiError } from '../api/api-error.js';
import { call, onEvent, onReconnect } from '../api/client.js';
import { hintKey, ToastProvider, useToasts } from '../components/toasts.js';
import { ConfirmProvider } from '../components/confirm.js';
import { I18nProvider, useI18n } from '../i18n/context.js';
import { WelcomePage } from '../pages/WelcomePage.js';
import { JobsProvider } from './jobs-context.js';
import { ShopProvider } from './shop-context.js';
import { Shell } from './Shell.js';

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
  const locale = settings?.locale ?? localLocale;
  useEffect(() => localStorage.setItem(localeStorageKey, locale), [locale]);

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
            setLocalLocale={setLocalLocale}
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
  setLocalLocale: (locale: Locale) => void;
  applySettings: (settings: ShopSettings) => void;
}): ReactNode {
  const { t, tKey } = useI18n();
  const { showError } = useToasts();
  const { settings, applySettings, setLocalLocale } = props;

  const changeLocale = useCallback(
    (next: Locale) => {
      if (!settings) {
        setLocalLocale(next);
        return;
      }
      call('settings.update', { locale: next }).then(applySettings).catch(showError);
    },
    [settings, applySettings, setLocalLocale, showError],
  );

  if (!props.status) {
    return (
      <div className="splash" role="status">
        {props.loadError ? (
          <>
            <strong>{tKey(`errors.${props.loadError.details.key}`, 'errors.internal')}</strong>
            {hintKey(props.loadError.code, props.loadError.details.key) ? (
              <span>{tKey(`errorHints.${props.loadError.details.key}`, 'errorHints.generic')}</span>
            ) : null}
            <button type="button" className="button" onClick={props.retry}>
              ↻
            </button>
          </>
        ) : (
          <span>{t('app.loading')}</span>
        )}
      </div>
    );
  }
  if (!settings) return <WelcomePage onLocaleChange={changeLocale} onReady={props.retry} />;
  return (
    <ShopProvider value={{ settings, applySettings }}>
      <Shell onLocaleChange={changeLocale} />
    </ShopProvider>
  );
}
