// The open shop's settings, shared by the shell, Products and Settings.
import { createContext, useContext, type ReactNode } from 'react';
import type { ShopSettings } from '../../../src/settings/contract.js';

interface ShopContextValue {
  settings: ShopSettings;
  /** After a successful `settings.update`, so every view sees the new values at once. */
  applySettings(settings: ShopSettings): void;
}

const ShopContext = createContext<ShopContextValue | null>(null);

export function ShopProvider({ value, children }: { value: ShopContextValue; children: ReactNode }): ReactNode {
  return <ShopContext.Provider value={value}>{children}</ShopContext.Provider>;
}

export function useShop(): ShopContextValue {
  const value = useContext(ShopContext);
  if (!value) throw new Error('useShop outside ShopProvider');
  return value;
}
