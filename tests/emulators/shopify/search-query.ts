// The part of Shopify's search syntax a connector's incremental reads use:
// `updated_at:>'2026-01-01T00:00:00Z'` (also >=, <, <=, quotes optional), terms joined by
// spaces or AND. Anything else is refused rather than silently matching everything.
import { GraphqlError } from './execution.js';

export interface TimeFilter {
  field: 'updated_at' | 'created_at';
  op: '>' | '>=' | '<' | '<=';
  ms: number;
}

const termPattern = /^(updated_at|created_at):(>=|<=|>|<)'?([^']+)'?$/;

export function parseSearchQuery(query: string | null): TimeFilter[] {
  if (query === null || query.trim() === '') return [];
  const terms = query.trim().split(/\s+/).filter((t) => t !== 'AND');
  return terms.map((term) => {
    const match = termPattern.exec(term);
    const ms = match?.[3] ? Date.parse(match[3]) : Number.NaN;
    if (!match || Number.isNaN(ms)) {
      throw new GraphqlError(`The emulator does not support the search term "${term}"`, 'UNSUPPORTED_SEARCH');
    }
    return { field: match[1] as TimeFilter['field'], op: match[2] as TimeFilter['op'], ms };
  });
}

/** Shopify compares at one-second precision: the filter time is truncated to the second. */
export function matchesFilters(filters: TimeFilter[], values: { updated_at: number; created_at: number }): boolean {
  return filters.every(({ field, op, ms }) => {
    const value = values[field];
    const bound = Math.floor(ms / 1000) * 1000;
    if (op === '>') return value > bound;
    if (op === '>=') return value >= bound;
    if (op === '<') return value < bound;
    return value <= bound;
  });
}
