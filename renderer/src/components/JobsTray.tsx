// The running-jobs tray: visible while jobs run; finished ones stay a few
// seconds (fading) so the person sees how they ended, then disappear. It can
// be tucked away (× or Esc inside it) into a small "n jobs" button when it is
// in the way; a job that starts later opens it again.
import { useEffect, useRef, useState, type ReactNode } from 'react';
import type { JobInfo } from '../../../src/jobs/contract.js';
import { call } from '../api/client.js';
import { useJobs } from '../app/jobs-context.js';
import { useI18n } from '../i18n/context.js';
import { JobLine } from './JobLine.js';
import { useToasts } from './toasts.js';

const lingerMs = 5000;

export function JobsTray(): ReactNode {
  const { t } = useI18n();
  const { showError } = useToasts();
  const jobs = useJobs();
  const [now, setNow] = useState(() => Date.now());
  const [tucked, setTucked] = useState(false);
  const openButton = useRef<HTMLButtonElement>(null);
  // When this window first saw each job finished: the local clock, not the core's.
  const finishedSeen = useRef(new Map<string, number>());
  for (const job of jobs) {
    if (job.status !== 'running' && !finishedSeen.current.has(job.id)) finishedSeen.current.set(job.id, Date.now());
  }

  const recent = jobs.filter(
    (job) => job.status === 'running' || now - (finishedSeen.current.get(job.id) ?? 0) < lingerMs,
  );
  const running = recent.filter((job) => job.status === 'running');

  // Tick only while something is on screen, to expire finished jobs.
  useEffect(() => {
    if (recent.length === 0) return;
    const timer = window.setInterval(() => setNow(Date.now()), 1000);
    return () => window.clearInterval(timer);
  }, [recent.length]);

  // A newly started job is news: the tray opens again.
  const newest = running.at(-1)?.id;
  useEffect(() => {
    if (newest !== undefined) setTucked(false);
  }, [newest]);

  if (recent.length === 0) return null;
  const cancel = (job: JobInfo): void => {
    call('jobs.cancel', { jobId: job.id }).catch(showError);
  };
  const tuck = () => {
    setTucked(true);
    // Keep the focus in reach: on the button that opens the tray again.
    window.setTimeout(() => openButton.current?.focus(), 0);
  };
  if (tucked) {
    return (
      <div className="jobs-tray jobs-tray-tucked">
        <button ref={openButton} type="button" className="button button-small" onClick={() => setTucked(false)} data-testid="jobs-tray-open">
          {t('pages.jobs.show', { count: recent.length })}
        </button>
      </div>
    );
  }
  return (
    <section
      className="jobs-tray"
      aria-label={t('jobs.tray.label')}
      data-testid="jobs-tray"
      onKeyDown={(event) => {
        if (event.key !== 'Escape') return;
        event.stopPropagation();
        tuck();
      }}
    >
      <div className="jobs-tray-head">
        <span className="small muted">{t('jobs.tray.label')}</span>
        <button type="button" className="icon-button" onClick={tuck} aria-label={t('pages.jobs.hide')} title={t('pages.jobs.hide')} data-testid="jobs-tray-hide">
          ×
        </button>
      </div>
      {recent.map((job) => (
        <div key={job.id} className={job.status === 'running' ? 'jobs-tray-job' : 'jobs-tray-job job-fading'}>
          <JobLine job={job} onCancel={cancel} />
        </div>
      ))}
    </section>
  );
}
