// Adjust stock with a reason: change by a number (damage −2, found +1) or set
// the level to a counted number. Posted through the ledger in one step. The
// quantity is read like every typed number (components/number-field.tsx).
import { useEffect, useState, type FormEvent, type ReactNode } from 'react';
import type { MethodOutput } from '../../../../src/contract.js';
import type { Location, StockLevel } from '../../../../src/inventory/contract.js';
import { call } from '../../api/client.js';
import { findVariant } from '../../api/lookup.js';
import { ApiError } from '../../api/api-error.js';
import { useToasts } from '../../components/toasts.js';
import { asRowOf } from '../../components/field-issues.js';
import { useI18n } from '../../i18n/context.js';
import { Dialog } from '../../components/Dialog.js';
import { NumberField, useNumberInput, type NumberRule } from '../../components/number-field.js';

type Reason = MethodOutput<'adjustmentReasons.list'>['reasons'][number];

export function AdjustDialog(props: { level: StockLevel | null; locations: readonly Location[]; onClose: () => void }): ReactNode {
  const { t, tKey } = useI18n();
  const { showError, showSuccess } = useToasts();
  const [sku, setSku] = useState(props.level?.sku ?? '');
  const [locationId, setLocationId] = useState<number>(props.level?.locationId ?? props.locations[0]?.id ?? 0);
  const [mode, setMode] = useState<'delta' | 'setTo'>('delta');
  const [quantity, setQuantity] = useState('');
  const [reasons, setReasons] = useState<Reason[]>([]);
  const [reasonCode, setReasonCode] = useState('');
  const [note, setNote] = useState('');
  const [busy, setBusy] = useState(false);
  const numbers = useNumberInput();
  // A change is a whole number either way (−2 damaged, +1 found); a counted level is not negative.
  const quantityRule: NumberRule = mode === 'delta' ? { required: true, integer: true } : { required: true, integer: true, min: 0 };
  // After a refused submit the quantity says why.
  const [tried, setTried] = useState(false);

  useEffect(() => {
    call('adjustmentReasons.list', {}).then((answer) => {
      const active = answer.reasons.filter((r) => r.active);
      setReasons(active);
      setReasonCode((current) => current || (active[0]?.code ?? ''));
    }, showError);
  }, [showError]);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const typed = numbers.check(quantity, quantityRule);
    if (!typed.ok || typed.value === null) {
      setTried(true);
      return;
    }
    const amount = typed.value;
    setBusy(true);
    try {
      const variant = props.level ? { variantId: props.level.variantId } : await findVariant(sku);
      if (!variant) throw new ApiError('NOT_FOUND', sku, { key: 'unknownScanCode', params: { code: sku } });
      await call('stock.adjust', {
        lines: [{ variantId: variant.variantId, locationId, reasonCode, note: note || undefined, ...(mode === 'delta' ? { delta: amount } : { setTo: amount }) }],
      });
      showSuccess('stock.adjusted');
      props.onClose();
    } catch (error) {
      // One line sent: its refusal is said of the SKU, not of "Line 1".
      showError(asRowOf(error, props.level?.sku ?? sku.trim()));
    } finally {
      setBusy(false);
    }
  };

  return (
    <Dialog label={t('stock.adjustTitle')} testId="adjust-dialog" onClose={props.onClose} onSubmit={submit}>
      <h2>{t('stock.adjustTitle')}</h2>
      {props.level ? (
        <p className="muted">
          {props.level.sku} · {props.level.title} · {t('stock.onHandNow', { n: props.level.onHand })}
        </p>
      ) : null}
      <div className="fields">
        {props.level ? null : (
          <label className="field">
            <span>{t('stock.skuOrBarcode')}</span>
            <input required value={sku} onChange={(e) => setSku(e.target.value)} data-testid="adjust-sku" />
          </label>
        )}
        <label className="field">
          <span>{t('stock.location')}</span>
          <select value={locationId} onChange={(e) => setLocationId(Number(e.target.value))} disabled={props.level !== null}>
            {props.locations.map((l) => (
              <option key={l.id} value={l.id}>
                {l.name}
              </option>
            ))}
          </select>
        </label>
        <div className="field-row">
          <label className="field">
            <span>{t('stock.adjustMode')}</span>
            <select value={mode} onChange={(e) => setMode(e.target.value as 'delta' | 'setTo')}>
              <option value="delta">{t('stock.changeBy')}</option>
              <option value="setTo">{t('stock.setTo')}</option>
            </select>
          </label>
          <label className="field">
            <span>{t('field.quantity')}</span>
            <NumberField value={quantity} onChange={setQuantity} rule={quantityRule} showProblem={tried} data-testid="adjust-quantity" />
          </label>
          <label className="field">
            <span>{t('field.reasonCode')}</span>
            <select value={reasonCode} onChange={(e) => setReasonCode(e.target.value)} data-testid="adjust-reason">
              {reasons.map((r) => (
                <option key={r.code} value={r.code}>
                  {tKey(`reason.${r.code}`, 'reason.custom', { label: r.label })}
                </option>
              ))}
            </select>
          </label>
        </div>
        <label className="field">
          <span>{t('stock.note')}</span>
          <input value={note} onChange={(e) => setNote(e.target.value)} />
        </label>
      </div>
      <div className="form-actions">
        <button type="submit" className="button button-primary" disabled={busy} data-testid="adjust-submit">
          {t('stock.adjust')}
        </button>
        <button type="button" className="button" onClick={props.onClose}>
          {t('common.cancel')}
        </button>
      </div>
    </Dialog>
  );
}
