// Alerts that explain themselves (metrics.md "Alerts"): each alert carries its
// explanation as translation keys + params — what moved, the value against its
// baseline and by how much, the causes visible in the data and one suggested
// action — so the UI (and OS notifications) translate it. Pure (zod + types).
import { z } from 'zod';
import { costFigure } from '../team/cost-mark.js';

const int = z.number().int();
const id = int.positive();

export const alertStatusSchema = z.enum(['new', 'seen', 'resolved']);
export type AlertStatus = z.infer<typeof alertStatusSchema>;
export const alertRuleSchema = z.enum(['belowReorderPoint', 'stockOut', 'lowStock', 'returnRateSpike', 'salesDrop', 'deadStockGrowth', 'kpiLimit', 'syncFailure', 'promotionStockCover', 'promotionBelowSimulation', 'promotionEnded']);
export type AlertRule = z.infer<typeof alertRuleSchema>;
export const alertSeveritySchema = z.enum(['info', 'warning', 'critical']);
export const alertKpiSchema = z.enum(['netSales', 'orders', 'returnRate']);
export type AlertKpi = z.infer<typeof alertKpiSchema>;

/** Params of a translated text: plain values only. */
export const textParamsSchema = z.record(z.string(), z.union([z.string(), z.number(), z.null()]));
export type TextParams = z.infer<typeof textParamsSchema>;
export const keyedTextSchema = z.object({ key: z.string(), params: textParamsSchema });
export type KeyedText = z.infer<typeof keyedTextSchema>;

/** How a figure is shown: money in minor units of the shop currency, counts, units, or an exact fraction. */
export const measureUnitSchema = z.enum(['money', 'count', 'units', 'rate']);

export const alertActionSchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('openProduct'), productId: id }),
  /** The Reorder page's draft-PO call: reorder.createDraft {supplierId, locationId, variantIds}. */
  z.object({ kind: z.literal('createPo'), supplierId: id, locationId: id.nullable(), variantIds: z.array(id) }),
  /** A variant below its reorder point with no supplier: open the product to add one. */
  z.object({ kind: z.literal('openReport'), report: z.enum(['products', 'dashboard', 'sales']) }),
  /** A marketplace channel failing to sync: open its page (status, review queue, log). */
  z.object({ kind: z.literal('openChannel'), channelId: id }),
  /** A promotion's alert (stock cover, below its simulation, ended): open the promotion and its evaluation. */
  z.object({ kind: z.literal('openPromotion'), promotionId: id }),
]);
export type AlertAction = z.infer<typeof alertActionSchema>;

export const alertExplanationSchema = z.object({
  /** 'alerts.title.<rule>' with the subject's name in params. */
  title: keyedTextSchema,
  /** What moved: 'alerts.metric.<name>'. */
  metric: keyedTextSchema,
  unit: measureUnitSchema,
  value: z.number(),
  /** The figure it is compared with; null when the rule compares with a fixed line. */
  baseline: z.number().nullable(),
  /** How the baseline is formed: 'alerts.baseline.<kind>'. */
  baselineText: keyedTextSchema,
  /** value − baseline. */
  change: z.number().nullable(),
  /** (value − baseline) ÷ baseline; null when the baseline is 0 or absent. */
  changeRatio: z.number().nullable(),
  /** The band the value left (KPI limits), if any. */
  band: z.object({ lower: z.number().nullable(), upper: z.number().nullable(), source: z.enum(['owner', 'history']) }).nullable(),
  causes: z.array(keyedTextSchema),
  action: alertActionSchema.nullable(),
  /** The local days the rule looked at. */
  window: z.object({ from: z.string(), to: z.string() }).nullable(),
});
export type AlertExplanation = z.infer<typeof alertExplanationSchema>;

export const alertSchema = z.object({
  id: int,
  rule: alertRuleSchema,
  subjectType: z.enum(['variant', 'product', 'category', 'shop', 'kpi', 'channel', 'promotion']),
  subjectId: z.string().nullable(),
  status: alertStatusSchema,
  severity: alertSeveritySchema,
  raisedAt: z.string(),
  seenAt: z.string().nullable(),
  resolvedAt: z.string().nullable(),
  /** The last evaluation that still saw the condition. */
  checkedAt: z.string(),
  explanation: alertExplanationSchema,
});
export type Alert = z.infer<typeof alertSchema>;

const limitValue = z.number().finite().min(0).nullable();
export const alertLimitSchema = z.object({
  kpi: alertKpiSchema,
  /** null = no owner limit on that side; both null = the history band applies. */
  lower: z.number().nullable(),
  upper: z.number().nullable(),
  updatedAt: z.string().nullable(),
});

/**
 * A group of alerts (issue 16): rule × supplier for stock rules, rule × category
 * where no supplier applies, one group per subject for rules about one thing.
 * Keys are made by the core (group-key.ts): '<rule>:supplier:<id>',
 * '<rule>:category:<id|none>', '<rule>:subject:<subjectType>:<subjectId>'.
 */
export const alertGroupKeySchema = z
  .string()
  .max(300)
  .regex(/^[a-zA-Z]+:(supplier|category|subject):[\w:.-]*$/, 'not an alert group key');
export const alertGroupKindSchema = z.enum(['supplier', 'category', 'subject']);
export type AlertGroupKind = z.infer<typeof alertGroupKindSchema>;

/** One click on a group: make the supplier's draft PO, or open the page that fixes it. */
export const alertGroupActionSchema = z.discriminatedUnion('kind', [
  /** alerts.groups.createPo: one draft PO for the group's items the Reorder page suggests now. */
  z.object({ kind: z.literal('createPos'), supplierId: id }),
  z.object({ kind: z.literal('openStock') }),
  z.object({ kind: z.literal('openReorder') }),
  z.object({ kind: z.literal('openReport'), report: z.enum(['products', 'dashboard', 'sales', 'returns']) }),
  z.object({ kind: z.literal('openProduct'), productId: id }),
  z.object({ kind: z.literal('openChannel'), channelId: id }),
  z.object({ kind: z.literal('openPromotion'), promotionId: id }),
]);
export type AlertGroupAction = z.infer<typeof alertGroupActionSchema>;

/** How bad one item of a group is, by the rule's own measure (worst first within a severity). */
export const alertGroupMeasureSchema = z.object({
  kind: z.enum(['daysOfCover', 'unitsSold', 'belowPoint', 'change', 'value']),
  unit: measureUnitSchema,
  value: z.number().nullable(),
});
export type AlertGroupMeasure = z.infer<typeof alertGroupMeasureSchema>;

export const alertGroupSchema = z.object({
  key: alertGroupKeySchema,
  rule: alertRuleSchema,
  kind: alertGroupKindSchema,
  /** The supplier's name or the category path; null for a subject group or items without a category. */
  name: z.string().nullable(),
  /** A subject group's alert title (the one thing it is about); null otherwise. */
  title: keyedTextSchema.nullable(),
  /** Alerts of the group within the status filter. */
  count: int,
  newCount: int,
  severity: alertSeveritySchema,
  /** Has a new alert at warning or critical: counted on the badge and in the daily digest. */
  needsAction: z.boolean(),
  /** Notified at once, not only in the digest: a stock-out of a fast mover or a failing channel. */
  urgent: z.boolean(),
  /** The worst three items (severity, then the rule's measure). */
  worst: z.array(z.object({ alert: alertSchema, measure: alertGroupMeasureSchema })),
  action: alertGroupActionSchema.nullable(),
});
export type AlertGroup = z.infer<typeof alertGroupSchema>;

const statusCounts = z.object({ new: int, seen: int, resolved: int });

export const alertsContract = {
  /** Alerts, newest first, with the count of each status (filter-independent); with a group, that group's alerts worst first. */
  'alerts.list': {
    input: z.object({
      status: alertStatusSchema.optional(),
      group: alertGroupKeySchema.optional(),
      offset: int.min(0).default(0),
      limit: int.min(1).max(500).default(50),
    }),
    output: z.object({
      alerts: z.array(alertSchema),
      /** Alerts matching the status filter. */
      total: int,
      counts: statusCounts,
    }),
  },
  /** The alerts grouped (status filter as alerts.list), groups needing action first; needAction/urgent count every new alert's group. */
  'alerts.groups': {
    input: z.object({ status: alertStatusSchema.optional() }),
    output: z.object({ groups: z.array(alertGroupSchema), counts: statusCounts, needAction: int, urgent: int }),
  },
  /** Mark a whole group seen (its new alerts) or resolved (its new and seen alerts). */
  'alerts.groups.setStatus': {
    input: z.object({ group: alertGroupKeySchema, status: z.enum(['seen', 'resolved']) }),
    output: z.object({ updated: int }),
  },
  /**
   * A supplier's below-reorder-point group → one draft PO (the Reorder page's
   * reorder.createDraft for the group's items it suggests now); the group's new alerts become seen.
   */
  'alerts.groups.createPo': {
    input: z.object({ group: alertGroupKeySchema, locationId: id.optional() }),
    output: z.object({
      purchaseOrderId: int,
      number: z.string(),
      lines: z.array(z.object({ variantId: int, sku: z.string(), quantity: int, unitCost: costFigure(int) })),
      seen: int,
    }),
  },
  /** What the daily digest says now: the groups needing action, with the shop's local date and hour (the shell decides when to show it). */
  'alerts.digest': {
    input: z.object({}),
    output: z.object({
      today: z.string(),
      hour: int.min(0).max(23),
      groups: z.array(z.object({ key: alertGroupKeySchema, rule: alertRuleSchema, name: z.string().nullable(), title: keyedTextSchema.nullable(), count: int, urgent: z.boolean() })),
    }),
  },
  /** Mark alerts seen (new → seen) or resolved (new/seen → resolved); all or nothing. */
  'alerts.setStatus': {
    input: z.object({ ids: z.array(id).min(1).max(1000), status: z.enum(['seen', 'resolved']) }),
    output: z.object({ updated: int }),
  },
  /** Run every rule now: opens new alerts, keeps open ones, resolves those whose condition is gone. */
  'alerts.evaluate': {
    input: z.object({}),
    output: z.object({ opened: int, resolved: int, open: int }),
  },
  'alerts.limits.get': {
    input: z.object({}),
    output: z.object({ limits: z.array(alertLimitSchema) }),
  },
  /** The owner's limits on a daily KPI (money in minor units, return rate as a fraction); both null = back to the history band. */
  'alerts.limits.set': {
    input: z.object({ kpi: alertKpiSchema, lower: limitValue, upper: limitValue }),
    output: z.object({ limits: z.array(alertLimitSchema) }),
  },
} as const;
