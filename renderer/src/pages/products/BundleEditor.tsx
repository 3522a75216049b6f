// A kit: this variant is sold as a set of component variants. Its stock is
// never held; what can be sold is the minimum over components of
// floor(available ÷ quantity), and selling it takes the components.
import { useCallback, useEffect, useState, type ReactNode } from 'react';
import type { MethodOutput } from '../../../../src/contract.js';
import { call } from '../../api/client.js';
import { useToasts } from '../../components/toasts.js';
import { useI18n } from '../../i18n/context.js';
import { formatNumber } from '../../i18n/format.js';
import { emptyLine, LinesEditor, useSendLines, type LineDraft } from '../stock/LinesEditor.js';
import { useFieldIssues } from '../../components/field-issues.js';

export function BundleEditor({ variantId }: { variantId: number }): ReactNode {
  const { t, locale } = useI18n();
  const { showError, showSuccess } = useToasts();
  const [availability, setAvailability] = useState<MethodOutput<'bundles.availability'> | null>(null);
  const [lines, setLines] = useState<LineDraft[]>([emptyLine()]);
  const sendLines = useSendLines();
  const issues = useFieldIssues();

  const load = useCallback(async () => {
    const answer = await call('bundles.availability', { bundleVariantId: variantId });
    setAvailability(answer);
    setLines(answer.components.length ? answer.components.map((c) => ({ code: c.sku, quantity: String(c.quantity) })) : [emptyLine()]);
  }, [variantId]);
  useEffect(() => {
    load().catch(showError);
  }, [load, showError]);

  const save = async () => {
    try {
      await sendLines(lines, (components) => call('bundles.set', { bundleVariantId: variantId, components }), 'components');
      issues.clear();
      showSuccess('products.saved');
      await load();
    } catch (error) {
      showError(issues.take(error));
    }
  };

  return (
    <div className="card" data-testid="bundle-editor">
      <h2>{t('bundle.title')}</h2>
      <p className="muted small">{t('bundle.how')}</p>
      {availability && availability.components.length > 0 ? (
        <p data-testid="bundle-available">
          <strong>{t('bundle.available', { n: formatNumber(availability.available, locale) })}</strong>{' '}
          <span className="muted">
            {availability.components.map((c) => t('bundle.component', { sku: c.sku, available: c.available, per: c.quantity, bundles: c.bundles })).join(' · ')}
          </span>
        </p>
      ) : null}
      <LinesEditor lines={lines} onChange={setLines} testId="bundle-lines" issues={issues} list="components" />
      <button type="button" className="button" onClick={() => void save()}>
        {t('bundle.save')}
      </button>
    </div>
  );
}
