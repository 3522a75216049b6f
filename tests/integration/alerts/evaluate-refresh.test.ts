// What an evaluation writes for an alert that stays open: every run records when it was checked;
// the explanation and severity are rewritten when the finding changed (evaluate.ts writes the
// unchanged ones in one statement); the alert keeps its id and raised time; it resolves itself
// when the finding is gone.
import { afterEach, describe, expect, it } from 'vitest';
import { evaluateAlerts } from '../../../src/alerts/evaluate.js';
import type { AlertRuleFn, Finding } from '../../../src/alerts/rule-context.js';
import { fixedClock } from '../../../src/shared/clock.js';
import { testShop, type TestShop } from '../shop-harness.js';
import { removeTempDirs } from '../temp-shop.js';

let shop: TestShop | undefined;
afterEach(async () => {
  await shop?.close();
  shop = undefined;
  removeTempDirs();
});

function finding(variantId: number, value: number, severity: Finding['severity']): Finding {
  return {
    rule: 'lowStock',
    subjectType: 'variant',
    subjectId: String(variantId),
    fingerprint: `lowStock:variant:${variantId}`,
    severity,
    explanation: {
      title: { key: 'alerts.title.lowStock', params: { sku: `SKU-${variantId}`, product: 'Mug' } },
      metric: { key: 'alerts.metric.available', params: { sku: `SKU-${variantId}` } },
      unit: 'units',
      value,
      baseline: 10,
      baselineText: { key: 'alerts.baseline.lowStock.mark', params: { point: 10 } },
      change: value - 10,
      changeRatio: (value - 10) / 10,
      band: null,
      causes: [{ key: 'alerts.cause.nothingOnOrder', params: {} }],
      action: null,
      window: null,
    },
  };
}

interface Row {
  id: number;
  status: string;
  severity: string;
  raised: string;
  checked: string;
  resolved: string | null;
  value: number;
}

describe('an evaluation refreshing open alerts', () => {
  it('records every check, rewrites only what changed, and resolves what is gone', () => {
    shop = testShop();
    const db = shop.db;
    let found: Finding[] = [];
    const rule: AlertRuleFn = () => found;
    const rows = () =>
      db
        .prepare(
          `SELECT id, status, severity, raised_at AS raised, checked_at AS checked, resolved_at AS resolved,
                  json_extract(explanation, '$.value') AS value FROM alerts ORDER BY id`,
        )
        .all() as Row[];
    const run = (at: string) => evaluateAlerts(db, fixedClock(at), [rule]);

    found = [finding(1, 5, 'warning'), finding(2, 3, 'warning')];
    expect(run('2026-11-20T10:00:00.000Z').opened.map((o) => o.id)).toEqual([1, 2]);
    // The same findings an hour later: checked again, nothing else moves.
    expect(run('2026-11-20T11:00:00.000Z')).toEqual({ opened: [], resolved: 0, open: 2 });
    expect(rows()).toEqual([
      { id: 1, status: 'new', severity: 'warning', raised: '2026-11-20T10:00:00.000Z', checked: '2026-11-20T11:00:00.000Z', resolved: null, value: 5 },
      { id: 2, status: 'new', severity: 'warning', raised: '2026-11-20T10:00:00.000Z', checked: '2026-11-20T11:00:00.000Z', resolved: null, value: 3 },
    ]);
    // The first gets worse; the second is unchanged; both are checked.
    found = [finding(1, 0, 'critical'), finding(2, 3, 'warning')];
    expect(run('2026-11-20T12:00:00.000Z')).toEqual({ opened: [], resolved: 0, open: 2 });
    expect(rows()).toEqual([
      { id: 1, status: 'new', severity: 'critical', raised: '2026-11-20T10:00:00.000Z', checked: '2026-11-20T12:00:00.000Z', resolved: null, value: 0 },
      { id: 2, status: 'new', severity: 'warning', raised: '2026-11-20T10:00:00.000Z', checked: '2026-11-20T12:00:00.000Z', resolved: null, value: 3 },
    ]);
    // The first is gone: resolved, its last check kept; the second still checked.
    found = [finding(2, 3, 'warning')];
    expect(run('2026-11-20T13:00:00.000Z')).toEqual({ opened: [], resolved: 1, open: 1 });
    expect(rows()).toEqual([
      { id: 1, status: 'resolved', severity: 'critical', raised: '2026-11-20T10:00:00.000Z', checked: '2026-11-20T12:00:00.000Z', resolved: '2026-11-20T13:00:00.000Z', value: 0 },
      { id: 2, status: 'new', severity: 'warning', raised: '2026-11-20T10:00:00.000Z', checked: '2026-11-20T13:00:00.000Z', resolved: null, value: 3 },
    ]);
  });
});
