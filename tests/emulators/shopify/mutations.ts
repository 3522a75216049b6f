// Write side of the emulated Admin API. Each mutation is prepared first (validated against
// the current state, answer computed) and committed only after its selection set was
// answered without error, so a malformed request never half-applies.
import { z } from 'zod';
import { type Args, GqlObject, GraphqlError, type Output } from './execution.js';
import { gid, parseGid, type ShopStore, toIso } from './store.js';

export interface PreparedMutation {
  result: GqlObject;
  /** Applies the change; false when there was nothing to apply (user errors). */
  commit: () => boolean;
}

export interface MutationContext {
  store: ShopStore;
  /** The API version served, e.g. `2026-04`. */
  version: string;
}

export interface MutationSpec {
  args: readonly string[];
  prepare: (args: Args, context: MutationContext) => PreparedMutation;
}

/** Shopify's fixed list of inventory reasons; anything else is a user error. */
export const inventoryReasons = [
  'correction', 'cycle_count_available', 'damaged', 'movement_canceled', 'movement_created', 'movement_received',
  'movement_updated', 'other', 'promotion', 'quality_control', 'received', 'reservation_created',
  'reservation_deleted', 'reservation_updated', 'restock', 'safety_stock', 'shrinkage',
] as const;

/** From this version `changeFromQuantity` must be sent (compare-and-set is mandatory). */
export const changeFromQuantityRequiredFrom = '2026-04';

const setQuantityInput = z.strictObject({
  inventoryItemId: z.string(),
  locationId: z.string(),
  quantity: z.number().int(),
  changeFromQuantity: z.number().int().nullable().optional(),
});

const setQuantitiesInput = z.strictObject({
  name: z.string(),
  reason: z.string(),
  referenceDocumentUri: z.string().nullable().optional(),
  quantities: z.array(setQuantityInput).min(1).max(250),
});

const money = z.union([z.string().regex(/^-?\d+(\.\d+)?$/), z.number()]).transform((v) => Number(v));

const variantUpdateInput = z.strictObject({
  id: z.string(),
  price: money.optional(),
  compareAtPrice: money.nullable().optional(),
});

const bulkUpdateArgs = z.strictObject({
  productId: z.string(),
  variants: z.array(variantUpdateInput).min(1).max(250),
});

interface UserError {
  code: string;
  field: string[];
  message: string;
}

function parseArgs<T>(schema: z.ZodType<T>, value: unknown, mutation: string): T {
  const parsed = schema.safeParse(value);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    const where = issue?.path.join('.') ?? '';
    throw new GraphqlError(
      `Argument of '${mutation}' has an invalid value${where ? ` at ${where}` : ''}: ${issue?.message ?? 'invalid'}`,
      'INVALID_VARIABLE',
    );
  }
  return parsed.data;
}

function userErrorObjects(errors: UserError[]): GqlObject[] {
  return errors.map((e) => new GqlObject('UserError', { code: () => e.code, field: () => e.field, message: () => e.message }));
}

function formatMoney(value: number): string {
  return value.toFixed(2);
}

const inventorySetQuantities: MutationSpec = {
  args: ['input'],
  prepare: (args, { store, version }) => {
    const input = parseArgs(setQuantitiesInput, args.input, 'inventorySetQuantities');
    const errors: UserError[] = [];
    const field = (i: number, name: string): string[] => ['input', 'quantities', String(i), name];
    if (input.name !== 'available' && input.name !== 'on_hand') {
      errors.push({ code: 'INVALID_NAME', field: ['input', 'name'], message: `The quantity name '${input.name}' is not valid.` });
    }
    if (!(inventoryReasons as readonly string[]).includes(input.reason)) {
      errors.push({ code: 'INVALID_REASON', field: ['input', 'reason'], message: `The reason '${input.reason}' is not valid.` });
    }
    const seen = new Set<string>();
    const changes: { itemId: number; locationId: number; quantity: number; delta: number }[] = [];
    input.quantities.forEach((q, i) => {
      const itemId = parseGid('InventoryItem', q.inventoryItemId);
      const locationId = parseGid('Location', q.locationId);
      if (itemId === null || !store.variantByInventoryItem(itemId)) {
        errors.push({ code: 'INVALID_INVENTORY_ITEM', field: field(i, 'inventoryItemId'), message: 'The specified inventory item could not be found.' });
        return;
      }
      if (locationId === null || !store.locations.has(locationId)) {
        errors.push({ code: 'INVALID_LOCATION', field: field(i, 'locationId'), message: 'The specified location could not be found.' });
        return;
      }
      const pair = `${itemId}:${locationId}`;
      if (seen.has(pair)) {
        errors.push({ code: 'NO_DUPLICATE_INVENTORY_ITEM_ID_GROUP_ID_PAIR', field: field(i, 'inventoryItemId'), message: 'The inventory item and location pair is given twice.' });
        return;
      }
      seen.add(pair);
      const level = store.level(itemId, locationId);
      if (!level) {
        errors.push({ code: 'ITEM_NOT_STOCKED_AT_LOCATION', field: field(i, 'locationId'), message: 'The item is not stocked at the location.' });
        return;
      }
      const current = input.name === 'on_hand' ? level.available + level.committed : level.available;
      if (q.changeFromQuantity === undefined && version >= changeFromQuantityRequiredFrom) {
        throw new GraphqlError(
          `InventoryQuantityInput requires changeFromQuantity from API version ${changeFromQuantityRequiredFrom}`,
          'INVALID_VARIABLE',
        );
      }
      // null opts out of the comparison (only possible where the field is optional).
      if (q.changeFromQuantity !== undefined && q.changeFromQuantity !== null && q.changeFromQuantity !== current) {
        errors.push({
          code: 'CHANGE_FROM_QUANTITY_STALE',
          field: field(i, 'changeFromQuantity'),
          message: 'The specified compare quantity does not match the current quantity.',
        });
        return;
      }
      changes.push({ itemId, locationId, quantity: q.quantity, delta: q.quantity - current });
    });
    const payload = (group: Output): GqlObject =>
      new GqlObject('InventorySetQuantitiesPayload', { inventoryAdjustmentGroup: () => group, userErrors: () => userErrorObjects(errors) });
    // Atomic like Shopify: one user error and nothing is applied.
    if (errors.length > 0) return { result: payload(null), commit: () => false };
    const groupId = store.nextId();
    const createdAt = store.clock.nowSecondsMs();
    const group = new GqlObject('InventoryAdjustmentGroup', {
      id: () => gid('InventoryAdjustmentGroup', groupId),
      createdAt: () => toIso(createdAt),
      reason: () => input.reason,
      referenceDocumentUri: () => input.referenceDocumentUri ?? null,
      changes: () => changes.map((c) => new GqlObject('InventoryChange', {
        name: () => input.name,
        delta: () => c.delta,
        quantityAfterChange: () => c.quantity,
        item: () => new GqlObject('InventoryItem', { id: () => gid('InventoryItem', c.itemId) }),
        location: () => new GqlObject('Location', { id: () => gid('Location', c.locationId) }),
      })),
    });
    return {
      result: payload(group),
      commit: () => {
        for (const c of changes) {
          const level = store.level(c.itemId, c.locationId);
          if (level) store.setLevel(c.itemId, c.locationId, level.available + c.delta);
        }
        return true;
      },
    };
  },
};

const productVariantsBulkUpdate: MutationSpec = {
  args: ['productId', 'variants'],
  prepare: (args, { store }) => {
    const input = parseArgs(bulkUpdateArgs, args, 'productVariantsBulkUpdate');
    const errors: UserError[] = [];
    const productId = parseGid('Product', input.productId);
    const product = productId === null ? undefined : store.products.get(productId);
    const updates: { variantId: number; price?: number; compareAtPrice?: number | null }[] = [];
    if (!product) {
      errors.push({ code: 'PRODUCT_DOES_NOT_EXIST', field: ['productId'], message: 'Product does not exist' });
    } else {
      input.variants.forEach((v, i) => {
        const variantId = parseGid('ProductVariant', v.id);
        const variant = variantId === null ? undefined : store.variants.get(variantId);
        if (!variant || variant.productId !== product.id) {
          errors.push({ code: 'PRODUCT_VARIANT_DOES_NOT_EXIST', field: ['variants', String(i), 'id'], message: 'Product variant does not exist' });
          return;
        }
        for (const name of ['price', 'compareAtPrice'] as const) {
          const value = v[name];
          if (typeof value === 'number' && value < 0) {
            errors.push({ code: 'GREATER_THAN_OR_EQUAL_TO', field: ['variants', String(i), name], message: `${name} must be greater than or equal to 0` });
          }
        }
        updates.push({ variantId: variant.id, price: v.price, compareAtPrice: v.compareAtPrice });
      });
    }
    const failed = errors.length > 0;
    // The answer shows the variants as they will be after the commit.
    const after = updates.map((u) => {
      const current = store.variants.get(u.variantId);
      if (!current) throw new Error('variant vanished while preparing');
      return {
        ...current,
        price: u.price === undefined ? current.price : formatMoney(u.price),
        compareAtPrice: u.compareAtPrice === undefined ? current.compareAtPrice : u.compareAtPrice === null ? null : formatMoney(u.compareAtPrice),
      };
    });
    const result = new GqlObject('ProductVariantsBulkUpdatePayload', {
      product: () => (failed || !product ? null : new GqlObject('Product', { id: () => gid('Product', product.id), title: () => product.title })),
      productVariants: () => (failed ? null : after.map((v) => new GqlObject('ProductVariant', {
        id: () => gid('ProductVariant', v.id),
        sku: () => v.sku,
        price: () => v.price,
        compareAtPrice: () => v.compareAtPrice,
      }))),
      userErrors: () => userErrorObjects(errors),
    });
    return {
      result,
      commit: () => {
        if (failed || !product) return false;
        const now = store.clock.nowSecondsMs();
        for (const v of after) {
          const record = store.variants.get(v.id);
          if (!record) continue;
          record.price = v.price;
          record.compareAtPrice = v.compareAtPrice;
          record.updatedAt = now;
        }
        product.updatedAt = now;
        return true;
      },
    };
  },
};

export const mutations: Record<string, MutationSpec> = { inventorySetQuantities, productVariantsBulkUpdate };
