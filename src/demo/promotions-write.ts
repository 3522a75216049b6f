// Writes the demo's promotions (0013_promotions.sql) inside the generator's open transaction:
// definitions with their validated rule JSON, targets, the campaign's personal codes and its
// audience with the control group.
import type { Db } from '../db/open.js';
import { promotionRuleSchema } from '../promotions/rules.js';
import type { CouponCampaign } from './coupon-campaign.js';
import type { DemoPromotion } from './promotions-plan.js';
import type { ChunkWriter } from './writer.js';

const DAY_MS = 86_400_000;

function iso(ms: number): string {
  return new Date(ms).toISOString();
}

export function writePromotions(db: Db, writer: ChunkWriter, promotions: readonly DemoPromotion[], campaign: CouponCampaign | null, nowMs: number): void {
  const insert = db.prepare(`INSERT INTO promotions (id, name, type, status, starts_at, ends_at, stacking, priority, scope,
    all_channels, rule, segment_code, control_share_bp, created_at, updated_at, started_at, finished_at)
    VALUES (?, ?, ?, ?, ?, ?, 'exclusive', 100, ?, 1, ?, ?, ?, ?, ?, ?, ?)`);
  const insertTarget = db.prepare('INSERT INTO promotion_targets (promotion_id, kind, target_id) VALUES (?, ?, ?)');
  for (const p of promotions) {
    // The same schema the app reads promotions back with: a rule it would refuse never reaches the file.
    const rule = promotionRuleSchema.parse(p.rule);
    const ended = p.status === 'ended';
    // Ended ones were prepared ten days ahead; planned ones lately (never after "now").
    const created = ended ? p.startMs - 10 * DAY_MS : nowMs - (p.status === 'scheduled' ? 3 : 1) * DAY_MS;
    insert.run(p.id, p.name, rule.type, p.status, iso(p.startMs), iso(p.endMs), p.scope, JSON.stringify(rule), p.segmentCode,
      p.controlShareBp, iso(created), iso(ended ? p.endMs : created), ended ? iso(p.startMs) : null, ended ? iso(p.endMs) : null);
    for (const t of p.targets) insertTarget.run(p.id, t.kind, t.id);
    writer.rows += 1 + p.targets.length;
  }
  if (!campaign) return;
  const p = campaign.promotion;
  const insertCode = db.prepare('INSERT INTO coupon_codes (id, promotion_id, code, customer_id, created_at) VALUES (?, ?, ?, ?, ?)');
  const issued = iso(p.startMs - DAY_MS);
  campaign.codes.forEach((code, i) => insertCode.run(i + 1, p.id, code, (campaign.treatment[i] ?? 0) + 1, issued));
  const insertAudience = db.prepare('INSERT INTO promotion_audience (promotion_id, customer_id, in_control) VALUES (?, ?, ?)');
  for (const a of campaign.audience) insertAudience.run(p.id, a.customer + 1, a.control ? 1 : 0);
  writer.rows += campaign.codes.length + campaign.audience.length;
}
