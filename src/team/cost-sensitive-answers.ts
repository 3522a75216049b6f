// Answers whose cost figures sit where a schema mark cannot reach them: an alert's
// figures are generic numbers whose meaning depends on its rule, and a promotion's
// end-of-run alert states its incremental gross profit, cost and ROI. For a person
// without `costs.view` those alerts are left out of the lists (the marks in
// cost-mark.ts do the rest).
import type { MethodName } from '../contract.js';

/** Alert rules whose figures are margins or costs. */
const costRules = new Set(['promotionEnded']);

type Answer = Record<string, unknown>;
const withoutCostRules = (list: unknown): unknown =>
  Array.isArray(list) ? list.filter((item: unknown) => !(item && typeof item === 'object' && costRules.has(String((item as Answer).rule)))) : list;

export const costSensitiveAnswers: Partial<Record<MethodName, (value: Answer) => Answer>> = {
  'alerts.list': (value) => ({ ...value, alerts: withoutCostRules(value.alerts) }),
  'alerts.groups': (value) => ({ ...value, groups: withoutCostRules(value.groups) }),
  'alerts.digest': (value) => ({ ...value, groups: withoutCostRules(value.groups) }),
};
