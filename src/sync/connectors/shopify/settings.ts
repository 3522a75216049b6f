// Shopify connection settings and credentials (marketplaces.md: GraphQL Admin API, dated versions).
import { z } from 'zod';
import { secureUrlSchema } from '../../channel-settings.js';

export const shopifyDefaultApiVersion = '2026-04';

export const shopifySettingsSchema = z.object({
  /** `my-shop.myshopify.com`; the connector builds https://{shopDomain}/admin/api/{version}/graphql.json. */
  shopDomain: z.string().trim().toLowerCase().regex(/^[a-z0-9][a-z0-9-]*\.myshopify\.com$/, 'shopifyDomain'),
  /** Dated API version, a setting because Shopify retires versions every quarter. */
  apiVersion: z.string().regex(/^\d{4}-(01|04|07|10)$/, 'shopifyApiVersion').default(shopifyDefaultApiVersion),
  /** Tests and emulators only: send requests here instead of https://{shopDomain}. */
  baseUrl: secureUrlSchema.optional(),
  /** Cost bucket size; Shopify does not publish it for every plan (marketplaces.md: unverified). */
  bucketSize: z.number().int().min(50).max(20_000).default(1000),
  restoreRatePerSecond: z.number().int().min(1).max(10_000).default(100),
});

export const shopifyCredentialsSchema = z.object({ accessToken: z.string().min(1).max(500) });

export type ShopifySettings = z.infer<typeof shopifySettingsSchema>;
export type ShopifyCredentials = z.infer<typeof shopifyCredentialsSchema>;
