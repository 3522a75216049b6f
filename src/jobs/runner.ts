// Runs long work as jobs: progress events (done/total, phase, ETA), cancel
// through an AbortSignal. The work itself decides its commit point; a job that
// fails or is cancelled before it must leave the database unchanged.
import { randomUUID } from 'node:crypto';
import { AppError } from '../shared/app-error.js';
import type { Clock } from '../shared/clock.js';
import type { JobInfo } from './contract.js';

export interface JobContext {
  signal: AbortSignal;
  /** Report progress; throttled so a tight loop can call it freely. */
  progress(done: number, total: number, phase?: string): void;
  /** Throws CANCELLED when the job was cancelled; call between chunks of work. */
  throwIfCancelled(): void;
}

export type JobWork = (ctx: JobContext) => Promise<void>;

interface RunningJob {
  info: JobInfo;
  controller: AbortController;
  startedMs: number;
  lastEmitMs: number;
}

const emitIntervalMs = 100;
const keepFinished = 20;

export function cancelledError(): AppError {
  return new AppError('CANCELLED', 'The job was cancelled; nothing was changed.', { key: 'cancelled' });
}

export class JobRunner {
  private readonly jobs = new Map<string, RunningJob>();

  constructor(
    private readonly clock: Clock,
    private readonly emit: (info: JobInfo) => void,
    private readonly logError: (error: unknown) => void = () => {},
  ) {}

  start(kind: string, titleKey: string, work: JobWork): JobInfo {
    const now = this.clock.now();
    const job: RunningJob = {
      info: {
        id: randomUUID(),
        kind,
        titleKey,
        status: 'running',
        phase: 'jobs.phase.starting',
        done: 0,
        total: 0,
        etaSeconds: null,
        startedAt: now.toISOString(),
        finishedAt: null,
        error: null,
      },
      controller: new AbortController(),
      startedMs: Date.now(),
      lastEmitMs: 0,
    };
    this.jobs.set(job.info.id, job);
    this.prune();
    this.emit({ ...job.info });
    const ctx: JobContext = {
      signal: job.controller.signal,
      progress: (done, total, phase) => this.progress(job, done, total, phase),
      throwIfCancelled: () => {
        if (job.controller.signal.aborted) throw cancelledError();
      },
    };
    // Start on the next turn so the caller gets the job id before any event.
    setImmediate(() => {
      work(ctx).then(
        () => this.finish(job, 'succeeded', null),
        (error: unknown) => {
          if (job.controller.signal.aborted || (error instanceof AppError && error.code === 'CANCELLED')) {
            this.finish(job, 'cancelled', cancelledError());
            return;
          }
          if (!(error instanceof AppError)) this.logError(error);
          const shape =
            error instanceof AppError
              ? error
              : new AppError('INTERNAL', 'The job failed; nothing was changed.', { key: 'jobFailed' });
          this.finish(job, 'failed', shape);
        },
      );
    });
    return { ...job.info };
  }

  list(): JobInfo[] {
    return [...this.jobs.values()].map((job) => ({ ...job.info }));
  }

  cancel(jobId: string): boolean {
    const job = this.jobs.get(jobId);
    if (!job || job.info.status !== 'running') return false;
    job.controller.abort();
    return true;
  }

  /** Resolves when no job is running (used on shutdown and in tests). */
  async idle(): Promise<void> {
    while ([...this.jobs.values()].some((job) => job.info.status === 'running')) {
      await new Promise((resolve) => setTimeout(resolve, 20));
    }
  }

  private progress(job: RunningJob, done: number, total: number, phase?: string): void {
    job.info.done = Math.max(0, Math.floor(done));
    job.info.total = Math.max(job.info.done, Math.floor(total));
    if (phase) job.info.phase = phase;
    const elapsed = (Date.now() - job.startedMs) / 1000;
    const fraction = job.info.total > 0 ? job.info.done / job.info.total : 0;
    job.info.etaSeconds = fraction > 0.02 ? Math.round((elapsed / fraction) * (1 - fraction)) : null;
    const nowMs = Date.now();
    if (nowMs - job.lastEmitMs >= emitIntervalMs) {
      job.lastEmitMs = nowMs;
      this.emit({ ...job.info });
    }
  }

  private finish(job: RunningJob, status: JobInfo['status'], error: AppError | null): void {
    job.info.status = status;
    job.info.error = error ? error.toShape() : null;
    job.info.finishedAt = this.clock.now().toISOString();
    job.info.etaSeconds = null;
    if (status === 'succeeded') job.info.done = job.info.total;
    this.emit({ ...job.info });
  }

  private prune(): void {
    const finished = [...this.jobs.values()].filter((job) => job.info.status !== 'running');
    for (const job of finished.slice(0, Math.max(0, finished.length - keepFinished))) {
      this.jobs.delete(job.info.id);
    }
  }
}
