// "Show as table" / "Show as chart": every chart can show its numbers.
import type { ReactNode } from 'react';
import { useI18n } from '../i18n/context.js';

export function ChartTableToggle({ asTable, onToggle, testId }: { asTable: boolean; onToggle: () => void; testId?: string }): ReactNode {
  const { t } = useI18n();
  return (
    <button type="button" className="button button-small" onClick={onToggle} data-testid={testId}>
      {asTable ? t('insights.sales.chart') : t('insights.sales.table')}
    </button>
  );
}
