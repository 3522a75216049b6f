import type { ReactNode } from 'react';
import type { Locale } from '../../../src/settings/contract.js';
import { useI18n } from '../i18n/context.js';
import { locales } from '../i18n/translate.js';

/** Each language is named in itself, so anyone can find their own. */
export function LanguageSwitch({ onChange }: { onChange: (locale: Locale) => void }): ReactNode {
  const { t, locale } = useI18n();
  return (
    <label className="language-switch">
      <span className="visually-hidden">{t('lang.label')}</span>
      <select
        data-testid="language-switch"
        value={locale}
        onChange={(event) => onChange(event.target.value as Locale)}
        aria-label={t('lang.label')}
      >
        {locales.map((code) => (
          <option key={code} value={code}>
            {t(`lang.${code}`)}
          </option>
        ))}
      </select>
    </label>
  );
}
