// What the bulk action in the dialog will do, worked out by the core from the
// actual target as the person changes the settings: how many change, a few
// prices before → after, the large changes, and what would be refused.
import type { ReactNode } from 'react';
import type { BulkPreview as Preview } from '../../../../src/catalog/bulk-contract.js';
import { useI18n } from '../../i18n/context.js';
import { formatMoney, formatNumber } from '../../i18n/format.js';
import { changeText } from '../purchasing/receipt-confirm.js';
import { priceRowLabel } from './bulk-confirm.js';

export function BulkPreview({ preview, kind, currency }: { preview: Preview | null; kind: string; currency: string }): ReactNode {
  const { t, locale } = useI18n();
  const n = (value: number) => formatNumber(value, locale);
  const money = (minor: number) => formatMoney(minor, currency, locale);
  if (!preview) {
    return (
      <div className="bulk-preview muted" data-testid="bulk-preview" aria-busy="true">
        {t('bulkPreview.loading')}
      </div>
    );
  }
  const price = kind === 'priceChange';
  return (
    <div className="bulk-preview" data-testid="bulk-preview" aria-live="polite">
      <h3>{t('bulkPreview.title')}</h3>
      <p className="confirm-line" data-testid="bulk-preview-count">
        {preview.changing === null
          ? t('bulkPreview.products', { matched: n(preview.matched), products: n(preview.products) })
          : kind === 'setCategory'
            ? t('bulkPreview.categoryChanging', { changing: n(preview.changing), products: n(preview.products) })
            : t('bulkPreview.changing', { changing: n(preview.changing), matched: n(preview.matched) })}
        {price && preview.withoutPrice > 0 ? ` ${t('bulkPreview.withoutPrice', { count: n(preview.withoutPrice) })}` : null}
      </p>
      {price && preview.aboveLimit > 0 ? (
        <p className="field-error" role="alert">
          {t('bulkPreview.aboveLimit', { count: n(preview.aboveLimit) })}
        </p>
      ) : null}
      {price && preview.largeCount > 0 ? (
        <p className="note" data-testid="bulk-preview-large">
          {t('bulkPreview.large', { count: n(preview.largeCount), percent: n(preview.thresholdPercent) })}
        </p>
      ) : null}
      {price && preview.samples.length > 0 ? (
        <table className="table compact" data-testid="bulk-preview-samples">
          <caption className="muted small">{t('bulkPreview.samples')}</caption>
          <tbody>
            {preview.samples.map((row) => (
              <tr key={row.variantId}>
                <td>{priceRowLabel(row)}</td>
                <td className="num">{money(row.before)}</td>
                <td aria-hidden="true">→</td>
                <td className="num">
                  <strong>{money(row.after)}</strong>
                </td>
                <td className="num muted">{changeText(row.before, row.after, locale)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      ) : price ? (
        <p className="muted">{t('bulkPreview.none')}</p>
      ) : null}
    </div>
  );
}
