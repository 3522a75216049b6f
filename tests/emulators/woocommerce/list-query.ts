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

/** Applies modified_after/modified_before (strictly after / before, second precision) and the order. */
export function filterAndSort<T extends Listable>(items: T[], params: ListParams, options: ListQueryOptions): T[] {
  const gmt = params.dates_are_gmt ?? false;
  const after = params.modified_after ? parseQueryDate(params.modified_after, gmt, options.timezoneOffsetMinutes) : null;
  const before = params.modified_before ? parseQueryDate(params.modified_before, gmt, options.timezoneOffsetMinutes) : null;
  let out = items.filter((item) => {
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
  // Ties (same second) fall back to id so pages are stable between requests.
  out = [...out].sort((a, b) => key(a) - key(b) || a.id - b.id);
  // WordPress lists newest first unless asked otherwise.
  return (params.order ?? 'desc') === 'desc' ? out.reverse() : out;
}
