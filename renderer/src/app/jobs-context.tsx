// Every job the core reports, kept current from `jobs.list` plus 'job.progress'
// events. Both the Welcome screen (demo progress) and the tray read it.
import { createContext, useContext, useEffect, useState, type ReactNode } from 'react';
import type { JobInfo } from '../../../src/jobs/contract.js';
import { call, onEvent, onReconnect } from '../api/client.js';

interface Jobs {
  jobs: JobInfo[];
}

const JobsContext = createContext<Jobs>({ jobs: [] });

function upsert(list: JobInfo[], job: JobInfo): JobInfo[] {
  const index = list.findIndex((item) => item.id === job.id);
  if (index === -1) return [...list, job];
  const copy = list.slice();
  copy[index] = job;
  return copy;
}

export function JobsProvider({ children }: { children: ReactNode }): ReactNode {
  const [jobs, setJobs] = useState<JobInfo[]>([]);

  useEffect(() => {
    const load = (): void => {
      call('jobs.list', {})
        // Jobs that ended before this window knew of them are history, not news:
        // only running ones are added; known ones are brought up to date.
        .then((answer) =>
          setJobs((current) =>
            answer.jobs
              .filter((job) => job.status === 'running' || current.some((known) => known.id === job.id))
              .reduce(upsert, current),
          ),
        )
        .catch(() => undefined); // The tray is a convenience; a failed refresh is retried on reconnect.
    };
    load();
    const stopEvents = onEvent('job.progress', (job) => setJobs((current) => upsert(current, job)));
    const stopReconnect = onReconnect(load);
    return () => {
      stopEvents();
      stopReconnect();
    };
  }, []);

  return <JobsContext.Provider value={{ jobs }}>{children}</JobsContext.Provider>;
}

export function useJobs(): JobInfo[] {
  return useContext(JobsContext).jobs;
}
