// Permissions that depend on what a call sends, beyond the method's own
// (method-permissions.ts): typing a price needs `prices.edit`; a cost anywhere
// in the input (fields marked with costFigure) needs `costs.view` — a person
// who may not see costs may not set them either; editing many variants at once
// needs `bulk.edit`; undoing someone else's change set needs `history.undoOthers`.
import type { z } from 'zod';
import { contract, type MethodName } from '../contract.js';
import { costPaths } from './redact.js';
import { ruleOf } from './method-permissions.js';
import type { Permission } from './permission-names.js';
import type { Caller } from './call-context.js';

const priceFields = new Set(['price', 'compareAtPrice']);

function has(value: unknown, key: string): boolean {
  return value !== null && typeof value === 'object' && Object.hasOwn(value, key) && (value as Record<string, unknown>)[key] !== undefined;
}

/** Whether the raw input holds a value at any of the schema's cost paths (`lines[].unitCost`). */
function sendsCost(paths: readonly string[], input: unknown): boolean {
  const at = (value: unknown, parts: readonly string[]): boolean => {
    if (parts.length === 0) return value !== undefined;
    const [head, ...rest] = parts as [string, ...string[]];
    if (head.endsWith('[]')) {
      const list = head === '[]' ? value : has(value, head.slice(0, -2)) ? (value as Record<string, unknown>)[head.slice(0, -2)] : undefined;
      return Array.isArray(list) && list.some((item) => at(item, rest));
    }
    return has(value, head) && at((value as Record<string, unknown>)[head], rest);
  };
  return paths.some((path) => at(input, path.replace(/\[\]/g, '[].').split('.').filter(Boolean).map((part) => part)));
}

const inputCostPaths = new Map<MethodName, string[]>();
function costPathsOfInput(method: MethodName): string[] {
  let paths = inputCostPaths.get(method);
  if (!paths) {
    paths = costPaths(contract[method].input as z.ZodType);
    inputCostPaths.set(method, paths);
  }
  return paths;
}

export interface InputCheckContext {
  caller: Caller;
  /** The sign-in name that made a change set (history.undo). */
  changeSetActor(id: number): string | undefined;
}

/** The permissions this call needs because of what it sends (the method's own not included). */
export function permissionsForInput(method: MethodName, raw: unknown, parsed: unknown, context: InputCheckContext): Permission[] {
  const needed: Permission[] = [];
  if (sendsCost(costPathsOfInput(method), raw)) needed.push('costs.view', 'prices.edit');
  switch (method) {
    case 'products.create': {
      const variants = has(raw, 'variants') ? ((raw as { variants: unknown }).variants as unknown[]) : [];
      const anyPrice = [raw, ...(Array.isArray(variants) ? variants : [])].some((item) => [...priceFields].some((field) => has(item, field)));
      if (anyPrice) needed.push('prices.edit');
      break;
    }
    case 'variants.update': {
      const changes = (parsed as { changes: Record<string, unknown> }).changes;
      if ([...priceFields].some((field) => changes[field] !== undefined)) needed.push('prices.edit');
      break;
    }
    case 'variants.bulkUpdate': {
      const edits = (parsed as { edits: Array<{ variantId: number; field: string }> }).edits;
      if (edits.some((edit) => priceFields.has(edit.field))) needed.push('prices.edit');
      if (edits.some((edit) => edit.field === 'cost')) needed.push('prices.edit', 'costs.view');
      // One cell typed in the grid is everyday editing; a pasted block or fill-down is a bulk edit.
      if (new Set(edits.map((edit) => edit.variantId)).size > 1) needed.push('bulk.edit');
      break;
    }
    case 'variants.bulkAction':
    case 'variants.bulkPreview': {
      const action = (parsed as { action: { kind: string } }).action;
      if (action.kind === 'priceChange') needed.push('prices.edit');
      break;
    }
    case 'purchaseOrders.receive': {
      // The exchange rate sets the received units' cost.
      if (has(raw, 'exchangeRate')) needed.push('costs.view');
      break;
    }
    // Sorting, filtering or choosing a measure by a cost ranks the rows by it: as good as reading it.
    case 'products.list': {
      const query = parsed as { sort: Array<{ column: string }>; filters: Record<string, unknown> };
      if (query.sort.some((sort) => sort.column === 'cost') || query.filters.cost !== undefined) needed.push('costs.view');
      break;
    }
    case 'stock.levels': {
      if (['unitCost', 'value'].includes((parsed as { sort: { column: string } }).sort.column)) needed.push('costs.view');
      break;
    }
    case 'analytics.salesReport': {
      if (['grossProfit', 'grossMargin'].includes((parsed as { sort: { column: string } }).sort.column)) needed.push('costs.view');
      break;
    }
    case 'analytics.customerValue': {
      if ((parsed as { sort: string }).sort === 'expectedValue') needed.push('costs.view');
      break;
    }
    case 'analytics.abc': {
      if ((parsed as { measure: string }).measure === 'grossProfit') needed.push('costs.view');
      break;
    }
    case 'exports.grid': {
      // The export's query is the list method's own input: the same rules apply to it.
      const { source, query } = parsed as { source: MethodName; query: unknown };
      // Exporting a list needs what reading it needs (exports.grid itself only needs shop.view).
      const rule = ruleOf(source);
      if (rule.need !== 'public') needed.push(rule.need);
      const listed = contract[source].input.safeParse(query);
      if (listed.success) needed.push(...permissionsForInput(source, query, listed.data, context));
      break;
    }
    case 'history.undo': {
      const actor = context.changeSetActor((parsed as { changeSetId: number }).changeSetId);
      if (actor !== undefined && actor.toLowerCase() !== context.caller.login.toLowerCase()) needed.push('history.undoOthers');
      break;
    }
    default:
      break;
  }
  return [...new Set(needed)];
}
