// Shopify's calculated query cost and the leaky bucket it is charged against.
// Cost rules (Shopify's documented model, simplified): a scalar costs 0, an object 1, a
// connection 2 plus `first` times the cost of one node, a mutation 10. The requested
// cost is charged before running; the difference to the actual cost (from the rows really
// returned) is refunded afterwards.
import { type Args, type Json, resolveArgs } from './execution.js';
import type { FieldNode, OperationNode } from './graphql-parser.js';
import type { EmulatorClock } from './store.js';

export const mutationCost = 10;

export interface BucketSettings {
  /** Bucket size in points (unverified for Shopify: 1000 or 2000; a setting). */
  maximumAvailable: number;
  /** Points restored per second (100 standard, 200 Advanced, 1000 Plus). */
  restoreRate: number;
  /** Shopify refuses a single query costing more than this. */
  singleQueryMaxCost: number;
}

export interface ThrottleStatus {
  maximumAvailable: number;
  currentlyAvailable: number;
  restoreRate: number;
}

export class CostBucket {
  private available: number;
  private lastRefillMs: number;

  constructor(
    readonly settings: BucketSettings,
    private readonly clock: EmulatorClock,
  ) {
    this.available = settings.maximumAvailable;
    this.lastRefillMs = clock.nowMs();
  }

  private refill(): void {
    const now = this.clock.nowMs();
    // A clock frozen at an earlier instant must not take points away.
    const restored = (Math.max(0, now - this.lastRefillMs) / 1000) * this.settings.restoreRate;
    this.available = Math.min(this.settings.maximumAvailable, this.available + restored);
    this.lastRefillMs = now;
  }

  /** Takes `cost` points when there are enough; false (nothing taken) when throttled. */
  tryTake(cost: number): boolean {
    this.refill();
    if (cost > this.available) return false;
    this.available -= cost;
    return true;
  }

  refund(points: number): void {
    this.refill();
    this.available = Math.min(this.settings.maximumAvailable, this.available + points);
  }

  /** Empties the bucket (test side door: start a run already throttled). */
  drain(): void {
    this.refill();
    this.available = 0;
  }

  status(): ThrottleStatus {
    this.refill();
    return {
      maximumAvailable: this.settings.maximumAvailable,
      // Shopify reports whole points.
      currentlyAvailable: Math.floor(this.available),
      restoreRate: this.settings.restoreRate,
    };
  }
}

function isConnection(field: FieldNode, variables: Args): boolean {
  return field.selections !== null && 'first' in resolveArgs(field, variables);
}

function firstOf(field: FieldNode, variables: Args): number {
  const first = resolveArgs(field, variables).first;
  return typeof first === 'number' && first > 0 ? first : 0;
}

function requestedFieldCost(field: FieldNode, variables: Args): number {
  if (!field.selections) return 0;
  if (isConnection(field, variables)) {
    const perNode = field.selections.reduce((sum, child) => {
      if (child.name === 'pageInfo' || !child.selections) return sum;
      if (child.name === 'nodes') return sum + 1 + childrenCost(child.selections, variables);
      if (child.name === 'edges') {
        return sum + child.selections.reduce((s, e) => s + (e.name === 'node' ? requestedFieldCost(e, variables) : 0), 0);
      }
      return sum;
    }, 0);
    return 2 + firstOf(field, variables) * perNode;
  }
  return 1 + childrenCost(field.selections, variables);
}

function childrenCost(selections: FieldNode[], variables: Args): number {
  return selections.reduce((sum, child) => sum + requestedFieldCost(child, variables), 0);
}

export function requestedQueryCost(operation: OperationNode, variables: Args): number {
  if (operation.type === 'mutation') return mutationCost * operation.selections.length;
  return childrenCost(operation.selections, variables);
}

function actualFieldCost(field: FieldNode, value: Json | undefined, variables: Args): number {
  if (!field.selections || value === null || value === undefined) return 0;
  if (Array.isArray(value)) return value.reduce<number>((sum, item) => sum + actualFieldCost(field, item, variables), 0);
  if (typeof value !== 'object') return 0;
  if (isConnection(field, variables)) {
    let cost = 2;
    for (const child of field.selections) {
      const rows = value[child.responseKey];
      if (!Array.isArray(rows)) continue;
      for (const row of rows) {
        if (child.name === 'nodes') cost += actualFieldCost({ ...child, args: {} }, row, variables);
        if (child.name === 'edges' && row !== null && typeof row === 'object' && !Array.isArray(row) && child.selections) {
          for (const e of child.selections) if (e.name === 'node') cost += actualFieldCost(e, row[e.responseKey], variables);
        }
      }
    }
    return cost;
  }
  return 1 + field.selections.reduce((sum, child) => sum + actualFieldCost(child, value[child.responseKey], variables), 0);
}

export function actualQueryCost(operation: OperationNode, data: Record<string, Json>, variables: Args): number {
  if (operation.type === 'mutation') return mutationCost * operation.selections.length;
  return operation.selections.reduce((sum, field) => sum + actualFieldCost(field, data[field.responseKey], variables), 0);
}
