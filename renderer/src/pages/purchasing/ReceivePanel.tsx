// Receiving a purchase order: quantities start empty ("Receive all outstanding"
// fills them on purpose), only lines with a quantity are received, a
// foreign-currency order proposes the rate last used for its supplier, and the
// receipt is confirmed from the core's preview — lines, units, value and every
// unit cost it moves — before anything is posted.
import { useCallback, useEffect, useState, type ReactNode } from 'react';
import type { MethodOutput } from '../../../../src/contract.js';
import { call } from '../../api/client.js';
import { useShop } from '../../app/shop-context.js';
import { IdSelect } from '../../components/IdSelect.js';
import { useConfirm } from '../../components/confirm.js';
import { NumberField, useNumberInput, type NumberRule } from '../../components/number-field.js';
import { useToasts } from '../../components/toasts.js';
import { toVisibleRows } from '../../components/field-issues.js';
import { useI18n } from '../../i18n/context.js';
import { formatDateTime } from '../../i18n/format.js';
import { useLocations } from '../stock/use-locations.js';
import { receiptConfirmRequest } from './receipt-confirm.js';

type Po = MethodOutput<'purchaseOrders.get'>;

/** What a receipt quantity may be: a whole number of units (empty = not received). */
export const receiveQuantityRule: NumberRule = { integer: true, min: 0, max: 10_000_000 };
const rateRule: NumberRule = { min: 0, max: 1_000_000 };

/** The quantities typed per order line, empty until the person fills them. */
export function useReceiptDraft(po: Po | null) {
  const [quantities, setQuantities] = useState<Record<number, string>>({});
  const [showProblems, setShowProblems] = useState(false);
  const poId = po?.id;
  // A new order (or the same order after a receipt) starts empty again.
  useEffect(() => {
    setQuantities({});
    setShowProblems(false);
  }, [poId, po?.receivedUnits]);
  const numbers = useNumberInput();
  return {
    quantities,
    showProblems,
    setShowProblems,
    setQuantity: useCallback((lineId: number, text: string) => setQuantities((current) => ({ ...current, [lineId]: text })), []),
    fillAll: () => setQuantities(Object.fromEntries((po?.lines ?? []).filter((l) => l.outstanding > 0).map((l) => [l.id, numbers.write(l.outstanding)]))),
    clear: () => setQuantities({}),
  };
}
export type ReceiptDraft = ReturnType<typeof useReceiptDraft>;

export function ReceivePanel({ po, draft, onReceived }: { po: Po; draft: ReceiptDraft; onReceived: (next: Po) => void }): ReactNode {
  const i18n = useI18n();
  const { t, locale } = i18n;
  const { settings } = useShop();
  const { showError, showSuccess } = useToasts();
  const confirm = useConfirm();
  const numbers = useNumberInput();
  const locations = useLocations();
  const [locationId, setLocationId] = useState(po.locationId);
  const [rate, setRate] = useState('');
  const [message, setMessage] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const foreign = po.currency !== settings.currency;
  const remembered = po.rememberedRate;

  // The remembered rate is proposed; the person sees it in the field and may change it.
  useEffect(() => {
    setLocationId(po.locationId);
    setRate(remembered ? numbers.write(remembered.rate) : '');
  }, [po.id, po.locationId, remembered, numbers]);

  const rateCheck = numbers.check(rate, { ...rateRule, required: true });
  const rateOk = rateCheck.ok && rateCheck.value !== null && rateCheck.value > 0;

  const receive = async () => {
    setMessage(null);
    const checked = po.lines.map((line) => ({ line, check: numbers.check(draft.quantities[line.id] ?? '', receiveQuantityRule) }));
    if (checked.some(({ check }) => !check.ok) || (foreign && !rateOk)) {
      draft.setShowProblems(true);
      setMessage(t('receive.checkQuantities'));
      return;
    }
    const lines = checked.flatMap(({ line, check }) => (check.ok && check.value !== null && check.value > 0 ? [{ lineId: line.id, quantity: check.value }] : []));
    // Which table row each sent line is, so a refusal names the row on screen and its SKU.
    const sent = checked.flatMap(({ line, check }, index) => (check.ok && check.value !== null && check.value > 0 ? [{ index, sku: line.sku }] : []));
    if (lines.length === 0) {
      setMessage(t('receive.nothing'));
      return;
    }
    const exchangeRate = foreign && rateCheck.ok && rateCheck.value !== null ? { exchangeRate: rateCheck.value } : {};
    setBusy(true);
    try {
      const preview = await call('purchaseOrders.previewReceipt', { purchaseOrderId: po.id, lines, ...exchangeRate });
      const location = locations.find((l) => l.id === locationId)?.name ?? po.location;
      const request = receiptConfirmRequest({ preview, po, location, thresholdPercent: settings.priceChangeConfirmPercent, i18n });
      if (!(await confirm(request))) return;
      // The person saw and accepted any line beyond what is still ordered.
      const confirmOver = preview.lines.some((line) => line.over);
      const next = await call('purchaseOrders.receive', { purchaseOrderId: po.id, locationId, lines, confirmOver, ...exchangeRate });
      showSuccess('receive.done');
      onReceived(next);
    } catch (error) {
      showError(toVisibleRows(error, sent));
    } finally {
      setBusy(false);
    }
  };

  return (
    <section className="receive-panel" aria-label={t('receive.title')} data-testid="receive-panel">
      <h3>{t('receive.title')}</h3>
      <p className="muted small">{t('receive.hint')}</p>
      <div className="field-row receive-bar">
        <div className="button-row">
          <button type="button" className="button" onClick={draft.fillAll} data-testid="receive-fill-all">
            {t('receive.fillAll')}
          </button>
          <button type="button" className="button" onClick={draft.clear} data-testid="receive-clear">
            {t('receive.clear')}
          </button>
        </div>
        <label className="field">
          <span>{t('po.receiveInto')}</span>
          <IdSelect value={locationId} onChange={(id) => setLocationId(id ?? po.locationId)} options={locations} label={(o) => o.name} testId="receive-location" />
        </label>
        {foreign ? (
          <label className="field">
            <span>{t('po.rate', { from: po.currency, to: settings.currency })}</span>
            <NumberField value={rate} onChange={setRate} rule={{ ...rateRule, required: true }} showProblem={draft.showProblems} data-testid="receive-rate" />
            <small className="muted" data-testid="receive-rate-note">
              {remembered
                ? t('receive.rateRemembered', { date: formatDateTime(remembered.updatedAt, locale, settings.timeZone) })
                : t('receive.rateNeeded', { currency: po.currency, shop: settings.currency })}
            </small>
            {draft.showProblems && rateCheck.ok && !rateOk ? <span className="field-error">{t('receive.rateProblem', { example: numbers.write(0.14) })}</span> : null}
          </label>
        ) : null}
      </div>
      {message ? (
        <p className="note" role="alert" data-testid="receive-message">
          {message}
        </p>
      ) : null}
      <div className="form-actions">
        <button type="button" className="button button-primary" disabled={busy} onClick={() => void receive()} data-testid="po-receive">
          {t('receive.button')}
        </button>
      </div>
    </section>
  );
}
