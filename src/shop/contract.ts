// Creating the shop: an empty one, or a generated demo shop. Pure.
import { z } from 'zod';
import {
  currencySchema,
  localeSchema,
  shopNameSchema,
  shopSettingsSchema,
  timeZoneSchema,
} from '../settings/contract.js';

export const demoSizeSchema = z.enum(['small', 'large']);
export type DemoSize = z.infer<typeof demoSizeSchema>;

export const shopStatusSchema = z.object({
  /** False until the person chose an empty shop or a demo shop on the first screen. */
  ready: z.boolean(),
  settings: shopSettingsSchema.nullable(),
  schemaVersion: z.number().int(),
  appVersion: z.string(),
});
export type ShopStatus = z.infer<typeof shopStatusSchema>;

export const shopContract = {
  'shop.status': { input: z.object({}), output: shopStatusSchema },
  'shop.createEmpty': {
    input: z.object({
      name: shopNameSchema,
      currency: currencySchema,
      timeZone: timeZoneSchema,
      locale: localeSchema,
    }),
    output: shopSettingsSchema,
  },
  'shop.createDemo': {
    input: z.object({
      size: demoSizeSchema,
      seed: z.number().int().min(1).max(2_147_483_647).optional(),
      locale: localeSchema.optional(),
    }),
    output: z.object({ jobId: z.string() }),
  },
} as const;
