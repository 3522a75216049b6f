// The stacking rule, shared by checkout (basket.ts) and the conflict finder (guard-service.ts).
// The editor quotes stackingRuleText word for word.
import type { Stacking } from '../rules.js';

export const stackingRuleText =
  'Promotions that apply are taken by priority (lowest first; equal priority: the older promotion first). ' +
  'If the first is exclusive, only it applies. Otherwise every stackable one applies in that order, each on ' +
  'the prices left by the previous; exclusive ones after a stackable one are skipped.';

export interface Stackable {
  id: number;
  stacking: Stacking;
  priority: number;
}

export function byStackingOrder(a: Stackable, b: Stackable): number {
  return a.priority - b.priority || a.id - b.id;
}

/** Which of the promotions that apply (in any order) actually apply, in the order they apply. */
export function resolveStacking<T extends Stackable>(applicable: readonly T[]): T[] {
  const ordered = [...applicable].sort(byStackingOrder);
  const first = ordered[0];
  if (!first) return [];
  if (first.stacking === 'exclusive') return [first];
  return ordered.filter((p) => p.stacking === 'stackable');
}
