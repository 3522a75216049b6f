// History: change sets (who, when, what, before-values) listed, inspected and
// undone as a unit. Generic over entity and field, so imports and sync reuse it.
// Pure (zod + types).
import { z } from 'zod';
import { summaryParamsSchema } from '../shared/history-summary.js';

/** A field value as stored in change_set_items (JSON scalar). */
export const changeValueSchema = z.union([z.string(), z.number(), z.boolean(), z.null()]);
export type ChangeValue = z.infer<typeof changeValueSchema>;

export const changeSetSchema = z.object({
  id: z.number().int(),
  kind: z.string(),
  /** English text, kept for logs, exports of older builds and rows written before summaries had keys. */
  summary: z.string(),
  /** What happened as a key and parameters, rendered in the reader's language; null on older rows. */
  summaryKey: z.string().nullable(),
  summaryParams: summaryParamsSchema.nullable(),
  actor: z.string(),
  createdAt: z.string(),
  itemCount: z.number().int(),
  undone: z.boolean(),
  undoneAt: z.string().nullable(),
  undoneBy: z.number().int().nullable(),
});
export type ChangeSetInfo = z.infer<typeof changeSetSchema>;

export const changeItemSchema = z.object({
  entity: z.string(),
  entityId: z.number().int(),
  field: z.string(),
  before: changeValueSchema,
  after: changeValueSchema,
});
export type ChangeItem = z.infer<typeof changeItemSchema>;

/** An item as History shows it: with what a person calls the row (a variant's SKU, a product's title, a
 * location's name) while it still exists; null when it is gone (shown by its id). */
export const changeItemViewSchema = changeItemSchema.extend({ label: z.string().nullable() });
export type ChangeItemView = z.infer<typeof changeItemViewSchema>;

const changeSetId = z.number().int().positive();

export const historyContract = {
  'history.list': {
    input: z.object({
      offset: z.number().int().min(0).default(0),
      limit: z.number().int().min(1).max(500).default(50),
    }),
    output: z.object({ changeSets: z.array(changeSetSchema), total: z.number().int() }),
  },
  'history.get': {
    input: z.object({
      changeSetId,
      // A bulk change may hold 100k items; the review screen pages through them.
      offset: z.number().int().min(0).default(0),
      limit: z.number().int().min(1).max(5000).default(500),
    }),
    output: z.object({ changeSet: changeSetSchema, items: z.array(changeItemViewSchema), totalItems: z.number().int() }),
  },
  'history.undo': {
    input: z.object({ changeSetId }),
    output: z.object({ undoChangeSetId: z.number().int(), restored: z.number().int() }),
  },
} as const;
