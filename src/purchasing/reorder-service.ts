// Reorder suggestions: demand from recent sales (demand.ts), stock position
// (available + open purchase orders) and supplier terms (reorder-candidates.ts),
// through the metrics.md model (reorder-model.ts), for every active variant in
// one pass. One call turns a supplier's suggestions into a draft PO.
import type { z } from 'zod';
import type { Db } from '../db/open.js';
import { createStockChecks, throwIfIssues } from '../inventory/stock-checks.js';
import { AppError } from '../shared/app-error.js';
import type { Clock } from '../shared/clock.js';
import type { FieldIssue } from '../shared/envelope.js';
import { localDateOf } from '../shared/local-time.js';
import { windowDaysOf, type Demand } from './demand.js';
import { readDemand } from './demand-store.js';
import { createDraftPurchaseOrder } from './draft-po.js';
import { readCandidateDetails, readCandidateStock, readCandidates, readLeadTimeBounds, readModelBounds, type CandidateRow } from './reorder-candidates.js';
import type { reorderContract, SuggestionLine } from './reorder-contract.js';
import { explainReorder, inverseNormal, reorder, type ReorderInput, type ReorderResult } from './reorder-model.js';
import { createReorderSettings } from './reorder-settings.js';
import { reorderNote } from './po-documents.js';
import { createSettingsStore } from '../settings/store.js';

/** Lead time for a variant with no supplier yet: the suppliers table's default. */
const defaultLeadTimeDays = 14;
/** At most this many "no supplier" variants are listed (the count is always given). */
export const noSupplierListed = 200;

type Out<M extends keyof typeof reorderContract> = z.output<(typeof reorderContract)[M]['output']>;
type In<M extends keyof typeof reorderContract> = z.output<(typeof reorderContract)[M]['input']>;
type Supplier = Out<'reorder.suggestions'>['suppliers'][number]['supplier'];
type Computed = SuggestionLine & { supplier: Supplier | null };

export interface ReorderServiceOptions {
  /** Read demand from the orders, never the sales rollup (the agreement tests compare both ways). */
  directDemand?: boolean;
}

export function createReorderService(db: Db, clock: Clock, options: ReorderServiceOptions = {}) {
  const checks = createStockChecks(db);
  const settings = createReorderSettings(db);
  const supplierExists = db.prepare<[number], { id: number }>('SELECT id FROM suppliers WHERE id = ?');
  const defaultLocation = db.prepare<[], { id: number }>(
    "SELECT id FROM locations WHERE active = 1 AND kind <> 'transit' ORDER BY kind <> 'warehouse', id LIMIT 1",
  );
  const numberOf = db.prepare<[number], { number: string }>('SELECT number FROM purchase_orders WHERE id = ?');

  /**
   * The candidates (sold in their window, or with a manual safety stock) whose stock could be at or
   * below their reorder point. A quick bound, never a second model: position ≥ available (on order
   * is ≥ 0) and ROP ≤ d̄ × L + max(zmax × σd × √L, manual safety), with zmax the z of the highest
   * service level anywhere (+0.01 for the rounded named z's) and L a lead time at least the one the
   * model uses: first the longest anywhere, then, for the variants still in, the longest of their
   * own supplier items (the default without any). A variant with more available than that can
   * never be suggested, so its supplier terms and purchase orders are not read. On a shop whose
   * stock covers its sales this skips most variants. (Adding what is on order here reads the
   * purchase orders of every variant kept so far: measured, it costs what it saves.)
   */
  const positionBelowBound = (demanded: number[], demand: Map<number, Demand>, shopServiceLevel: number): number[] => {
    const bounds = readModelBounds(db);
    const longest = Math.max(bounds.leadTimeDays, defaultLeadTimeDays);
    const z = inverseNormal(Math.max(shopServiceLevel, bounds.serviceLevel)) + 0.01;
    const stock = new Map(readCandidateStock(db, demanded).map((row) => [row.variantId, row]));
    const below = (variantId: number, lead: number) => {
      const row = stock.get(variantId);
      const d = demand.get(variantId);
      const bound = (d?.dailyDemand ?? 0) * lead + Math.max(z * (d?.stdDev ?? 0) * Math.sqrt(lead), row?.manualSafety ?? 0, 0);
      return (row?.available ?? 0) <= bound + 1e-6 * (1 + Math.abs(bound));
    };
    const kept = demanded.filter((variantId) => below(variantId, longest));
    // Variants with a manual safety stock but no sales are candidates too.
    for (const row of stock.values()) if (!demand.has(row.variantId) && (row.manualSafety ?? 0) > 0 && below(row.variantId, longest)) kept.push(row.variantId);
    const leads = readLeadTimeBounds(db, kept, defaultLeadTimeDays);
    return kept.filter((variantId) => below(variantId, leads.get(variantId) ?? longest));
  };

  /**
   * Every active variant that needs ordering now (quantity > 0), with its supplier or none;
   * `only` limits it to those variants (the incremental alert check), in no particular order.
   */
  const computeLines = (only?: readonly number[]): Computed[] => {
    const shop = settings.shop();
    const today = localDateOf(clock.now(), shop.timeZone);
    const demand = readDemand(db, {
      direct: options.directDemand ?? false,
      today,
      timeZone: shop.timeZone,
      defaultWindowDays: shop.demandWindowDays,
      explodeBundles: true,
      ...(only ? { only } : {}),
    });
    const suggested: { c: CandidateRow; d: Demand | undefined; input: ReorderInput; result: ReorderResult; safetyMode: 'manual' | 'computed' }[] = [];
    for (const c of readCandidates(db, only ?? positionBelowBound([...demand.keys()], demand, shop.serviceLevel))) {
      const d = demand.get(c.variantId);
      // No rule row: a safety stock typed in at any location means manual; otherwise computed.
      const safetyMode = c.ruleMode ?? (c.manualSafety !== null ? 'manual' : 'computed');
      if (!d && !(safetyMode === 'manual' && (c.manualSafety ?? 0) > 0)) continue; // nothing to protect
      const input: ReorderInput = {
        dailyDemand: d?.dailyDemand ?? 0,
        demandStdDev: d?.stdDev ?? 0,
        leadTimeDays: c.leadTimeDays ?? defaultLeadTimeDays,
        reviewPeriodDays: shop.reviewPeriodDays,
        serviceLevel: c.ruleServiceLevel ?? shop.serviceLevel,
        manualSafetyStock: safetyMode === 'manual' ? (c.manualSafety ?? 0) : null,
        available: c.available,
        onOrder: c.onOrder,
        moq: c.moq ?? 1,
        packSize: c.packSize ?? 1,
      };
      const result = reorder(input);
      if (result.quantity > 0) suggested.push({ c, d, input, result, safetyMode });
    }
    // Names, suppliers, draft POs and the low-stock flag: read for the suggested lines only.
    const details = readCandidateDetails(db, suggested.map((s) => s.c));
    const windows = suggested.some((s) => !s.d) ? windowDaysOf(db, shop.demandWindowDays) : new Map<number, number>();
    const lines: Computed[] = [];
    for (const { c, d, input, result, safetyMode } of suggested) {
      const info = details.get(c.variantId);
      if (!info) continue;
      const unitCost = c.unitCost ?? 0;
      lines.push({
        variantId: c.variantId,
        sku: info.sku,
        title: info.title,
        supplier: info.supplierId === null ? null : { id: info.supplierId, name: info.supplierName ?? '', currency: info.currency ?? '' },
        supplierSku: info.supplierSku,
        dailyDemand: input.dailyDemand,
        demandStdDev: input.demandStdDev,
        windowDays: d?.windowDays ?? windows.get(c.variantId) ?? shop.demandWindowDays,
        leadTimeDays: input.leadTimeDays,
        reviewPeriodDays: input.reviewPeriodDays,
        serviceLevel: input.serviceLevel,
        z: result.z,
        safetyMode,
        safetyStock: result.safetyStock,
        reorderPoint: result.reorderPoint,
        target: result.target,
        available: c.available,
        onOrder: c.onOrder,
        moq: input.moq,
        packSize: input.packSize,
        quantity: result.quantity,
        unitCost,
        lineCost: result.quantity * unitCost,
        onDraft: info.onDraft === 1,
        lowStock: info.lowStock === 1,
        explanation: explainReorder(input, result),
      });
    }
    return lines;
  };

  const compute = (): Computed[] => {
    const lines = computeLines();
    // Most urgent first: furthest below the reorder point; then by SKU for a stable order.
    const gap = (line: SuggestionLine) => line.available + line.onOrder - line.reorderPoint;
    return lines.sort((a, b) => (a.supplier?.name ?? '').localeCompare(b.supplier?.name ?? '') || gap(a) - gap(b) || a.sku.localeCompare(b.sku));
  };

  const suggestions = (input: In<'reorder.suggestions'>): Out<'reorder.suggestions'> => {
    const needle = input.search.toLowerCase();
    const matches = (line: Computed) => !needle || line.sku.toLowerCase().includes(needle) || line.title.toLowerCase().includes(needle);
    const all = compute().filter(matches);
    const withSupplier = all.filter((line) => line.supplier !== null && (input.supplierId === undefined || line.supplier.id === input.supplierId));
    const totals = new Map<number, { lines: number; units: number; cost: number }>();
    for (const line of withSupplier) {
      const key = line.supplier?.id ?? 0;
      const total = totals.get(key) ?? { lines: 0, units: 0, cost: 0 };
      total.lines += 1;
      total.units += line.quantity;
      total.cost += line.lineCost;
      totals.set(key, total);
    }
    const groups = new Map<number, Out<'reorder.suggestions'>['suppliers'][number]>();
    for (const { supplier, ...line } of withSupplier.slice(input.offset, input.offset + input.limit)) {
      if (!supplier) continue;
      const group = groups.get(supplier.id) ?? { supplier, lines: [], totals: totals.get(supplier.id) ?? { lines: 0, units: 0, cost: 0 } };
      group.lines.push(line);
      groups.set(supplier.id, group);
    }
    const noSupplier = input.supplierId === undefined ? all.filter((line) => line.supplier === null) : [];
    noSupplier.sort((a, b) => b.dailyDemand - a.dailyDemand || a.sku.localeCompare(b.sku));
    return {
      suppliers: [...groups.values()],
      total: withSupplier.length,
      noSupplier: noSupplier.slice(0, noSupplierListed).map((line) => ({
        variantId: line.variantId,
        sku: line.sku,
        title: line.title,
        dailyDemand: line.dailyDemand,
        demandStdDev: line.demandStdDev,
        windowDays: line.windowDays,
        available: line.available,
        onOrder: line.onOrder,
        reorderPoint: line.reorderPoint,
      })),
      noSupplierTotal: noSupplier.length,
      locationId: input.locationId ?? defaultLocation.get()?.id ?? null,
      computedAt: clock.now().toISOString(),
    };
  };

  const createDraft = db.transaction((input: In<'reorder.createDraft'>, actor: string): Out<'reorder.createDraft'> => {
    const issues: FieldIssue[] = [];
    if (!supplierExists.get(input.supplierId)) {
      issues.push({ path: 'supplierId', key: 'unknownSupplier', message: `supplierId: supplier ${input.supplierId} does not exist` });
    }
    checks.shelfLocation(input.locationId, 'locationId', issues);
    throwIfIssues(issues, 'The draft purchase order');
    const suggested = compute().filter((line) => line.supplier?.id === input.supplierId);
    let lines = suggested;
    if (input.variantIds) {
      const byVariant = new Map(suggested.map((line) => [line.variantId, line]));
      input.variantIds.forEach((variantId, i) => {
        if (!byVariant.has(variantId)) {
          const path = `variantIds.${i}`;
          issues.push({ path, key: 'notSuggested', message: `${path}: variant ${variantId} has no suggestion from this supplier now` });
        }
      });
      throwIfIssues(issues, 'The draft purchase order');
      const wanted = new Set(input.variantIds);
      lines = suggested.filter((line) => wanted.has(line.variantId));
    }
    if (lines.length === 0) {
      throw new AppError('CONFLICT', 'Nothing needs ordering from this supplier right now; no purchase order was created.', {
        key: 'nothingToOrder',
        params: { supplierId: input.supplierId },
      });
    }
    const purchaseOrderId = createDraftPurchaseOrder(db, {
      supplierId: input.supplierId,
      locationId: input.locationId,
      lines: lines.map((l) => ({ variantId: l.variantId, quantity: l.quantity, unitCost: l.unitCost, supplierSku: l.supplierSku })),
      note: reorderNote(createSettingsStore(db).get()?.locale ?? 'en'),
      actor,
      now: clock.now().toISOString(),
    });
    return {
      purchaseOrderId,
      number: numberOf.get(purchaseOrderId)?.number ?? '',
      lines: lines.map((l) => ({ variantId: l.variantId, sku: l.sku, quantity: l.quantity, unitCost: l.unitCost })),
    };
  });

  return {
    suggestions,
    /**
     * Every line that needs ordering now (quantity > 0), with its supplier or none — of `only` when
     * given (the incremental alert check). Unsorted and unpaged: the alert rule applies the page's caps.
     */
    lines: (only?: readonly number[]): Computed[] => computeLines(only),
    /** The location a draft PO is made for when none is chosen: the first active warehouse. */
    defaultLocationId: (): number | null => defaultLocation.get()?.id ?? null,
    createDraft: (input: In<'reorder.createDraft'>, actor: string) => createDraft(input, actor),
    settings: () => settings.get(),
    updateSettings: (input: In<'reorder.settings.update'>) => settings.update(input),
  };
}
