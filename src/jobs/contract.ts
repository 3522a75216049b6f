// Long-running work (demo generation, imports, exports, sync, reports). Pure.
import { z } from 'zod';
import { appErrorSchema } from '../shared/envelope.js';

export const jobStatusSchema = z.enum(['running', 'succeeded', 'failed', 'cancelled']);

export const jobInfoSchema = z.object({
  id: z.string(),
  kind: z.string(),
  /** i18n key of the job's title, e.g. `jobs.kind.demoGenerate`. */
  titleKey: z.string(),
  status: jobStatusSchema,
  /** i18n key of the current phase, e.g. `jobs.phase.orders`. */
  phase: z.string(),
  done: z.number().int().nonnegative(),
  total: z.number().int().nonnegative(),
  etaSeconds: z.number().nonnegative().nullable(),
  startedAt: z.string(),
  finishedAt: z.string().nullable(),
  error: appErrorSchema.nullable(),
});
export type JobInfo = z.infer<typeof jobInfoSchema>;

export const jobsContract = {
  'jobs.list': { input: z.object({}), output: z.object({ jobs: z.array(jobInfoSchema) }) },
  'jobs.cancel': {
    input: z.object({ jobId: z.string().min(1) }),
    output: z.object({ cancelled: z.boolean() }),
  },
} as const;
