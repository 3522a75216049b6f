// A promotion's status as a coloured chip (the calendar's bars use the same colours).
import type { ReactNode } from 'react';
import type { PromotionStatus } from './types.js';
import { useI18n } from '../../i18n/context.js';
import { statusName } from './promotion-texts.js';

export function StatusChip({ status }: { status: PromotionStatus }): ReactNode {
  const { t } = useI18n();
  return (
    <span className={`status promo-status promo-status-${status}`} data-testid="promo-status" data-status={status}>
      {statusName(t, status)}
    </span>
  );
}
