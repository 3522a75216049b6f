// Shapes the sync area's methods answer with: channels and their health, the link review table,
// review-queue items and sync-log rows. Pure (zod + types), imported by the renderer.
// Money is integer minor units of the shop currency; times are UTC ISO-8601; every message is a
// translation key + params (`keyedTextSchema`), never a sentence the core wrote in one language.
import { z } from 'zod';
import { keyedTextSchema } from '../alerts/contract.js';
import { fieldOwnerSchema } from './channel-settings.js';

const int = z.number().int();
export const idSchema = int.positive();

/** Platforms Shopdesk connects to (the connector registry's kinds). */
export const channelKindSchema = z.enum(['shopify', 'woocommerce', 'vendure']);
export type ChannelKind = z.infer<typeof channelKindSchema>;

export const syncStatusSchema = z.enum(['none', 'connected', 'failing', 'disconnected']);

/** One row of the Channels page: who it is and how its sync is doing. */
export const channelSummarySchema = z.object({
  id: idSchema,
  code: z.string(),
  name: z.string(),
  /** The connector kind; null for channels without a connector (POS, manual, imported files). */
  kind: channelKindSchema.nullable(),
  syncStatus: syncStatusSchema,
  paused: z.boolean(),
  /** A pass (pull or push) is running now. */
  running: z.boolean(),
  lastPullAt: z.string().nullable(),
  lastPullOkAt: z.string().nullable(),
  lastPushAt: z.string().nullable(),
  lastPushOkAt: z.string().nullable(),
  /** Since when every pass has failed (null: healthy). The sync-failure alert fires after 30 minutes. */
  failingSince: z.string().nullable(),
  lastError: keyedTextSchema.nullable(),
  /** Outbox rows waiting (stock and price). */
  queueLength: int,
  pushedToday: int,
  pulledToday: int,
  /** Time spent waiting for the platform's rate limit today, milliseconds. */
  throttleWaitMsToday: int,
  links: int,
  /** Open review items of this channel, and how many of them are failed items. */
  openReview: int,
  failedItems: int,
  nextPullAt: z.string().nullable(),
});
export type ChannelSummary = z.infer<typeof channelSummarySchema>;

export const ownershipInputSchema = z.object({ price: fieldOwnerSchema, compareAtPrice: fieldOwnerSchema });

export const locationMappingSchema = z.object({
  remoteLocationId: z.string(),
  remoteLocationName: z.string(),
  /** Local location feeding it; null = all local stock. */
  locationId: idSchema.nullable(),
});

/** A channel's settings as the edit form shows them: never its credentials, only whether it has some. */
export const channelDetailSchema = channelSummarySchema.extend({
  connection: z.record(z.string(), z.unknown()),
  hasCredentials: z.boolean(),
  buffer: int,
  shareBasisPoints: int,
  cap: int.nullable(),
  pullIntervalSeconds: int,
  ownership: ownershipInputSchema,
  locations: z.array(locationMappingSchema),
});
export type ChannelDetail = z.infer<typeof channelDetailSchema>;

/** What Test connection found. */
export const connectionReportSchema = z.object({
  shopName: z.string(),
  locations: int,
  products: int,
  details: z.record(z.string(), z.string()),
});

export const linkFilterSchema = z.enum(['linked', 'matched', 'ambiguous', 'remoteOnly', 'localOnly']);
export type LinkFilter = z.infer<typeof linkFilterSchema>;

export const localVariantRefSchema = z.object({
  variantId: idSchema,
  productId: idSchema,
  sku: z.string(),
  productName: z.string(),
  variantTitle: z.string(),
  barcode: z.string().nullable(),
  price: int.nullable(),
  available: int,
});

/** One row of the link review table: the remote side, and the local side or its candidates. */
export const linkRowSchema = z.object({
  state: z.enum(['linked', 'matched', 'ambiguous', 'remoteOnly', 'localOnly']),
  /** Null on localOnly rows. */
  remote: z
    .object({
      remoteVariantId: z.string(),
      remoteProductId: z.string(),
      productTitle: z.string(),
      variantTitle: z.string(),
      sku: z.string().nullable(),
      barcode: z.string().nullable(),
      price: int.nullable(),
      quantity: int.nullable(),
    })
    .nullable(),
  matchedBy: z.enum(['sku', 'barcode']).nullable(),
  /** linked/matched: the one local variant; ambiguous: every candidate; localOnly: the variant itself. */
  local: z.array(localVariantRefSchema),
  /** Linked, but the channel no longer lists the remote variant (deleted there); stock is still pushed to it. */
  remoteMissing: z.boolean().optional(),
});
export type LinkRow = z.infer<typeof linkRowSchema>;

export const linkCountsSchema = z.object({ linked: int, matched: int, ambiguous: int, remoteOnly: int, localOnly: int });

export const reviewKindSchema = z.enum(['conflict', 'unlinked_line', 'remote_stock_edit', 'failed_item']);
export type ReviewKind = z.infer<typeof reviewKindSchema>;
export const reviewStatusSchema = z.enum(['open', 'resolved', 'ignored']);

export const reviewItemSchema = z.object({
  id: idSchema,
  channelId: idSchema,
  channelName: z.string(),
  kind: reviewKindSchema,
  subject: z.string(),
  /** The values side by side (lastSynced / local / remote, sku, quantity …), as the item recorded them. */
  values: z.record(z.string(), z.unknown()),
  reason: keyedTextSchema,
  /** The remote answer excerpt, credentials removed. */
  remoteAnswer: z.string().nullable(),
  attempts: int,
  nextTryAt: z.string().nullable(),
  status: reviewStatusSchema,
  createdAt: z.string(),
  updatedAt: z.string(),
  resolvedAt: z.string().nullable(),
  /** The actions this item accepts (the UI shows only these). */
  actions: z.array(z.enum(['acceptLocal', 'acceptRemote', 'link', 'retry', 'ignore'])),
});
export type ReviewItem = z.infer<typeof reviewItemSchema>;

export const syncLogRowSchema = z.object({
  id: idSchema,
  channelId: idSchema,
  at: z.string(),
  direction: z.enum(['push', 'pull', 'test']),
  summary: keyedTextSchema,
  requestExcerpt: z.string().nullable(),
  answerExcerpt: z.string().nullable(),
});
export type SyncLogRow = z.infer<typeof syncLogRowSchema>;
