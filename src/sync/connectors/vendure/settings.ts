// Vendure connection settings and credentials (Admin GraphQL API, login → bearer token).
import { z } from 'zod';
import { secureUrlSchema } from '../../channel-settings.js';

export const vendureSettingsSchema = z.object({
  /** The Admin API endpoint, e.g. https://shop.example.com/admin-api. HTTPS except on localhost. */
  adminApiUrl: secureUrlSchema,
});

export const vendureCredentialsSchema = z.object({
  username: z.string().min(1).max(200),
  password: z.string().min(1).max(500),
});

export type VendureSettings = z.infer<typeof vendureSettingsSchema>;
export type VendureCredentials = z.infer<typeof vendureCredentialsSchema>;
