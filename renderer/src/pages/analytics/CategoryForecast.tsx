// Analytics → Products: the demand forecast of a category (with everything below it).
import { useEffect, useState, type ReactNode } from 'react';
import { call } from '../../api/client.js';
import { useToasts } from '../../components/toasts.js';
import { useI18n } from '../../i18n/context.js';
import { ForecastPanel, type ForecastChoice } from './ForecastPanel.js';

export function CategoryForecast(): ReactNode {
  const { t } = useI18n();
  const { showError } = useToasts();
  const [choices, setChoices] = useState<ForecastChoice[] | null>(null);
  useEffect(() => {
    call('categories.list', {}).then(
      (answer) => setChoices([...answer.categories].sort((a, b) => a.path.localeCompare(b.path)).map((c) => ({ label: c.path, scope: { kind: 'category', id: c.id } }))),
      showError,
    );
  }, [showError]);
  if (!choices || choices.length === 0) return null;
  return <ForecastPanel title={`${t('analytics.forecastPanel.title')} · ${t('analytics.forecastPanel.category')}`} choices={choices} testId="category-forecast" />;
}
