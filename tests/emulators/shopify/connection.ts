// Relay-style cursor connections as Shopify serves them: `first` (1–250) is required,
// `after` continues from an opaque cursor, and a cursor names a position in the sort
// order (sort key, id) rather than an offset, so rows changing between pages are not
// skipped or repeated by index arithmetic.
import { type Args, GqlObject, GraphqlError } from './execution.js';

export const maxPageSize = 250;
export const connectionArgs = ['first', 'after'] as const;

export type SortPosition = [key: number | string, id: number];

function encodeCursor(position: SortPosition): string {
  return Buffer.from(JSON.stringify(position)).toString('base64url');
}

function decodeCursor(cursor: string): SortPosition {
  try {
    const value: unknown = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
    if (Array.isArray(value) && value.length === 2 && typeof value[1] === 'number' &&
      (typeof value[0] === 'number' || typeof value[0] === 'string')) {
      return [value[0], value[1]];
    }
  } catch {
    // fall through to the error below
  }
  throw new GraphqlError(`Invalid cursor for current pagination sort.`, 'INVALID_CURSOR');
}

function compare(a: SortPosition, b: SortPosition): number {
  if (a[0] !== b[0]) return a[0] < b[0] ? -1 : 1;
  return a[1] - b[1];
}

/** The page size from `first`, enforcing Shopify's rules. */
export function pageSize(args: Args): number {
  const first = args.first;
  if (first === undefined || first === null) {
    throw new GraphqlError('you must provide one of first or last', 'BAD_REQUEST');
  }
  if (typeof first !== 'number' || !Number.isInteger(first) || first < 0 || first > maxPageSize) {
    throw new GraphqlError(`The first argument must be an integer between 0 and ${maxPageSize}`, 'BAD_REQUEST');
  }
  return first;
}

export function connection<T>(
  typeName: string,
  items: readonly T[],
  args: Args,
  positionOf: (item: T) => SortPosition,
  toObject: (item: T) => GqlObject,
  reverse = false,
): GqlObject {
  const first = pageSize(args);
  const direction = reverse ? -1 : 1;
  const order = (a: T, b: T): number => direction * compare(positionOf(a), positionOf(b));
  const after = args.after;
  if (after !== undefined && after !== null && typeof after !== 'string') {
    throw new GraphqlError('after must be a String', 'BAD_REQUEST');
  }
  const start = after ? decodeCursor(after) : null;
  const remaining = start ? items.filter((item) => direction * compare(positionOf(item), start) > 0) : items;
  // One row more than the page tells whether there is a next page.
  const window = smallest(remaining, first + 1, order);
  const page = window.slice(0, first);
  const hasNextPage = window.length > first;
  const cursors = page.map((item) => encodeCursor(positionOf(item)));
  const pageInfo = new GqlObject('PageInfo', {
    hasNextPage: () => hasNextPage,
    hasPreviousPage: () => start !== null,
    endCursor: () => cursors.at(-1) ?? null,
    startCursor: () => cursors[0] ?? null,
  });
  return new GqlObject(`${typeName}Connection`, {
    nodes: () => page.map(toObject),
    edges: () =>
      page.map((item, i) => new GqlObject(`${typeName}Edge`, { cursor: () => cursors[i] ?? null, node: () => toObject(item) })),
    pageInfo: () => pageInfo,
  });
}

/**
 * The k first items in `order` without sorting everything: a page of 250 out of 50,000
 * orders is read in one pass (items mostly arrive in order, so most are skipped at once).
 */
function smallest<T>(items: readonly T[], k: number, order: (a: T, b: T) => number): T[] {
  const kept: T[] = [];
  for (const item of items) {
    const last = kept[kept.length - 1];
    if (kept.length === k && last !== undefined && order(item, last) >= 0) continue;
    let low = 0;
    let high = kept.length;
    while (low < high) {
      const middle = (low + high) >> 1;
      const probe = kept[middle];
      if (probe !== undefined && order(probe, item) <= 0) low = middle + 1;
      else high = middle;
    }
    kept.splice(low, 0, item);
    if (kept.length > k) kept.pop();
  }
  return kept;
}
