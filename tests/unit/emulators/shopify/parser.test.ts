// The emulator's GraphQL parser: what a connector sends parses, what it does not model is refused.
import { expect, it } from 'vitest';
import { GraphqlSyntaxError, parseDocument } from '../../../emulators/shopify/graphql-parser.js';

it('parses operations with variables, aliases, arguments and the @idempotent directive', () => {
  const [op] = parseDocument(`
    mutation Push($input: InventorySetQuantitiesInput!, $n: Int = 5) {
      # a comment
      set: inventorySetQuantities(input: $input, extra: {a: [1, 2.5, "x\\n", true, null, ENUM]}) @idempotent(key: "k-1") {
        userErrors { code }
      }
    }`);
  expect(op?.type).toBe('mutation');
  expect(op?.name).toBe('Push');
  expect(op?.variables).toEqual([
    { name: 'input', type: 'InventorySetQuantitiesInput!', defaultValue: null },
    { name: 'n', type: 'Int', defaultValue: { kind: 'int', value: 5 } },
  ]);
  const field = op?.selections[0];
  expect(field?.responseKey).toBe('set');
  expect(field?.name).toBe('inventorySetQuantities');
  expect(field?.args.input).toEqual({ kind: 'variable', name: 'input' });
  expect(field?.args.extra).toEqual({ kind: 'object', fields: { a: { kind: 'list', values: [
    { kind: 'int', value: 1 }, { kind: 'float', value: 2.5 }, { kind: 'string', value: 'x\n' },
    { kind: 'boolean', value: true }, { kind: 'null' }, { kind: 'enum', value: 'ENUM' },
  ] } } });
  expect(field?.directives).toEqual([{ name: 'idempotent', args: { key: { kind: 'string', value: 'k-1' } } }]);
  expect(field?.selections?.[0]?.name).toBe('userErrors');
});

it('reads an anonymous query shorthand', () => {
  const [op] = parseDocument('{ shop { name } }');
  expect(op?.type).toBe('query');
  expect(op?.selections[0]?.selections?.[0]?.name).toBe('name');
});

it('refuses fragments, subscriptions, block strings and broken syntax', () => {
  expect(() => parseDocument('{ shop { ...F } }')).toThrow(GraphqlSyntaxError);
  expect(() => parseDocument('fragment F on Shop { name }')).toThrow(GraphqlSyntaxError);
  expect(() => parseDocument('subscription { x }')).toThrow(/Unsupported operation type/);
  expect(() => parseDocument('{ a(b: """x""") }')).toThrow(/Block strings/);
  expect(() => parseDocument('{ shop { name }')).toThrow(/end of document/);
  expect(() => parseDocument('{ shop { } }')).toThrow(/cannot be empty/);
  expect(() => parseDocument('')).toThrow(/no operation/);
  expect(() => parseDocument('{ a(b: "unterminated) }')).toThrow(/Unterminated/);
});
