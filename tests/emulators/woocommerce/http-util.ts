// Small HTTP helpers shared by the routes: WooCommerce-shaped errors, JSON bodies, list paging.
import { type IncomingMessage } from 'node:http';
import { type ZodType } from 'zod';
import { wooError, type WooErrorBody } from './records.js';
import { listParamSchemas, type ListParamName, type ListParams } from './request-schemas.js';

/** Thrown by handlers; the server turns it into the WooCommerce JSON error answer. */
export class WooHttpError extends Error {
  constructor(readonly body: WooErrorBody) {
    super(body.message);
  }
  get status(): number {
    return this.body.data.status;
  }
}

export function httpError(status: number, code: string, message: string, params?: Record<string, string>): WooHttpError {
  return new WooHttpError(wooError(status, code, message, params));
}

/** What a handler answers: a JSON body with optional extra headers. */
export interface JsonAnswer {
  status: number;
  body: unknown;
  headers?: Record<string, string>;
}

export async function readBody(req: IncomingMessage): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks).toString('utf8');
}

export function parseJsonBody<T>(raw: string, schema: ZodType<T>): T {
  let json: unknown;
  try {
    json = raw === '' ? {} : JSON.parse(raw);
  } catch {
    throw httpError(400, 'rest_invalid_json', 'Invalid JSON body passed.');
  }
  const parsed = schema.safeParse(json);
  if (!parsed.success) {
    throw httpError(400, 'rest_invalid_param', 'Invalid parameter(s): body', { body: parsed.error.message });
  }
  return parsed.data;
}

/** Validates the list parameters this emulator knows; unknown ones are ignored, as WordPress does. */
export function parseListParams(query: URLSearchParams): ListParams {
  const out: Record<string, unknown> = {};
  const invalid: Record<string, string> = {};
  for (const name of Object.keys(listParamSchemas) as ListParamName[]) {
    const raw = query.get(name);
    if (raw === null) continue;
    const parsed = listParamSchemas[name].safeParse(raw);
    if (parsed.success) out[name] = parsed.data;
    else invalid[name] = parsed.error.issues[0]?.message ?? 'invalid';
  }
  if (Object.keys(invalid).length > 0) {
    throw httpError(400, 'rest_invalid_param', `Invalid parameter(s): ${Object.keys(invalid).join(', ')}`, invalid);
  }
  return out as ListParams;
}

/**
 * One page of a list with WooCommerce's paging headers: X-WP-Total, X-WP-TotalPages and a Link
 * header with rel="prev"/"next". A page past the end is an empty array, not an error.
 */
export function pageOf<T>(items: T[], params: ListParams, requestUrl: URL): JsonAnswer {
  const perPage = params.per_page ?? 10;
  const page = params.page ?? 1;
  const totalPages = Math.ceil(items.length / perPage);
  const links: string[] = [];
  const linkTo = (target: number): string => {
    const url = new URL(requestUrl);
    url.searchParams.delete('consumer_key');
    url.searchParams.delete('consumer_secret');
    url.searchParams.set('page', String(target));
    return url.toString();
  };
  if (page > 1 && page <= totalPages + 1) links.push(`<${linkTo(page - 1)}>; rel="prev"`);
  if (page < totalPages) links.push(`<${linkTo(page + 1)}>; rel="next"`);
  const headers: Record<string, string> = { 'X-WP-Total': String(items.length), 'X-WP-TotalPages': String(totalPages) };
  if (links.length > 0) headers.Link = links.join(', ');
  return { status: 200, body: items.slice((page - 1) * perPage, page * perPage), headers };
}
