// Settings → Typing numbers: the decimal mark typed numbers are read with, and
// the price/cost change that is asked about before it is saved. Each is saved
// on its own, like the catalog rules beside it.
import { useEffect, useState, type FormEvent, type ReactNode } from 'react';
import { numberConventions } from '../../../src/shared/number-input.js';
import type { DecimalMarkSetting } from '../../../src/settings/contract.js';
import { call } from '../api/client.js';
import { useShop } from '../app/shop-context.js';
import { NumberField, useNumberInput, type NumberRule } from '../components/number-field.js';
import { useToasts } from '../components/toasts.js';
import { useI18n } from '../i18n/context.js';

const marks: readonly DecimalMarkSetting[] = ['auto', '.', ','];
const markLabel = { auto: 'settings.decimalMark.auto', '.': 'settings.decimalMark.point', ',': 'settings.decimalMark.comma' } as const;
/** The contract's bounds (settings/contract.ts). */
const percentRule: NumberRule = { required: true, integer: true, min: 1, max: 1000 };

export function NumberSettings(): ReactNode {
  const { t, locale } = useI18n();
  const { settings, applySettings } = useShop();
  const { showError, showSuccess } = useToasts();
  const numbers = useNumberInput();
  const [percent, setPercent] = useState(String(settings.priceChangeConfirmPercent));
  const [tried, setTried] = useState(false);
  useEffect(() => setPercent(String(settings.priceChangeConfirmPercent)), [settings.priceChangeConfirmPercent]);

  const autoEither = numberConventions('auto', settings.currency, locale).decimalMark === 'either';
  const savePercent = async (event: FormEvent) => {
    event.preventDefault();
    const check = numbers.check(percent, percentRule);
    if (!check.ok || check.value === null) return setTried(true);
    try {
      applySettings(await call('settings.update', { priceChangeConfirmPercent: check.value }));
      setTried(false);
      showSuccess('settings.saved');
    } catch (error) {
      showError(error);
    }
  };

  return (
    <form className="card settings-card" data-testid="number-settings" onSubmit={(event) => void savePercent(event)} noValidate>
      <h2>{t('settings.numbers.title')}</h2>
      <label className="field">
        <span>{t('settings.decimalMark')}</span>
        <select
          value={settings.decimalMark}
          data-testid="settings-decimal-mark"
          onChange={(event) => {
            const decimalMark = marks.find((mark) => mark === event.target.value) ?? 'auto';
            call('settings.update', { decimalMark }).then(applySettings, showError);
          }}
        >
          {marks.map((mark) => (
            <option key={mark} value={mark}>
              {t(markLabel[mark])}
            </option>
          ))}
        </select>
      </label>
      <p className="muted small">{t(autoEither ? 'settings.decimalMark.howEither' : 'settings.decimalMark.how', { currency: settings.currency })}</p>
      <label className="field">
        <span>{t('settings.priceChangeConfirmPercent')}</span>
        <span className="field-row">
          <NumberField value={percent} onChange={setPercent} rule={percentRule} showProblem={tried} data-testid="settings-price-change-percent" />
          <button type="submit" className="button button-small" disabled={percent === String(settings.priceChangeConfirmPercent)} data-testid="settings-price-change-save">
            {t('settings.numbers.savePercent')}
          </button>
        </span>
      </label>
      <p className="muted small">{t('settings.priceChangeConfirmPercent.how')}</p>
    </form>
  );
}
