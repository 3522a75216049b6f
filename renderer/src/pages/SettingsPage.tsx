// Settings: the shop's name, currency, time zone and language. Only changed
// fields are sent; the core validates and answers with field issues. Below:
// catalog rules and how typed numbers are read (NumberSettings), People & roles
// and Backups — each shown only to a role that may change it.
import { useEffect, useRef, useState, type FormEvent, type ReactNode } from 'react';
import { toApiError } from '../api/api-error.js';
import { call } from '../api/client.js';
import { useShop } from '../app/shop-context.js';
import { useCan } from '../app/team-context.js';
import { fieldErrorsFrom, ShopFields, type FieldErrors, type ShopFieldValues } from '../components/fields.js';
import { useToasts } from '../components/toasts.js';
import { useI18n } from '../i18n/context.js';
import { BackupsSection } from './backups/BackupsSection.js';
import { NumberSettings } from './NumberSettings.js';
import { TeamSection } from './team/TeamSection.js';

export function SettingsPage(): ReactNode {
  const { t } = useI18n();
  const { settings, applySettings } = useShop();
  const { showError, showSuccess } = useToasts();
  const can = useCan();
  const saved: ShopFieldValues = {
    name: settings.name,
    currency: settings.currency,
    timeZone: settings.timeZone,
    locale: settings.locale,
  };
  const [values, setValues] = useState<ShopFieldValues>(saved);
  const [errors, setErrors] = useState<FieldErrors>({});
  const [saving, setSaving] = useState(false);

  // Settings can change elsewhere (the top-bar language switch, another window):
  // fields the person has not edited follow; edited ones are kept.
  const previous = useRef(saved);
  useEffect(() => {
    const before = previous.current;
    previous.current = saved;
    setValues((current) => ({
      name: current.name === before.name ? saved.name : current.name,
      currency: current.currency === before.currency ? saved.currency : current.currency,
      timeZone: current.timeZone === before.timeZone ? saved.timeZone : current.timeZone,
      locale: current.locale === before.locale ? saved.locale : current.locale,
    }));
    // Keyed on `settings`: `saved` is rebuilt from it on every render.
  }, [settings]);

  const changes: Partial<ShopFieldValues> = {};
  for (const key of ['name', 'currency', 'timeZone', 'locale'] as const) {
    if (values[key] !== saved[key]) Object.assign(changes, { [key]: values[key] });
  }
  const dirty = Object.keys(changes).length > 0;

  const save = async (event: FormEvent): Promise<void> => {
    event.preventDefault();
    setSaving(true);
    setErrors({});
    try {
      const next = await call('settings.update', changes);
      applySettings(next);
      setValues({ name: next.name, currency: next.currency, timeZone: next.timeZone, locale: next.locale });
      showSuccess('settings.saved');
    } catch (error) {
      const apiError = toApiError(error);
      setErrors(fieldErrorsFrom(apiError.issues));
      showError(apiError);
    } finally {
      setSaving(false);
    }
  };

  return (
    <div className="page page-settings">
      <div className="page-header">
        <h1>{t('settings.title')}</h1>
      </div>
      {can('settings.manage') ? (
        <>
          <form className="card settings-card" onSubmit={(event) => void save(event)} noValidate data-testid="settings-form">
            <p className="muted">{t('settings.subtitle')}</p>
            {settings.isDemo ? <p className="note">{t('settings.demoNote')}</p> : null}
            <ShopFields values={values} errors={errors} onChange={setValues} disabled={saving} />
            <p className="muted small">{t('settings.currencyNote')}</p>
            <div className="form-actions">
              <button type="submit" className="button button-primary" disabled={saving || !dirty}>
                {saving ? t('settings.saving') : t('settings.save')}
              </button>
              <button
                type="button"
                className="button"
                disabled={saving || !dirty}
                onClick={() => {
                  setValues(saved);
                  setErrors({});
                }}
              >
                {t('settings.reset')}
              </button>
            </div>
          </form>
          <div className="card settings-card" data-testid="catalog-rules">
            <label className="field">
              <span>{t('settings.barcodeMode')}</span>
              <select
                value={settings.barcodeMode}
                onChange={(e) => {
                  call('settings.update', { barcodeMode: e.target.value === 'free' ? 'free' : 'gtin' }).then(applySettings, showError);
                }}
              >
                <option value="gtin">{t('settings.barcode.gtin')}</option>
                <option value="free">{t('settings.barcode.free')}</option>
              </select>
            </label>
          </div>
          <NumberSettings />
        </>
      ) : null}
      {can('people.manage') ? <TeamSection /> : null}
      {can('backups.manage') ? <BackupsSection /> : null}
    </div>
  );
}
