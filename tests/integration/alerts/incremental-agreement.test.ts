// Incremental alert evaluation (incremental.ts) never differs from a full one: on the small demo
// shop, after each kind of change, re-checking only what the triggers marked gives exactly the
// findings of running every rule from scratch — and through evaluateAlerts, exactly the alerts.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { alertRules, evaluateAlerts } from '../../../src/alerts/evaluate.js';
import { currentFindings } from '../../../src/alerts/incremental.js';
import { ruleContext, type Finding } from '../../../src/alerts/rule-context.js';
import { fixedClock } from '../../../src/shared/clock.js';
import { changes, NOW, openChangeShop, type ChangeShop } from './incremental-fixture.js';

let shop: ChangeShop;
beforeAll(async () => {
  shop = await openChangeShop('alerts-incremental');
}, 120_000);
afterAll(() => shop.close());

/** Findings by fingerprint, with everything an alert shows. */
function keyed(findings: Finding[]): Record<string, string> {
  return Object.fromEntries(findings.map((f) => [f.fingerprint, JSON.stringify([f.rule, f.subjectType, f.subjectId, f.severity, f.explanation])]));
}

/** Every rule from scratch, without touching the incremental state. */
const fromScratch = () => keyed(alertRules.flatMap((rule) => rule(ruleContext(shop.db, NOW))));

const marks = (scope: string) => (shop.db.prepare('SELECT COUNT(*) AS n FROM alert_dirty WHERE scope = ?').get(scope) as { n: number }).n;

describe('incremental alert evaluation', () => {
  it('gives the findings of a full evaluation after every kind of change, re-checking only what was marked', () => {
    currentFindings(ruleContext(shop.db, NOW), { full: true });
    expect(marks('variant') + marks('hour') + marks('all')).toBe(0);
    for (const change of changes(shop.db)) {
      change.apply(shop.db);
      // Each of these changes is re-checked incrementally, not by falling back to a full run.
      expect(marks('all'), change.what).toBe(0);
      expect(marks('variant') + marks('hour'), change.what).toBeGreaterThan(0);
      const incremental = keyed(currentFindings(ruleContext(shop.db, NOW)));
      expect(marks('variant') + marks('hour'), change.what).toBe(0);
      expect(incremental, change.what).toEqual(fromScratch());
    }
  });

  it('leaves exactly the alerts a full evaluation gives', () => {
    const clock = fixedClock(NOW.toISOString());
    evaluateAlerts(shop.db, clock);
    const open = () => shop.db.prepare("SELECT fingerprint, severity, explanation FROM alerts WHERE status <> 'resolved' ORDER BY fingerprint").all();
    shop.db.prepare("UPDATE stock_levels SET on_hand = 0, committed = 0 WHERE variant_id IN (SELECT variant_id FROM stock_levels WHERE on_hand > 0 ORDER BY variant_id LIMIT 3)").run();
    evaluateAlerts(shop.db, clock, undefined, { incremental: true });
    const afterIncremental = open();
    const full = evaluateAlerts(shop.db, clock);
    expect(full.opened).toEqual([]);
    expect(full.resolved).toBe(0);
    expect(open()).toEqual(afterIncremental);
  });

  it('runs in full when something every rule reads changed', () => {
    currentFindings(ruleContext(shop.db, NOW), { full: true });
    shop.db.prepare('UPDATE shop_settings SET review_period_days = review_period_days + 7').run();
    expect(marks('all')).toBe(1);
    expect(keyed(currentFindings(ruleContext(shop.db, NOW)))).toEqual(fromScratch());
    expect(marks('all')).toBe(0);
  });
});
