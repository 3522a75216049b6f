// Bulk actions on the selected variants, or on every variant the grid's filter
// matches: price ± % or amount with rounding, status, tags, category. One
// change set, undoable from the toolbar or History.
import { useEffect, useState, type FormEvent, type ReactNode } from 'react';
import type { MethodInput, MethodOutput } from '../../../../src/contract.js';
import { call } from '../../api/client.js';
import { useI18n } from '../../i18n/context.js';
import { formatNumber, majorToMinor } from '../../i18n/format.js';
import { IdSelect } from '../../components/IdSelect.js';

type Action = MethodInput<'variants.bulkAction'>['action'];
type Target = MethodInput<'variants.bulkAction'>['target'];
type Kind = Action['kind'];

export function BulkActionDialog(props: {
  target: Target;
  count: number;
  currency: string;
  onApply: (input: MethodInput<'variants.bulkAction'>) => Promise<void>;
  onClose: () => void;
}): ReactNode {
  const { t, locale } = useI18n();
  const [kind, setKind] = useState<Kind>('priceChange');
  const [mode, setMode] = useState<'percent' | 'amount'>('percent');
  const [value, setValue] = useState('10');
  const [rounding, setRounding] = useState<'none' | '.99' | '.90' | 'whole'>('.99');
  const [status, setStatus] = useState<'active' | 'draft' | 'archived'>('active');
  const [tag, setTag] = useState('');
  const [categoryId, setCategoryId] = useState<number | null>(null);
  const [categories, setCategories] = useState<MethodOutput<'categories.list'>['categories']>([]);
  const [suppliers, setSuppliers] = useState<MethodOutput<'suppliers.list'>['suppliers']>([]);
  const [supplierId, setSupplierId] = useState(0);
  const [busy, setBusy] = useState(false);

  useEffect(() => {
    void call('categories.list', {}).then((answer) => setCategories(answer.categories), () => undefined);
    void call('suppliers.list', {}).then((answer) => {
      setSuppliers(answer.suppliers);
      setSupplierId(answer.suppliers[0]?.id ?? 0);
    }, () => undefined);
  }, []);

  const action = (): Action | null => {
    const number = Number(value.replace(',', '.'));
    switch (kind) {
      case 'priceChange':
        if (!Number.isFinite(number)) return null;
        return { kind, mode, rounding, field: 'price', value: mode === 'percent' ? number : majorToMinor(number, props.currency) };
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
  };

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const chosen = action();
    if (!chosen) return;
    setBusy(true);
    try {
      await props.onApply({ target: props.target, action: chosen });
      props.onClose();
    } finally {
      setBusy(false);
    }
  };

  return (
    <div className="dialog-backdrop" role="presentation">
      <form className="dialog card" role="dialog" aria-label={t('bulk.title')} data-testid="bulk-dialog" onSubmit={submit}>
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
                <select value={mode} onChange={(e) => setMode(e.target.value as 'percent' | 'amount')}>
                  <option value="percent">{t('bulk.percent')}</option>
                  <option value="amount">{t('bulk.amount', { currency: props.currency })}</option>
                </select>
              </label>
              <label className="field">
                <span>{t('bulk.value')}</span>
                <input value={value} onChange={(e) => setValue(e.target.value)} inputMode="decimal" data-testid="bulk-value" />
              </label>
              <label className="field">
                <span>{t('bulk.rounding')}</span>
                <select value={rounding} onChange={(e) => setRounding(e.target.value as typeof rounding)} data-testid="bulk-rounding">
                  <option value="none">{t('bulk.round.none')}</option>
                  <option value=".99">.99</option>
                  <option value=".90">.90</option>
                  <option value="whole">{t('bulk.round.whole')}</option>
                </select>
              </label>
            </div>
          ) : null}
          {kind === 'setStatus' ? (
            <label className="field">
              <span>{t('columns.status')}</span>
              <select value={status} onChange={(e) => setStatus(e.target.value as typeof status)}>
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
              <input value={tag} onChange={(e) => setTag(e.target.value)} />
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
        <div className="form-actions">
          <button type="submit" className="button button-primary" disabled={busy || action() === null} data-testid="bulk-apply">
            {t('bulk.apply', { count: formatNumber(props.count, locale) })}
          </button>
          <button type="button" className="button" onClick={props.onClose}>
            {t('common.cancel')}
          </button>
        </div>
      </form>
    </div>
  );
}
