// What a bulk action would do, before it is applied: how many variants it
// matches and changes, a few prices before → after from the actual target, and
// the price changes beyond the shop's confirmation threshold. Pure (zod + types).
import { z } from 'zod';
import { bulkActionSchema, bulkTargetSchema } from './edit-contract.js';

const int = z.number().int();

export const bulkPriceRowSchema = z.object({
  variantId: int,
  sku: z.string(),
  title: z.string(),
  options: z.string(),
  /** Minor units of the shop currency. */
  before: int,
  after: int,
});
export type BulkPriceRow = z.infer<typeof bulkPriceRowSchema>;

export const bulkPreviewSchema = z.object({
  /** Variants the target holds. */
  matched: int,
  /** Products of those variants (tags and categories act on products). */
  products: int,
  /** Variants (price, status) or products (category) whose value would change; null where not counted ahead (tags, supplier). */
  changing: int.nullable(),
  /** A price change: the first few prices that change, before → after. */
  samples: z.array(bulkPriceRowSchema),
  /** A price change: changes beyond ± thresholdPercent (the first 50; largeCount says how many in all). */
  largeChanges: z.array(bulkPriceRowSchema),
  largeCount: int,
  thresholdPercent: int,
  /** A price change: variants with no price to change. */
  withoutPrice: int,
  /** A price change: new prices above what Shopdesk accepts (the action would be refused). */
  aboveLimit: int,
});
export type BulkPreview = z.infer<typeof bulkPreviewSchema>;

export const bulkContract = {
  'variants.bulkPreview': {
    input: z.object({ target: bulkTargetSchema, action: bulkActionSchema }),
    output: bulkPreviewSchema,
  },
} as const;
