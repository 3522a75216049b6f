// Generate a batch of unique codes: how many (or one per customer of the send list, for segment
// campaigns), an optional prefix and the length of the random part.
import { useState, type FormEvent, type ReactNode } from 'react';
import type { PromotionDetail } from '../../../../../src/promotions/contract.js';
import { NumberField, useNumberInput } from '../../../components/number-field.js';
import type { NumberRule } from '../../../components/number-check.js';
import { useI18n } from '../../../i18n/context.js';

export interface GenerateInput {
  count?: number;
  perCustomer: boolean;
  prefix: string;
  length: number;
}

/** The contract's bounds (coupon-contract.ts coupons.generate). */
const countRule: NumberRule = { required: true, integer: true, min: 1, max: 100_000 };
const lengthRule: NumberRule = { required: true, integer: true, min: 6, max: 20 };

export function GenerateForm({ promotion, busy, onGenerate }: { promotion: PromotionDetail; busy: boolean; onGenerate: (input: GenerateInput) => void }): ReactNode {
  const { t } = useI18n();
  const numbers = useNumberInput();
  const [perCustomer, setPerCustomer] = useState(false);
  const [count, setCount] = useState('100');
  const [prefix, setPrefix] = useState('');
  const [length, setLength] = useState('8');
  const [tried, setTried] = useState(false);

  const submit = (event: FormEvent) => {
    event.preventDefault();
    setTried(true);
    const n = numbers.check(count, countRule);
    const l = numbers.check(length, lengthRule);
    if (!l.ok || l.value === null) return;
    if (perCustomer) {
      onGenerate({ perCustomer: true, prefix: prefix.trim(), length: l.value });
      return;
    }
    if (!n.ok || n.value === null) return;
    onGenerate({ perCustomer: false, count: n.value, prefix: prefix.trim(), length: l.value });
  };

  return (
    <form className="promo-generate" onSubmit={submit} data-testid="promo-code-generate">
      <strong>{t('promotions.insight.coupons.generateTitle')}</strong>
      {promotion.segmentCode !== null ? (
        <div className="promo-inline" role="radiogroup" aria-label={t('promotions.insight.coupons.generateTitle')}>
          <label className="promo-inline">
            <input type="radio" checked={!perCustomer} onChange={() => setPerCustomer(false)} data-testid="promo-code-mode-count" />
            {t('promotions.insight.coupons.modeCount')}
          </label>
          <label className="promo-inline">
            <input type="radio" checked={perCustomer} onChange={() => setPerCustomer(true)} data-testid="promo-code-mode-customer" />
            {t('promotions.insight.coupons.modeCustomer')}
          </label>
        </div>
      ) : null}
      <div className="promo-inline promo-generate-fields">
        {perCustomer ? null : (
          <label className="field">
            <span>{t('promotions.insight.coupons.count')}</span>
            <NumberField value={count} onChange={setCount} rule={countRule} showProblem={tried} data-testid="promo-code-count" />
          </label>
        )}
        <label className="field">
          <span>{t('promotions.insight.coupons.prefix')}</span>
          <input value={prefix} onChange={(e) => setPrefix(e.target.value)} maxLength={12} placeholder="VIP-" data-testid="promo-code-prefix" />
        </label>
        <label className="field">
          <span>{t('promotions.insight.coupons.length')}</span>
          <NumberField value={length} onChange={setLength} rule={lengthRule} showProblem={tried} data-testid="promo-code-length" />
        </label>
        <button type="submit" className="button button-primary button-small" disabled={busy} data-testid="promo-code-generate-button">
          {t('promotions.insight.coupons.generate')}
        </button>
      </div>
      <p className="muted small">{perCustomer ? t('promotions.insight.coupons.modeCustomerHint') : t('promotions.insight.coupons.generateHint')}</p>
    </form>
  );
}
