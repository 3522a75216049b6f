// WooCommerce connection settings and credentials (REST v3, HTTP Basic with consumer key/secret).
import { z } from 'zod';
import { secureUrlSchema } from '../../channel-settings.js';

export const wooSettingsSchema = z.object({
  /** The WordPress site; the API is {siteUrl}/wp-json/wc/v3/. HTTPS except on localhost. */
  siteUrl: secureUrlSchema,
  /** Some hosts strip the Authorization header: send consumer_key/consumer_secret as query parameters instead. */
  authInQuery: z.boolean().default(false),
});

export const wooCredentialsSchema = z.object({
  consumerKey: z.string().min(1).max(200),
  consumerSecret: z.string().min(1).max(200),
});

export type WooSettings = z.infer<typeof wooSettingsSchema>;
export type WooCredentials = z.infer<typeof wooCredentialsSchema>;
