// Blanks cost figures (fields marked with costFigure, src/team/cost-mark.ts)
// in an answer, for a person without `costs.view`. The walk follows the
// method's output schema, not the value's keys, so a field named `value` is
// hidden where it is a stock value and kept where it is a KPI. A plan per
// schema is built once; methods whose answers hold no cost figure cost nothing.
import type { z } from 'zod';
import { isCostFigure } from './cost-mark.js';

/** Where the cost figures sit in a value of one schema. */
type Plan =
  | { kind: 'cost' }
  | { kind: 'object'; fields: ReadonlyArray<readonly [string, Plan]> }
  | { kind: 'array'; element: Plan }
  | { kind: 'record'; value: Plan }
  | { kind: 'any'; options: readonly Plan[] };

/** The parts of a zod schema's definition the walks here (and the cost-marks test) follow. */
export interface SchemaDef {
  type: string;
  shape?: Record<string, z.ZodType>;
  element?: z.ZodType;
  innerType?: z.ZodType;
  valueType?: z.ZodType;
  options?: readonly z.ZodType[];
  in?: z.ZodType;
  out?: z.ZodType;
  left?: z.ZodType;
  right?: z.ZodType;
  items?: readonly z.ZodType[];
  getter?: () => z.ZodType;
}

export const schemaDef = (schema: z.ZodType): SchemaDef => (schema as unknown as { _zod: { def: SchemaDef } })._zod.def;

const plans = new WeakMap<z.ZodType, Plan | null>();

function planOf(schema: z.ZodType, seen: Set<z.ZodType>): Plan | null {
  if (isCostFigure(schema)) return { kind: 'cost' };
  const known = plans.get(schema);
  if (known !== undefined) return known;
  if (seen.has(schema)) return null; // a recursive schema: its inner occurrences are walked once
  seen.add(schema);
  const plan = buildPlan(schemaDef(schema), seen);
  seen.delete(schema);
  plans.set(schema, plan);
  return plan;
}

function combine(options: readonly (Plan | null)[]): Plan | null {
  const found = options.filter((option): option is Plan => option !== null);
  if (found.length === 0) return null;
  return found.length === 1 ? (found[0] as Plan) : { kind: 'any', options: found };
}

function buildPlan(def: SchemaDef, seen: Set<z.ZodType>): Plan | null {
  switch (def.type) {
    case 'object': {
      const fields: Array<readonly [string, Plan]> = [];
      for (const [key, field] of Object.entries(def.shape ?? {})) {
        const plan = planOf(field, seen);
        if (plan) fields.push([key, plan]);
      }
      return fields.length > 0 ? { kind: 'object', fields } : null;
    }
    case 'array': {
      const element = def.element ? planOf(def.element, seen) : null;
      return element ? { kind: 'array', element } : null;
    }
    case 'record': {
      const value = def.valueType ? planOf(def.valueType, seen) : null;
      return value ? { kind: 'record', value } : null;
    }
    case 'optional':
    case 'nullable':
    case 'default':
    case 'prefault':
    case 'readonly':
    case 'catch':
    case 'nonoptional':
      return def.innerType ? planOf(def.innerType, seen) : null;
    case 'union':
      return combine((def.options ?? []).map((option) => planOf(option, seen)));
    case 'intersection':
      return combine([def.left, def.right].map((side) => (side ? planOf(side, seen) : null)));
    case 'tuple':
      return combine((def.items ?? []).map((item) => planOf(item, seen)));
    case 'pipe':
      return def.out ? planOf(def.out, seen) : null;
    case 'lazy':
      return def.getter ? planOf(def.getter(), seen) : null;
    default:
      return null;
  }
}

function apply(plan: Plan, value: unknown): unknown {
  if (value === null || value === undefined) return value;
  switch (plan.kind) {
    case 'cost':
      return null;
    case 'object': {
      if (typeof value !== 'object' || Array.isArray(value)) return value;
      const copy: Record<string, unknown> = { ...(value as Record<string, unknown>) };
      for (const [key, inner] of plan.fields) if (Object.hasOwn(copy, key)) copy[key] = apply(inner, copy[key]);
      return copy;
    }
    case 'array':
      return Array.isArray(value) ? value.map((item) => apply(plan.element, item)) : value;
    case 'record': {
      if (typeof value !== 'object' || Array.isArray(value)) return value;
      return Object.fromEntries(Object.entries(value as Record<string, unknown>).map(([key, item]) => [key, apply(plan.value, item)]));
    }
    case 'any':
      return plan.options.reduce<unknown>((current, option) => apply(option, current), value);
  }
}

/** Whether answers of this schema can hold a cost figure at all. */
export function carriesCost(schema: z.ZodType): boolean {
  return planOf(schema, new Set()) !== null;
}

/** The value with every cost figure the schema marks set to null (a copy; the input is not changed). */
export function redactCosts(schema: z.ZodType, value: unknown): unknown {
  const plan = planOf(schema, new Set());
  return plan ? apply(plan, value) : value;
}

/** The dotted paths of the cost figures a schema marks (`rows[].unitCost`), for tests and exports. */
export function costPaths(schema: z.ZodType): string[] {
  const plan = planOf(schema, new Set());
  const paths: string[] = [];
  const walk = (current: Plan, prefix: string): void => {
    switch (current.kind) {
      case 'cost':
        paths.push(prefix);
        return;
      case 'object':
        for (const [key, inner] of current.fields) walk(inner, prefix ? `${prefix}.${key}` : key);
        return;
      case 'array':
        walk(current.element, `${prefix}[]`);
        return;
      case 'record':
        walk(current.value, `${prefix}{}`);
        return;
      case 'any':
        for (const option of current.options) walk(option, prefix);
    }
  };
  if (plan) walk(plan, '');
  return [...new Set(paths)];
}
