// Previous / next through a long table, with "1–50 of 1,234". Long tables show
// it above and below, so the next page is reachable without scrolling down.
import type { ReactNode } from 'react';
import { useI18n } from '../i18n/context.js';
import { formatNumber } from '../i18n/format.js';

export function Pager(props: { offset: number; total: number; size: number; onChange: (offset: number) => void; placement?: 'top' | 'bottom' }): ReactNode {
  const { t, locale } = useI18n();
  if (props.total <= props.size) return null;
  const to = Math.min(props.offset + props.size, props.total);
  const top = props.placement === 'top';
  return (
    <div className={top ? 'pager pager-top' : 'pager'} data-testid={top ? 'pager-top' : 'pager'}>
      <button type="button" className="button button-small" disabled={props.offset === 0} onClick={() => props.onChange(Math.max(0, props.offset - props.size))}>
        {t('common.previous')}
      </button>
      <span className="muted small">{t('common.pageOf', { from: formatNumber(props.offset + 1, locale), to: formatNumber(to, locale), total: formatNumber(props.total, locale) })}</span>
      <button type="button" className="button button-small" disabled={to >= props.total} onClick={() => props.onChange(props.offset + props.size)}>
        {t('common.next')}
      </button>
    </div>
  );
}
