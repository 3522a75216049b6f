// The wire shape of every answer from the core, shared by all transports.
// Pure (zod + types) so the renderer can import it.
import { z } from 'zod';

/** Stable error codes: the renderer and tests rely on these, never on messages. */
export const errorCodes = [
  'VALIDATION',
  'NOT_FOUND',
  'CONFLICT',
  'PERMISSION',
  'UNKNOWN_METHOD',
  'CANCELLED',
  'DB_TOO_NEW',
  'MIGRATION_FAILED',
  'SHOP_NOT_READY',
  'INTERNAL',
] as const;
export type ErrorCode = (typeof errorCodes)[number];

/** One problem with one field of the input (path like `filters.price.from`). */
export const fieldIssueSchema = z.object({
  path: z.string(),
  message: z.string(),
  key: z.string(),
});
export type FieldIssue = z.infer<typeof fieldIssueSchema>;

export const errorDetailsSchema = z.object({
  /** i18n key of the message (`errors.<key>`), so the renderer can translate. */
  key: z.string(),
  params: z.record(z.string(), z.union([z.string(), z.number()])).optional(),
  issues: z.array(fieldIssueSchema).optional(),
});
export type ErrorDetails = z.infer<typeof errorDetailsSchema>;

export const appErrorSchema = z.object({
  code: z.enum(errorCodes),
  message: z.string(),
  details: errorDetailsSchema,
});
export type AppErrorShape = z.infer<typeof appErrorSchema>;

export type Envelope<T> = { ok: true; value: T } | { ok: false; error: AppErrorShape };

export const envelopeSchema = z.union([
  z.object({ ok: z.literal(true), value: z.unknown() }),
  z.object({ ok: z.literal(false), error: appErrorSchema }),
]);
