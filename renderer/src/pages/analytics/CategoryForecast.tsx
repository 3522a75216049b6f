// Analytics → Products: the demand forecast of a category (with everything below it).
import { useRef, type ReactNode } from 'react';
import { call } from '../../api/client.js';
import { PanelSkeleton, useQueuedLabel } from '../../components/Loading.js';
import { useLoad } from '../../components/use-load.js';
import { useI18n } from '../../i18n/context.js';
import { ForecastPanel, type ForecastChoice } from './ForecastPanel.js';

export function CategoryForecast(): ReactNode {
  const { t } = useI18n();
  // At the foot of Analytics → Products: asked for after the first screen (or when scrolled to).
  const panel = useRef<HTMLElement>(null);
  const load = useLoad(() => call('categories.list', {}), [], { belowFold: panel });
  const queuedLabel = useQueuedLabel();
  const title = `${t('analytics.forecastPanel.title')} · ${t('analytics.forecastPanel.category')}`;
  if (load.data === null)
    return load.loading ? (
      <article className="card" ref={panel}>
        <h2>{title}</h2>
        <PanelSkeleton lines={5} label={queuedLabel(load)} />
      </article>
    ) : null;
  const choices: ForecastChoice[] = [...load.data.categories].sort((a, b) => a.path.localeCompare(b.path)).map((c) => ({ label: c.path, scope: { kind: 'category', id: c.id } }));
  // A shop without categories has no category forecast to offer.
  if (choices.length === 0) return null;
  return <ForecastPanel title={title} choices={choices} testId="category-forecast" />;
}
