// SQL of the incremental evaluation's marks (alert_dirty, migration 0016): what
// changed since the last evaluation, read and cleared inside its transaction.
import type { Db } from '../db/open.js';

export interface Changes {
  /** Something every rule reads changed: evaluate everything. */
  all: boolean;
  variants: Set<number>;
  /** UTC hour keys ('YYYY-MM-DDTHH') of changed orders, returns, movements. */
  hours: string[];
}

export type RuleMarks = ReturnType<typeof createRuleMarks>;

export function createRuleMarks(db: Db) {
  const read = db.prepare<[], { scope: 'variant' | 'hour' | 'all'; key: string }>('SELECT scope, key FROM alert_dirty');
  const clear = db.prepare('DELETE FROM alert_dirty');
  return {
    /** The marks, cleared. */
    take(): Changes {
      const changes: Changes = { all: false, variants: new Set(), hours: [] };
      for (const mark of read.all()) {
        if (mark.scope === 'all') changes.all = true;
        else if (mark.scope === 'variant') changes.variants.add(Number(mark.key));
        else changes.hours.push(mark.key);
      }
      clear.run();
      return changes;
    },
    clear: () => {
      clear.run();
    },
  };
}
