// The rule's own fields for each promotion type: tiers with add / remove rows
// (满减, 满件折), BOGO's buy / get / percent with the "cheapest is discounted"
// sentence, a bundle (catalog bundle or components), a gift, a flash price
// with caps, a coupon's discount and limits, a member price. Every number goes
// through NumberField; a refusal from the core lands on its field.
import type { ReactNode } from 'react';
import { useShop } from '../../app/shop-context.js';
import type { FieldIssues } from '../../components/field-issues.js';
import { FieldProblem } from '../../components/FieldProblem.js';
import { NumberField } from '../../components/number-field.js';
import { useI18n } from '../../i18n/context.js';
import type { MessageKey } from '../../i18n/en.js';
import { numberRules, type EditorState } from './editor-state.js';
import { SkuPicker } from './pickers.js';
import { ChoiceGroup } from './ChoiceGroup.js';

type Set = (patch: Partial<EditorState>) => void;

export function RuleFields({ state, set, issues, showProblems }: { state: EditorState; set: Set; issues: FieldIssues; showProblems: boolean }): ReactNode {
  const { t } = useI18n();
  const { settings } = useShop();
  const rules = numberRules(settings.currency);
  const currency = settings.currency;

  const num = (label: MessageKey, value: string, onChange: (text: string) => void, rule: (typeof rules)[keyof typeof rules], path: string, testId: string, hint?: string) => (
    <label className="field">
      <span>{t(label, { currency })}</span>
      <NumberField value={value} onChange={onChange} rule={rule} showProblem={showProblems} data-testid={testId} {...issues.fieldProps(path)} />
      {hint ? <span className="muted small">{hint}</span> : null}
      <FieldProblem text={issues.issueFor(path)} />
    </label>
  );
  const percent = (path = 'rule.percentOffBp') => num('promotions.rule.percent', state.percent, (v) => set({ percent: v }), rules.percent, path, 'promo-rule-percent');
  const amount = (path = 'rule.amountOff') => num('promotions.rule.amount', state.amount, (v) => set({ amount: v }), rules.money, path, 'promo-rule-amount');
  const price = (path = 'rule.price') => num('promotions.rule.price', state.price, (v) => set({ price: v }), rules.money, path, 'promo-rule-price');

  switch (state.type) {
    case 'percent_off':
    case 'member_price':
      return <div className="form-grid">{percent()}</div>;
    case 'amount_off':
      return <div className="form-grid">{amount()}</div>;
    case 'fixed_price':
      return <div className="form-grid">{price()}</div>;
    case 'spend_tiers':
      return (
        <TierTable
          head={[t('promotions.rule.minSpend', { currency }), t('promotions.rule.amountOff', { currency })]}
          count={state.spendTiers.length}
          issues={issues}
          onAdd={() => set({ spendTiers: [...state.spendTiers, { minSpend: '', amountOff: '' }] })}
          onRemove={(i) => set({ spendTiers: state.spendTiers.filter((_, j) => j !== i) })}
          cells={(i) => {
            const tier = state.spendTiers[i] ?? { minSpend: '', amountOff: '' };
            const put = (patch: Partial<typeof tier>) => set({ spendTiers: state.spendTiers.map((other, j) => (j === i ? { ...other, ...patch } : other)) });
            return [
              <NumberField key="s" value={tier.minSpend} onChange={(v) => put({ minSpend: v })} rule={rules.money} showProblem={showProblems} aria-label={t('promotions.rule.minSpend', { currency })} data-testid={`promo-tier-spend-${i}`} {...issues.fieldProps(`rule.tiers.${i}.minSpend`)} />,
              <NumberField key="a" value={tier.amountOff} onChange={(v) => put({ amountOff: v })} rule={rules.money} showProblem={showProblems} aria-label={t('promotions.rule.amountOff', { currency })} data-testid={`promo-tier-off-${i}`} {...issues.fieldProps(`rule.tiers.${i}.amountOff`)} />,
            ];
          }}
          hint={t('promotions.rule.spendTiersHint')}
        />
      );
    case 'quantity_tiers':
      return (
        <TierTable
          head={[t('promotions.rule.minQuantity'), t('promotions.rule.percent')]}
          count={state.quantityTiers.length}
          issues={issues}
          onAdd={() => set({ quantityTiers: [...state.quantityTiers, { minQuantity: '', percent: '' }] })}
          onRemove={(i) => set({ quantityTiers: state.quantityTiers.filter((_, j) => j !== i) })}
          cells={(i) => {
            const tier = state.quantityTiers[i] ?? { minQuantity: '', percent: '' };
            const put = (patch: Partial<typeof tier>) => set({ quantityTiers: state.quantityTiers.map((other, j) => (j === i ? { ...other, ...patch } : other)) });
            return [
              <NumberField key="q" value={tier.minQuantity} onChange={(v) => put({ minQuantity: v })} rule={rules.tierQuantity} showProblem={showProblems} aria-label={t('promotions.rule.minQuantity')} data-testid={`promo-tier-quantity-${i}`} {...issues.fieldProps(`rule.tiers.${i}.minQuantity`)} />,
              <NumberField key="p" value={tier.percent} onChange={(v) => put({ percent: v })} rule={rules.percent} showProblem={showProblems} aria-label={t('promotions.rule.percent')} data-testid={`promo-tier-percent-${i}`} {...issues.fieldProps(`rule.tiers.${i}.percentOffBp`)} />,
            ];
          }}
          hint={t('promotions.rule.quantityTiersHint')}
        />
      );
    case 'buy_x_get_y':
      return (
        <>
          <div className="form-grid">
            {num('promotions.rule.buyQuantity', state.buyQuantity, (v) => set({ buyQuantity: v }), rules.count, 'rule.buyQuantity', 'promo-rule-buy')}
            {num('promotions.rule.getQuantity', state.getQuantity, (v) => set({ getQuantity: v }), rules.count, 'rule.getQuantity', 'promo-rule-get')}
            {num('promotions.rule.getPercent', state.getPercent, (v) => set({ getPercent: v }), rules.percent, 'rule.getPercentOffBp', 'promo-rule-get-percent')}
          </div>
          <p className="muted small" data-testid="promo-bogo-sentence">
            {t('promotions.rule.bogoSentence', { buy: state.buyQuantity || '?', get: state.getQuantity || '?', percent: state.getPercent || '?' })}
          </p>
        </>
      );
    case 'bundle_price':
      return (
        <>
          <ChoiceGroup
            legend={t('promotions.rule.bundleFrom')}
            choices={['catalog', 'components'] as const}
            value={state.bundleMode}
            onChange={(bundleMode) => set({ bundleMode })}
            label={(mode) => t(`promotions.rule.bundle.${mode}`)}
          />
          {state.bundleMode === 'catalog' ? (
            <label className="field">
              <span>{t('promotions.rule.bundleSku')}</span>
              <SkuPicker value={state.bundleVariant} onChange={(v) => set({ bundleVariant: v })} testId="promo-bundle-pick" problem={issues.issueFor('rule.bundleVariantId')} />
            </label>
          ) : (
            <div className="field">
              <span>{t('promotions.rule.components')}</span>
              {state.components.length > 0 ? (
                <table className="table table-edit">
                  <thead>
                    <tr>
                      <th>{t('promotions.col.sku')}</th>
                      <th className="num">{t('promotions.rule.quantity')}</th>
                      <th />
                    </tr>
                  </thead>
                  <tbody>
                    {state.components.map((c, i) => (
                      <tr key={c.variantId}>
                        <td>
                          <span className="cell-mono">{c.sku}</span> <span className="muted">{c.title}</span>
                        </td>
                        <td className="num">
                          <NumberField
                            value={c.quantity}
                            onChange={(v) => set({ components: state.components.map((other, j) => (j === i ? { ...other, quantity: v } : other)) })}
                            rule={rules.count}
                            showProblem={showProblems}
                            aria-label={t('promotions.rule.quantity')}
                          />
                        </td>
                        <td>
                          <button type="button" className="button button-small" onClick={() => set({ components: state.components.filter((_, j) => j !== i) })}>
                            {t('common.remove')}
                          </button>
                        </td>
                      </tr>
                    ))}
                  </tbody>
                </table>
              ) : null}
              <SkuPicker
                value={null}
                onChange={(v) => {
                  if (v && !state.components.some((c) => c.variantId === v.variantId)) set({ components: [...state.components, { ...v, quantity: '1' }] });
                }}
                testId="promo-component-pick"
                problem={issues.issueFor('rule.components')}
              />
            </div>
          )}
          <div className="form-grid">{price()}</div>
        </>
      );
    case 'gift_with_purchase':
      return (
        <>
          <div className="form-grid">
            {num('promotions.rule.minSpend', state.minSpend, (v) => set({ minSpend: v }), rules.money, 'rule.minSpend', 'promo-rule-min-spend')}
            {num('promotions.rule.giftQuantity', state.giftQuantity, (v) => set({ giftQuantity: v }), rules.count, 'rule.giftQuantity', 'promo-rule-gift-quantity')}
            {num('promotions.rule.reserve', state.reserveQuantity, (v) => set({ reserveQuantity: v }), { integer: true, min: 0 }, 'rule.reserveQuantity', 'promo-rule-reserve', t('promotions.rule.reserveHint'))}
          </div>
          <label className="field">
            <span>{t('promotions.rule.gift')}</span>
            <SkuPicker value={state.giftVariant} onChange={(v) => set({ giftVariant: v })} testId="promo-gift-pick" problem={issues.issueFor('rule.giftVariantId')} />
          </label>
        </>
      );
    case 'flash_sale':
      return (
        <>
          <ChoiceGroup
            legend={t('promotions.rule.flashBy')}
            choices={['fixed', 'percent'] as const}
            value={state.flashKind}
            onChange={(flashKind) => set({ flashKind })}
            label={(kind) => t(`promotions.rule.flash.${kind}`)}
          />
          <div className="form-grid">
            {state.flashKind === 'fixed' ? price('rule.salePrice.price') : percent('rule.salePrice.percentOffBp')}
            {num('promotions.rule.perSkuCap', state.perSkuCap, (v) => set({ perSkuCap: v }), rules.optionalCount, 'rule.perSkuCap', 'promo-rule-sku-cap', t('promotions.rule.capHint'))}
            {num('promotions.rule.perCustomerCap', state.perCustomerCap, (v) => set({ perCustomerCap: v }), rules.optionalCount, 'rule.perCustomerCap', 'promo-rule-customer-cap', t('promotions.rule.capHint'))}
          </div>
        </>
      );
    case 'coupon':
      return (
        <>
          <ChoiceGroup
            legend={t('promotions.rule.couponBy')}
            choices={['percent', 'amount'] as const}
            value={state.couponKind}
            onChange={(couponKind) => set({ couponKind })}
            label={(kind) => t(`promotions.rule.coupon.${kind}`)}
          />
          <div className="form-grid">
            {state.couponKind === 'percent' ? percent('rule.discount.percentOffBp') : amount('rule.discount.amountOff')}
            {num('promotions.rule.minSpend', state.minSpend, (v) => set({ minSpend: v }), { ...rules.money, required: false }, 'rule.minSpend', 'promo-rule-min-spend')}
            {num('promotions.rule.usageLimit', state.usageLimit, (v) => set({ usageLimit: v }), rules.optionalCount, 'rule.usageLimit', 'promo-rule-usage', t('promotions.rule.capHint'))}
            {num('promotions.rule.perCustomerLimit', state.perCustomerLimit, (v) => set({ perCustomerLimit: v }), rules.optionalCount, 'rule.perCustomerLimit', 'promo-rule-per-customer', t('promotions.rule.capHint'))}
          </div>
        </>
      );
  }
}

function TierTable(props: {
  head: [string, string];
  count: number;
  cells: (index: number) => [ReactNode, ReactNode];
  onAdd: () => void;
  onRemove: (index: number) => void;
  issues: FieldIssues;
  hint: string;
}): ReactNode {
  const { t } = useI18n();
  return (
    <div className="field" data-testid="promo-tiers">
      <span>{t('promotions.rule.tiers')}</span>
      <table className="table table-edit promo-tiers">
        <thead>
          <tr>
            <th>{props.head[0]}</th>
            <th>{props.head[1]}</th>
            <th />
          </tr>
        </thead>
        <tbody>
          {Array.from({ length: props.count }, (_, i) => {
            const [a, b] = props.cells(i);
            return (
              <tr key={i} data-testid={`promo-tier-${i}`}>
                <td>{a}</td>
                <td>{b}</td>
                <td>
                  <button type="button" className="button button-small" disabled={props.count <= 1} onClick={() => props.onRemove(i)} data-testid={`promo-tier-remove-${i}`}>
                    {t('common.remove')}
                  </button>
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
      <FieldProblem text={props.issues.issueFor('rule.tiers')} />
      <div className="promo-inline">
        <button type="button" className="button button-small" onClick={props.onAdd} disabled={props.count >= 10} data-testid="promo-tier-add">
          {t('promotions.rule.addTier')}
        </button>
        <span className="muted small">{props.hint}</span>
      </div>
    </div>
  );
}
