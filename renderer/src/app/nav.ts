// The areas of the app, in navigation order. Adding an area is one entry here;
// areas that are not built yet are simply not listed.
import type { ComponentType } from 'react';
import type { MessageKey } from '../i18n/en.js';
import { ProductsPage } from '../pages/products/ProductsPage.js';
import { SettingsPage } from '../pages/SettingsPage.js';

export interface NavArea {
  id: string;
  labelKey: MessageKey;
  icon: string;
  Page: ComponentType;
}

export const navAreas: readonly NavArea[] = [
  { id: 'products', labelKey: 'nav.products', icon: '▦', Page: ProductsPage },
  { id: 'settings', labelKey: 'nav.settings', icon: '⚙', Page: SettingsPage },
];
