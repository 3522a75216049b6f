// One linked product's own stock rule on this channel: keep back more (or fewer) than
// the channel's buffer, or offer another share — e.g. a slow seller offered in full, a
// best seller kept back for the shop. Empty fields mean "the channel's rule". The link
// table does not show the current override, so the dialog says so and saving replaces it.
import { useState, type FormEvent, type ReactNode } from 'react';
import { call } from '../../api/client.js';
import { Dialog } from '../../components/Dialog.js';
import { FieldProblem } from '../../components/FieldProblem.js';
import { useFieldIssues } from '../../components/field-issues.js';
import { NumberField, useNumberInput, type NumberRule } from '../../components/number-field.js';
import { useToasts } from '../../components/toasts.js';
import { useI18n } from '../../i18n/context.js';

const bufferRule: NumberRule = { integer: true, min: 0, max: 1_000_000 };
const shareRule: NumberRule = { min: 0, max: 100, decimals: 2 };

export function VariantRuleDialog(props: { channelId: number; variantId: number; sku: string; onClose: () => void }): ReactNode {
  const { t } = useI18n();
  const { showError, showSuccess } = useToasts();
  const numbers = useNumberInput();
  const issues = useFieldIssues();
  const [buffer, setBuffer] = useState('');
  const [share, setShare] = useState('');
  const [tried, setTried] = useState(false);

  const save = async (event: FormEvent) => {
    event.preventDefault();
    const b = numbers.check(buffer, bufferRule);
    const s = numbers.check(share, shareRule);
    if (!b.ok || !s.ok) {
      setTried(true);
      return;
    }
    try {
      await call('channels.setVariantRule', {
        channelId: props.channelId,
        variantId: props.variantId,
        buffer: b.value,
        shareBasisPoints: s.value === null ? null : Math.round(s.value * 100),
      });
      showSuccess('links.rule.saved');
      props.onClose();
    } catch (error) {
      showError(issues.take(error));
    }
  };

  return (
    <Dialog label={t('links.rule.title', { sku: props.sku })} testId="variant-rule-dialog" onClose={props.onClose} onSubmit={(e) => void save(e)}>
      <h2>{t('links.rule.title', { sku: props.sku })}</h2>
      <p className="muted small">{t('links.rule.hint')}</p>
      <div className="field-row">
        <label className="field">
          <span>{t('channels.settings.buffer')}</span>
          <NumberField value={buffer} onChange={setBuffer} rule={bufferRule} showProblem={tried} placeholder={t('links.rule.channels')} {...issues.fieldProps('buffer')} />
          <FieldProblem text={issues.issueFor('buffer')} />
        </label>
        <label className="field">
          <span>{t('channels.settings.share')}</span>
          <NumberField value={share} onChange={setShare} rule={shareRule} showProblem={tried} placeholder={t('links.rule.channels')} {...issues.fieldProps('shareBasisPoints')} data-testid="variant-rule-share" />
          <FieldProblem text={issues.issueFor('shareBasisPoints')} />
        </label>
      </div>
      <div className="form-actions">
        <button type="submit" className="button button-primary" data-testid="variant-rule-save">
          {t('common.save')}
        </button>
        <button type="button" className="button" onClick={props.onClose}>
          {t('common.cancel')}
        </button>
      </div>
    </Dialog>
  );
}
