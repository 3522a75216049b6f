// One job: title, phase, done/total, ETA and a cancel button while running.
import type { ReactNode } from 'react';
import type { JobInfo } from '../../../src/jobs/contract.js';
import { formatDuration, formatNumber } from '../i18n/format.js';
import { useI18n } from '../i18n/context.js';
import { ProgressBar } from './ProgressBar.js';

export function JobLine({ job, onCancel }: { job: JobInfo; onCancel?: (job: JobInfo) => void }): ReactNode {
  const { t, tKey, locale } = useI18n();
  const title = tKey(job.titleKey, 'jobs.kind.unknown');
  const running = job.status === 'running';
  return (
    <div className={`job job-${job.status}`} data-testid="job">
      <div className="job-head">
        <strong className="job-title">{title}</strong>
        {running && onCancel ? (
          <button type="button" className="button button-small" onClick={() => onCancel(job)}>
            {t('jobs.cancel')}
          </button>
        ) : (
          <span className="job-status">{t(`jobs.status.${job.status}`)}</span>
        )}
      </div>
      <ProgressBar done={job.done} total={job.total} label={title} />
      <div className="job-meta">
        <span>{tKey(job.phase, 'jobs.phase.unknown')}</span>
        {job.total > 0 ? (
          <span>{t('jobs.progress', { done: formatNumber(job.done, locale), total: formatNumber(job.total, locale) })}</span>
        ) : null}
        {running && job.etaSeconds !== null ? (
          <span>{t('jobs.eta', { time: formatDuration(job.etaSeconds, locale) })}</span>
        ) : null}
      </div>
    </div>
  );
}
