// The areas of the app, in navigation order. Adding an area is one entry here;
// areas that are not built yet are simply not listed.
import type { ComponentType } from 'react';
import type { MessageKey } from '../i18n/en.js';
import { AnalyticsArea } from '../pages/analytics/AnalyticsArea.js';
import { ChannelsArea } from '../pages/channels/ChannelsArea.js';
import { HistoryPage } from '../pages/HistoryPage.js';
import { ImportPage } from '../pages/imports/ImportPage.js';
import { ProductsArea } from '../pages/products/ProductsArea.js';
import { PromotionsArea } from '../pages/promotions/PromotionsArea.js';
import { PurchasingArea } from '../pages/purchasing/PurchasingArea.js';
import { SettingsPage } from '../pages/SettingsPage.js';
import { StockArea } from '../pages/stock/StockArea.js';

export interface NavArea {
  id: string;
  labelKey: MessageKey;
  icon: string;
  /** Receives the rest of the route after the area, e.g. ['42'] for #/products/42. */
  Page: ComponentType<{ route: readonly string[] }>;
}

export const navAreas: readonly NavArea[] = [
  { id: 'products', labelKey: 'nav.products', icon: '▦', Page: ProductsArea },
  { id: 'stock', labelKey: 'nav.stock', icon: '▤', Page: StockArea },
  { id: 'purchasing', labelKey: 'nav.purchasing', icon: '⇣', Page: PurchasingArea },
  { id: 'analytics', labelKey: 'nav.analytics', icon: '◔', Page: AnalyticsArea },
  { id: 'imports', labelKey: 'nav.imports', icon: '⇪', Page: ImportPage },
  { id: 'history', labelKey: 'nav.history', icon: '↺', Page: HistoryPage },
  { id: 'settings', labelKey: 'nav.settings', icon: '⚙', Page: SettingsPage },
  // Last so the Alt+1…7 shortcuts people (and tests) learned keep their pages.
  { id: 'channels', labelKey: 'nav.channels', icon: '⇄', Page: ChannelsArea },
  // After Channels for the same reason: Alt+9.
  { id: 'promotions', labelKey: 'nav.promotions', icon: '%', Page: PromotionsArea },
];
