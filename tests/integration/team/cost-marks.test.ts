// Every cost figure of the contract is marked with costFigure (src/team/cost-mark.ts), so the
// router blanks it for a person without `costs.view`. This walks every method's output and
// input schema and fails on a field whose name says it holds a cost (cost, COGS, margin,
// profit, stock or inventory value) but is not marked: a new cost field is caught the day it
// is declared. Fields whose name matches but that hold no cost figure are listed with why.
import { describe, expect, it } from 'vitest';
import type { z } from 'zod';
import { contract, type MethodName } from '../../../src/contract.js';
import { costPaths, schemaDef } from '../../../src/team/redact.js';

const costName = /cost|cogs|margin|profit|stockValue|inventoryValue/i;

/** Field names that match costName but hold no cost figure, with the reason. */
const notCostFigures: Readonly<Record<string, string>> = {
  variantsWithoutCost: 'a count of variants without a cost',
  skusInStockWithoutCost: 'a count of SKUs without a cost',
  withoutCost: 'a count of stocktake lines without a cost',
  noCostCount: 'a count of SKUs without a cost (promotion margin guard)',
  discountCost: 'the discounts a promotion gives: price-based (GMV − net sales), not a product cost',
  minMarginBp: "the owner's margin floor: a policy setting, not a product's margin",
};


/** Whether this field's schema is itself a cost figure (marked, possibly under optional/nullable/default). */
const marked = (field: z.ZodType): boolean => costPaths(field).includes('');

/** Every object field under a schema: its dotted path and whether it is marked. */
function fieldsOf(schema: z.ZodType): Array<{ path: string; name: string; marked: boolean }> {
  const found: Array<{ path: string; name: string; marked: boolean }> = [];
  const seen = new Set<z.ZodType>();
  const walk = (current: z.ZodType, prefix: string): void => {
    if (seen.has(current)) return;
    seen.add(current);
    const def = schemaDef(current);
    const next = (inner: z.ZodType | undefined, path: string): void => {
      if (inner) walk(inner, path);
    };
    switch (def.type) {
      case 'object':
        for (const [name, field] of Object.entries(def.shape ?? {})) {
          const path = prefix ? `${prefix}.${name}` : name;
          found.push({ path, name, marked: marked(field) });
          walk(field, path);
        }
        break;
      case 'array':
        next(def.element, `${prefix}[]`);
        break;
      case 'record':
        next(def.valueType, `${prefix}{}`);
        break;
      case 'union':
        for (const option of def.options ?? []) walk(option, prefix);
        break;
      case 'intersection':
        next(def.left, prefix);
        next(def.right, prefix);
        break;
      case 'tuple':
        for (const item of def.items ?? []) walk(item, prefix);
        break;
      case 'pipe':
        next(def.out, prefix);
        break;
      case 'lazy':
        next(def.getter?.(), prefix);
        break;
      default:
        next(def.innerType, prefix);
    }
    seen.delete(current);
  };
  walk(schema, '');
  return found;
}

const methods = Object.keys(contract) as MethodName[];

describe('cost figures in the contract', () => {
  it('marks every output field named like a cost figure, or lists why it is not one', () => {
    const unmarked = methods.flatMap((method) =>
      fieldsOf(contract[method].output as z.ZodType)
        .filter((field) => costName.test(field.name) && !field.marked && !Object.hasOwn(notCostFigures, field.name))
        .map((field) => `${method} → ${field.path}`),
    );
    expect(unmarked).toEqual([]);
  });

  it('marks every input field that sets a cost, so a person who may not see costs may not set them', () => {
    const unmarked = methods.flatMap((method) =>
      fieldsOf(contract[method].input as z.ZodType)
        // Inputs name columns to sort and filter by (`'cost'` as a value), and the margin floors; only number fields set a cost.
        .filter((field) => /cost/i.test(field.name) && !field.marked && !Object.hasOwn(notCostFigures, field.name))
        .map((field) => `${method} → ${field.path}`),
    );
    expect(unmarked).toEqual([]);
  });

  it('finds the marks where the walk expects them (the test can fail)', () => {
    const stock = fieldsOf(contract['stock.levels'].output as z.ZodType);
    expect(stock.find((field) => field.path === 'rows[].unitCost')?.marked).toBe(true);
    expect(stock.find((field) => field.path === 'rows[].onHand')?.marked).toBe(false);
    expect(costPaths(contract['products.list'].output as z.ZodType)).toEqual(['rows[].cost']);
    expect(costPaths(contract['analytics.kpis'].output as z.ZodType)).toContain('current.grossMargin');
    // Sets a cost: refused without costs.view (src/team/input-permissions.ts).
    expect(costPaths(contract['supplierItems.upsert'].input as z.ZodType)).toEqual(['cost']);
    expect(costPaths(contract['purchaseOrders.receive'].input as z.ZodType)).toEqual(['lines[].unitCost']);
  });
});
