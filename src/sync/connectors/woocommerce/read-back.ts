// Reading pushed records back: after a write to detect races (absolute set, no compare-and-set),
// and after a lost answer to learn whether the write was applied before pushing it again.
// One list request per 100 records, not one GET per record: `GET products?include=<ids>` for
// simple products and `GET products/{parent}/variations?include=<ids>` per parent (REST v3 accepts
// `include` on both lists). An id the answer leaves out is 'gone' (deleted or trashed: lists hide
// both); an entry that does not match the schema is 'unreadable' for that record alone.
import { z } from 'zod';
import { ConnectorError } from '../../connector.js';
import { hasNextPage, parseAnswer } from './answers.js';
import { isStatus, type WooAnswer, type WooHttp } from './http.js';
import { type WooTarget } from './ids.js';
import { productSchema, variationSchema } from './schemas.js';

/** The fields a push compares; products and variations share them. */
export interface StockPriceRecord {
  id: number;
  manage_stock: boolean | 'parent';
  stock_quantity: number | null;
  regular_price: string;
  sale_price: string;
}

/** A record the answer named but in a shape the connector does not understand. */
export interface Unreadable {
  unreadable: true;
  /** Redacted excerpt of the entry (or of the whole answer when the entry has no id), for the log. */
  excerpt: string;
}

/** What a read-back saw of one record. */
export type Seen = StockPriceRecord | 'gone' | Unreadable;

/** By WooCommerce id; every id asked for has an entry. */
export type ReadBack = Map<number, Seen>;

export const recordIdOf = (target: WooTarget): number => (target.kind === 'product' ? target.productId : target.variationId);

export const isUnreadable = (seen: Seen | undefined): seen is Unreadable => typeof seen === 'object' && 'unreadable' in seen;

/** `include` lists at most per_page ids, so one page answers them all. */
const perRequest = 100;

export async function readBack(http: WooHttp, targets: readonly WooTarget[]): Promise<ReadBack> {
  const out: ReadBack = new Map();
  const productIds: number[] = [];
  const variationsByParent = new Map<number, number[]>();
  for (const target of targets) {
    if (target.kind === 'product') productIds.push(target.productId);
    else variationsByParent.set(target.productId, [...(variationsByParent.get(target.productId) ?? []), target.variationId]);
  }
  for (const ids of chunks(productIds)) await readList(http, { path: 'products', what: 'products', schema: productSchema }, ids, out);
  for (const [parent, variationIds] of variationsByParent) {
    const list = { path: `products/${parent}/variations`, what: 'variations', schema: variationSchema };
    for (const ids of chunks(variationIds)) await readList(http, list, ids, out);
  }
  return out;
}

function chunks(ids: readonly number[]): number[][] {
  const unique = [...new Set(ids)];
  const out: number[][] = [];
  for (let start = 0; start < unique.length; start += perRequest) out.push(unique.slice(start, start + perRequest));
  return out;
}

const entryIdSchema = z.object({ id: z.number().int().positive() });

interface ListRoute {
  path: string;
  /** Names the answer in an invalid_answer reason. */
  what: string;
  schema: z.ZodType<StockPriceRecord>;
}

/** Reads `ids` (≤ 100) from one list route into `out`; a parent that no longer exists (404) makes them all 'gone'. */
async function readList(http: WooHttp, { path, what, schema }: ListRoute, ids: readonly number[], out: ReadBack): Promise<void> {
  const wanted = new Set(ids);
  const found = new Map<number, Seen>();
  let wholeExcerpt: string | null = null;
  try {
    // More than one page only if a host caps per_page below 100; stop as soon as every id is seen,
    // and after as many pages as ids (a host ignoring `include` is not paged through to the end).
    for (let page = 1; found.size < wanted.size && page <= ids.length; page++) {
      const answer = await http.get(path, { include: ids.join(','), per_page: perRequest, page, orderby: 'id', order: 'asc' });
      const entries = parseAnswer(z.array(z.unknown()), answer, what);
      wholeExcerpt = collectEntries(http, schema, entries, answer, wanted, found) ?? wholeExcerpt;
      if (entries.length === 0 || !hasNextPage(answer, page, perRequest, entries.length)) break;
    }
  } catch (error) {
    // 404 with a WooCommerce code (invalid parent id), not a missing route: the parent was deleted.
    if (!(error instanceof ConnectorError && isStatus(error, 404) && error.kind !== 'not_found')) throw error;
  }
  for (const id of ids) {
    // An entry without a readable id may be the missing one: unreadable rather than gone.
    out.set(id, found.get(id) ?? (wholeExcerpt === null ? 'gone' : { unreadable: true, excerpt: wholeExcerpt }));
  }
}

/** Validates each entry alone; returns the whole answer's excerpt when some entry had no readable id. */
function collectEntries(http: WooHttp, schema: z.ZodType<StockPriceRecord>, entries: unknown[], answer: WooAnswer, wanted: ReadonlySet<number>, found: Map<number, Seen>): string | null {
  let idless = false;
  for (const entry of entries) {
    const id = entryIdSchema.safeParse(entry);
    if (!id.success) {
      idless = true;
      continue;
    }
    // A host that ignored `include` answers other records too: only the ones asked for count.
    if (!wanted.has(id.data.id)) continue;
    const record = schema.safeParse(entry);
    found.set(id.data.id, record.success ? record.data : { unreadable: true, excerpt: http.excerpt(JSON.stringify(entry)) });
  }
  return idless ? answer.excerpt : null;
}
