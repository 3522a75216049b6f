// The margin guard's floors (#/promotions/settings): the shop-wide minimum
// margin and a floor per category (a category's own floor wins for its
// products), and each channel's fee, which the guard deducts from the price.
// Below its floor a promotion cannot be scheduled without a reason.
import { useState, type FormEvent, type ReactNode } from 'react';
import type { MethodOutput } from '../../../../src/contract.js';
import { call } from '../../api/client.js';
import { useFieldIssues } from '../../components/field-issues.js';
import { FieldProblem } from '../../components/FieldProblem.js';
import { IdSelect } from '../../components/IdSelect.js';
import { Loaded } from '../../components/Loading.js';
import { NumberField, useNumberInput, type NumberRule } from '../../components/number-field.js';
import { useLoad } from '../../components/use-load.js';
import { useToasts } from '../../components/toasts.js';
import { useI18n } from '../../i18n/context.js';

const marginRule: NumberRule = { required: true, min: -100, max: 100, decimals: 2 };
/** A fee left empty is not known (counted as none). */
const feeRule: NumberRule = { required: false, min: 0, max: 100, decimals: 2 };

interface FloorRow {
  categoryId: number | null;
  margin: string;
}

export function PromotionSettings(): ReactNode {
  const load = useLoad(async () => {
    const [settings, categories] = await Promise.all([call('promotions.settings.get', {}), call('categories.list', {})]);
    return { settings, categories: categories.categories };
  }, []);
  return (
    <Loaded load={load} lines={5}>
      {(data) => <SettingsForm key={JSON.stringify(data.settings)} {...data} onSaved={load.reload} />}
    </Loaded>
  );
}

function SettingsForm({
  settings,
  categories,
  onSaved,
}: {
  settings: MethodOutput<'promotions.settings.get'>;
  categories: { id: number; path: string }[];
  onSaved: () => void;
}): ReactNode {
  const { t } = useI18n();
  const numbers = useNumberInput();
  const { showError, showSuccess } = useToasts();
  const issues = useFieldIssues();
  const [minMargin, setMinMargin] = useState(numbers.write(settings.minMarginBp / 100));
  const [rows, setRows] = useState<FloorRow[]>(settings.categoryFloors.map((f) => ({ categoryId: f.categoryId, margin: numbers.write(f.minMarginBp / 100) })));
  const [fees, setFees] = useState<Record<number, string>>(
    Object.fromEntries(settings.channelFees.map((f) => [f.channelId, f.feeBp === null ? '' : numbers.write(f.feeBp / 100)])),
  );
  const [tried, setTried] = useState(false);
  const [saving, setSaving] = useState(false);

  const save = async (event: FormEvent) => {
    event.preventDefault();
    setTried(true);
    const shop = numbers.check(minMargin, marginRule);
    const floors = rows.map((row) => ({ row, check: numbers.check(row.margin, marginRule) }));
    const feeChecks = settings.channelFees.map((f) => ({ channelId: f.channelId, check: numbers.check(fees[f.channelId] ?? '', feeRule) }));
    if (!shop.ok || shop.value === null || floors.some(({ row, check }) => row.categoryId === null || !check.ok) || feeChecks.some((f) => !f.check.ok)) return;
    const channelFees = feeChecks.map(({ channelId, check }) => ({ channelId, feeBp: check.ok && check.value !== null ? Math.round(check.value * 100) : null }));
    const kept = floors.flatMap(({ row, check }) => (row.categoryId !== null && check.ok && check.value !== null ? [{ categoryId: row.categoryId, minMarginBp: Math.round(check.value * 100) }] : []));
    // Floors no longer listed are removed (null), the rest replaced.
    const removed = settings.categoryFloors.filter((f) => !kept.some((k) => k.categoryId === f.categoryId)).map((f) => ({ categoryId: f.categoryId, minMarginBp: null }));
    setSaving(true);
    issues.clear();
    try {
      await call('promotions.settings.update', { minMarginBp: Math.round(shop.value * 100), categoryFloors: [...kept, ...removed], channelFees });
      showSuccess('promotions.settings.saved');
      onSaved();
    } catch (error) {
      showError(issues.take(error));
    } finally {
      setSaving(false);
    }
  };

  return (
    <form className="card promo-settings" onSubmit={(e) => void save(e)} data-testid="promo-settings" noValidate>
      <h2>{t('promotions.settings.title')}</h2>
      <p className="muted small">{t('promotions.settings.lede')}</p>
      <label className="field promo-narrow">
        <span>{t('promotions.settings.minMargin')}</span>
        <NumberField value={minMargin} onChange={setMinMargin} rule={marginRule} showProblem={tried} data-testid="promo-settings-min" {...issues.fieldProps('minMarginBp')} />
        <FieldProblem text={issues.issueFor('minMarginBp')} />
      </label>
      <h3>{t('promotions.settings.categoryFloors')}</h3>
      {rows.length === 0 ? <p className="muted small">{t('promotions.settings.noFloors')}</p> : null}
      {rows.length > 0 ? (
        <table className="table table-edit promo-floors" data-testid="promo-floors">
          <thead>
            <tr>
              <th>{t('promotions.settings.category')}</th>
              <th>{t('promotions.settings.floor')}</th>
              <th />
            </tr>
          </thead>
          <tbody>
            {rows.map((row, i) => (
              <tr key={i} data-testid="promo-floor-row">
                <td>
                  <IdSelect
                    value={row.categoryId}
                    options={categories.filter((c) => c.id === row.categoryId || !rows.some((other) => other.categoryId === c.id))}
                    label={(c) => c.path}
                    noneLabel={t('promotions.targets.chooseCategory')}
                    ariaLabel={t('promotions.settings.category')}
                    onChange={(categoryId) => setRows(rows.map((other, j) => (j === i ? { ...other, categoryId } : other)))}
                    testId={`promo-floor-category-${i}`}
                  />
                  <FieldProblem text={tried && row.categoryId === null ? t('promotions.field.required') : issues.issueFor(`categoryFloors.${i}`)} />
                </td>
                <td>
                  <NumberField
                    value={row.margin}
                    onChange={(margin) => setRows(rows.map((other, j) => (j === i ? { ...other, margin } : other)))}
                    rule={marginRule}
                    showProblem={tried}
                    aria-label={t('promotions.settings.floor')}
                    data-testid={`promo-floor-margin-${i}`}
                  />
                </td>
                <td>
                  <button type="button" className="button button-small" onClick={() => setRows(rows.filter((_, j) => j !== i))} data-testid={`promo-floor-remove-${i}`}>
                    {t('common.remove')}
                  </button>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      ) : null}
      <button type="button" className="button button-small" onClick={() => setRows([...rows, { categoryId: null, margin: minMargin }])} data-testid="promo-floor-add">
        {t('promotions.settings.addFloor')}
      </button>
      <h3>{t('promotions.settings.channelFees')}</h3>
      <p className="muted small">{t('promotions.settings.channelFeesLede')}</p>
      {settings.channelFees.length === 0 ? <p className="muted small">{t('promotions.settings.noChannels')}</p> : null}
      {settings.channelFees.length > 0 ? (
        <table className="table table-edit promo-floors" data-testid="promo-channel-fees">
          <thead>
            <tr>
              <th>{t('promotions.settings.channel')}</th>
              <th>{t('promotions.settings.fee')}</th>
            </tr>
          </thead>
          <tbody>
            {settings.channelFees.map((fee, i) => (
              <tr key={fee.channelId} data-testid="promo-channel-fee-row">
                <td>{fee.channelName}</td>
                <td>
                  <NumberField
                    value={fees[fee.channelId] ?? ''}
                    onChange={(value) => setFees({ ...fees, [fee.channelId]: value })}
                    rule={feeRule}
                    showProblem={tried}
                    aria-label={t('promotions.settings.fee')}
                    data-testid={`promo-channel-fee-${fee.channelId}`}
                    {...issues.fieldProps(`channelFees.${i}`)}
                  />
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      ) : null}
      <div className="form-actions">
        <button type="submit" className="button button-primary" disabled={saving} data-testid="promo-settings-save">
          {saving ? t('common.saving') : t('common.save')}
        </button>
      </div>
    </form>
  );
}
