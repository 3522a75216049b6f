// What can be done with a promotion in its state: Schedule (with the margin
// guard: a refusal shows the SKUs below their floor and asks why it should go
// ahead anyway, recorded in History), Unschedule, Cancel (saying what ends),
// Edit, Delete a draft.
import { useState, type FormEvent, type ReactNode } from 'react';
import type { CheckResult, PromotionDetail } from '../../../../src/promotions/contract.js';
import { toApiError } from '../../api/api-error.js';
import { call } from '../../api/client.js';
import { navigate, routeHref } from '../../app/route.js';
import { useConfirm } from '../../components/confirm.js';
import { Dialog } from '../../components/Dialog.js';
import { useFieldIssues } from '../../components/field-issues.js';
import { FieldProblem } from '../../components/FieldProblem.js';
import { useToasts } from '../../components/toasts.js';
import { useI18n } from '../../i18n/context.js';
import { formatNumber } from '../../i18n/format.js';
import { BreachTable } from './CheckView.js';

export function PromotionActions({ promotion, onChanged }: { promotion: PromotionDetail; onChanged: () => void }): ReactNode {
  const { t, locale } = useI18n();
  const { showError, showSuccess } = useToasts();
  const confirm = useConfirm();
  const [busy, setBusy] = useState(false);
  const [refused, setRefused] = useState<CheckResult | null>(null);
  const promotionId = promotion.id;

  const run = async (action: () => Promise<unknown>, done: Parameters<typeof showSuccess>[0]) => {
    setBusy(true);
    try {
      await action();
      showSuccess(done);
      onChanged();
    } catch (error) {
      showError(error);
    } finally {
      setBusy(false);
    }
  };

  const schedule = async () => {
    setBusy(true);
    try {
      await call('promotions.schedule', { promotionId });
      showSuccess('promotions.scheduled');
      onChanged();
    } catch (error) {
      // The guard's refusal: show which SKUs fall below their floor and offer the override.
      if (toApiError(error).details.key === 'belowMarginFloor') {
        try {
          setRefused(await call('promotions.check', { promotionId }));
        } catch (checkError) {
          showError(checkError);
        }
      } else showError(error);
    } finally {
      setBusy(false);
    }
  };

  const cancel = async () => {
    const ok = await confirm({
      title: t('promotions.cancel.title', { name: promotion.name }),
      lines: [
        promotion.status === 'running'
          ? t('promotions.cancel.running', { count: formatNumber(promotion.variantCount, locale) })
          : t('promotions.cancel.scheduled'),
      ],
      confirmLabel: t('promotions.cancel.confirm'),
      danger: true,
    });
    if (ok) await run(() => call('promotions.cancel', { promotionId }), 'promotions.cancelled');
  };

  const remove = async () => {
    const ok = await confirm({
      title: t('promotions.remove.title', { name: promotion.name }),
      lines: [t('promotions.remove.line')],
      confirmLabel: t('promotions.remove.confirm'),
      danger: true,
    });
    if (!ok) return;
    setBusy(true);
    try {
      await call('promotions.remove', { promotionId });
      showSuccess('promotions.removed');
      navigate('promotions');
    } catch (error) {
      showError(error);
    } finally {
      setBusy(false);
    }
  };

  const { status } = promotion;
  const editable = status === 'draft' || status === 'scheduled' || status === 'running';
  return (
    <div className="promo-actions" data-testid="promo-actions">
      {status === 'draft' ? (
        <button type="button" className="button button-primary" disabled={busy} onClick={() => void schedule()} data-testid="promo-schedule">
          {t('promotions.action.schedule')}
        </button>
      ) : null}
      {editable ? (
        <a className="button" href={routeHref('promotions', promotionId, 'edit')} data-testid="promo-edit">
          {t('promotions.action.edit')}
        </a>
      ) : null}
      {status === 'scheduled' ? (
        <button type="button" className="button" disabled={busy} onClick={() => void run(() => call('promotions.unschedule', { promotionId }), 'promotions.unscheduled')} data-testid="promo-unschedule">
          {t('promotions.action.unschedule')}
        </button>
      ) : null}
      {status === 'scheduled' || status === 'running' ? (
        <button type="button" className="button button-danger-quiet" disabled={busy} onClick={() => void cancel()} data-testid="promo-cancel">
          {t('promotions.action.cancel')}
        </button>
      ) : null}
      {status === 'draft' ? (
        <button type="button" className="button button-danger-quiet" disabled={busy} onClick={() => void remove()} data-testid="promo-delete">
          {t('promotions.action.delete')}
        </button>
      ) : null}
      {refused ? (
        <OverrideDialog
          promotionId={promotionId}
          check={refused}
          onClose={() => setRefused(null)}
          onDone={() => {
            setRefused(null);
            showSuccess('promotions.scheduled');
            onChanged();
          }}
        />
      ) : null}
    </div>
  );
}

/** "Schedule anyway below the margin floor — state why": the breaches, the reason, and the retry. */
function OverrideDialog({ promotionId, check, onClose, onDone }: { promotionId: number; check: CheckResult; onClose: () => void; onDone: () => void }): ReactNode {
  const { t, locale } = useI18n();
  const { showError } = useToasts();
  const issues = useFieldIssues();
  const [reason, setReason] = useState('');
  const [busy, setBusy] = useState(false);
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setBusy(true);
    issues.clear();
    try {
      await call('promotions.schedule', { promotionId, overrideReason: reason });
      onDone();
    } catch (error) {
      showError(issues.take(error));
    } finally {
      setBusy(false);
    }
  };
  return (
    <Dialog label={t('promotions.override.title')} testId="promo-override" onClose={onClose} onSubmit={(e) => void submit(e)} wide>
      <h2>{t('promotions.override.title')}</h2>
      <p className="confirm-line" data-testid="promo-override-refused">
        {t('promotions.override.refused', { count: formatNumber(check.breachCount, locale) })}
      </p>
      <BreachTable check={check} />
      <label className="field">
        <span>{t('promotions.override.reason')}</span>
        <textarea value={reason} onChange={(e) => setReason(e.target.value)} rows={3} data-testid="promo-override-reason" {...issues.fieldProps('overrideReason')} />
        <span className="muted small">{t('promotions.override.recorded')}</span>
        <FieldProblem text={issues.issueFor('overrideReason')} />
      </label>
      <div className="form-actions">
        <button type="submit" className="button button-danger" disabled={busy} data-testid="promo-override-ok">
          {t('promotions.override.confirm')}
        </button>
        <button type="button" className="button" onClick={onClose} data-testid="promo-override-cancel">
          {t('common.cancel')}
        </button>
      </div>
    </Dialog>
  );
}
