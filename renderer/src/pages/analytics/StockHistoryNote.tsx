// Says where the stock history starts when it matters for the figures shown:
// before the start stock is unknown (no value instead of 0 on hand, 100 %
// sell-through and no dead stock); a period that begins before it counts
// from the start. The ⓘ names each location's first record.
import { useState, type ReactNode } from 'react';
import type { StockHistory } from '../../../../src/analytics/stock-history-contract.js';
import { useI18n } from '../../i18n/context.js';
import { formatLocalDate } from './period.js';

/** True when the figures of this answer have no stock value (show the note instead of numbers). */
export function stockUnknown(history: StockHistory | undefined): boolean {
  return history?.coverage === 'none';
}

export function StockHistoryNote({ history, testId = 'stock-history-note' }: { history: StockHistory | undefined; testId?: string }): ReactNode {
  const { t, locale } = useI18n();
  const [open, setOpen] = useState(false);
  if (!history || history.coverage === 'full') return null;
  const date = history.from === null ? '' : formatLocalDate(history.from, locale);
  const text = !history.recorded ? t('analytics.stock.notRecorded') : history.coverage === 'none' ? t('analytics.stock.none', { date }) : t('analytics.stock.fromStart', { date });
  const locations = history.locations
    .map((l) => t(l.opening ? 'analytics.stock.locationOpening' : 'analytics.stock.locationEmpty', { location: l.name, date: formatLocalDate(l.from, locale) }))
    .join(t('analytics.stock.listSeparator'));
  return (
    <div className={history.coverage === 'none' ? 'stock-note stock-note-none' : 'stock-note'} role="status" data-testid={testId}>
      <span>{text}</span>{' '}
      <button type="button" className="link kpi-how-toggle" aria-expanded={open} aria-label={t('analytics.how')} title={t('analytics.stock.how')} onClick={() => setOpen((v) => !v)}>
        ⓘ
      </button>
      {open ? (
        <p className="muted small how">
          {t('analytics.stock.how')} {locations}
        </p>
      ) : null}
    </div>
  );
}
