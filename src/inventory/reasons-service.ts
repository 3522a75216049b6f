// The shop's adjustment reasons: built-in codes (damage, loss, found, …) plus
// its own. A reason fixes the direction of the change it may explain, so a
// "found" can never hide a loss. Reasons are deactivated, never deleted: old
// ledger rows keep pointing at their code.
import type { Db } from '../db/open.js';
import { AppError } from '../shared/app-error.js';

export interface AdjustmentReason {
  code: string;
  label: string;
  direction: 'in' | 'out' | 'either';
  builtin: boolean;
  active: boolean;
}

interface ReasonRow extends Omit<AdjustmentReason, 'builtin' | 'active'> {
  builtin: number;
  active: number;
}

const toReason = (row: ReasonRow): AdjustmentReason => ({ ...row, builtin: row.builtin === 1, active: row.active === 1 });

function unknownReason(code: string): AppError {
  return new AppError('NOT_FOUND', `There is no adjustment reason "${code}"; nothing was changed.`, {
    key: 'unknownReason',
    params: { code },
    issues: [{ path: 'code', key: 'unknownReason', message: `code: no reason "${code}"` }],
  });
}

export function createReasonsService(db: Db) {
  const all = db.prepare<[], ReasonRow>('SELECT code, label, direction, builtin, active FROM adjustment_reasons ORDER BY builtin DESC, code');
  const one = db.prepare<[string], ReasonRow>('SELECT code, label, direction, builtin, active FROM adjustment_reasons WHERE code = ?');
  const insert = db.prepare<[string, string, string]>('INSERT INTO adjustment_reasons (code, label, direction, builtin) VALUES (?, ?, ?, 0)');
  const update = db.prepare<[string | null, number | null, string]>(
    'UPDATE adjustment_reasons SET label = COALESCE(?, label), active = COALESCE(?, active) WHERE code = ?',
  );

  return {
    list: (): AdjustmentReason[] => all.all().map(toReason),
    create(input: { code: string; label: string; direction: AdjustmentReason['direction'] }): AdjustmentReason {
      if (one.get(input.code)) {
        throw new AppError('CONFLICT', `An adjustment reason with code "${input.code}" already exists; nothing was changed.`, {
          key: 'reasonCodeTaken',
          params: { code: input.code },
          issues: [{ path: 'code', key: 'reasonCodeTaken', message: `code: "${input.code}" is already used` }],
        });
      }
      insert.run(input.code, input.label, input.direction);
      return toReason(one.get(input.code) as ReasonRow);
    },
    update(input: { code: string; label?: string | undefined; active?: boolean | undefined }): AdjustmentReason {
      if (!one.get(input.code)) throw unknownReason(input.code);
      update.run(input.label ?? null, input.active === undefined ? null : input.active ? 1 : 0, input.code);
      return toReason(one.get(input.code) as ReasonRow);
    },
  };
}
