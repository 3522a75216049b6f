// Reorder suggestions per metrics.md "Replenishment", grouped per supplier, each
// line carrying every number of its calculation so the UI can explain it. Pure.
import { z } from 'zod';
import { costFigure } from '../team/cost-mark.js';

const id = z.number().int().positive();
const int = z.number().int();
const windowDays = z.number().int().min(3).max(365);
const serviceLevel = z.number().gt(0.5).lt(1);
const reviewPeriodDays = z.number().int().min(0).max(90);

/** The steps of one suggestion (see ReorderExplanation in reorder-model.ts). */
export const reorderExplanationSchema = z.object({
  safetyStock: z.object({ mode: z.enum(['manual', 'computed']), z: z.number(), demandStdDev: z.number(), leadTimeDays: int, value: z.number() }),
  reorderPoint: z.object({ dailyDemand: z.number(), leadTimeDays: int, safetyStock: z.number(), value: z.number() }),
  position: z.object({ available: int, onOrder: int, value: int, atOrBelowReorderPoint: z.boolean() }),
  target: z.object({ dailyDemand: z.number(), leadTimeDays: int, reviewPeriodDays: int, safetyStock: z.number(), value: z.number() }),
  quantity: z.object({ shortfall: z.number(), moq: int, beforePacks: int, packSize: int, value: int }),
});

export const suggestionLineSchema = z.object({
  variantId: int,
  sku: z.string(),
  /** Product title with the variant's option values. */
  title: z.string(),
  supplierSku: z.string().nullable(),
  dailyDemand: z.number(),
  demandStdDev: z.number(),
  windowDays: int,
  leadTimeDays: int,
  reviewPeriodDays: int,
  serviceLevel: z.number(),
  z: z.number(),
  safetyMode: z.enum(['manual', 'computed']),
  safetyStock: z.number(),
  reorderPoint: z.number(),
  target: z.number(),
  /** Σ (on hand − committed) over non-transit locations. */
  available: int,
  /** Outstanding on sent and partially received purchase orders. */
  onOrder: int,
  moq: int,
  packSize: int,
  quantity: int,
  /** Minor units of the supplier's currency. */
  unitCost: costFigure(int),
  lineCost: costFigure(int),
  /** Already on a draft purchase order for any supplier (a draft is not on order yet). */
  onDraft: z.boolean(),
  /** Also low by the shop's one low-stock rule (what Stock → Levels lists under Low stock only). */
  lowStock: z.boolean(),
  explanation: reorderExplanationSchema,
});
export type SuggestionLine = z.infer<typeof suggestionLineSchema>;

export const supplierSuggestionsSchema = z.object({
  supplier: z.object({ id: int, name: z.string(), currency: z.string() }),
  /** This supplier's lines on the requested page. */
  lines: z.array(suggestionLineSchema),
  /** Over all of this supplier's suggested lines, not only the page. */
  totals: z.object({ lines: int, units: int, cost: costFigure(int) }),
});

export const noSupplierLineSchema = suggestionLineSchema.pick({
  variantId: true,
  sku: true,
  title: true,
  dailyDemand: true,
  demandStdDev: true,
  windowDays: true,
  available: true,
  onOrder: true,
  reorderPoint: true,
});

export const reorderSettingsSchema = z.object({
  demandWindowDays: windowDays,
  serviceLevel,
  reviewPeriodDays,
  /** Categories that set their own window (children without one inherit it). */
  categoryWindows: z.array(z.object({ categoryId: int, path: z.string(), demandWindowDays: int })),
});

export const reorderContract = {
  /** Suggested lines (paged by offset/limit over all suppliers' lines, most urgent first within a supplier). */
  'reorder.suggestions': {
    input: z.object({
      supplierId: id.optional(),
      /** Destination for a draft PO made from these suggestions; echoed back (default: the first active warehouse). */
      locationId: id.optional(),
      search: z.string().trim().max(100).default(''),
      offset: int.min(0).default(0),
      limit: int.min(1).max(1000).default(200),
    }),
    output: z.object({
      suppliers: z.array(supplierSuggestionsSchema),
      /** Suggested lines matching the filters, over all suppliers. */
      total: int,
      /** Variants with demand that need stock but have no supplier item (at most 200, most demand first). */
      noSupplier: z.array(noSupplierLineSchema),
      noSupplierTotal: int,
      locationId: int.nullable(),
      computedAt: z.string(),
    }),
  },
  /** One draft PO from a supplier's current suggestions (all, or the chosen variants). */
  'reorder.createDraft': {
    input: z.object({ supplierId: id, locationId: id, variantIds: z.array(id).min(1).max(5000).optional() }),
    output: z.object({
      purchaseOrderId: int,
      number: z.string(),
      lines: z.array(z.object({ variantId: int, sku: z.string(), quantity: int, unitCost: costFigure(int) })),
    }),
  },
  'reorder.settings.get': { input: z.object({}), output: reorderSettingsSchema },
  'reorder.settings.update': {
    input: z.object({
      demandWindowDays: windowDays.optional(),
      serviceLevel: serviceLevel.optional(),
      reviewPeriodDays: reviewPeriodDays.optional(),
      /** null clears a category's own window (it then inherits). */
      categoryWindows: z.array(z.object({ categoryId: id, demandWindowDays: windowDays.nullable() })).max(1000).optional(),
    }),
    output: reorderSettingsSchema,
  },
} as const;
