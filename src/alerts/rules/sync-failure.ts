// Sync failure (issue 14, point 6): a connected, unpaused marketplace channel whose every pass has
// failed for longer than 30 minutes (channel_sync_state.failing_since: a pull or a whole push
// call failing; any success clears it), or that has more than 20 failed items waiting in the
// review queue. Orders are not arriving or stock is not reaching the channel: overselling starts
// here. Resolves itself once the channel is healthy again (a pass succeeded and the failed items
// were retried or ignored), or when the channel is paused or disconnected.
// 20 is a count a person can still work through item by item; beyond it, something systematic
// (a scope missing, a changed SKU scheme) is failing and deserves the alert.
// The causes use alert texts only (the weekly report renders them in the core); the channel's
// last error, in the connector's own words, is on the channel page the action opens.
import { parseSettings } from '../../sync/engine.js';
import { createSyncStateStore } from '../../sync/pull-state-store.js';
import { ratioOf, type Finding, type RuleContext } from '../rule-context.js';

export const syncFailingMinutes = 30;
export const syncFailedItemsLimit = 20;

interface ChannelRow {
  id: number;
  name: string;
  settings: string | null;
  failedItems: number;
}

export function syncFailureRule(ctx: RuleContext): Finding[] {
  const rows = ctx.db
    .prepare<[], ChannelRow>(
      `SELECT c.id, c.name, c.settings,
         (SELECT COUNT(*) FROM review_queue r WHERE r.channel_id = c.id AND r.status = 'open' AND r.kind = 'failed_item') AS failedItems
       FROM channels c WHERE c.settings IS NOT NULL AND c.sync_status IN ('connected', 'failing')`,
    )
    .all();
  const state = createSyncStateStore(ctx.db);
  const nowMs = Date.parse(ctx.now);
  const findings: Finding[] = [];
  for (const row of rows) {
    const settings = parseSettings(row.settings);
    if (!settings || settings.paused) continue;
    const sync = state.get(row.id);
    const failingMinutes = sync?.failingSince ? Math.floor((nowMs - Date.parse(sync.failingSince)) / 60_000) : null;
    const failing = failingMinutes !== null && failingMinutes >= syncFailingMinutes;
    const tooManyItems = row.failedItems > syncFailedItemsLimit;
    if (!failing && !tooManyItems) continue;
    const value = failing ? failingMinutes : row.failedItems;
    const baseline = failing ? syncFailingMinutes : syncFailedItemsLimit;
    const causes: Finding['explanation']['causes'] = [];
    if (failing) causes.push({ key: 'alerts.cause.syncFailingFor', params: { minutes: failingMinutes } });
    if (row.failedItems > 0) causes.push({ key: 'alerts.cause.syncFailedItems', params: { items: row.failedItems } });
    findings.push({
      rule: 'syncFailure',
      subjectType: 'channel',
      subjectId: String(row.id),
      fingerprint: `syncFailure:channel:${row.id}`,
      severity: failing ? 'critical' : 'warning',
      explanation: {
        title: { key: 'alerts.title.syncFailure', params: { channel: row.name } },
        metric: failing
          ? { key: 'alerts.metric.syncFailingMinutes', params: { channel: row.name } }
          : { key: 'alerts.metric.syncFailedItems', params: { channel: row.name } },
        unit: 'count',
        value,
        baseline,
        baselineText: failing
          ? { key: 'alerts.baseline.syncFailingLimit', params: { minutes: syncFailingMinutes } }
          : { key: 'alerts.baseline.syncFailedItemsLimit', params: { items: syncFailedItemsLimit } },
        change: value - baseline,
        changeRatio: ratioOf(value, baseline),
        band: null,
        causes,
        action: { kind: 'openChannel', channelId: row.id },
        window: null,
      },
    });
  }
  return findings;
}
