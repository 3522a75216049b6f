// Answers one GraphQL request body: parse, charge the cost bucket, run, refund the unused
// cost, and keep `@idempotent` answers so a retried mutation returns the first answer
// instead of applying twice.
import { z } from 'zod';
import { actualQueryCost, type CostBucket, requestedQueryCost } from './cost.js';
import {
  type Args, bindVariables, executeSelections, GraphqlError, type Json, resolveArgs, resolveValue,
} from './execution.js';
import { type FieldNode, GraphqlSyntaxError, type OperationNode, parseDocument } from './graphql-parser.js';
import { mutations } from './mutations.js';
import { QueryRoot } from './query-root.js';
import type { ShopStore } from './store.js';

export const requestBodySchema = z.object({
  query: z.string().min(1),
  variables: z.record(z.string(), z.json()).nullable().optional(),
  operationName: z.string().nullable().optional(),
});

export interface HandlerSettings {
  /** Shopify answers THROTTLED with HTTP 200 or 429; clients must handle both. */
  throttledStatus: 200 | 429;
  /** From this version the `@idempotent` directive is required on inventorySetQuantities (null: never). */
  idempotencyRequiredFrom: string | null;
}

export interface HandlerCounters {
  throttled: number;
  costSpent: number;
  idempotentReplays: number;
  mutationsApplied: number;
}

export interface HandlerAnswer {
  status: number;
  body: Json;
}

interface StoredAnswer {
  fingerprint: string;
  data: Json;
}

function errorBody(error: GraphqlError | GraphqlSyntaxError): Json {
  const code = error instanceof GraphqlError ? error.code : 'PARSE_ERROR';
  return { message: error.message, extensions: code ? { code } : {} };
}

export class GraphqlHandler {
  readonly counters: HandlerCounters = { throttled: 0, costSpent: 0, idempotentReplays: 0, mutationsApplied: 0 };
  private readonly idempotentAnswers = new Map<string, StoredAnswer>();
  private readonly queryRoot: QueryRoot;

  constructor(
    private readonly store: ShopStore,
    private readonly bucket: CostBucket,
    readonly settings: HandlerSettings,
  ) {
    this.queryRoot = new QueryRoot(store);
  }

  handle(rawBody: unknown, version: string): HandlerAnswer {
    const request = requestBodySchema.safeParse(rawBody);
    if (!request.success) return { status: 400, body: { errors: { query: 'Required parameter missing or invalid' } } };
    let operation: OperationNode;
    let variables: Args;
    let requested: number;
    try {
      operation = this.pickOperation(parseDocument(request.data.query), request.data.operationName ?? null);
      variables = bindVariables(operation, request.data.variables ?? {});
      requested = requestedQueryCost(operation, variables);
    } catch (error) {
      if (error instanceof GraphqlError || error instanceof GraphqlSyntaxError) return { status: 200, body: { errors: [errorBody(error)] } };
      throw error;
    }
    const max = this.bucket.settings.singleQueryMaxCost;
    if (requested > max) {
      return this.answer({ errors: [{
        message: `Query cost is ${requested}, which exceeds the single query max cost limit (${max}).`,
        extensions: { code: 'MAX_COST_EXCEEDED', cost: requested, maxCost: max },
      }] }, requested, null);
    }
    if (!this.bucket.tryTake(requested)) {
      this.counters.throttled += 1;
      const body = this.answer({ errors: [{
        message: 'Throttled',
        extensions: { code: 'THROTTLED', documentation: 'https://shopify.dev/api/usage/rate-limits' },
      }] }, requested, null);
      return { status: this.settings.throttledStatus, body: body.body };
    }
    try {
      const data = operation.type === 'query'
        ? executeSelections(this.queryRoot.root(), operation.selections, variables)
        : this.runMutations(operation.selections, variables, version);
      const actual = Math.min(requested, actualQueryCost(operation, data, variables));
      this.bucket.refund(requested - actual);
      this.counters.costSpent += actual;
      return this.answer({ data }, requested, actual);
    } catch (error) {
      if (!(error instanceof GraphqlError)) throw error;
      // A request refused by validation is not charged.
      this.bucket.refund(requested);
      return this.answer({ errors: [errorBody(error)] }, requested, 0);
    }
  }

  private answer(body: Record<string, Json>, requested: number, actual: number | null): HandlerAnswer {
    const throttleStatus = { ...this.bucket.status() };
    return {
      status: 200,
      body: { ...body, extensions: { cost: { requestedQueryCost: requested, actualQueryCost: actual, throttleStatus } } },
    };
  }

  private pickOperation(operations: OperationNode[], name: string | null): OperationNode {
    if (name === null) {
      if (operations.length > 1) throw new GraphqlError('An operation name is required', 'OPERATION_NAME_REQUIRED');
      const only = operations[0];
      if (!only) throw new GraphqlError('The document contains no operation');
      return only;
    }
    const found = operations.find((op) => op.name === name);
    if (!found) throw new GraphqlError(`No operation named "${name}"`, 'OPERATION_NOT_FOUND');
    return found;
  }

  private idempotencyKey(field: FieldNode, variables: Args, version: string): string | null {
    const directive = field.directives.find((d) => d.name === 'idempotent');
    if (!directive) {
      const required = this.settings.idempotencyRequiredFrom;
      if (field.name === 'inventorySetQuantities' && required !== null && version >= required) {
        throw new GraphqlError(`The @idempotent directive is required for '${field.name}' from API version ${required}`, 'BAD_REQUEST');
      }
      return null;
    }
    const extra = Object.keys(directive.args).filter((k) => k !== 'key');
    const key = directive.args.key ? resolveValue(directive.args.key, variables) : null;
    if (extra.length > 0 || typeof key !== 'string' || key.length === 0) {
      throw new GraphqlError("The @idempotent directive needs one non-empty 'key' argument", 'BAD_REQUEST');
    }
    return key;
  }

  private runMutations(selections: FieldNode[], variables: Args, version: string): Record<string, Json> {
    // Each field is validated while it runs, so several fields could not be refused as a
    // whole before the first applies; a connector sends one mutation per request anyway.
    if (selections.length > 1) throw new GraphqlError('The emulator answers one mutation field per request', 'BAD_REQUEST');
    const data: Record<string, Json> = {};
    const pending: { commit: () => boolean; key: string | null; fingerprint: string; answer: Json }[] = [];
    for (const field of selections) {
      const spec = mutations[field.name];
      if (!spec) throw new GraphqlError(`Field '${field.name}' doesn't exist on type 'Mutation'`, 'undefinedField');
      for (const argName of Object.keys(field.args)) {
        if (!spec.args.includes(argName)) throw new GraphqlError(`Field '${field.name}' doesn't accept argument '${argName}'`, 'argumentNotAccepted');
      }
      if (!field.selections) throw new GraphqlError(`Field must have selections (field '${field.name}')`, 'selectionMismatch');
      const key = this.idempotencyKey(field, variables, version);
      const args = resolveArgs(field, variables);
      const fingerprint = JSON.stringify([field.name, args]);
      const stored = key === null ? undefined : this.idempotentAnswers.get(key);
      if (stored) {
        if (stored.fingerprint !== fingerprint) {
          throw new GraphqlError('The idempotency key was already used with different parameters', 'IDEMPOTENCY_KEY_PARAMETER_MISMATCH');
        }
        this.counters.idempotentReplays += 1;
        data[field.responseKey] = stored.data;
        continue;
      }
      const prepared = spec.prepare(args, { store: this.store, version });
      const answer = executeSelections(prepared.result, field.selections, variables);
      data[field.responseKey] = answer;
      pending.push({ commit: prepared.commit, key, fingerprint, answer });
    }
    // Everything answered without a GraphQL error: now apply, and remember keyed answers.
    for (const p of pending) {
      if (p.commit()) this.counters.mutationsApplied += 1;
      if (p.key !== null) this.idempotentAnswers.set(p.key, { fingerprint: p.fingerprint, data: p.answer });
    }
    return data;
  }
}
