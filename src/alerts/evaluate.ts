// Runs every rule in one transaction: a finding whose fingerprint has an open
// alert refreshes it (no duplicate), a new one opens an alert (unless the owner
// resolved it while the condition still held), and open alerts whose
// condition is gone resolve themselves.
import type { Db } from '../db/open.js';
import type { Clock } from '../shared/clock.js';
import type { TextParams } from './contract.js';
import type { AlertRuleFn, Finding } from './rule-context.js';
import { ruleContext } from './rule-context.js';
import { belowReorderPointRule } from './rules/below-reorder-point.js';
import { deadStockGrowthRule } from './rules/dead-stock-growth.js';
import { kpiLimitsRule } from './rules/kpi-limits.js';
import { lowStockRule } from './rules/low-stock.js';
import { promotionBelowSimulationRule } from './rules/promotion-below-simulation.js';
import { promotionEndedRule } from './rules/promotion-ended.js';
import { promotionStockCoverRule } from './rules/promotion-stock-cover.js';
import { returnRateSpikeRule } from './rules/return-rate-spike.js';
import { salesDropRule } from './rules/sales-drop.js';
import { stockOutRule } from './rules/stock-out.js';
import { syncFailureRule } from './rules/sync-failure.js';
import { createAlertStore } from './store.js';

export const alertRules: AlertRuleFn[] = [
  stockOutRule,
  lowStockRule,
  belowReorderPointRule,
  salesDropRule,
  returnRateSpikeRule,
  deadStockGrowthRule,
  kpiLimitsRule,
  syncFailureRule,
  promotionStockCoverRule,
  promotionBelowSimulationRule,
  promotionEndedRule,
];

export interface OpenedAlert {
  id: number;
  titleKey: string;
  params: TextParams;
}

export interface Evaluation {
  opened: OpenedAlert[];
  resolved: number;
  open: number;
}

export function evaluateAlerts(db: Db, clock: Clock, rules: AlertRuleFn[] = alertRules): Evaluation {
  return db.transaction((): Evaluation => {
    const now = clock.now();
    const ctx = ruleContext(db, now);
    const store = createAlertStore(db);
    const findings = new Map<string, Finding>();
    for (const rule of rules) for (const finding of rule(ctx)) findings.set(finding.fingerprint, finding);
    const open = store.openByFingerprint();
    const suppressed = store.suppressedFingerprints();
    const opened: OpenedAlert[] = [];
    for (const [fingerprint, finding] of findings) {
      const id = open.get(fingerprint);
      if (id !== undefined) store.refresh(id, finding, ctx.now);
      else if (!suppressed.has(fingerprint)) {
        const newId = store.insert(finding, ctx.now);
        opened.push({ id: newId, titleKey: finding.explanation.title.key, params: finding.explanation.title.params });
      }
    }
    let resolved = 0;
    for (const [fingerprint, id] of open) {
      if (findings.has(fingerprint)) continue;
      store.resolveByCondition(id, ctx.now);
      resolved += 1;
    }
    // The owner's "resolved" holds only while the condition lasts; once gone, it may be raised again.
    for (const fingerprint of suppressed) if (!findings.has(fingerprint)) store.unsuppress(fingerprint);
    const counts = store.counts();
    return { opened, resolved, open: counts.new + counts.seen };
  })();
}
