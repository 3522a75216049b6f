// Ending an order early, kept apart from receiving (at the foot of the order,
// not beside "Receive") and confirmed: closing settles a short delivery,
// cancelling drops an order that will not come. Each says how many units stop
// being expected.
import type { ReactNode } from 'react';
import type { MethodOutput } from '../../../../src/contract.js';
import { call } from '../../api/client.js';
import { useConfirm } from '../../components/confirm.js';
import { useToasts } from '../../components/toasts.js';
import { useI18n } from '../../i18n/context.js';
import { formatNumber } from '../../i18n/format.js';

type Po = MethodOutput<'purchaseOrders.get'>;

export function OrderActions({ po, onChanged }: { po: Po; onChanged: (next: Po) => void }): ReactNode {
  const { t, locale } = useI18n();
  const confirm = useConfirm();
  const { showError, showSuccess } = useToasts();
  const canClose = po.status === 'partially_received';
  const canCancel = po.status === 'draft' || (po.status === 'sent' && po.receivedUnits === 0);
  if (!canClose && !canCancel) return null;

  const open = po.lines.filter((line) => line.outstanding > 0);
  const counts = { lines: formatNumber(open.length, locale), units: formatNumber(open.reduce((sum, line) => sum + line.outstanding, 0), locale) };
  const run = async (action: 'close' | 'cancel') => {
    const ok =
      action === 'close'
        ? await confirm({
            title: t('orderActions.close.title', { number: po.number }),
            lines: [t('orderActions.close.line', counts)],
            confirmLabel: t('orderActions.close.ok'),
          })
        : await confirm({
            title: t('orderActions.cancel.title', { number: po.number }),
            lines: [po.status === 'draft' ? t('orderActions.cancel.draft') : t('orderActions.cancel.line', counts), t('orderActions.cancel.final')],
            confirmLabel: t('orderActions.cancel.ok'),
            danger: true,
          });
    if (!ok) return;
    try {
      onChanged(await call(action === 'close' ? 'purchaseOrders.close' : 'purchaseOrders.cancel', { purchaseOrderId: po.id }));
      showSuccess('po.updated');
    } catch (error) {
      showError(error);
    }
  };

  return (
    <section className="order-actions no-print" aria-label={t('orderActions.title')} data-testid="po-other-actions">
      <h3>{t('orderActions.title')}</h3>
      {canClose ? (
        <div className="order-action">
          <span className="muted small">{t('orderActions.closeHint')}</span>
          <button type="button" className="button button-small" onClick={() => void run('close')} data-testid="po-close">
            {t('po.close')}
          </button>
        </div>
      ) : null}
      {canCancel ? (
        <div className="order-action">
          <span className="muted small">{t('orderActions.cancelHint')}</span>
          <button type="button" className="button button-small button-danger-quiet" onClick={() => void run('cancel')} data-testid="po-cancel">
            {t('po.cancel')}
          </button>
        </div>
      ) : null}
    </section>
  );
}
