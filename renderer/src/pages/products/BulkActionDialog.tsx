// Bulk actions on the selected variants, or on every variant the grid's filter
// matches: price ± % or amount rounded to an ending (nearest, up or down),
// status, tags, category, preferred supplier. The dialog previews the effect on
// the actual target as the settings change, and applying asks for confirmation
// with the count and the effect (large price changes with old → new values).
// One change set, undoable from the toolbar or History.
import { useEffect, useMemo, useState, type FormEvent, type ReactNode } from 'react';
import type { BulkPreview as Preview } from '../../../../src/catalog/bulk-contract.js';
import type { MethodInput, MethodOutput } from '../../../../src/contract.js';
import { call } from '../../api/client.js';
import { useConfirm } from '../../components/confirm.js';
import { Dialog } from '../../components/Dialog.js';
import { IdSelect } from '../../components/IdSelect.js';
import { NumberField, useNumberInput, type NumberRule } from '../../components/number-field.js';
import { useToasts } from '../../components/toasts.js';
import { useDebounced } from '../../components/use-debounced.js';
import { useI18n } from '../../i18n/context.js';
import { currencyFractionDigits, formatNumber, majorToMinor } from '../../i18n/format.js';
import { bulkConfirmRequest } from './bulk-confirm.js';
import { BulkPreview } from './BulkPreview.js';

type Action = MethodInput<'variants.bulkAction'>['action'];
type Target = MethodInput<'variants.bulkAction'>['target'];
type Kind = Action['kind'];
type Rounding = 'none' | '.99' | '.90' | 'whole';
type Direction = 'nearest' | 'up' | 'down';

const previewDelayMs = 300;

export function BulkActionDialog(props: {
  target: Target;
  count: number;
  currency: string;
  onApply: (input: MethodInput<'variants.bulkAction'>) => Promise<void>;
  onClose: () => void;
}): ReactNode {
  const i18n = useI18n();
  const { t, locale } = i18n;
  const { showError } = useToasts();
  const confirm = useConfirm();
  const numbers = useNumberInput();
  const [kind, setKind] = useState<Kind>('priceChange');
  const [mode, setMode] = useState<'percent' | 'amount'>('percent');
  const [value, setValue] = useState(() => numbers.write(10));
  const [rounding, setRounding] = useState<Rounding>('.99');
  const [direction, setDirection] = useState<Direction>('nearest');
  const [status, setStatus] = useState<'active' | 'draft' | 'archived'>('active');
  const [tag, setTag] = useState('');
  const [categoryId, setCategoryId] = useState<number | null>(null);
  const [categories, setCategories] = useState<MethodOutput<'categories.list'>['categories']>([]);
  const [suppliers, setSuppliers] = useState<MethodOutput<'suppliers.list'>['suppliers']>([]);
  const [supplierId, setSupplierId] = useState(0);
  const [preview, setPreview] = useState<{ key: string; value: Preview } | null>(null);
  const [busy, setBusy] = useState(false);

  useEffect(() => {
    void call('categories.list', {}).then((answer) => setCategories(answer.categories), () => undefined);
    void call('suppliers.list', {}).then((answer) => {
      setSuppliers(answer.suppliers);
      setSupplierId(answer.suppliers[0]?.id ?? 0);
    }, () => undefined);
  }, []);

  const valueRule: NumberRule = { required: true, decimals: mode === 'percent' ? 2 : currencyFractionDigits(props.currency) };
  const valueCheck = numbers.check(value, valueRule);
  const action = useMemo((): Action | null => {
    switch (kind) {
      case 'priceChange': {
        if (!valueCheck.ok || valueCheck.value === null) return null;
        const amount = mode === 'percent' ? valueCheck.value : majorToMinor(valueCheck.value, props.currency);
        return { kind, mode, rounding, direction, field: 'price', value: amount };
      }
      case 'setStatus':
        return { kind, status };
      case 'addTag':
      case 'removeTag':
        return tag.trim() ? { kind, tag: tag.trim() } : null;
      case 'setCategory':
        return { kind, categoryId };
      case 'setSupplier':
        return supplierId ? { kind, supplierId } : null;
    }
  }, [kind, mode, rounding, direction, status, tag, categoryId, supplierId, valueCheck, props.currency]);

  // The preview follows the settings once the person pauses; a stale answer is never shown.
  const key = action ? JSON.stringify(action) : null;
  const settledKey = useDebounced(key, previewDelayMs);
  const { target } = props;
  useEffect(() => {
    if (settledKey === null) return undefined;
    let current = true;
    const settled = JSON.parse(settledKey) as Action;
    call('variants.bulkPreview', { target, action: settled }).then((answer) => current && setPreview({ key: settledKey, value: answer }), showError);
    return () => {
      current = false;
    };
  }, [settledKey, target, showError]);
  const shown = preview && preview.key === key ? preview.value : null;

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (!action || !key) return;
    setBusy(true);
    try {
      const current = shown ?? (await call('variants.bulkPreview', { target, action }));
      if (current.aboveLimit > 0) return;
      const names = {
        category: action.kind === 'setCategory' ? (categories.find((c) => c.id === action.categoryId)?.path ?? t('bulk.noCategory')) : '',
        supplier: action.kind === 'setSupplier' ? (suppliers.find((s) => s.id === action.supplierId)?.name ?? '') : '',
      };
      if (!(await confirm(bulkConfirmRequest({ preview: current, action, currency: props.currency, names, i18n })))) return;
      await props.onApply({ target, action });
      props.onClose();
    } catch (error) {
      showError(error);
    } finally {
      setBusy(false);
    }
  };

  const blocked = busy || action === null || (shown !== null && shown.aboveLimit > 0);
  return (
    <Dialog label={t('bulk.title')} testId="bulk-dialog" onClose={props.onClose} onSubmit={(event) => void submit(event)} wide>
      <h2>{t('bulk.title')}</h2>
      <p className="muted">{t('bulk.appliesTo', { count: formatNumber(props.count, locale) })}</p>
      <div className="fields">
        <label className="field">
          <span>{t('bulk.action')}</span>
          <select value={kind} onChange={(e) => setKind(e.target.value as Kind)} data-testid="bulk-kind">
            {(['priceChange', 'setStatus', 'addTag', 'removeTag', 'setCategory', 'setSupplier'] as const).map((k) => (
              <option key={k} value={k}>
                {t(`bulk.kind.${k}`)}
              </option>
            ))}
          </select>
        </label>
        {kind === 'priceChange' ? (
          <div className="field-row">
            <label className="field">
              <span>{t('bulk.by')}</span>
              <select value={mode} onChange={(e) => setMode(e.target.value as 'percent' | 'amount')} data-testid="bulk-mode">
                <option value="percent">{t('bulk.percent')}</option>
                <option value="amount">{t('bulk.amount', { currency: props.currency })}</option>
              </select>
            </label>
            <label className="field">
              <span>{t('bulk.value')}</span>
              <NumberField value={value} onChange={setValue} rule={valueRule} data-testid="bulk-value" />
            </label>
            <label className="field">
              <span>{t('bulk.rounding')}</span>
              <select value={rounding} onChange={(e) => setRounding(e.target.value as Rounding)} data-testid="bulk-rounding">
                <option value="none">{t('bulk.round.none')}</option>
                <option value=".99">.99</option>
                <option value=".90">.90</option>
                <option value="whole">{t('bulk.round.whole')}</option>
              </select>
            </label>
            {rounding !== 'none' ? (
              <label className="field">
                <span>{t('bulkPreview.direction')}</span>
                <select value={direction} onChange={(e) => setDirection(e.target.value as Direction)} data-testid="bulk-direction">
                  {(['nearest', 'up', 'down'] as const).map((d) => (
                    <option key={d} value={d}>
                      {t(`bulkPreview.direction.${d}`)}
                    </option>
                  ))}
                </select>
              </label>
            ) : null}
          </div>
        ) : null}
        {kind === 'setStatus' ? (
          <label className="field">
            <span>{t('columns.status')}</span>
            <select value={status} onChange={(e) => setStatus(e.target.value as typeof status)} data-testid="bulk-status">
              {(['active', 'draft', 'archived'] as const).map((s) => (
                <option key={s} value={s}>
                  {t(`status.${s}`)}
                </option>
              ))}
            </select>
          </label>
        ) : null}
        {kind === 'addTag' || kind === 'removeTag' ? (
          <label className="field">
            <span>{t('bulk.tag')}</span>
            <input value={tag} onChange={(e) => setTag(e.target.value)} data-testid="bulk-tag" />
          </label>
        ) : null}
        {kind === 'setSupplier' ? (
          <label className="field">
            <span>{t('field.supplierId')}</span>
            <IdSelect value={supplierId} onChange={(id) => setSupplierId(id ?? 0)} options={suppliers} label={(o) => o.name} />
            <small className="muted">{t('bulk.supplierHint')}</small>
          </label>
        ) : null}
        {kind === 'setCategory' ? (
          <label className="field">
            <span>{t('columns.category')}</span>
            <IdSelect value={categoryId} onChange={setCategoryId} options={categories} label={(o) => o.path} noneLabel={t('bulk.noCategory')} />
          </label>
        ) : null}
      </div>
      {action ? <BulkPreview preview={shown} kind={kind} currency={props.currency} /> : null}
      <div className="form-actions">
        <button type="submit" className="button button-primary" disabled={blocked} data-testid="bulk-apply">
          {t('bulk.apply', { count: formatNumber(props.count, locale) })}
        </button>
        <button type="button" className="button" onClick={props.onClose}>
          {t('common.cancel')}
        </button>
      </div>
    </Dialog>
  );
}
