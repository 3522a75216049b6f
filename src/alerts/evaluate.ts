// Runs every rule in one transaction (or, for the scheduler, only what changed:
// incremental.ts): a finding whose fingerprint has an open
// alert refreshes it (no duplicate), a new one opens an alert (unless the owner
// resolved it while the condition still held), and open alerts whose
// condition is gone resolve themselves.
import type { Db } from '../db/open.js';
import type { Clock } from '../shared/clock.js';
import type { TextParams } from './contract.js';
import { alertRules, currentFindings } from './incremental.js';
import type { AlertRuleFn, Finding } from './rule-context.js';
import { ruleContext } from './rule-context.js';
import { createAlertStore, type OpenAlert } from './store.js';

export { alertRules };

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

export interface EvaluateOptions {
  /**
   * Re-check only what changed since the last evaluation (incremental.ts) — the same alerts as a
   * full evaluation, for the scheduler's runs after data changes. Default: every rule, in full.
   */
  incremental?: boolean;
}

/** One evaluation of `rules` (default every rule: in full, or incrementally when asked). */
export function evaluateAlerts(db: Db, clock: Clock, rules: AlertRuleFn[] = alertRules, options: EvaluateOptions = {}): Evaluation {
  return db.transaction((): Evaluation => {
    const now = clock.now();
    const ctx = ruleContext(db, now);
    const store = createAlertStore(db);
    const findings = new Map<string, Finding>();
    const found = rules === alertRules ? currentFindings(ctx, { full: !options.incremental }) : rules.flatMap((rule) => rule(ctx));
    for (const finding of found) findings.set(finding.fingerprint, finding);
    const open = store.openByFingerprint();
    const suppressed = store.suppressedFingerprints();
    const opened: OpenedAlert[] = [];
    const refreshed: { alert: OpenAlert; finding: Finding }[] = [];
    for (const [fingerprint, finding] of findings) {
      const alert = open.get(fingerprint);
      if (alert !== undefined) refreshed.push({ alert, finding });
      else if (!suppressed.has(fingerprint)) {
        const newId = store.insert(finding, ctx.now);
        opened.push({ id: newId, titleKey: finding.explanation.title.key, params: finding.explanation.title.params });
      }
    }
    store.refreshAll(refreshed, ctx.now);
    let resolved = 0;
    for (const [fingerprint, alert] of open) {
      if (findings.has(fingerprint)) continue;
      store.resolveByCondition(alert.id, ctx.now);
      resolved += 1;
    }
    // The owner's "resolved" holds only while the condition lasts; once gone, it may be raised again.
    for (const fingerprint of suppressed) if (!findings.has(fingerprint)) store.unsuppress(fingerprint);
    const counts = store.counts();
    return { opened, resolved, open: counts.new + counts.seen };
  })();
}
