// zod shapes of every Shopify answer the connector reads. Anything else is an 'invalid_answer'
// (whole answer) or a failed item (one node), never a crash.
import { z } from 'zod';

export const throttleStatusSchema = z.object({
  maximumAvailable: z.number(),
  currentlyAvailable: z.number(),
  restoreRate: z.number(),
});

export const costSchema = z.object({
  requestedQueryCost: z.number().nullable().optional(),
  actualQueryCost: z.number().nullable().optional(),
  throttleStatus: throttleStatusSchema,
});

export const graphqlErrorSchema = z.object({
  message: z.string(),
  extensions: z.object({ code: z.string().optional() }).passthrough().optional(),
});

/** The envelope; `data` is validated per operation by the caller. */
export const envelopeSchema = z.object({
  data: z.unknown().optional(),
  errors: z.union([z.array(graphqlErrorSchema), z.string(), z.record(z.string(), z.unknown())]).optional(),
  extensions: z.object({ cost: costSchema.optional() }).passthrough().optional(),
});

const pageInfoSchema = z.object({ hasNextPage: z.boolean(), endCursor: z.string().nullable() });

export const userErrorSchema = z.object({
  code: z.string().nullable().optional(),
  field: z.array(z.string()).nullable().optional(),
  message: z.string(),
});

export const shopDataSchema = z.object({
  shop: z.object({ id: z.string(), name: z.string(), currencyCode: z.string() }),
  locations: z.object({ nodes: z.array(z.object({ id: z.string() })), pageInfo: pageInfoSchema }),
});

export const locationsDataSchema = z.object({
  locations: z.object({
    nodes: z.array(z.object({ id: z.string(), name: z.string(), isActive: z.boolean() })),
    pageInfo: pageInfoSchema,
  }),
});

export const variantProductsDataSchema = z.object({
  productVariants: z.object({ nodes: z.array(z.object({ product: z.object({ id: z.string() }) })), pageInfo: pageInfoSchema }),
});

/** One variant node; validated one by one so a malformed node does not sink the page. */
export const variantNodeSchema = z.object({
  id: z.string(),
  title: z.string(),
  sku: z.string().nullable(),
  barcode: z.string().nullable(),
  price: z.string(),
  compareAtPrice: z.string().nullable(),
  updatedAt: z.string(),
  inventoryQuantity: z.number().int().nullable(),
  product: z.object({ id: z.string(), title: z.string() }),
  inventoryItem: z.object({ id: z.string(), tracked: z.boolean() }),
});

export const variantsDataSchema = z.object({
  productVariants: z.object({ nodes: z.array(z.unknown()), pageInfo: pageInfoSchema }),
});

/** MoneyV2: a decimal string in the currency's precision ("12.50"). */
const moneySchema = z.object({ amount: z.string().regex(/^-?\d+(\.\d+)?$/), currencyCode: z.string() });

const lineItemSchema = z.object({
  id: z.string(),
  sku: z.string().nullable(),
  title: z.string(),
  quantity: z.number().int(),
  currentQuantity: z.number().int(),
  variant: z.object({ id: z.string() }).nullable(),
  originalUnitPriceSet: z.object({ shopMoney: moneySchema }),
});

export const lineItemsConnectionSchema = z.object({ nodes: z.array(lineItemSchema), pageInfo: pageInfoSchema });

export const orderNodeSchema = z.object({
  id: z.string(),
  name: z.string(),
  createdAt: z.string(),
  updatedAt: z.string(),
  cancelledAt: z.string().nullable(),
  displayFinancialStatus: z.string().nullable(),
  email: z.string().nullable(),
  /** Codes the buyer entered, in the order applied (Order.discountCodes: scalars, no query cost). */
  discountCodes: z.array(z.string()).default([]),
  lineItems: lineItemsConnectionSchema,
  refunds: z.array(
    z.object({
      refundLineItems: z.object({
        nodes: z.array(z.object({ quantity: z.number().int(), lineItem: z.object({ id: z.string() }).nullable() })),
      }),
    }),
  ),
  fulfillmentOrders: z.object({
    nodes: z.array(z.object({ status: z.string(), assignedLocation: z.object({ location: z.object({ id: z.string() }).nullable() }) })),
  }),
});

export const ordersDataSchema = z.object({
  orders: z.object({ nodes: z.array(orderNodeSchema), pageInfo: pageInfoSchema }),
});

export const orderLinesDataSchema = z.object({ order: z.object({ lineItems: lineItemsConnectionSchema }).nullable() });

export const inventorySetDataSchema = z.object({
  inventorySetQuantities: z.object({
    inventoryAdjustmentGroup: z
      .object({
        changes: z.array(
          z.object({
            name: z.string(),
            quantityAfterChange: z.number().int().nullable(),
            item: z.object({ id: z.string() }),
            location: z.object({ id: z.string() }),
          }),
        ),
      })
      .nullable(),
    userErrors: z.array(userErrorSchema),
  }),
});

/** Aliased `l0: inventoryItem(id) { inventoryLevel(locationId) { quantities } }` reads. */
export const levelReadSchema = z
  .object({
    inventoryLevel: z.object({ quantities: z.array(z.object({ name: z.string(), quantity: z.number().int() })) }).nullable(),
  })
  .nullable();

export const bulkUpdateDataSchema = z.object({
  productVariantsBulkUpdate: z.object({
    productVariants: z.array(z.object({ id: z.string(), price: z.string(), compareAtPrice: z.string().nullable() })).nullable(),
    userErrors: z.array(userErrorSchema),
  }),
});

export type UserError = z.infer<typeof userErrorSchema>;
export type VariantNode = z.infer<typeof variantNodeSchema>;
export type OrderNode = z.infer<typeof orderNodeSchema>;

export const currencyDataSchema = z.object({ shop: z.object({ currencyCode: z.string() }) });

export type ShopData = z.infer<typeof shopDataSchema>;
export type LocationsData = z.infer<typeof locationsDataSchema>;
export type VariantProductsData = z.infer<typeof variantProductsDataSchema>;
