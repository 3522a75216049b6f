// The audit log as History shows it: who did what, when, from where, with each
// changed field's before and after; its chain check. Pure (zod + types).
import { z } from 'zod';
import { changeItemViewSchema, changeSetSchema, changeValueSchema } from '../history/contract.js';

/** Where a change came from (src/team/call-context.ts's origins, listed here: contracts stay pure). */
export const auditOrigins = ['desktop', 'serve', 'import', 'sync', 'schedule', 'cli'] as const;

/** One field of one row, before → after (null: the row did not exist, or the field was empty). */
export const auditFieldChangeSchema = z.object({
  /** The table (`suppliers`) or, for a change set's items, its entity. */
  table: z.string(),
  rowKey: z.string(),
  /** What a person calls the row (a name, a number, a SKU) when the values hold one. */
  label: z.string().nullable(),
  field: z.string(),
  before: changeValueSchema,
  after: changeValueSchema,
});
export type AuditFieldChange = z.infer<typeof auditFieldChangeSchema>;

export const auditRowSchema = z.object({
  id: z.number().int(),
  at: z.string(),
  personId: z.number().int(),
  personName: z.string(),
  origin: z.enum(auditOrigins),
  area: z.string(),
  /** The contract method (`suppliers.update`) or an event kind (`signIn`, `forbidden`). */
  kind: z.string(),
  subject: z.string().nullable(),
  summary: z.string().nullable(),
  changeSetId: z.number().int().nullable(),
  /** The first field changes (all of them in audit.get); a change set's are its items. */
  changes: z.array(auditFieldChangeSchema),
  /** Field changes in all (rows over the capture limit not counted; see omittedRows). */
  changeCount: z.number().int(),
  /** Rows changed beyond what the row keeps (a very large batch). */
  omittedRows: z.number().int(),
  /** Stock ledger movements the call made (their own rows hold the quantities). */
  movements: z.number().int(),
  /** The changes as one line of text, for exports. */
  changesText: z.string(),
});
export type AuditRowView = z.infer<typeof auditRowSchema>;

const chainBreakSchema = z.object({ id: z.number().int(), at: z.string(), reason: z.enum(['edited', 'missingBefore', 'inserted']) });
export const chainStatusSchema = z.object({ ok: z.boolean(), rows: z.number().int(), brokenAt: chainBreakSchema.nullable() });
export type ChainStatusView = z.infer<typeof chainStatusSchema>;

const isoDate = z.string().trim().min(10).max(40).regex(/^\d{4}-\d{2}-\d{2}/, 'badFormat');

export const auditListFilterSchema = z.object({
  personId: z.number().int().min(0).optional(),
  area: z.string().trim().min(1).max(40).optional(),
  kind: z.string().trim().min(1).max(80).optional(),
  /** Inclusive UTC ISO bounds (a day's start and end as the page computes them in the shop's zone). */
  from: isoDate.optional(),
  to: isoDate.optional(),
  text: z.string().trim().max(200).optional(),
});
export type AuditListFilter = z.infer<typeof auditListFilterSchema>;

export const auditContract = {
  'audit.list': {
    input: auditListFilterSchema.extend({
      /** Keyset paging, newest first: rows with an id below this one. */
      beforeId: z.number().int().positive().optional(),
      /** For exports, which page by offset (read by keyset after the previous page all the same). */
      offset: z.number().int().min(0).default(0),
      limit: z.number().int().min(1).max(500).default(50),
    }),
    output: z.object({
      rows: z.array(auditRowSchema),
      total: z.number().int(),
      /** The beforeId of the next page; null on the last one. */
      nextBeforeId: z.number().int().nullable(),
      /** Who can be filtered by: the shop's people and Shopdesk itself (id 0). */
      people: z.array(z.object({ id: z.number().int(), name: z.string() })),
    }),
  },
  'audit.get': {
    input: z.object({
      id: z.number().int().positive(),
      // A change set linked to the row may hold 100k items: paged like history.get.
      offset: z.number().int().min(0).default(0),
      limit: z.number().int().min(1).max(5000).default(500),
    }),
    output: z.object({
      row: auditRowSchema,
      /** The call's input as recorded, secrets replaced by •••. */
      input: z.unknown().nullable(),
      extra: z.record(z.string(), z.unknown()).nullable(),
      /** The linked change set (undo goes through history.undo) and its items' page. */
      changeSet: changeSetSchema.nullable(),
      changeSetItems: z.array(changeItemViewSchema),
      changeSetItemTotal: z.number().int(),
    }),
  },
  'audit.verify': {
    input: z.object({}),
    output: chainStatusSchema,
  },
} as const;
