// A small seeded shop shared by the emulator tests.
import { type ShopifyEmulator, type ShopifyEmulatorOptions, startShopifyEmulator } from '../../../emulators/shopify/server.js';
import type { SeededVariant } from '../../../emulators/shopify/side-door.js';

export interface SeededShop {
  emulator: ShopifyEmulator;
  warehouse: string;
  store: string;
  productId: string;
  variants: SeededVariant[];
}

/** Two locations and one product with `variantCount` variants (SKU-1…), 10 available at the warehouse. */
export async function startSeededShop(options: ShopifyEmulatorOptions = {}, variantCount = 3): Promise<SeededShop> {
  const emulator = await startShopifyEmulator(options);
  const door = emulator.sideDoor;
  door.setShopName('Tea House');
  const warehouse = door.addLocation('Warehouse');
  const store = door.addLocation('Store');
  const seeds = Array.from({ length: variantCount }, (_, i) => ({
    sku: `SKU-${i + 1}`, barcode: `690000000${i + 1}`, price: '19.99', compareAtPrice: i === 0 ? '24.99' : null,
    stock: { [warehouse]: 10, [store]: 0 },
  }));
  const { productId, variants } = door.addProduct('Green tea', seeds);
  return { emulator, warehouse, store, productId, variants };
}
