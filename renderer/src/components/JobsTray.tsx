// The running-jobs tray: visible while jobs run; finished ones stay a few
// seconds (fading) so the person sees how they ended, then disappear.
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
  // When this window first saw each job finished: the local clock, not the core's.
  const finishedSeen = useRef(new Map<string, number>());
  for (const job of jobs) {
    if (job.status !== 'running' && !finishedSeen.current.has(job.id)) finishedSeen.current.set(job.id, Date.now());
  }

  const recent = jobs.filter(
    (job) => job.status === 'running' || now - (finishedSeen.current.get(job.id) ?? 0) < lingerMs,
  );

  // Tick only while something is on screen, to expire finished jobs.
  useEffect(() => {
    if (recent.length === 0) return;
    const timer = window.setInterval(() => setNow(Date.now()), 1000);
    return () => window.clearInterval(timer);
  }, [recent.length]);

  if (recent.length === 0) return null;
  const cancel = (job: JobInfo): void => {
    call('jobs.cancel', { jobId: job.id }).catch(showError);
  };
  return (
    <section className="jobs-tray" aria-label={t('jobs.tray.label')} data-testid="jobs-tray">
      {recent.map((job) => (
        <div key={job.id} className={job.status === 'running' ? '' : 'job-fading'}>
          <JobLine job={job} onCancel={cancel} />
        </div>
      ))}
    </section>
  );
}
