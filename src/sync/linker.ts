// The linker: matches a channel's remote variants (channel_remote_variants, read by
// remote-catalog.ts) to local variants, serves the review table, and applies what the merchant
// chose. Rules:
// - Match by SKU first (trimmed, case-insensitive — variants.sku is unique only as typed, so
//   "abc" and "ABC" can both exist locally and then both are candidates), then by barcode (a GTIN
//   compares by its number: UPC-A 012345678905 = EAN-13 0012345678905; other codes as trimmed,
//   case-insensitive text). Archived local variants and variants already linked on this channel
//   are never candidates.
// - One candidate = matched; several = ambiguous (all listed); a local variant claimed by several
//   remote variants makes each of them ambiguous too, so "link all matched" never links one
//   variant twice. No candidate = remote only (importable, remote-import.ts).
// - Applying links writes the synced base (what the channel has now: the three-way compare's
//   "last synced") and queues a stock and a price push in the same transaction; the price pusher
//   decides whether the price differs and who owns it.
// - channel_listings (per product) follows the links: listed when a variant of the product gets
//   linked, 'removed' when its last link goes.
import type { Db } from '../db/open.js';
import { AppError, notFound } from '../shared/app-error.js';
import type { Clock } from '../shared/clock.js';
import type { RemoteLocation } from './connector.js';
import { createLinkStore, type LinkStore, type LocalRefRow, type Verdict } from './link-store.js';
import { createOutboxStore } from './outbox-store.js';
import { createRemoteCatalogStore, type RemoteVariantRow } from './remote-catalog-store.js';

export { importRemoteOnly, type ImportResult } from './remote-import.js';

export type LinkFilter = 'linked' | 'matched' | 'ambiguous' | 'remoteOnly' | 'localOnly';
export interface LinkCounts {
  linked: number;
  matched: number;
  ambiguous: number;
  remoteOnly: number;
  localOnly: number;
}

/** A local variant as the review table shows it (same shape as contract-schemas' localVariantRefSchema). */
export interface LocalVariantRef {
  variantId: number;
  productId: number;
  sku: string;
  productName: string;
  variantTitle: string;
  barcode: string | null;
  price: number | null;
  available: number;
}

export interface RemoteSide {
  remoteVariantId: string;
  remoteProductId: string;
  productTitle: string;
  variantTitle: string;
  sku: string | null;
  barcode: string | null;
  price: number | null;
  quantity: number | null;
}

/** One review-table row (contract-schemas' linkRowSchema, plus remoteMissing). */
export interface ReviewRow {
  state: LinkFilter;
  /** Null on localOnly rows. On a linked row whose remote variant a full read no longer saw, only the ids are known. */
  remote: RemoteSide | null;
  matchedBy: 'sku' | 'barcode' | null;
  /** linked/matched: the one local variant; ambiguous: every candidate; localOnly: the variant itself. */
  local: LocalVariantRef[];
  /** Linked, but the channel no longer lists the remote variant (deleted there). */
  remoteMissing: boolean;
}

/** Trimmed, case-insensitive; null when empty. */
export function skuKey(sku: string | null): string | null {
  const key = sku?.trim().toLowerCase() ?? '';
  return key === '' ? null : key;
}

/** A GTIN (8, 12, 13 or 14 digits) as its 14-digit form; any other code trimmed and case-folded. */
export function barcodeKey(barcode: string | null): string | null {
  const code = barcode?.trim() ?? '';
  if (code === '') return null;
  if (/^\d+$/.test(code) && [8, 12, 13, 14].includes(code.length)) return code.padStart(14, '0');
  return code.toLowerCase();
}

function channelMustExist(store: LinkStore, channelId: number): void {
  if (!store.channelExists(channelId)) throw notFound('Channel', channelId);
}

function group<K>(entries: Iterable<[K | null, number]>): Map<K, number[]> {
  const map = new Map<K, number[]>();
  for (const [key, id] of entries) {
    if (key === null) continue;
    const list = map.get(key);
    if (list) list.push(id);
    else map.set(key, [id]);
  }
  return map;
}

/** The verdict of every remote variant of the channel, and which of them differ from the stored ones. */
function computeVerdicts(store: LinkStore, channelId: number): Verdict[] {
  const links = store.linksOf(channelId);
  const linkedRemote = new Map(links.map((l) => [l.remoteVariantId, l.variantId]));
  const linkedLocal = new Set(links.map((l) => l.variantId));
  const locals = store.localForMatching().filter((v) => !linkedLocal.has(v.id));
  const bySku = group(locals.map((v): [string | null, number] => [skuKey(v.sku), v.id]));
  const byBarcode = group(locals.map((v): [string | null, number] => [barcodeKey(v.barcode), v.id]));
  const remotes = store.remoteForMatching(channelId);
  const verdicts: Verdict[] = remotes.map((remote) => {
    const linked = linkedRemote.get(remote.remoteVariantId);
    // A linked row keeps how it was found (the review table shows it), whatever the SKU is now.
    const foundBy = remote.matchedBy === 'sku' || remote.matchedBy === 'barcode' ? remote.matchedBy : null;
    if (linked !== undefined) return { r: remote.remoteVariantId, s: 'linked', b: foundBy, c: [linked] };
    const sku = skuKey(remote.sku);
    const bySkuFound = sku === null ? undefined : bySku.get(sku);
    const code = barcodeKey(remote.barcode);
    const found = bySkuFound ?? (code === null ? undefined : byBarcode.get(code));
    if (!found) return { r: remote.remoteVariantId, s: 'remote_only', b: null, c: [] };
    return { r: remote.remoteVariantId, s: found.length === 1 ? 'matched' : 'ambiguous', b: bySkuFound ? 'sku' : 'barcode', c: [...found].sort((a, b) => a - b) };
  });
  // A local variant claimed by several remote variants: none of them is a safe one-click link.
  const claims = new Map<number, number>();
  for (const v of verdicts) if (v.s === 'matched') claims.set(v.c[0] ?? 0, (claims.get(v.c[0] ?? 0) ?? 0) + 1);
  for (const v of verdicts) if (v.s === 'matched' && (claims.get(v.c[0] ?? 0) ?? 0) > 1) v.s = 'ambiguous';
  return verdicts.filter((v, i) => {
    const stored = remotes[i];
    return !stored || stored.matchState !== v.s || stored.matchedBy !== v.b || stored.candidates !== JSON.stringify(v.c);
  });
}

/** Recomputes and writes every verdict of the channel; call inside the caller's transaction. */
export function refreshVerdicts(store: LinkStore, channelId: number): void {
  store.writeVerdicts(channelId, computeVerdicts(store, channelId));
}

function countsOf(store: LinkStore, channelId: number): LinkCounts {
  const c = store.counts(channelId);
  return { linked: c.linked, matched: c.matched, ambiguous: c.ambiguous, remoteOnly: c.remote_only, localOnly: c.localOnly };
}

/** Recomputes match_state for every remote variant of the channel (call inside or outside a transaction). */
export function matchCatalog(db: Db, channelId: number, at: string): LinkCounts {
  void at; // verdicts carry no time of their own; kept so callers pass the pass's time uniformly
  const store = createLinkStore(db);
  channelMustExist(store, channelId);
  return db.transaction(() => {
    refreshVerdicts(store, channelId);
    return countsOf(store, channelId);
  })();
}

function localRef(row: LocalRefRow): LocalVariantRef {
  const variantTitle = [row.option1, row.option2, row.option3].filter((o): o is string => o !== null && o !== '').join(' / ');
  return { variantId: row.variantId, productId: row.productId, sku: row.sku, productName: row.productName, variantTitle, barcode: row.barcode, price: row.price, available: row.available };
}

function remoteSide(row: RemoteVariantRow): RemoteSide {
  return {
    remoteVariantId: row.remoteVariantId,
    remoteProductId: row.remoteProductId,
    productTitle: row.productTitle,
    variantTitle: row.variantTitle,
    sku: row.sku,
    barcode: row.barcode,
    price: row.price,
    quantity: row.quantity,
  };
}

export function candidateIds(row: RemoteVariantRow): number[] {
  const parsed: unknown = JSON.parse(row.candidates);
  return Array.isArray(parsed) ? parsed.filter((id): id is number => Number.isInteger(id)) : [];
}

const remoteStates = { matched: 'matched', ambiguous: 'ambiguous', remoteOnly: 'remote_only' } as const;

/** A page of the review table for one filter, its total, and the counts of every filter. */
export function reviewRows(
  db: Db,
  channelId: number,
  filter: LinkFilter,
  offset: number,
  limit: number,
  search?: string,
): { rows: ReviewRow[]; total: number; counts: LinkCounts } {
  const store = createLinkStore(db);
  channelMustExist(store, channelId);
  const term = search !== undefined && search.trim() !== '' ? search : null;
  const counts = countsOf(store, channelId);
  if (filter === 'localOnly') {
    const page = store.localOnlyPage(channelId, term, offset, limit);
    return { rows: page.rows.map((row) => ({ state: 'localOnly', remote: null, matchedBy: null, local: [localRef(row)], remoteMissing: false })), total: page.total, counts };
  }
  if (filter === 'linked') {
    const page = store.linkedPage(channelId, term, offset, limit);
    const locals = new Map(store.localRefs(page.rows.map((r) => r.variantId)).map((r) => [r.variantId, localRef(r)]));
    const rows = page.rows.map((link): ReviewRow => {
      const local = locals.get(link.variantId);
      const remote: RemoteSide = link.remote
        ? remoteSide(link.remote)
        : { remoteVariantId: link.remoteVariantId, remoteProductId: link.remoteProductId ?? '', productTitle: '', variantTitle: '', sku: null, barcode: null, price: null, quantity: null };
      return { state: 'linked', remote, matchedBy: link.remote?.matchedBy ?? null, local: local ? [local] : [], remoteMissing: link.remote === null };
    });
    return { rows, total: page.total, counts };
  }
  const page = store.remotePage(channelId, remoteStates[filter], term, offset, limit);
  const ids = [...new Set(page.rows.flatMap(candidateIds))];
  const locals = new Map(store.localRefs(ids).map((r) => [r.variantId, localRef(r)]));
  const rows = page.rows.map(
    (row): ReviewRow => ({
      state: filter,
      remote: remoteSide(row),
      matchedBy: row.matchedBy,
      local: candidateIds(row).flatMap((id) => locals.get(id) ?? []),
      remoteMissing: false,
    }),
  );
  return { rows, total: page.total, counts };
}

export interface LinkChoice {
  remoteVariantId: string;
  variantId: number;
}

/**
 * Links the chosen pairs (or every 'matched' row) in one transaction: refuses the whole batch,
 * naming the SKU, when a variant or remote variant would be linked twice. Re-linking a pair that
 * is already linked is a no-op. Returns how many links were created.
 */
export function applyLinks(db: Db, clock: Clock, channelId: number, choices: readonly LinkChoice[] | 'allMatched'): { linked: number } {
  const store = createLinkStore(db);
  const remotes = createRemoteCatalogStore(db);
  const outbox = createOutboxStore(db);
  channelMustExist(store, channelId);
  return db.transaction(() => {
    const at = clock.now().toISOString();
    const wanted: readonly LinkChoice[] =
      choices === 'allMatched'
        ? remotes.byState(channelId, 'matched').flatMap((row) => {
            const [variantId] = candidateIds(row);
            return variantId === undefined ? [] : [{ remoteVariantId: row.remoteVariantId, variantId }];
          })
        : choices;
    const variantsTaken = new Map<number, string>();
    const remotesTaken = new Map<string, string>();
    let linked = 0;
    for (const choice of wanted) {
      const remote = remotes.get(channelId, choice.remoteVariantId);
      if (!remote) {
        throw new AppError('NOT_FOUND', `Remote variant ${choice.remoteVariantId} is not in the channel's catalogue; read the catalogue again.`, {
          key: 'syncRemoteVariantNotFound',
          params: { remoteVariantId: choice.remoteVariantId },
        });
      }
      const variant = store.variant(choice.variantId);
      if (!variant) throw notFound('Variant', choice.variantId);
      const existing = store.linkByVariant(channelId, variant.id);
      if (existing && existing.remoteVariantId === remote.remoteVariantId) continue;
      const otherRemote = existing?.remoteVariantId ?? variantsTaken.get(variant.id);
      if (otherRemote !== undefined) {
        throw new AppError('CONFLICT', `SKU ${variant.sku} is already linked to remote variant ${otherRemote} on this channel; nothing was linked.`, {
          key: 'syncVariantAlreadyLinked',
          params: { sku: variant.sku, remoteVariantId: otherRemote },
        });
      }
      const otherSku = store.linkByRemote(channelId, remote.remoteVariantId)?.sku ?? remotesTaken.get(remote.remoteVariantId);
      if (otherSku !== undefined) {
        throw new AppError('CONFLICT', `Remote variant ${remote.remoteVariantId} is already linked to SKU ${otherSku}; nothing was linked.`, {
          key: 'syncRemoteAlreadyLinked',
          params: { sku: otherSku, remoteSku: remote.sku ?? '', remoteVariantId: remote.remoteVariantId },
        });
      }
      variantsTaken.set(variant.id, remote.remoteVariantId);
      remotesTaken.set(remote.remoteVariantId, variant.sku);
      insertLink(store, outbox, channelId, variant, remote, at, { pushStock: true });
      linked += 1;
    }
    if (linked > 0) refreshVerdicts(store, channelId);
    return { linked };
  })();
}

/** One link with its synced base, listing row and pushes (shared with remote-import.ts). */
export function insertLink(
  store: LinkStore,
  outbox: ReturnType<typeof createOutboxStore>,
  channelId: number,
  variant: { id: number; productId: number },
  remote: RemoteVariantRow,
  at: string,
  options: { pushStock: boolean },
): void {
  store.insertLink({
    channelId,
    variantId: variant.id,
    remoteVariantId: remote.remoteVariantId,
    remoteInventoryItemId: remote.remoteInventoryItemId,
    remoteProductId: remote.remoteProductId === '' ? null : remote.remoteProductId,
    syncedPrice: remote.price,
    syncedCompareAtPrice: remote.compareAtPrice,
    syncedQuantity: remote.quantity,
    at,
  });
  store.listProduct(variant.productId, channelId, remote.remoteProductId === '' ? null : remote.remoteProductId, at);
  if (options.pushStock) outbox.enqueue(channelId, variant.id, 'stock', at);
  outbox.enqueue(channelId, variant.id, 'price', at);
}

/** Removes the channel's links of these variants (and their pending pushes); returns how many went. */
export function unlink(db: Db, clock: Clock, channelId: number, variantIds: readonly number[]): { unlinked: number } {
  const store = createLinkStore(db);
  channelMustExist(store, channelId);
  void clock;
  return db.transaction(() => {
    const unlinked = store.unlink(channelId, variantIds);
    if (unlinked > 0) refreshVerdicts(store, channelId);
    return { unlinked };
  })();
}

export interface LocationMapping {
  remoteLocationId: string;
  remoteLocationName: string;
  locationId: number | null;
}

/** Records the channel's remote locations (names refreshed; new ones feed from all local stock). */
export function saveLocations(db: Db, channelId: number, remote: readonly RemoteLocation[]): LocationMapping[] {
  const store = createLinkStore(db);
  channelMustExist(store, channelId);
  return db.transaction(() => {
    for (const location of remote) store.saveLocation(channelId, location.remoteLocationId, location.name);
    return store.locations(channelId);
  })();
}

/** Feeds a remote location from one local location (or, null, all local stock) and re-queues the channel's stock. */
export function mapLocation(db: Db, clock: Clock, channelId: number, remoteLocationId: string, locationId: number | null): { requeued: number } {
  const store = createLinkStore(db);
  channelMustExist(store, channelId);
  return db.transaction(() => {
    if (locationId !== null) {
      const local = store.localLocation(locationId);
      if (!local) throw notFound('Location', locationId);
      if (local.active !== 1) {
        throw new AppError('CONFLICT', `Location ${local.name} is inactive; choose an active location.`, {
          key: 'syncLocationInactive',
          params: { location: local.name },
        });
      }
    }
    if (store.mapLocation(channelId, remoteLocationId, locationId) === 0) {
      throw new AppError('NOT_FOUND', `Remote location ${remoteLocationId} is not known for this channel; read its locations again.`, {
        key: 'syncRemoteLocationNotFound',
        params: { remoteLocationId },
      });
    }
    // What each linked variant offers changed: push all of them again.
    return { requeued: createOutboxStore(db).enqueueChannel(channelId, 'stock', clock.now().toISOString()) };
  })();
}
