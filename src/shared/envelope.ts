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
  /** The machine refused: disk full, read-only, locked by another program, I/O error (src/shared/env-errors.ts). */
  'ENVIRONMENT',
  /** The shop file is damaged: writes are refused until a restore (src/backup/shop-health.ts). */
  'DAMAGED',
  /** Signed in, but the person's role lacks the permission the method needs (details.params.permission). */
  'FORBIDDEN',
  /** No one is signed in on this window, or the session is locked: sign in or unlock first. */
  'UNAUTHENTICATED',
  /** Too many wrong passwords or PINs: details.params.seconds until the next try. */
  'RATE_LIMITED',
] as const;
export type ErrorCode = (typeof errorCodes)[number];

/** Values an error text fills in (`{sku}`, `{minimum}`, …). */
export const errorParamsSchema = z.record(z.string(), z.union([z.string(), z.number()]));
export type ErrorParams = z.infer<typeof errorParamsSchema>;

/**
 * One problem with one field of the input (path like `lines.2.quantity`): `key`
 * names what is wrong (`errors.<key>`), `params` fill its text and say which row
 * it is about when the path alone cannot (`sku`, and `field` when the path ends
 * in a generic `value`, as a grid cell edit does).
 */
export const fieldIssueSchema = z.object({
  path: z.string(),
  message: z.string(),
  key: z.string(),
  params: errorParamsSchema.optional(),
});
export type FieldIssue = z.infer<typeof fieldIssueSchema>;

export const errorDetailsSchema = z.object({
  /** i18n key of the message (`errors.<key>`), so the renderer can translate. */
  key: z.string(),
  params: errorParamsSchema.optional(),
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
