// Executes a parsed operation against resolver objects. Every field and argument must be
// declared by the object it is asked of: anything else is a GraphQL error, never ignored,
// so a connector that sends something the emulator does not model finds out at once.
import type { FieldNode, OperationNode, ValueNode } from './graphql-parser.js';

export type ArgValue = string | number | boolean | null | ArgValue[] | { [key: string]: ArgValue };
export type Args = Record<string, ArgValue>;
export type Json = string | number | boolean | null | Json[] | { [key: string]: Json };

/** An error that answers the whole request with `errors` (Shopify's validation style). */
export class GraphqlError extends Error {
  constructor(
    message: string,
    readonly code?: string,
  ) {
    super(message);
  }
}

export type Output = string | number | boolean | null | GqlObject | Output[];
export type Resolver = (args: Args) => Output;
export type FieldSpec = Resolver | { args: readonly string[]; resolve: Resolver };

export class GqlObject {
  constructor(
    readonly typeName: string,
    readonly fields: Record<string, FieldSpec>,
  ) {}
}

export function resolveValue(node: ValueNode, variables: Args): ArgValue {
  switch (node.kind) {
    case 'variable': {
      if (!(node.name in variables)) throw new GraphqlError(`Variable $${node.name} is not defined`, 'undefinedVariable');
      return variables[node.name] ?? null;
    }
    case 'int':
    case 'float':
      return node.value;
    case 'string':
    case 'enum':
      return node.value;
    case 'boolean':
      return node.value;
    case 'null':
      return null;
    case 'list':
      return node.values.map((v) => resolveValue(v, variables));
    case 'object':
      return Object.fromEntries(Object.entries(node.fields).map(([k, v]) => [k, resolveValue(v, variables)]));
  }
}

export function resolveArgs(field: FieldNode, variables: Args): Args {
  return Object.fromEntries(Object.entries(field.args).map(([k, v]) => [k, resolveValue(v, variables)]));
}

/** The variables of a request after defaults, checking the declared ones are given when required. */
export function bindVariables(operation: OperationNode, given: Args): Args {
  const bound: Args = {};
  for (const definition of operation.variables) {
    const value = given[definition.name];
    if (value === undefined || value === null) {
      if (definition.defaultValue) bound[definition.name] = resolveValue(definition.defaultValue, {});
      else if (definition.type.endsWith('!')) {
        throw new GraphqlError(
          `Variable $${definition.name} of type ${definition.type} was provided invalid value`,
          'INVALID_VARIABLE',
        );
      } else bound[definition.name] = null;
    } else {
      bound[definition.name] = value;
    }
  }
  return bound;
}

export function executeSelections(object: GqlObject, selections: FieldNode[], variables: Args): Record<string, Json> {
  const result: Record<string, Json> = {};
  for (const field of selections) {
    if (field.directives.length > 0 && !(field.directives.length === 1 && field.directives[0]?.name === 'idempotent')) {
      throw new GraphqlError(`Directive '${field.directives[0]?.name ?? ''}' is not supported on field '${field.name}'`);
    }
    if (field.name === '__typename') {
      result[field.responseKey] = object.typeName;
      continue;
    }
    const spec = object.fields[field.name];
    if (!spec) throw new GraphqlError(`Field '${field.name}' doesn't exist on type '${object.typeName}'`, 'undefinedField');
    const allowed = typeof spec === 'function' ? [] : spec.args;
    for (const argName of Object.keys(field.args)) {
      if (!allowed.includes(argName)) {
        throw new GraphqlError(`Field '${field.name}' doesn't accept argument '${argName}'`, 'argumentNotAccepted');
      }
    }
    const resolve = typeof spec === 'function' ? spec : spec.resolve;
    result[field.responseKey] = complete(resolve(resolveArgs(field, variables)), field, object.typeName, variables);
  }
  return result;
}

function complete(output: Output, field: FieldNode, parentType: string, variables: Args): Json {
  if (Array.isArray(output)) return output.map((item) => complete(item, field, parentType, variables));
  if (output instanceof GqlObject) {
    if (!field.selections) {
      throw new GraphqlError(
        `Field must have selections (field '${field.name}' returns ${output.typeName} but has no selections)`,
        'selectionMismatch',
      );
    }
    return executeSelections(output, field.selections, variables);
  }
  if (field.selections && output !== null) {
    throw new GraphqlError(`Selections can't be made on scalars (field '${field.name}' on ${parentType})`, 'selectionMismatch');
  }
  return output;
}
