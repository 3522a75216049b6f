// Reorder suggestions per metrics.md, grouped per supplier, each line carrying
// every number of its calculation so the UI can explain it. Pure.
import { z } from 'zod';

const id = z.number().int().positive();
const int = z.number().int();

export const suggestionLineSchema = z.object({
  variantId: int,
  sku: z.string(),
  title: z.string(),
  options: z.string(),
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
  available: int,
  onOrder: int,
  shortfall: z.number(),
  moq: int,
  packSize: int,
  quantity: int,
  unitCost: int,
  lineCost: int,
  /** Already on a draft purchase order (not yet sent). */
  onDraft: z.boolean(),
});
export type SuggestionLine = z.infer<typeof suggestionLineSchema>;

export const supplierSuggestionsSchema = z.object({
  supplierId: int,
  supplier: z.string(),
  currency: z.string(),
  lines: z.array(suggestionLineSchema),
  totalLines: int,
  totalUnits: int,
  totalCost: int,
});

export const reorderSettingsSchema = z.object({
  demandWindowDays: z.number().int().min(3).max(365),
  serviceLevel: z.number().gt(0.5).lt(1),
  reviewPeriodDays: z.number().int().min(0).max(90),
  categoryWindows: z.array(z.object({ categoryId: int, path: z.string(), demandWindowDays: int })),
});

export const reorderContract = {
  'reorder.suggestions': {
    input: z.object({ supplierId: id.optional(), search: z.string().trim().max(100).default(''), limitPerSupplier: int.min(1).max(5000).default(500) }),
    output: z.object({
      suppliers: z.array(supplierSuggestionsSchema),
      /** Selling variants that need stock but have no supplier item. */
      withoutSupplier: z.array(suggestionLineSchema.pick({ variantId: true, sku: true, title: true, dailyDemand: true, available: true })),
      withoutSupplierTotal: int,
      computedAt: z.string(),
    }),
  },
  'reorder.createDraft': {
    input: z.object({ supplierId: id, locationId: id, variantIds: z.array(id).max(5000).optional() }),
    output: z.object({ purchaseOrderId: int, number: z.string(), lines: int, units: int }),
  },
  'reorder.settings': { input: z.object({}), output: reorderSettingsSchema },
  'reorder.updateSettings': {
    input: z.object({
      demandWindowDays: z.number().int().min(3).max(365).optional(),
      serviceLevel: z.number().gt(0.5).lt(1).optional(),
      reviewPeriodDays: z.number().int().min(0).max(90).optional(),
      categoryWindows: z.array(z.object({ categoryId: id, demandWindowDays: z.number().int().min(3).max(365).nullable() })).max(1000).optional(),
    }),
    output: reorderSettingsSchema,
  },
} as const;
