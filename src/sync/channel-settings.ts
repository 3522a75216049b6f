// The JSON in channels.settings: the channel-wide stock rule and schedule every connector shares,
// plus `connection` (where the platform is), whose shape belongs to the connector
// (src/sync/connectors/<kind>/settings.ts) and is checked by its factory's settingsSchema.
// Pure (zod only), so the renderer can import it for the channel form.
import { z } from 'zod';
import { limits } from '../shared/bounds.js';
import { fullShare, type ChannelStockRule } from './available-to-sell.js';

export const defaultPullIntervalSeconds = 300;

/**
 * Who decides a synced field's value on this channel (issue 14, "prices out"):
 * shopdesk — the local value is pushed, a remote-only edit is overwritten by it;
 * channel — nothing is pushed for the field, remote edits are accepted as the new synced base;
 * ask — every difference (local-only, remote-only) waits in the review queue for a person.
 * A true conflict (local and remote both changed since the last sync, to different values) goes to
 * the review queue with the three values for shopdesk and ask; a channel-owned field never pushes,
 * so the remote value simply becomes the synced base. Nothing is decided by wall-clock "last writer wins".
 */
export const fieldOwnerSchema = z.enum(['shopdesk', 'channel', 'ask']);
export type FieldOwner = z.infer<typeof fieldOwnerSchema>;
export const ownershipSchema = z.object({
  price: fieldOwnerSchema.default('shopdesk'),
  compareAtPrice: fieldOwnerSchema.default('shopdesk'),
});
export type Ownership = z.infer<typeof ownershipSchema>;

export const channelSettingsSchema = z.object({
  connection: z.record(z.string(), z.unknown()),
  buffer: z.number().int().min(0).max(limits.quantity, 'quantityTooLarge').default(0),
  /** Share of available stock offered, in basis points (10000 = 100 %): integers keep floor() exact. */
  shareBasisPoints: z.number().int().min(0).max(fullShare).default(fullShare),
  cap: z.number().int().min(0).max(limits.quantity, 'quantityTooLarge').nullable().default(null),
  // At least a minute: polling faster spends the rate limit without fresher orders.
  pullIntervalSeconds: z.number().int().min(60).max(86_400).default(defaultPullIntervalSeconds),
  paused: z.boolean().default(false),
  ownership: ownershipSchema.default({ price: 'shopdesk', compareAtPrice: 'shopdesk' }),
});

export type ChannelSettings = z.infer<typeof channelSettingsSchema>;

export function stockRuleOf(settings: ChannelSettings): ChannelStockRule {
  return { buffer: settings.buffer, shareBasisPoints: settings.shareBasisPoints, cap: settings.cap };
}

const loopbackHosts = new Set(['localhost', '127.0.0.1', '[::1]']);

/**
 * An http(s) URL the connector may send credentials to: HTTPS, or plain HTTP to this machine
 * only (emulators, a shop on localhost). Credentials over plain HTTP to another host would
 * travel in clear.
 */
export const secureUrlSchema = z.string().trim().max(2000).refine(
  (text) => {
    let url: URL;
    try {
      url = new URL(text);
    } catch {
      return false;
    }
    if (url.username !== '' || url.password !== '') return false;
    return url.protocol === 'https:' || (url.protocol === 'http:' && loopbackHosts.has(url.hostname));
  },
  { message: 'httpsRequired' },
);
