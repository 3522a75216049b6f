// The emulated shop's data. Timestamps are kept in whole seconds, as Shopify reports them,
// so two changes within one second share an updatedAt (the reason connectors overlap
// their watermarks). The clock can be moved forward by tests instead of sleeping.

export type FinancialStatus = 'PENDING' | 'AUTHORIZED' | 'PAID' | 'PARTIALLY_REFUNDED' | 'REFUNDED' | 'VOIDED';

export interface LocationRecord {
  id: number;
  name: string;
}

export interface VariantRecord {
  id: number;
  productId: number;
  title: string;
  sku: string | null;
  barcode: string | null;
  /** Money is a decimal string in Shopify's API ("19.99"). */
  price: string;
  compareAtPrice: string | null;
  inventoryItemId: number;
  updatedAt: number;
}

export interface ProductRecord {
  id: number;
  title: string;
  updatedAt: number;
}

export interface LevelRecord {
  inventoryItemId: number;
  locationId: number;
  available: number;
  /** Units held by open orders; on_hand = available + committed. */
  committed: number;
  updatedAt: number;
}

export interface LineItemRecord {
  id: number;
  variantId: number | null;
  sku: string | null;
  title: string;
  quantity: number;
  /** Unit price before discounts, a decimal string as Shopify reports it ("12.50"). */
  price: string;
  /** Discount allocated to the whole line (all units), a decimal string ("0.00" when none). */
  discount: string;
}

export interface RefundRecord {
  id: number;
  createdAt: number;
  lines: { lineItemId: number; quantity: number }[];
}

export interface OrderRecord {
  id: number;
  name: string;
  createdAt: number;
  updatedAt: number;
  cancelledAt: number | null;
  financialStatus: FinancialStatus;
  /** Buyer's e-mail; null for orders without one (POS sales without a customer). */
  email: string | null;
  /** Discount codes the buyer entered at checkout (Order.discountCodes). */
  discountCodes: string[];
  /** Where the order's units are committed: its fulfillment order's assigned location. */
  locationId: number;
  lineItems: LineItemRecord[];
  refunds: RefundRecord[];
}

export class EmulatorClock {
  private offsetMs = 0;
  private frozenAtMs: number | null = null;
  nowMs(): number {
    return this.frozenAtMs ?? Date.now() + this.offsetMs;
  }
  /** Stops time (at the given instant, default now) so that only advance() moves it. */
  freeze(atMs = this.nowMs()): void {
    this.frozenAtMs = atMs;
  }
  /** Whole seconds, as Shopify's timestamps are. */
  nowSecondsMs(): number {
    return Math.floor(this.nowMs() / 1000) * 1000;
  }
  advance(ms: number): void {
    if (this.frozenAtMs === null) this.offsetMs += ms;
    else this.frozenAtMs += ms;
  }
}

export function toIso(ms: number): string {
  return new Date(ms).toISOString().replace('.000Z', 'Z');
}

export function gid(type: string, id: number): string {
  return `gid://shopify/${type}/${id}`;
}

/** The numeric id of a global id of the given type, or null when it is not one. */
export function parseGid(type: string, value: unknown): number | null {
  if (typeof value !== 'string') return null;
  const match = new RegExp(`^gid://shopify/${type}/(\\d+)$`).exec(value);
  return match?.[1] ? Number(match[1]) : null;
}

export class ShopStore {
  shopName = 'Emulated Shop';
  readonly locations = new Map<number, LocationRecord>();
  readonly products = new Map<number, ProductRecord>();
  /** Add through addVariant() so the inventory item index follows. */
  readonly variants = new Map<number, VariantRecord>();
  /** Keyed by `${inventoryItemId}:${locationId}`. */
  readonly levels = new Map<string, LevelRecord>();
  readonly orders = new Map<number, OrderRecord>();
  // Indexes, so that reading 10,000 variants with their levels stays linear.
  private readonly levelsByItem = new Map<number, LevelRecord[]>();
  private readonly variantsByItem = new Map<number, VariantRecord>();
  private lastId = 1000;
  private lastOrderNumber = 1000;

  constructor(readonly clock: EmulatorClock) {}

  nextId(): number {
    this.lastId += 1;
    return this.lastId;
  }

  nextOrderName(): string {
    this.lastOrderNumber += 1;
    return `#${this.lastOrderNumber}`;
  }

  level(inventoryItemId: number, locationId: number): LevelRecord | undefined {
    return this.levels.get(`${inventoryItemId}:${locationId}`);
  }

  setLevel(inventoryItemId: number, locationId: number, available: number): LevelRecord {
    const existing = this.level(inventoryItemId, locationId);
    const record = existing ?? { inventoryItemId, locationId, available: 0, committed: 0, updatedAt: 0 };
    record.available = available;
    record.updatedAt = this.clock.nowSecondsMs();
    if (!existing) {
      this.levels.set(`${inventoryItemId}:${locationId}`, record);
      this.levelsByItem.set(inventoryItemId, [...(this.levelsByItem.get(inventoryItemId) ?? []), record]);
    }
    return record;
  }

  levelsOfItem(inventoryItemId: number): LevelRecord[] {
    return this.levelsByItem.get(inventoryItemId) ?? [];
  }

  addVariant(record: VariantRecord): void {
    this.variants.set(record.id, record);
    this.variantsByItem.set(record.inventoryItemId, record);
  }

  levelsAtLocation(locationId: number): LevelRecord[] {
    return [...this.levels.values()].filter((l) => l.locationId === locationId);
  }

  variantByInventoryItem(inventoryItemId: number): VariantRecord | undefined {
    return this.variantsByItem.get(inventoryItemId);
  }

  variantBySku(sku: string): VariantRecord | undefined {
    return [...this.variants.values()].find((v) => v.sku === sku);
  }

  touchOrder(order: OrderRecord): void {
    order.updatedAt = this.clock.nowSecondsMs();
  }
}
