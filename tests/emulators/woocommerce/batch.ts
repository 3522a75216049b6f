// POST …/batch: `{create, update, delete}` with at most `limit` objects in total. Each item succeeds
// or fails on its own (partial success); a failed item carries `{id, error:{code, message, data}}`.
import { type ZodType } from 'zod';
import { type FaultQueue, type ItemFailure } from './faults.js';
import { httpError, parseJsonBody } from './http-util.js';
import { wooError } from './records.js';
import { batchEnvelopeSchema, withIdSchema } from './request-schemas.js';

export interface BatchTarget<Rec, Create, Update> {
  resource: ItemFailure['resource'];
  /** WooCommerce's invalid-id code for this resource, e.g. woocommerce_rest_product_invalid_id. */
  invalidIdCode: string;
  createSchema: ZodType<Create>;
  updateSchema: ZodType<Update>;
  find(id: number): Rec | undefined;
  create(input: Create): Rec;
  update(record: Rec, patch: Update): Rec;
  remove(record: Rec): void;
}

export interface BatchSettings {
  limit: number;
  /** Real WooCommerce answers 413 (woocommerce_rest_request_entity_too_large); configurable. */
  overLimitStatus: number;
}

type ItemResult = unknown;

export function runBatch<Rec, Create, Update>(
  rawBody: string,
  target: BatchTarget<Rec, Create, Update>,
  faults: FaultQueue,
  settings: BatchSettings,
): { create?: ItemResult[]; update?: ItemResult[]; delete?: ItemResult[] } {
  const body = parseJsonBody(rawBody, batchEnvelopeSchema);
  const total = (body.create?.length ?? 0) + (body.update?.length ?? 0) + (body.delete?.length ?? 0);
  if (total > settings.limit) {
    throw httpError(
      settings.overLimitStatus,
      'woocommerce_rest_request_entity_too_large',
      `Unable to accept more than ${settings.limit} items for this request.`,
    );
  }
  const answer: { create?: ItemResult[]; update?: ItemResult[]; delete?: ItemResult[] } = {};
  if (body.create) answer.create = body.create.map((item) => createOne(item, target));
  if (body.update) answer.update = body.update.map((item) => updateOne(item, target, faults));
  if (body.delete) answer.delete = body.delete.map((id) => deleteOne(id, target, faults));
  return answer;
}

function createOne<Rec, Create, Update>(item: unknown, target: BatchTarget<Rec, Create, Update>): ItemResult {
  const parsed = target.createSchema.safeParse(item);
  if (!parsed.success) return { id: 0, error: wooError(400, 'rest_invalid_param', parsed.error.message) };
  return target.create(parsed.data);
}

function updateOne<Rec, Create, Update>(item: unknown, target: BatchTarget<Rec, Create, Update>, faults: FaultQueue): ItemResult {
  const withId = withIdSchema.safeParse(item);
  if (!withId.success) return { id: 0, error: wooError(400, target.invalidIdCode, 'Invalid ID.') };
  const { id, ...fields } = withId.data;
  const record = target.find(id);
  if (!record) return { id, error: wooError(400, target.invalidIdCode, 'Invalid ID.') };
  const injected = faults.takeItemFailure(target.resource, id);
  if (injected) return { id, error: wooError(injected.status, injected.code, injected.message) };
  const patch = target.updateSchema.safeParse(fields);
  if (!patch.success) return { id, error: wooError(400, 'rest_invalid_param', patch.error.message) };
  return target.update(record, patch.data);
}

function deleteOne<Rec, Create, Update>(id: number, target: BatchTarget<Rec, Create, Update>, faults: FaultQueue): ItemResult {
  const record = target.find(id);
  if (!record) return { id, error: wooError(404, target.invalidIdCode, 'Invalid ID.') };
  const injected = faults.takeItemFailure(target.resource, id);
  if (injected) return { id, error: wooError(injected.status, injected.code, injected.message) };
  target.remove(record);
  return record;
}
