// Marketplace sync's methods (issue 14): connect a channel, link its catalogue, run and watch the
// sync, work the review queue, read the sync log. Pure (zod + types), imported by the renderer.
// Credentials go in (connect, update, test) and never come out: no answer carries them.
import { z } from 'zod';
import { keyedTextSchema } from '../alerts/contract.js';
import { shopifyCredentialsSchema, shopifySettingsSchema } from './connectors/shopify/settings.js';
import { vendureCredentialsSchema, vendureSettingsSchema } from './connectors/vendure/settings.js';
import { wooCredentialsSchema, wooSettingsSchema } from './connectors/woocommerce/settings.js';
import { limits } from '../shared/bounds.js';
import { fullShare } from './available-to-sell.js';
import {
  channelDetailSchema,
  channelSummarySchema,
  connectionReportSchema,
  idSchema,
  linkCountsSchema,
  linkFilterSchema,
  linkRowSchema,
  ownershipInputSchema,
  reviewItemSchema,
  reviewKindSchema,
  reviewStatusSchema,
  syncLogRowSchema,
} from './contract-schemas.js';

const int = z.number().int();
const channelRef = z.object({ channelId: idSchema });
const paging = { offset: int.min(0).default(0), limit: int.min(1).max(1000).default(100) };

/** Where the platform is and the secrets to reach it, checked by the platform's own schemas. */
export const connectionInputSchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('shopify'), connection: shopifySettingsSchema, credentials: shopifyCredentialsSchema }),
  z.object({ kind: z.literal('woocommerce'), connection: wooSettingsSchema, credentials: wooCredentialsSchema }),
  z.object({ kind: z.literal('vendure'), connection: vendureSettingsSchema, credentials: vendureCredentialsSchema }),
]);
export type ConnectionInput = z.infer<typeof connectionInputSchema>;

/** The channel-wide stock rule, schedule and ownership (channel-settings.ts holds their defaults). */
const channelRuleFields = {
  buffer: int.min(0).max(limits.quantity, 'quantityTooLarge').optional(),
  shareBasisPoints: int.min(0).max(fullShare).optional(),
  cap: int.min(0).max(limits.quantity, 'quantityTooLarge').nullable().optional(),
  pullIntervalSeconds: int.min(60).max(86_400).optional(),
  ownership: ownershipInputSchema.optional(),
};

const channelName = z.string().trim().min(1).max(100);

export const reviewActionSchema = z.enum(['acceptLocal', 'acceptRemote', 'link', 'retry', 'ignore']);
export type ReviewAction = z.infer<typeof reviewActionSchema>;

export const syncContract = {
  /** Every channel with its sync health (channels without a connector too: their orders count in analytics). */
  'channels.list': {
    input: z.object({}),
    output: z.object({ channels: z.array(channelSummarySchema) }),
  },
  'channels.get': { input: channelRef, output: channelDetailSchema },
  /** Reach the platform with these settings (a new connection) or the saved ones; says what it found. */
  'channels.test': {
    input: z.union([channelRef, connectionInputSchema]),
    output: connectionReportSchema,
  },
  /** Test, then save a new channel with its sealed credentials; reads its locations. */
  'channels.connect': {
    input: connectionInputSchema.and(z.object({ name: channelName, ...channelRuleFields })),
    output: channelDetailSchema,
  },
  /**
   * Change a channel's name, rule, schedule or ownership; `connection` replaces where it is, and
   * `credentials` (optional) replace the secrets. A changed stock rule re-queues every linked variant.
   */
  'channels.update': {
    input: channelRef.extend({
      name: channelName.optional(),
      connection: z.record(z.string(), z.unknown()).optional(),
      credentials: z.record(z.string(), z.unknown()).optional(),
      ...channelRuleFields,
    }),
    output: channelDetailSchema,
  },
  'channels.pause': { input: channelRef, output: channelSummarySchema },
  'channels.resume': { input: channelRef, output: channelSummarySchema },
  /**
   * Forget the connection: credentials, links, queue and review items go; the channel and its
   * orders stay (history and analytics keep them).
   */
  'channels.disconnect': { input: channelRef, output: channelSummarySchema },
  /** Which local stock feeds a remote location (null = all local stock). Re-queues the channel's stock. */
  'channels.mapLocation': {
    input: channelRef.extend({ remoteLocationId: z.string().min(1).max(200), locationId: idSchema.nullable() }),
    output: channelDetailSchema,
  },
  /** Per-product buffer / share for one linked variant (null = the channel's). */
  'channels.setVariantRule': {
    input: channelRef.extend({
      variantId: idSchema,
      buffer: int.min(0).max(limits.quantity, 'quantityTooLarge').nullable(),
      shareBasisPoints: int.min(0).max(fullShare).nullable(),
    }),
    output: z.object({ variantId: idSchema }),
  },

  /** Sync now: pull orders, then push what is queued. Runs as a job (progress, cancel). */
  'sync.run': {
    input: channelRef.extend({ what: z.enum(['all', 'pull', 'push']).default('all') }),
    output: z.object({ jobId: z.string() }),
  },
  /** What was sent and received, newest first; credentials never included. */
  'sync.log': {
    input: channelRef.extend({ direction: z.enum(['push', 'pull', 'test']).optional(), ...paging }),
    output: z.object({ rows: z.array(syncLogRowSchema), total: int }),
  },

  /** Read the channel's whole catalogue and match it to local variants (SKU, then barcode). A job. */
  'links.scan': { input: channelRef, output: z.object({ jobId: z.string() }) },
  /** The link review table, one state at a time, with the count of every state. */
  'links.review': {
    input: channelRef.extend({ filter: linkFilterSchema, search: z.string().trim().max(200).optional(), ...paging }),
    output: z.object({ rows: z.array(linkRowSchema), total: int, counts: linkCountsSchema, scannedAt: z.string().nullable() }),
  },
  /** Link chosen pairs, or every one-candidate match. All or nothing. */
  'links.apply': {
    input: channelRef.extend({
      links: z.union([z.literal('allMatched'), z.array(z.object({ remoteVariantId: z.string().min(1), variantId: idSchema })).min(1).max(50_000)]),
    }),
    output: z.object({ linked: int, counts: linkCountsSchema }),
  },
  'links.unlink': {
    input: channelRef.extend({ variantIds: z.array(idSchema).min(1).max(50_000) }),
    output: z.object({ unlinked: int, counts: linkCountsSchema }),
  },
  /** Create local products from remote-only variants and link them. All or nothing. */
  'links.importRemote': {
    input: channelRef.extend({
      remoteVariantIds: z.union([z.literal('all'), z.array(z.string().min(1)).min(1).max(50_000)]),
      /**
       * Take the channel's quantities as opening stock at this local location (posted as 'initial'
       * movements, then pushed). None: the new variants start empty and nothing is pushed for them,
       * so the channel keeps selling what it has until local stock moves.
       */
      openingStockLocationId: idSchema.nullable().optional(),
    }),
    output: z.object({
      products: int,
      variants: int,
      /** Remote variants not imported, each with why (SKU already used locally, too long, no longer remote-only). */
      skipped: z.array(z.object({ remoteVariantId: z.string(), sku: z.string().nullable(), reason: keyedTextSchema })),
      /** Barcodes the shop's barcode rule refused: the variants were imported without them. */
      droppedBarcodes: int,
      counts: linkCountsSchema,
    }),
  },

  /** Conflicts, unlinked order lines, remote stock edits and failed items. */
  'review.list': {
    input: z.object({
      channelId: idSchema.optional(),
      kind: reviewKindSchema.optional(),
      status: reviewStatusSchema.default('open'),
      ...paging,
    }),
    output: z.object({
      items: z.array(reviewItemSchema),
      total: int,
      counts: z.object({ conflict: int, unlinked_line: int, remote_stock_edit: int, failed_item: int }),
    }),
  },
  /** Settle one item: accept local / remote, link the line to a variant, retry now, or ignore. */
  'review.resolve': {
    input: z.object({ itemId: idSchema, action: reviewActionSchema, variantId: idSchema.optional() }),
    output: reviewItemSchema,
  },
} as const;
