// Shop settings: name, currency, time zone, language. Pure (zod + types).
import { z } from 'zod';

export const localeSchema = z.enum(['en', 'zh-CN']);
export type Locale = z.infer<typeof localeSchema>;

const supportedCurrencies = new Set(Intl.supportedValuesOf('currency'));
const supportedTimeZones = new Set([...Intl.supportedValuesOf('timeZone'), 'UTC']);

export const currencySchema = z
  .string()
  .trim()
  .toUpperCase()
  .refine((code) => supportedCurrencies.has(code), { message: 'currencyUnknown' });

export const timeZoneSchema = z
  .string()
  .trim()
  .refine((zone) => supportedTimeZones.has(zone), { message: 'timeZoneUnknown' });

export const barcodeModeSchema = z.enum(['gtin', 'free']);

/** 'auto': the decimal mark follows the shop's currency and the person's language; an input readable both ways is asked about. */
export const decimalMarkSchema = z.enum(['auto', '.', ',']);
export type DecimalMarkSetting = z.infer<typeof decimalMarkSchema>;

/** A price or cost change beyond ± this percentage shows old and new values and asks first. */
export const priceChangeConfirmPercentSchema = z.number().int().min(1).max(1000);

export const shopNameSchema = z.string().trim().min(1, { message: 'required' }).max(120, { message: 'tooLong' });

export const shopSettingsSchema = z.object({
  name: z.string(),
  currency: z.string(),
  timeZone: z.string(),
  locale: localeSchema,
  isDemo: z.boolean(),
  demoSize: z.string().nullable(),
  /** 'gtin': barcodes must be EAN/UPC with a valid check digit; 'free': any text (own labels). */
  barcodeMode: barcodeModeSchema,
  decimalMark: decimalMarkSchema,
  priceChangeConfirmPercent: priceChangeConfirmPercentSchema,
  updatedAt: z.string(),
});
export type ShopSettings = z.infer<typeof shopSettingsSchema>;

export const settingsContract = {
  'settings.get': { input: z.object({}), output: shopSettingsSchema },
  'settings.update': {
    input: z
      .object({
        name: shopNameSchema,
        currency: currencySchema,
        timeZone: timeZoneSchema,
        locale: localeSchema,
        barcodeMode: barcodeModeSchema,
        decimalMark: decimalMarkSchema,
        priceChangeConfirmPercent: priceChangeConfirmPercentSchema,
      })
      .partial(),
    output: shopSettingsSchema,
  },
} as const;
