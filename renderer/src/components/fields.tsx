// The shop's basic fields, shared by "Start an empty shop" and Settings. Field
// errors come from the core's `details.issues` (path → i18n key).
import { useId, useMemo, type ReactNode } from 'react';
import type { FieldIssue } from '../../../src/shared/envelope.js';
import type { Locale } from '../../../src/settings/contract.js';
import { currencyName } from '../i18n/format.js';
import { useI18n } from '../i18n/context.js';
import { locales } from '../i18n/translate.js';

export interface ShopFieldValues {
  name: string;
  currency: string;
  timeZone: string;
  locale: Locale;
}
export type FieldName = keyof ShopFieldValues;
export type FieldErrors = Partial<Record<FieldName, string>>;

const fieldNames: readonly FieldName[] = ['name', 'currency', 'timeZone', 'locale'];

/** Issues whose path starts with a field name land on that field. */
export function fieldErrorsFrom(issues: FieldIssue[]): FieldErrors {
  const errors: FieldErrors = {};
  for (const issue of issues) {
    const field = fieldNames.find((name) => issue.path === name || issue.path.startsWith(`${name}.`));
    if (field && !errors[field]) errors[field] = issue.key;
  }
  return errors;
}

function Field(props: { label: string; error: string | undefined; children: (id: string, errorId: string) => ReactNode }): ReactNode {
  const { tKey } = useI18n();
  const id = useId();
  const errorId = `${id}-error`;
  return (
    <div className={`field ${props.error ? 'field-invalid' : ''}`}>
      <label htmlFor={id}>{props.label}</label>
      {props.children(id, errorId)}
      {props.error ? (
        <span className="field-error" id={errorId} role="alert">
          {tKey(`errors.${props.error}`, 'errors.invalidInput')}
        </span>
      ) : null}
    </div>
  );
}

/** "Asia/Shanghai (中国标准时间)": the zone's id, and its name in the UI language where Intl knows one. */
function timeZoneLabel(zone: string, locale: Locale): string {
  const id = zone.replaceAll('_', ' ');
  try {
    const name = new Intl.DateTimeFormat(locale, { timeZone: zone, timeZoneName: 'longGeneric' })
      .formatToParts(new Date())
      .find((part) => part.type === 'timeZoneName')?.value;
    if (!name || name === zone) return id;
    return locale === 'zh-CN' ? `${id}（${name}）` : `${id} (${name})`;
  } catch {
    return id;
  }
}

export function ShopFields(props: {
  values: ShopFieldValues;
  errors: FieldErrors;
  onChange: (values: ShopFieldValues) => void;
  disabled?: boolean;
}): ReactNode {
  const { t, locale } = useI18n();
  const { values, errors, onChange } = props;
  const current = values.currency;
  const currencies = useMemo(() => {
    // Keep a stored code selectable even if this browser's Intl does not list it.
    const codes = Intl.supportedValuesOf('currency');
    const all = current && !codes.includes(current) ? [current, ...codes] : codes;
    return all.map((code) => ({ code, label: `${code} — ${currencyName(code, locale)}` }));
  }, [locale, current]);
  const timeZones = useMemo(() => {
    const zones = Intl.supportedValuesOf('timeZone');
    const all = zones.includes('UTC') ? zones : ['UTC', ...zones];
    return all.map((zone) => ({ zone, label: timeZoneLabel(zone, locale) }));
  }, [locale]);
  const set = <K extends FieldName>(key: K, value: ShopFieldValues[K]): void => onChange({ ...values, [key]: value });
  const aria = (error: string | undefined, errorId: string) =>
    error ? { 'aria-invalid': true, 'aria-describedby': errorId } : {};

  return (
    <div className="fields">
      <Field label={t('fields.name')} error={errors.name}>
        {(id, errorId) => (
          <input
            id={id}
            name="name"
            type="text"
            value={values.name}
            placeholder={t('fields.namePlaceholder')}
            disabled={props.disabled}
            onChange={(event) => set('name', event.target.value)}
            {...aria(errors.name, errorId)}
          />
        )}
      </Field>
      <Field label={t('fields.currency')} error={errors.currency}>
        {(id, errorId) => (
          <select
            id={id}
            name="currency"
            value={values.currency}
            disabled={props.disabled}
            onChange={(event) => set('currency', event.target.value)}
            {...aria(errors.currency, errorId)}
          >
            {currencies.map((item) => (
              <option key={item.code} value={item.code}>
                {item.label}
              </option>
            ))}
          </select>
        )}
      </Field>
      <Field label={t('fields.timeZone')} error={errors.timeZone}>
        {(id, errorId) => (
          <select
            id={id}
            name="timeZone"
            value={values.timeZone}
            disabled={props.disabled}
            onChange={(event) => set('timeZone', event.target.value)}
            {...aria(errors.timeZone, errorId)}
          >
            {timeZones.map(({ zone, label }) => (
              <option key={zone} value={zone}>
                {label}
              </option>
            ))}
          </select>
        )}
      </Field>
      <Field label={t('fields.locale')} error={errors.locale}>
        {(id, errorId) => (
          <select
            id={id}
            name="locale"
            value={values.locale}
            disabled={props.disabled}
            onChange={(event) => set('locale', event.target.value as Locale)}
            {...aria(errors.locale, errorId)}
          >
            {locales.map((code) => (
              <option key={code} value={code}>
                {t(`lang.${code}`)}
              </option>
            ))}
          </select>
        )}
      </Field>
    </div>
  );
}
