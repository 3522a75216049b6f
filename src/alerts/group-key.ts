// Which group an alert belongs to, how bad it is within its group, and what one
// click on the group does (issue 16 "alerts a person can read"). Pure: the
// supplier and category of the alert's subject come from group-store.ts.
// Stock rules group by the supplier the Reorder page would order from (so a
// group is one draft PO), by category when the item has no supplier; product
// sales and return rules group by category; rules about one thing (a KPI, the
// shop's sales, a channel, a promotion) are a group each.
import type { Alert, AlertGroupAction, AlertGroupKind, AlertGroupMeasure, AlertRule } from './contract.js';

/** What the store knows about an alert's subject (null where it does not apply). */
export interface SubjectRefs {
  supplierId: number | null;
  /** The top-level category of the subject (a group per branch of the catalogue, not per leaf). */
  categoryId: number | null;
  /** A stock-out of a supplier with open below-reorder-point alerts: that supplier's draft PO brings it back too. */
  reorderable: boolean;
}

export interface GroupRef {
  key: string;
  /** The group's rule (a reorderable stock-out joins its supplier's below-reorder-point group). */
  rule: AlertRule;
  kind: AlertGroupKind;
  /** The supplier or category id; null for subject groups and items without a category. */
  refId: number | null;
}

const variantStockRules: ReadonlySet<AlertRule> = new Set(['belowReorderPoint', 'stockOut', 'lowStock']);
const productRules: ReadonlySet<AlertRule> = new Set(['salesDrop', 'returnRateSpike']);

export function groupOf(alert: Pick<Alert, 'rule' | 'subjectType' | 'subjectId' | 'explanation'>, refs: SubjectRefs): GroupRef {
  const { rule, subjectType, subjectId } = alert;
  const byCategory = (categoryId: number | null): GroupRef => ({ key: `${rule}:category:${categoryId ?? 'none'}`, rule, kind: 'category', refId: categoryId });
  if (variantStockRules.has(rule) && subjectType === 'variant') {
    // The below-reorder-point alert names the supplier its PO goes to; the others use the same chosen supplier item.
    const action = alert.explanation.action;
    const supplierId = action?.kind === 'createPo' ? action.supplierId : refs.supplierId;
    if (supplierId === null) return byCategory(refs.categoryId);
    // A stock-out of a supplier already being reordered from is that PO's worst item, not a second group of the same supplier.
    const groupRule = rule === 'stockOut' && refs.reorderable ? 'belowReorderPoint' : rule;
    return { key: `${groupRule}:supplier:${supplierId}`, rule: groupRule, kind: 'supplier', refId: supplierId };
  }
  if (productRules.has(rule) && subjectType === 'product') return byCategory(refs.categoryId);
  // A category's own sales drop sits with its products' drops (refs carry its top-level category).
  if (rule === 'salesDrop' && subjectType === 'category') return byCategory(refs.categoryId);
  return { key: `${rule}:subject:${subjectType}:${subjectId ?? ''}`, rule, kind: 'subject', refId: null };
}

const severityOrder = { critical: 0, warning: 1, info: 2 } as const;

/** The rule's own measure of one item, and a rank where lower is worse. */
export function measureOf(alert: Pick<Alert, 'rule' | 'explanation'>): { measure: AlertGroupMeasure; rank: number } {
  const e = alert.explanation;
  switch (alert.rule) {
    case 'belowReorderPoint': {
      // Days of cover = (available + on order) ÷ daily demand; no demand → by the gap to the reorder point.
      const demand = e.causes.find((cause) => cause.key === 'alerts.cause.demand')?.params.perDay;
      const perDay = typeof demand === 'number' ? demand : 0;
      if (perDay > 0) {
        const days = Math.max(0, e.value) / perDay;
        return { measure: { kind: 'daysOfCover', unit: 'count', value: Math.round(days * 10) / 10 }, rank: days };
      }
      return { measure: { kind: 'belowPoint', unit: 'units', value: e.change }, rank: 1e9 + (e.change ?? 0) };
    }
    case 'stockOut': {
      // Units sold in the rule's window while now out: the sales being turned away.
      const units = e.baselineText.params.units;
      const sold = typeof units === 'number' ? units : 0;
      return { measure: { kind: 'unitsSold', unit: 'units', value: sold }, rank: -sold };
    }
    case 'lowStock':
      return { measure: { kind: 'belowPoint', unit: 'units', value: e.change }, rank: e.change ?? 0 };
    case 'salesDrop':
      return { measure: { kind: 'change', unit: e.unit, value: e.change }, rank: e.change ?? 0 };
    case 'returnRateSpike':
      return { measure: { kind: 'change', unit: e.unit, value: e.change }, rank: -(e.change ?? 0) };
    default:
      return { measure: { kind: 'value', unit: e.unit, value: e.value }, rank: 0 };
  }
}

/** Worst first: severity, then the rule's measure, then the newest. */
export function compareWorst(a: { alert: Alert; rank: number }, b: { alert: Alert; rank: number }): number {
  return severityOrder[a.alert.severity] - severityOrder[b.alert.severity] || a.rank - b.rank || b.alert.id - a.alert.id;
}

export function worseSeverity(a: Alert['severity'], b: Alert['severity']): Alert['severity'] {
  return severityOrder[a] <= severityOrder[b] ? a : b;
}

export function severityRank(severity: Alert['severity']): number {
  return severityOrder[severity];
}

/** Needs a person: a new alert at warning or critical (information alone waits for the list). */
export function needsAction(alert: Pick<Alert, 'status' | 'severity'>): boolean {
  return alert.status === 'new' && alert.severity !== 'info';
}

/**
 * A fast mover: at least this many units sold in the stock-out rule's 28 days (one every other day).
 * The rule's own "critical" starts at 4 (one a week) — on a real shop that is too many to interrupt for.
 */
export const fastMoverUnits = 14;

/** Told at once, not only in the daily digest: a fast mover out of stock, a channel failing to sync. */
export function isUrgent(alert: Pick<Alert, 'rule' | 'severity' | 'status'> & { explanation: Pick<Alert['explanation'], 'baselineText'> }): boolean {
  if (alert.status !== 'new' || alert.severity !== 'critical') return false;
  if (alert.rule === 'syncFailure') return true;
  const units = alert.explanation.baselineText.params.units;
  return alert.rule === 'stockOut' && typeof units === 'number' && units >= fastMoverUnits;
}

/** One click on the group. */
export function groupAction(ref: GroupRef, first: Alert): AlertGroupAction | null {
  const rule = ref.rule;
  if (rule === 'belowReorderPoint') return ref.kind === 'supplier' && ref.refId !== null ? { kind: 'createPos', supplierId: ref.refId } : { kind: 'openReorder' };
  if (rule === 'stockOut' || rule === 'lowStock') return { kind: 'openStock' };
  if (ref.kind === 'category') return { kind: 'openReport', report: rule === 'returnRateSpike' ? 'returns' : 'sales' };
  const action = first.explanation.action;
  if (!action) return null;
  if (action.kind === 'createPo') return { kind: 'createPos', supplierId: action.supplierId };
  return action;
}
