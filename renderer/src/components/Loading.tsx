// What a page or panel shows while its data is on the way, so no panel sits
// empty for seconds: a spinner with a "Loading …" label, a skeleton shaped like
// the content, and <Loaded>, which shows the skeleton before the first answer
// and the previous content dimmed (with the spinner) while the next one loads.
import type { ReactNode } from 'react';
import { useI18n } from '../i18n/context.js';
import type { Load } from './use-load.js';

/** A spinner and its label; `label` says what is loading when that helps. */
export function Loading({ label, testId = 'loading' }: { label?: string; testId?: string }): ReactNode {
  const { t } = useI18n();
  return (
    <div className="loading" role="status" aria-live="polite" aria-busy="true" data-testid={testId}>
      <span className="spinner" aria-hidden="true" />
      <span>{label ?? t('pages.loading')}</span>
    </div>
  );
}

/** Grey bars in the shape of a table or a panel, with the spoken "Loading …" label. */
export function PanelSkeleton({ lines = 4, label, testId = 'loading' }: { lines?: number; label?: string; testId?: string }): ReactNode {
  const { t } = useI18n();
  return (
    <div className="skeleton" role="status" aria-live="polite" aria-busy="true" data-testid={testId}>
      <div className="skeleton-label">
        <span className="spinner" aria-hidden="true" />
        <span>{label ?? t('pages.loading')}</span>
      </div>
      {Array.from({ length: lines }, (_, i) => (
        <span key={i} className="skeleton-bar" style={{ width: `${92 - ((i * 17) % 35)}%` }} aria-hidden="true" />
      ))}
    </div>
  );
}

/** What a skeleton says: that its panel waits for the first screen's figures, when it does. */
export function useQueuedLabel(): (load: Pick<Load<unknown>, 'queued'>, label?: string) => string | undefined {
  const { t } = useI18n();
  return (load, label) => (load.queued ? t('loading.queued') : label);
}

/** Shown when the first load failed: the toast said why; this offers to try again. */
function LoadFailed({ onRetry }: { onRetry: () => void }): ReactNode {
  const { t } = useI18n();
  return (
    <div className="load-failed" role="alert" data-testid="load-failed">
      <span>{t('pages.loadFailed')}</span>
      <button type="button" className="button button-small" onClick={onRetry}>
        {t('pages.retry')}
      </button>
    </div>
  );
}

/**
 * Children while re-loading stay visible but dimmed under a spinner (aria-busy),
 * e.g. a report after its period changed.
 */
export function Busy({ busy, label, children, className }: { busy: boolean; label?: string; children: ReactNode; className?: string }): ReactNode {
  return (
    <div className={`busy${busy ? ' is-busy' : ''}${className ? ` ${className}` : ''}`} aria-busy={busy}>
      {children}
      {busy ? (
        <div className="busy-overlay">
          <Loading label={label} testId="reloading" />
        </div>
      ) : null}
    </div>
  );
}

/**
 * The one way to show loaded data: a skeleton until the first answer, a retry
 * after a failed first load, then the content — dimmed with a spinner while a
 * newer answer is on the way.
 */
export function Loaded<T>(props: {
  load: Load<T>;
  children: (data: T) => ReactNode;
  /** Skeleton lines before the first answer (the shape of the content). */
  lines?: number;
  label?: string;
  className?: string;
}): ReactNode {
  const { load } = props;
  const queuedLabel = useQueuedLabel();
  if (load.data === null) {
    if (load.failed && !load.loading) return <LoadFailed onRetry={load.reload} />;
    return <PanelSkeleton lines={props.lines} label={queuedLabel(load, props.label)} />;
  }
  return (
    <Busy busy={load.loading} label={props.label} className={props.className}>
      {props.children(load.data)}
    </Busy>
  );
}
