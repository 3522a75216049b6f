// Reading and changing the shop's settings.
import { AppError } from '../shared/app-error.js';
import type { Clock } from '../shared/clock.js';
import type { ShopSettings } from './contract.js';
import type { EditableSettings, NewShopSettings, SettingsStore } from './store.js';

export function shopNotReady(): AppError {
  return new AppError('SHOP_NOT_READY', 'No shop is set up yet: open the demo shop or start an empty shop first.', {
    key: 'shopNotReady',
  });
}

export function createSettingsService(store: SettingsStore, clock: Clock) {
  return {
    get(): ShopSettings {
      const settings = store.get();
      if (!settings) throw shopNotReady();
      return settings;
    },
    update(changes: Partial<NewShopSettings & EditableSettings>): ShopSettings {
      const current = store.get();
      if (!current) throw shopNotReady();
      store.update(
        {
          name: changes.name ?? current.name,
          currency: changes.currency ?? current.currency,
          timeZone: changes.timeZone ?? current.timeZone,
          locale: changes.locale ?? current.locale,
          barcodeMode: changes.barcodeMode ?? current.barcodeMode,
          decimalMark: changes.decimalMark ?? current.decimalMark,
          priceChangeConfirmPercent: changes.priceChangeConfirmPercent ?? current.priceChangeConfirmPercent,
        },
        clock.now().toISOString(),
      );
      return this.get();
    },
  };
}

export type SettingsService = ReturnType<typeof createSettingsService>;
