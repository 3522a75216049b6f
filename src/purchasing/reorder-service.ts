// Reorder suggestions: demand from recent sales, stock position (available +
// open purchase orders), supplier terms, and the metrics.md model, for every
// active variant in one pass. One click turns a supplier's lines into a draft PO.
import type { z } from 'zod';
import { variantTitleSql } from '../catalog/store.js';
import type { Db } from '../db/open.js';
import { createStockChecks, throwIfIssues } from '../inventory/stock-checks.js';
import { AppError } from '../shared/app-error.js';
import type { Clock } from '../shared/clock.js';
import type { FieldIssue } from '../shared/envelope.js';
import { demandByVariant } from './demand.js';
import { createDraftPurchaseOrder } from './draft-po.js';
import type { reorderContract, SuggestionLine } from './reorder-contract.js';
import { reorder } from './reorder-model.js';

/** Lead time assumed for a variant with no supplier yet (the suppliers table's default). */
const defaultLeadTimeDays = 14;

type Out<M extends keyof typeof reorderContract> = z.output<(typeof reorderContract)[M]['output']>;
type In<M extends keyof typeof reorderContract> = z.output<(typeof reorderContract)[M]['input']>;

interface CandidateRow {
  variantId: number;
  sku: string;
  title: string;
  options: string;
  supplierId: number | null;
  supplier: string | null;
  currency: string | null;
  supplierSku: string | null;
  unitCost: number | null;
  packSize: number | null;
  moq: number | null;
  leadTimeDays: number | null;
  ruleMode: 'manual' | 'computed' | null;
  ruleServiceLevel: number | null;
  available: number;
  manualSafety: number | null;
  onOrder: number;
  onDraft: number;
  categoryWindow: number | null;
}

// The chosen supplier item: the preferred one, else the cheapest.
const candidatesSql = `
  WITH levels AS (
    SELECT sl.variant_id, SUM(sl.on_hand - sl.committed) AS available, SUM(sl.safety_stock) AS safety
    FROM stock_levels sl JOIN locations l ON l.id = sl.location_id WHERE l.kind <> 'transit' GROUP BY sl.variant_id),
  on_order AS (
    SELECT pol.variant_id, SUM(MAX(pol.quantity_ordered - pol.quantity_received, 0)) AS qty,
      MAX(po.status = 'draft') AS on_draft
    FROM purchase_order_lines pol JOIN purchase_orders po ON po.id = pol.purchase_order_id
    WHERE po.status IN ('draft', 'sent', 'partially_received') GROUP BY pol.variant_id),
  open_qty AS (
    SELECT pol.variant_id, SUM(MAX(pol.quantity_ordered - pol.quantity_received, 0)) AS qty
    FROM purchase_order_lines pol JOIN purchase_orders po ON po.id = pol.purchase_order_id
    WHERE po.status IN ('sent', 'partially_received') GROUP BY pol.variant_id),
  pick AS (
    SELECT si.*, ROW_NUMBER() OVER (PARTITION BY si.variant_id ORDER BY si.is_preferred DESC, si.cost, si.id) AS rn FROM supplier_items si)
  SELECT v.id AS variantId, v.sku, p.title, ${variantTitleSql} AS options,
    s.id AS supplierId, s.name AS supplier, s.currency, pick.supplier_sku AS supplierSku, pick.cost AS unitCost,
    pick.pack_size AS packSize, pick.moq, COALESCE(pick.lead_time_days, s.lead_time_days) AS leadTimeDays,
    r.safety_mode AS ruleMode, r.service_level AS ruleServiceLevel,
    COALESCE(levels.available, 0) AS available, levels.safety AS manualSafety,
    COALESCE(open_qty.qty, 0) AS onOrder, COALESCE(on_order.on_draft, 0) AS onDraft, c.demand_window_days AS categoryWindow
  FROM variants v JOIN products p ON p.id = v.product_id
    LEFT JOIN pick ON pick.variant_id = v.id AND pick.rn = 1 LEFT JOIN suppliers s ON s.id = pick.supplier_id
    LEFT JOIN variant_stock_rules r ON r.variant_id = v.id LEFT JOIN levels ON levels.variant_id = v.id
    LEFT JOIN open_qty ON open_qty.variant_id = v.id LEFT JOIN on_order ON on_order.variant_id = v.id
    LEFT JOIN categories c ON c.id = p.category_id
  WHERE v.status = 'active' AND p.status = 'active'`;

export function createReorderService(db: Db, clock: Clock) {
  const checks = createStockChecks(db);
  const settingsRow = db.prepare<[], { window: number; level: number; review: number; timeZone: string }>(
    `SELECT demand_window_days AS window, service_level AS level, review_period_days AS review, time_zone AS timeZone FROM shop_settings WHERE id = 1`,
  );

  const settings = (): Out<'reorder.settings'> => {
    const row = settingsRow.get();
    return {
      demandWindowDays: row?.window ?? 56,
      serviceLevel: row?.level ?? 0.95,
      reviewPeriodDays: row?.review ?? 7,
      categoryWindows: db
        .prepare<[], { categoryId: number; path: string; demandWindowDays: number }>(
          'SELECT id AS categoryId, path, demand_window_days AS demandWindowDays FROM categories WHERE demand_window_days IS NOT NULL ORDER BY path',
        )
        .all(),
    };
  };

  /** Every active variant's line, suggested or not, with its supplier (or none). */
  const compute = (): { lines: (SuggestionLine & { supplierId: number | null; supplier: string | null; currency: string | null })[] } => {
    const shop = settings();
    const timeZone = settingsRow.get()?.timeZone ?? 'UTC';
    const candidates = db.prepare<[], CandidateRow>(candidatesSql).all();
    const windows = new Map(candidates.filter((c) => c.categoryWindow !== null).map((c) => [c.variantId, c.categoryWindow ?? shop.demandWindowDays]));
    const longest = Math.max(shop.demandWindowDays, ...windows.values());
    const demand = demandByVariant(db, clock, {
      timeZone,
      defaultWindowDays: longest,
      windowOf: (variantId) => windows.get(variantId) ?? shop.demandWindowDays,
    });
    const lines = candidates.map((c) => {
      const d = demand.get(c.variantId) ?? { dailyDemand: 0, stdDev: 0, windowDays: windows.get(c.variantId) ?? shop.demandWindowDays };
      // No rule: a safety stock set by hand at any location means manual; otherwise computed from demand.
      const safetyMode = c.ruleMode ?? (c.manualSafety !== null ? 'manual' : 'computed');
      const serviceLevel = c.ruleServiceLevel ?? shop.serviceLevel;
      const leadTimeDays = c.leadTimeDays ?? defaultLeadTimeDays;
      const moq = c.moq ?? 1;
      const packSize = c.packSize ?? 1;
      const result = reorder({
        dailyDemand: d.dailyDemand,
        demandStdDev: d.stdDev,
        leadTimeDays,
        reviewPeriodDays: shop.reviewPeriodDays,
        serviceLevel,
        manualSafetyStock: safetyMode === 'manual' ? (c.manualSafety ?? 0) : null,
        available: c.available,
        onOrder: c.onOrder,
        moq,
        packSize,
      });
      const unitCost = c.unitCost ?? 0;
      return {
        variantId: c.variantId,
        sku: c.sku,
        title: c.title,
        options: c.options,
        supplierId: c.supplierId,
        supplier: c.supplier,
        currency: c.currency,
        supplierSku: c.supplierSku,
        dailyDemand: d.dailyDemand,
        demandStdDev: d.stdDev,
        windowDays: d.windowDays,
        leadTimeDays,
        reviewPeriodDays: shop.reviewPeriodDays,
        serviceLevel,
        z: result.z,
        safetyMode,
        safetyStock: result.safetyStock,
        reorderPoint: result.reorderPoint,
        target: result.target,
        available: c.available,
        onOrder: c.onOrder,
        shortfall: result.shortfall,
        moq,
        packSize,
        quantity: result.quantity,
        unitCost,
        lineCost: result.quantity * unitCost,
        onDraft: c.onDraft === 1,
      };
    });
    return { lines: lines.filter((line) => line.quantity > 0) };
  };

  const suggestions = (input: In<'reorder.suggestions'>): Out<'reorder.suggestions'> => {
    const needle = input.search.toLowerCase();
    const matches = (line: SuggestionLine) => !needle || line.sku.toLowerCase().includes(needle) || line.title.toLowerCase().includes(needle);
    const { lines } = compute();
    const groups = new Map<number, Out<'reorder.suggestions'>['suppliers'][number]>();
    const withoutSupplier: Out<'reorder.suggestions'>['withoutSupplier'] = [];
    for (const { supplierId, supplier, currency, ...line } of lines) {
      if (!matches(line)) continue;
      if (supplierId === null) {
        withoutSupplier.push({ variantId: line.variantId, sku: line.sku, title: line.title, dailyDemand: line.dailyDemand, available: line.available });
        continue;
      }
      if (input.supplierId !== undefined && supplierId !== input.supplierId) continue;
      const group = groups.get(supplierId) ?? { supplierId, supplier: supplier ?? '', currency: currency ?? '', lines: [], totalLines: 0, totalUnits: 0, totalCost: 0 };
      group.totalLines += 1;
      group.totalUnits += line.quantity;
      group.totalCost += line.lineCost;
      group.lines.push(line);
      groups.set(supplierId, group);
    }
    const byUrgency = (a: SuggestionLine, b: SuggestionLine) => a.available + a.onOrder - a.reorderPoint - (b.available + b.onOrder - b.reorderPoint);
    const suppliers = [...groups.values()]
      .sort((a, b) => b.totalCost - a.totalCost || a.supplier.localeCompare(b.supplier))
      .map((group) => ({ ...group, lines: group.lines.sort(byUrgency).slice(0, input.limitPerSupplier) }));
    withoutSupplier.sort((a, b) => b.dailyDemand - a.dailyDemand);
    return { suppliers, withoutSupplier: withoutSupplier.slice(0, 100), withoutSupplierTotal: withoutSupplier.length, computedAt: clock.now().toISOString() };
  };

  const createDraft = db.transaction((input: In<'reorder.createDraft'>, actor: string) => {
    const issues: FieldIssue[] = [];
    checks.shelfLocation(input.locationId, 'locationId', issues);
    throwIfIssues(issues, 'The draft purchase order');
    const wanted = input.variantIds ? new Set(input.variantIds) : null;
    const lines = compute().lines.filter((l) => l.supplierId === input.supplierId && (!wanted || wanted.has(l.variantId)));
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
      note: 'From reorder suggestions',
      actor,
      now: clock.now().toISOString(),
    });
    const number = db.prepare<[number], { number: string }>('SELECT number FROM purchase_orders WHERE id = ?').get(purchaseOrderId)?.number ?? '';
    return { purchaseOrderId, number, lines: lines.length, units: lines.reduce((sum, l) => sum + l.quantity, 0) };
  });

  const updateSettings = db.transaction((input: In<'reorder.updateSettings'>) => {
    db.prepare(
      `UPDATE shop_settings SET demand_window_days = COALESCE(?, demand_window_days), service_level = COALESCE(?, service_level),
         review_period_days = COALESCE(?, review_period_days) WHERE id = 1`,
    ).run(input.demandWindowDays ?? null, input.serviceLevel ?? null, input.reviewPeriodDays ?? null);
    const issues: FieldIssue[] = [];
    (input.categoryWindows ?? []).forEach((entry, i) => {
      const changed = db.prepare('UPDATE categories SET demand_window_days = ? WHERE id = ?').run(entry.demandWindowDays, entry.categoryId).changes;
      if (changed === 0) issues.push({ path: `categoryWindows.${i}.categoryId`, key: 'categoryNotFound', message: `categoryWindows.${i}.categoryId: category not found` });
    });
    throwIfIssues(issues, 'The reorder settings');
  });

  return {
    settings,
    suggestions,
    createDraft: (input: In<'reorder.createDraft'>, actor: string) => createDraft(input, actor),
    updateSettings: (input: In<'reorder.updateSettings'>) => {
      updateSettings(input);
      return settings();
    },
  };
}
