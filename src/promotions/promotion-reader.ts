// One stored promotion as the promotion services use it: its row with the rule, targets and
// channels parsed (rules.ts schemas) — a rule that no longer parses is an internal error, since
// every write validates it. The SQL for promotions' own writes lives in promotion-store.ts.
import type { Db } from '../db/open.js';
import {
  promotionRuleSchema,
  type PromotionChannels,
  type PromotionRule,
  type PromotionStatus,
  type PromotionTargets,
  type PromotionType,
  type Stacking,
  type TargetKind,
} from './rules.js';
import type { SegmentCode } from '../analytics/segments.js';

/** A promotions row as SQL gives it (promotionColumnsSql); the store writes the same shape, without its id. */
export interface PromotionSqlRow {
  id: number;
  name: string;
  type: PromotionType;
  status: PromotionStatus;
  startsAt: string;
  endsAt: string;
  stacking: Stacking;
  priority: number;
  scope: 'shop' | 'targets';
  allChannels: number;
  rule: string;
  segmentCode: SegmentCode | null;
  controlShareBp: number;
  upliftAssumptionBp: number | null;
  overrideReason: string | null;
  overrideBy: string | null;
  overrideAt: string | null;
  note: string | null;
  createdAt: string;
  updatedAt: string;
  startedAt: string | null;
  finishedAt: string | null;
}

/** The row with its rule parsed and its targets and channels read. */
export type StoredPromotion = Omit<PromotionSqlRow, 'scope' | 'allChannels' | 'rule'> & {
  rule: PromotionRule;
  targets: PromotionTargets;
  channels: PromotionChannels;
};

export const promotionColumnsSql = `id, name, type, status, starts_at AS startsAt, ends_at AS endsAt, stacking, priority,
  scope, all_channels AS allChannels, rule, segment_code AS segmentCode, control_share_bp AS controlShareBp,
  uplift_assumption_bp AS upliftAssumptionBp, override_reason AS overrideReason, override_by AS overrideBy,
  override_at AS overrideAt, note, created_at AS createdAt, updated_at AS updatedAt, started_at AS startedAt,
  finished_at AS finishedAt`;

export function createPromotionReader(db: Db) {
  const byId = db.prepare<[number], PromotionSqlRow>(`SELECT ${promotionColumnsSql} FROM promotions WHERE id = ?`);
  const targetsOf = db.prepare<[number], { kind: TargetKind; id: number }>(
    'SELECT kind, target_id AS id FROM promotion_targets WHERE promotion_id = ? ORDER BY kind, target_id',
  );
  const channelsOf = db.prepare<[number], { id: number }>(
    'SELECT channel_id AS id FROM promotion_channels WHERE promotion_id = ? ORDER BY channel_id',
  );

  function parse(row: PromotionSqlRow): StoredPromotion {
    const { scope, allChannels, rule, ...rest } = row;
    return {
      ...rest,
      rule: promotionRuleSchema.parse(JSON.parse(rule)),
      targets: scope === 'shop' ? { scope: 'shop' } : { scope: 'targets', items: targetsOf.all(row.id) },
      channels: allChannels === 1 ? 'all' : channelsOf.all(row.id).map((c) => c.id),
    };
  }

  return {
    get(id: number): StoredPromotion | undefined {
      const row = byId.get(id);
      return row ? parse(row) : undefined;
    },
    parse,
  };
}
export type PromotionReader = ReturnType<typeof createPromotionReader>;
