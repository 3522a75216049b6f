// Validating answers: a whole answer that does not match throws 'invalid_answer' with a redacted
// excerpt; paging headers are read here too.
import { type z } from 'zod';
import { ConnectorError } from '../../connector.js';
import { type WooAnswer, wooReason } from './http.js';

export function parseAnswer<T>(schema: z.ZodType<T>, answer: WooAnswer, what: string): T {
  const parsed = schema.safeParse(answer.body);
  if (parsed.success) return parsed.data;
  const path = parsed.error.issues[0]?.path.join('.') ?? '';
  throw new ConnectorError('invalid_answer', { key: wooReason.invalidAnswer, params: { what, path } }, { answerExcerpt: answer.excerpt });
}

function headerInt(answer: WooAnswer, name: string): number | null {
  const raw = answer.headers.get(name);
  if (raw === null || !/^\d+$/.test(raw.trim())) return null;
  return Number(raw.trim());
}

/** X-WP-Total, or null when the host dropped it. */
export function totalOf(answer: WooAnswer): number | null {
  return headerInt(answer, 'x-wp-total');
}

/**
 * Whether another page follows: X-WP-TotalPages when present, else a full page means "maybe"
 * (some caches strip the headers; a page past the end is an empty 200, so asking is harmless).
 */
export function hasNextPage(answer: WooAnswer, page: number, perPage: number, itemCount: number): boolean {
  const totalPages = headerInt(answer, 'x-wp-totalpages');
  return totalPages !== null ? page < totalPages : itemCount === perPage;
}

/** Cursors are page numbers; anything else is the caller's bug, so the first page is not silently re-read. */
export function pageFromCursor(cursor: string | null): number {
  if (cursor === null) return 1;
  if (!/^[1-9]\d*$/.test(cursor)) throw new ConnectorError('invalid_answer', { key: wooReason.invalidCursor, params: { cursor } });
  return Number(cursor);
}

export const clampPerPage = (limit: number): number => Math.max(1, Math.min(100, Math.floor(limit)));
