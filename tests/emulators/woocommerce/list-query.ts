// Filtering and ordering shared by the product, variation and order lists.
import { parseQueryDate, wooDateMs } from './clock.js';
import { httpError } from './http-util.js';
import { type ListParams } from './request-schemas.js';

interface Listable {
  id: number;
  date_created_gmt: string;
  date_modified_gmt: string;
}

export interface ListQueryOptions {
  timezoneOffsetMinutes: number;
  /** Older WooCommerce versions reject `orderby=modified` (see the reference); configurable. */
  supportsOrderbyModified: boolean;
}

/**
 * Applies `include` (only those ids; unknown ones simply absent), modified_after/modified_before
 * (strictly after / before, second precision) and the order. `orderby=include` keeps the order of
 * the include list and, like WordPress's post__in ordering, ignores `order`.
 */
export function filterAndSort<T extends Listable>(items: T[], params: ListParams, options: ListQueryOptions): T[] {
  // An empty include (`include=`) is no filter, as in WordPress.
  const include = params.include && params.include.length > 0 ? params.include : null;
  const wanted = include ? new Set(include) : null;
  const gmt = params.dates_are_gmt ?? false;
  const after = params.modified_after ? parseQueryDate(params.modified_after, gmt, options.timezoneOffsetMinutes) : null;
  const before = params.modified_before ? parseQueryDate(params.modified_before, gmt, options.timezoneOffsetMinutes) : null;
  let out = items.filter((item) => {
    if (wanted && !wanted.has(item.id)) return false;
    const modified = wooDateMs(item.date_modified_gmt);
    return (after === null || modified > after) && (before === null || modified < before);
  });
  const orderby = params.orderby ?? 'date';
  if (orderby === 'modified' && !options.supportsOrderbyModified) {
    throw httpError(400, 'rest_invalid_param', 'Invalid parameter(s): orderby', {
      orderby: 'orderby is not one of date, id, include, title, slug.',
    });
  }
  const key = (item: T): number =>
    orderby === 'modified' ? wooDateMs(item.date_modified_gmt) : orderby === 'date' ? wooDateMs(item.date_created_gmt) : 0;
  if (orderby === 'include' && include) {
    const position = new Map(include.map((id, index) => [id, index] as const));
    return [...out].sort((a, b) => (position.get(a.id) ?? 0) - (position.get(b.id) ?? 0));
  }
  // Ties (same second) fall back to id so pages are stable between requests.
  out = [...out].sort((a, b) => key(a) - key(b) || a.id - b.id);
  // WordPress lists newest first unless asked otherwise.
  return (params.order ?? 'desc') === 'desc' ? out.reverse() : out;
}
