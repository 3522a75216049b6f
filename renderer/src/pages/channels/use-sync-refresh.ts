// Keeping the Channels screens current without a reload button: they re-read when
// the core says a channel's sync status moved (`sync.status`), when any job ends
// (a Sync now, a catalogue read) and when the event stream came back after a drop.
// Also the one way these screens start a job and learn how it ended.
import { useCallback, useEffect, useRef, useState } from 'react';
import type { JobInfo } from '../../../../src/jobs/contract.js';
import { ApiError } from '../../api/api-error.js';
import { onEvent, onReconnect } from '../../api/client.js';
import { useJobs } from '../../app/jobs-context.js';
import { useToasts } from '../../components/toasts.js';

export function useSyncRefresh(reload: () => void): void {
  const latest = useRef(reload);
  latest.current = reload;
  useEffect(() => {
    const run = (): void => latest.current();
    const stops = [
      onEvent('sync.status', run),
      onEvent('job.progress', (job) => {
        if (job.status !== 'running') run();
      }),
      onReconnect(run),
    ];
    return () => stops.forEach((stop) => stop());
  }, []);
}

export interface JobRun {
  /** The job this screen started last, as the jobs tray knows it (null before the first). */
  job: JobInfo | null;
  running: boolean;
  start(begin: () => Promise<{ jobId: string }>): Promise<void>;
}

/** Starts a job and, when it ends, says why it failed (the tray shows its progress meanwhile). */
export function useJobRun(onEnd?: (job: JobInfo) => void): JobRun {
  const jobs = useJobs();
  const { showError } = useToasts();
  const [jobId, setJobId] = useState<string | null>(null);
  const [starting, setStarting] = useState(false);
  const job = jobs.find((candidate) => candidate.id === jobId) ?? null;
  const reported = useRef<string | null>(null);
  const endRef = useRef(onEnd);
  endRef.current = onEnd;

  useEffect(() => {
    if (!job || job.status === 'running' || reported.current === job.id) return;
    reported.current = job.id;
    if (job.status === 'failed' && job.error) showError(ApiError.fromShape(job.error));
    endRef.current?.(job);
  }, [job, showError]);

  const start = useCallback(
    async (begin: () => Promise<{ jobId: string }>) => {
      setStarting(true);
      try {
        setJobId((await begin()).jobId);
      } catch (error) {
        showError(error);
      } finally {
        setStarting(false);
      }
    },
    [showError],
  );
  return { job, running: starting || job?.status === 'running', start };
}
