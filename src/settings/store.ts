// SQL for shop settings (a single row, id = 1).
import type { Db } from '../db/open.js';
import type { DecimalMarkSetting, Locale, ShopSettings } from './contract.js';

interface SettingsRow {
  name: string;
  currency: string;
  time_zone: string;
  locale: Locale;
  is_demo: number;
  demo_size: string | null;
  barcode_mode: 'gtin' | 'free';
  decimal_mark: DecimalMarkSetting;
  price_change_confirm_percent: number;
  updated_at: string;
}

export interface NewShopSettings {
  name: string;
  currency: string;
  timeZone: string;
  locale: Locale;
}

/** Settings that exist from the start with a default and are only ever changed. */
export type EditableSettings = Pick<ShopSettings, 'barcodeMode' | 'decimalMark' | 'priceChangeConfirmPercent'>;

export function createSettingsStore(db: Db) {
  const select = db.prepare<[], SettingsRow>(
    `SELECT name, currency, time_zone, locale, is_demo, demo_size, barcode_mode, decimal_mark,
       price_change_confirm_percent, updated_at FROM shop_settings WHERE id = 1`,
  );
  const insert = db.prepare(
    `INSERT INTO shop_settings (id, name, currency, time_zone, locale, is_demo, created_at, updated_at)
     VALUES (1, @name, @currency, @timeZone, @locale, 0, @at, @at)`,
  );
  const update = db.prepare(
    `UPDATE shop_settings SET name = @name, currency = @currency, time_zone = @timeZone, locale = @locale,
       barcode_mode = @barcodeMode, decimal_mark = @decimalMark,
       price_change_confirm_percent = @priceChangeConfirmPercent, updated_at = @at WHERE id = 1`,
  );

  return {
    get(): ShopSettings | null {
      const row = select.get();
      if (!row) return null;
      return {
        name: row.name,
        currency: row.currency,
        timeZone: row.time_zone,
        locale: row.locale,
        isDemo: row.is_demo === 1,
        demoSize: row.demo_size,
        barcodeMode: row.barcode_mode,
        decimalMark: row.decimal_mark,
        priceChangeConfirmPercent: row.price_change_confirm_percent,
        updatedAt: row.updated_at,
      };
    },
    insert(settings: NewShopSettings, at: string): void {
      insert.run({ ...settings, at });
    },
    update(settings: NewShopSettings & EditableSettings, at: string): void {
      update.run({ ...settings, at });
    },
  };
}

export type SettingsStore = ReturnType<typeof createSettingsStore>;
