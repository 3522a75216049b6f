// Read side of the emulated Admin API: the objects and fields a stock/price/order sync reads.
import { connection, connectionArgs } from './connection.js';
import { type Args, GqlObject, GraphqlError, type Output } from './execution.js';
import { matchesFilters, parseSearchQuery } from './search-query.js';
import {
  gid, parseGid, type LevelRecord, type LineItemRecord, type LocationRecord, type OrderRecord, type RefundRecord,
  type ShopStore, toIso, type VariantRecord,
} from './store.js';


function stringArg(args: Args, name: string): string | null {
  const value = args[name];
  if (value === undefined || value === null) return null;
  if (typeof value !== 'string') throw new GraphqlError(`Argument '${name}' must be a String`, 'BAD_REQUEST');
  return value;
}

function idArg(args: Args, type: string): number | null {
  const value = args.id;
  if (typeof value !== 'string') throw new GraphqlError(`Argument 'id' must be an ID`, 'BAD_REQUEST');
  const id = parseGid(type, value);
  if (id === null) throw new GraphqlError(`Invalid global id '${value}'`, 'BAD_REQUEST');
  return id;
}

function sortKeyArg(args: Args, allowed: readonly string[]): string {
  const value = args.sortKey ?? 'ID';
  if (typeof value !== 'string' || !allowed.includes(value)) {
    throw new GraphqlError(`Argument 'sortKey' must be one of ${allowed.join(', ')}`, 'BAD_REQUEST');
  }
  return value;
}

export class QueryRoot {
  constructor(private readonly store: ShopStore) {}

  root(): GqlObject {
    const s = this.store;
    return new GqlObject('QueryRoot', {
      shop: () => new GqlObject('Shop', { id: () => gid('Shop', 1), name: () => s.shopName, currencyCode: () => 'USD' }),
      locations: {
        args: connectionArgs,
        resolve: (args) => connection('Location', [...s.locations.values()], args, (l) => [l.id, l.id], (l) => this.location(l)),
      },
      location: { args: ['id'], resolve: (args) => this.maybe(s.locations.get(idArg(args, 'Location') ?? 0), (l) => this.location(l)) },
      productVariants: {
        args: [...connectionArgs, 'query', 'sortKey', 'reverse'],
        resolve: (args) => {
          const filters = parseSearchQuery(stringArg(args, 'query'));
          const sortKey = sortKeyArg(args, ['ID', 'UPDATED_AT']);
          const rows = [...s.variants.values()].filter((v) =>
            matchesFilters(filters, { updated_at: v.updatedAt, created_at: v.updatedAt }));
          return connection('ProductVariant', rows, args, (v) => [sortKey === 'ID' ? v.id : v.updatedAt, v.id],
            (v) => this.variant(v), args.reverse === true);
        },
      },
      productVariant: { args: ['id'], resolve: (args) => this.maybe(s.variants.get(idArg(args, 'ProductVariant') ?? 0), (v) => this.variant(v)) },
      inventoryItem: {
        args: ['id'],
        resolve: (args) => this.maybe(s.variantByInventoryItem(idArg(args, 'InventoryItem') ?? 0), (v) => this.inventoryItem(v)),
      },
      orders: {
        args: [...connectionArgs, 'query', 'sortKey', 'reverse'],
        resolve: (args) => {
          const filters = parseSearchQuery(stringArg(args, 'query'));
          const sortKey = sortKeyArg(args, ['ID', 'UPDATED_AT', 'CREATED_AT']);
          const rows = [...s.orders.values()].filter((o) =>
            matchesFilters(filters, { updated_at: o.updatedAt, created_at: o.createdAt }));
          const key = (o: OrderRecord): number => (sortKey === 'UPDATED_AT' ? o.updatedAt : sortKey === 'CREATED_AT' ? o.createdAt : o.id);
          return connection('Order', rows, args, (o) => [key(o), o.id], (o) => this.order(o), args.reverse === true);
        },
      },
      order: { args: ['id'], resolve: (args) => this.maybe(s.orders.get(idArg(args, 'Order') ?? 0), (o) => this.order(o)) },
    });
  }

  private maybe<T>(record: T | undefined, toObject: (record: T) => GqlObject): Output {
    return record === undefined ? null : toObject(record);
  }

  location(l: LocationRecord): GqlObject {
    return new GqlObject('Location', {
      id: () => gid('Location', l.id),
      name: () => l.name,
      isActive: () => true,
      inventoryLevels: {
        args: connectionArgs,
        resolve: (args) => connection('InventoryLevel', this.store.levelsAtLocation(l.id), args,
          (lv) => [lv.inventoryItemId, lv.inventoryItemId], (lv) => this.level(lv)),
      },
    });
  }

  variant(v: VariantRecord): GqlObject {
    const s = this.store;
    return new GqlObject('ProductVariant', {
      id: () => gid('ProductVariant', v.id),
      title: () => v.title,
      sku: () => v.sku,
      barcode: () => v.barcode,
      price: () => v.price,
      compareAtPrice: () => v.compareAtPrice,
      updatedAt: () => toIso(v.updatedAt),
      inventoryQuantity: () => s.levelsOfItem(v.inventoryItemId).reduce((sum, lv) => sum + lv.available, 0),
      product: () => {
        const p = s.products.get(v.productId);
        return p ? new GqlObject('Product', { id: () => gid('Product', p.id), title: () => p.title, updatedAt: () => toIso(p.updatedAt) }) : null;
      },
      inventoryItem: () => this.inventoryItem(v),
    });
  }

  inventoryItem(v: VariantRecord): GqlObject {
    return new GqlObject('InventoryItem', {
      id: () => gid('InventoryItem', v.inventoryItemId),
      sku: () => v.sku,
      tracked: () => true,
      variant: () => this.variant(v),
      inventoryLevels: {
        args: connectionArgs,
        resolve: (args) => connection('InventoryLevel', this.store.levelsOfItem(v.inventoryItemId), args,
          (lv) => [lv.locationId, lv.locationId], (lv) => this.level(lv)),
      },
      inventoryLevel: {
        args: ['locationId'],
        resolve: (args) => {
          const locationId = parseGid('Location', args.locationId);
          if (locationId === null) throw new GraphqlError(`Invalid global id '${String(args.locationId)}'`, 'BAD_REQUEST');
          return this.maybe(this.store.level(v.inventoryItemId, locationId), (lv) => this.level(lv));
        },
      },
    });
  }

  level(lv: LevelRecord): GqlObject {
    const s = this.store;
    return new GqlObject('InventoryLevel', {
      id: () => `gid://shopify/InventoryLevel/${lv.inventoryItemId}?inventory_item_id=${lv.inventoryItemId}&location_id=${lv.locationId}`,
      updatedAt: () => toIso(lv.updatedAt),
      location: () => this.maybe(s.locations.get(lv.locationId), (l) => this.location(l)),
      item: () => this.maybe(s.variantByInventoryItem(lv.inventoryItemId), (v) => this.inventoryItem(v)),
      quantities: {
        args: ['names'],
        resolve: (args) => {
          const names = args.names;
          if (!Array.isArray(names) || names.length === 0) throw new GraphqlError(`Argument 'names' is required`, 'BAD_REQUEST');
          return names.map((name) => {
            if (name === 'available') return quantity(name, lv.available);
            if (name === 'committed') return quantity(name, lv.committed);
            if (name === 'on_hand') return quantity(name, lv.available + lv.committed);
            throw new GraphqlError(`The quantity name '${String(name)}' is not supported`, 'INVALID_QUANTITY_NAME');
          });
        },
      },
    });
  }

  order(o: OrderRecord): GqlObject {
    return new GqlObject('Order', {
      id: () => gid('Order', o.id),
      name: () => o.name,
      createdAt: () => toIso(o.createdAt),
      updatedAt: () => toIso(o.updatedAt),
      cancelledAt: () => (o.cancelledAt === null ? null : toIso(o.cancelledAt)),
      displayFinancialStatus: () => o.financialStatus,
      email: () => o.email,
      discountCodes: () => o.discountCodes,
      // One fulfillment order per order, assigned to the location its units are committed at.
      fulfillmentOrders: {
        args: connectionArgs,
        resolve: (args) => connection('FulfillmentOrder', [o], args, (r) => [r.id, r.id], (r) => this.fulfillmentOrder(r)),
      },
      lineItems: {
        args: connectionArgs,
        resolve: (args) => connection('LineItem', o.lineItems, args, (li) => [li.id, li.id], (li) => this.lineItem(o, li)),
      },
      refunds: () => o.refunds.map((r) => this.refund(o, r)),
    });
  }

  lineItem(o: OrderRecord, li: LineItemRecord): GqlObject {
    const refunded = o.refunds.flatMap((r) => r.lines).filter((l) => l.lineItemId === li.id).reduce((sum, l) => sum + l.quantity, 0);
    return new GqlObject('LineItem', {
      id: () => gid('LineItem', li.id),
      sku: () => li.sku,
      title: () => li.title,
      quantity: () => li.quantity,
      originalUnitPriceSet: () => moneyBag(li.price),
      totalDiscountSet: () => moneyBag(li.discount),
      // What is still to be fulfilled after refunds and a cancellation.
      currentQuantity: () => (o.cancelledAt !== null ? 0 : li.quantity - refunded),
      variant: () => this.maybe(li.variantId === null ? undefined : this.store.variants.get(li.variantId), (v) => this.variant(v)),
    });
  }

  fulfillmentOrder(o: OrderRecord): GqlObject {
    const s = this.store;
    return new GqlObject('FulfillmentOrder', {
      id: () => gid('FulfillmentOrder', o.id),
      status: () => (o.cancelledAt !== null || o.financialStatus === 'REFUNDED' ? 'CLOSED' : 'OPEN'),
      assignedLocation: () => new GqlObject('FulfillmentOrderAssignedLocation', {
        name: () => s.locations.get(o.locationId)?.name ?? '',
        location: () => this.maybe(s.locations.get(o.locationId), (l) => this.location(l)),
      }),
    });
  }

  refund(o: OrderRecord, r: RefundRecord): GqlObject {
    return new GqlObject('Refund', {
      id: () => gid('Refund', r.id),
      createdAt: () => toIso(r.createdAt),
      refundLineItems: {
        args: connectionArgs,
        resolve: (args) => connection('RefundLineItem', r.lines, args, (l) => [l.lineItemId, l.lineItemId], (l) =>
          new GqlObject('RefundLineItem', {
            quantity: () => l.quantity,
            lineItem: () => this.maybe(o.lineItems.find((li) => li.id === l.lineItemId), (li) => this.lineItem(o, li)),
          })),
      },
    });
  }
}

/** A MoneyBag in the shop's currency; the emulated shop sells in USD only. */
function moneyBag(amount: string): GqlObject {
  const money = (): GqlObject => new GqlObject('MoneyV2', { amount: () => amount, currencyCode: () => 'USD' });
  return new GqlObject('MoneyBag', { shopMoney: money, presentmentMoney: money });
}

function quantity(name: string, value: number): GqlObject {
  return new GqlObject('InventoryQuantity', { name: () => name, quantity: () => value });
}
