// Stock: locations, levels per variant × location, the ledger history,
// adjustments with reason codes, transfers through an in-transit location,
// stock rules and valuation. Pure (zod + types).
import { z } from 'zod';
import { limits } from '../shared/bounds.js';
import { costFigure } from '../team/cost-mark.js';

const id = z.number().int().positive();
const int = z.number().int();
const quantity = z.number().int().min(1).max(10_000_000);
const note = z.string().trim().max(500);
const page = { offset: z.number().int().min(0).default(0), limit: z.number().int().min(1).max(1000).default(100) };

export const locationKinds = ['warehouse', 'store', 'transit'] as const;
export const locationSchema = z.object({
  id: int,
  code: z.string(),
  name: z.string(),
  kind: z.enum(locationKinds),
  active: z.boolean(),
  onHand: int,
  /** Stock value at cost (a cost figure). */
  value: costFigure(int),
});
export type Location = z.infer<typeof locationSchema>;

export const stockSortColumns = [
  'sku',
  'title',
  'location',
  'bin',
  'onHand',
  'committed',
  'available',
  'incoming',
  'safetyStock',
  'lowStockAt',
  'unitCost',
  'value',
] as const;
export const stockLevelsInputSchema = z.object({
  ...page,
  locationId: id.optional(),
  categoryId: id.optional(),
  /** SKU, barcode or title; SKU/barcode match from the start, titles anywhere. */
  search: z.string().trim().max(200).default(''),
  /** Only rows of low variants (the one low-stock rule, inventory/low-stock-store.ts). */
  lowOnly: z.boolean().default(false),
  sort: z.object({ column: z.enum(stockSortColumns), direction: z.enum(['asc', 'desc']) }).default({ column: 'sku', direction: 'asc' }),
});
export type StockLevelsInput = z.output<typeof stockLevelsInputSchema>;

export const stockLevelSchema = z.object({
  variantId: int,
  productId: int,
  sku: z.string(),
  barcode: z.string().nullable(),
  title: z.string(),
  options: z.string(),
  locationId: int,
  location: z.string(),
  bin: z.string().nullable(),
  onHand: int,
  committed: int,
  /** on hand − committed. */
  available: int,
  incoming: int,
  safetyStock: int.nullable(),
  lowStockAt: int.nullable(),
  unitCost: costFigure(int.nullable()),
  /** max(on hand, 0) × cost; 0 without a cost. */
  value: costFigure(int),
  isLow: z.boolean(),
});
export type StockLevel = z.infer<typeof stockLevelSchema>;

export const movementSchema = z.object({
  id: int,
  variantId: int,
  sku: z.string(),
  locationId: int,
  location: z.string(),
  delta: int,
  reason: z.string(),
  reasonCode: z.string().nullable(),
  note: z.string().nullable(),
  refType: z.string().nullable(),
  refId: z.string().nullable(),
  unitCost: costFigure(int.nullable()),
  actor: z.string(),
  occurredAt: z.string(),
});

export const reasonDirections = ['in', 'out', 'either'] as const;
export const adjustmentReasonSchema = z.object({
  code: z.string(),
  label: z.string(),
  direction: z.enum(reasonDirections),
  builtin: z.boolean(),
  active: z.boolean(),
});

export const adjustLineSchema = z
  .object({
    variantId: id,
    locationId: id,
    /** Change by this many units (non-zero)… */
    delta: int.min(-limits.quantity, 'quantityTooLarge').max(limits.quantity, 'quantityTooLarge').refine((v) => v !== 0, 'deltaZero').optional(),
    /** …or set the on-hand level to this (a count). */
    setTo: z.number().int().min(0, 'negativeQuantity').max(limits.quantity, 'quantityTooLarge').optional(),
    reasonCode: z.string().trim().min(1).max(40),
    note: note.optional(),
  })
  .refine((line) => (line.delta === undefined) !== (line.setTo === undefined), { message: 'deltaOrSetTo', path: ['delta'] });

export const transferStatuses = ['draft', 'in_transit', 'partially_received', 'received', 'cancelled'] as const;
export const transferLineSchema = z.object({
  variantId: int,
  sku: z.string(),
  title: z.string(),
  quantity: int,
  receivedQuantity: int,
  outstanding: int,
});
export const transferSchema = z.object({
  id: int,
  number: z.string(),
  fromLocationId: int,
  fromLocation: z.string(),
  toLocationId: int,
  toLocation: z.string(),
  status: z.enum(transferStatuses),
  note: z.string(),
  actor: z.string(),
  createdAt: z.string(),
  sentAt: z.string().nullable(),
  receivedAt: z.string().nullable(),
  cancelledAt: z.string().nullable(),
  units: int,
  receivedUnits: int,
});
export type Transfer = z.infer<typeof transferSchema>;
const transferDetailSchema = transferSchema.extend({ lines: z.array(transferLineSchema) });
const lines = z.array(z.object({ variantId: id, quantity })).min(1).max(5000);

/** One location's row on a variant's stock card (the product 360 page). */
export const variantLocationStockSchema = z.object({
  locationId: int,
  code: z.string(),
  location: z.string(),
  kind: z.enum(locationKinds),
  active: z.boolean(),
  bin: z.string().nullable(),
  onHand: int,
  committed: int,
  available: int,
  incoming: int,
  safetyStock: int.nullable(),
  value: costFigure(int),
});

/** What one adjustment line did: the movement posted (null when a count matched) and the level after. */
export const adjustedLineSchema = z.object({
  variantId: int,
  locationId: int,
  sku: z.string(),
  location: z.string(),
  delta: int,
  movementId: int.nullable(),
  onHand: int,
  available: int,
});

const valuationGroup = z.object({ key: z.string(), label: z.string(), units: int, value: costFigure(int), variants: int });

export const inventoryContract = {
  'locations.list': { input: z.object({ includeInactive: z.boolean().default(false) }), output: z.object({ locations: z.array(locationSchema) }) },
  'locations.create': {
    input: z.object({ code: z.string().trim().min(1).max(20), name: z.string().trim().min(1).max(100), kind: z.enum(['warehouse', 'store']) }),
    output: locationSchema,
  },
  'locations.update': {
    input: z.object({ locationId: id, name: z.string().trim().min(1).max(100).optional(), active: z.boolean().optional() }),
    output: locationSchema,
  },
  'stock.levels': { input: stockLevelsInputSchema, output: z.object({ rows: z.array(stockLevelSchema), total: int }) },
  'stock.movements': {
    input: z.object({
      ...page,
      variantId: id.optional(),
      locationId: id.optional(),
      reason: z.string().max(40).optional(),
      /** ISO instants, [from, to). */
      from: z.string().datetime().optional(),
      to: z.string().datetime().optional(),
    }),
    output: z.object({ rows: z.array(movementSchema), total: int }),
  },
  'stock.forVariant': {
    input: z.object({ variantId: id }),
    output: z.object({
      variantId: int,
      sku: z.string(),
      unitCost: costFigure(int.nullable()),
      lowStockAt: int.nullable(),
      safetyMode: z.enum(['manual', 'computed']),
      serviceLevel: z.number().nullable(),
      /** Active shelf locations (zeros where nothing is held), plus any other location holding a level (transit). */
      rows: z.array(variantLocationStockSchema),
      totals: z.object({ onHand: int, committed: int, available: int, incoming: int, value: costFigure(int) }),
    }),
  },
  'adjustmentReasons.list': { input: z.object({}), output: z.object({ reasons: z.array(adjustmentReasonSchema) }) },
  'adjustmentReasons.create': {
    input: z.object({
      code: z
        .string()
        .trim()
        .min(1)
        .max(40)
        .regex(/^[a-z][a-z0-9_-]*$/, 'reasonCodeFormat'),
      label: z.string().trim().min(1).max(100),
      direction: z.enum(reasonDirections),
    }),
    output: adjustmentReasonSchema,
  },
  'adjustmentReasons.update': {
    input: z.object({ code: z.string().trim().min(1).max(40), label: z.string().trim().min(1).max(100).optional(), active: z.boolean().optional() }),
    output: adjustmentReasonSchema,
  },
  'stock.adjust': {
    input: z.object({ lines: z.array(adjustLineSchema).min(1).max(20_000) }),
    /** Counts, plus each line's movement and new level, in input order. */
    output: z.object({ movements: int, units: int, lines: z.array(adjustedLineSchema) }),
  },
  'stock.setRules': {
    input: z.object({
      variantId: id,
      lowStockAt: z.number().int().min(0).nullable().optional(),
      safetyMode: z.enum(['manual', 'computed']).optional(),
      serviceLevel: z.number().gt(0.5).lt(1).nullable().optional(),
      /** Manual safety stock per location. */
      safetyStock: z.array(z.object({ locationId: id, quantity: z.number().int().min(0).max(limits.quantity, 'quantityTooLarge').nullable() })).max(100).optional(),
    }),
    output: z.object({ variantId: int }),
  },
  'transfers.create': {
    input: z.object({ fromLocationId: id, toLocationId: id, lines, note: note.default(''), send: z.boolean().default(false) }),
    output: transferDetailSchema,
  },
  'transfers.send': { input: z.object({ transferId: id }), output: transferDetailSchema },
  'transfers.receive': { input: z.object({ transferId: id, lines }), output: transferDetailSchema },
  'transfers.cancel': { input: z.object({ transferId: id }), output: transferDetailSchema },
  'transfers.get': { input: z.object({ transferId: id }), output: transferDetailSchema },
  'transfers.list': {
    input: z.object({ ...page, status: z.enum(transferStatuses).optional() }),
    output: z.object({ rows: z.array(transferSchema), total: int }),
  },
  'stock.valuation': {
    /** Categories grouped by their top-level ancestor ('top') or by their own full path ('full'). */
    input: z.object({ categoryLevel: z.enum(['top', 'full']).default('top') }),
    output: z.object({
      totalValue: costFigure(int),
      totalUnits: int,
      variantsWithoutCost: int,
      byLocation: z.array(valuationGroup),
      byCategory: z.array(valuationGroup),
      bySupplier: z.array(valuationGroup),
    }),
  },
} as const;
