// "Import as new local products": remote-only variants become local products (one per remote
// product, with its variants) and are linked at once — one transaction, one change set in
// History that undo takes back as a unit (it deletes the created variants and products; their
// links, listings and pending pushes go with them).
//
// Products are created by the catalogue's own create path (product-service.ts: option checks,
// barcode rule, SKU uniqueness), which records no history of its own; this module opens the
// change set and records each created product and variant as a created row ('$row', the same
// items spreadsheet imports write), which the shop's undo targets already know how to delete.
//
// Decisions:
// - A remote SKU already used locally (compared trimmed and case-insensitively: a variant of that
//   SKU linked to another remote variant, or an archived one) is skipped with a reason, never
//   renamed — a renamed SKU would break matching orders later. A missing SKU gets one generated
//   the way the catalogue does (PRODUCT-TITLE-1, then -2 … until free).
// - A barcode the shop's rule refuses (GTIN mode, bad check digit) is dropped, counted, not fatal.
// - Stock: the local ledger is the truth, and new variants hold nothing. Without an opening-stock
//   location the links get NO stock push (the channel keeps its quantity until stock moves
//   locally); with one, the remote quantities are posted there as 'initial' ledger movements of
//   the same change set and the stock is pushed back through the channel's rule.
import type { Db } from '../db/open.js';
import { createEditStore } from '../catalog/edit-store.js';
import { productCreateSchema, type ProductCreateInput } from '../catalog/edit-contract.js';
import { createProductService, slugify } from '../catalog/product-service.js';
import { checkVariantValue } from '../catalog/variant-values.js';
import { createHistoryService } from '../history/service.js';
import { shopUndoTargets } from '../history/shop-undo-targets.js';
import { createdRowField } from '../history/store.js';
import { createLedger, type Movement } from '../inventory/ledger.js';
import { AppError, notFound } from '../shared/app-error.js';
import type { Clock } from '../shared/clock.js';
import { firstFree } from '../shared/unique-code.js';
import type { ReasonText } from './connector.js';
import { createLinkStore } from './link-store.js';
import { insertLink, refreshVerdicts, skuKey } from './linker.js';
import { createOutboxStore } from './outbox-store.js';
import { createRemoteCatalogStore, type RemoteVariantRow } from './remote-catalog-store.js';

export interface ImportOptions {
  /** Post the remote quantities as opening stock at this (active) local location; absent: no stock. */
  openingStockLocationId?: number | null;
}

export interface ImportSkip {
  remoteVariantId: string;
  sku: string | null;
  reason: ReasonText;
}

export interface ImportResult {
  products: number;
  variants: number;
  linked: number;
  /** Barcodes the shop's barcode rule refused; the variants were imported without them. */
  droppedBarcodes: number;
  skipped: ImportSkip[];
  /** The History entry that undoes the import; null when nothing was created. */
  changeSetId: number | null;
}

const optionName: Record<string, string> = { en: 'Variant', 'zh-CN': '规格' };

function clip(text: string, max: number): string {
  return text.length <= max ? text : text.slice(0, max);
}

/** Distinct, non-empty option values for a product's variants (case-insensitive, as the catalogue checks). */
function optionValues(rows: readonly RemoteVariantRow[], skus: readonly string[]): string[] {
  const seen = new Set<string>();
  return rows.map((row, i) => {
    let value = clip(row.variantTitle.trim() || skus[i] || String(i + 1), 90);
    if (seen.has(value.toLowerCase())) value = `${value} #${i + 1}`;
    seen.add(value.toLowerCase());
    return value;
  });
}

function groupByProduct(rows: readonly RemoteVariantRow[]): RemoteVariantRow[][] {
  const groups = new Map<string, RemoteVariantRow[]>();
  for (const row of rows) {
    const key = row.remoteProductId === '' ? `variant:${row.remoteVariantId}` : row.remoteProductId;
    const list = groups.get(key);
    if (list) list.push(row);
    else groups.set(key, [row]);
  }
  return [...groups.values()];
}

export function importRemoteOnly(
  db: Db,
  clock: Clock,
  actor: string,
  channelId: number,
  remoteVariantIds: readonly string[] | 'all',
  options: ImportOptions = {},
): ImportResult {
  const links = createLinkStore(db);
  const remotes = createRemoteCatalogStore(db);
  const outbox = createOutboxStore(db);
  const editStore = createEditStore(db);
  const history = createHistoryService(db, clock, shopUndoTargets);
  const products = createProductService(db, editStore, history, clock);
  const ledger = createLedger(db);
  if (!links.channelExists(channelId)) throw notFound('Channel', channelId);

  return db.transaction((): ImportResult => {
    const at = clock.now().toISOString();
    const stockAt = options.openingStockLocationId ?? null;
    if (stockAt !== null) {
      const location = links.localLocation(stockAt);
      if (!location) throw notFound('Location', stockAt);
      if (location.active !== 1) {
        throw new AppError('CONFLICT', `Location ${location.name} is inactive; choose an active location.`, { key: 'syncLocationInactive', params: { location: location.name } });
      }
    }
    // Verdicts as of now: a variant linked or matched since the table was shown is not imported.
    refreshVerdicts(links, channelId);
    const skipped: ImportSkip[] = [];
    let rows: RemoteVariantRow[];
    if (remoteVariantIds === 'all') {
      rows = remotes.byState(channelId, 'remote_only');
    } else {
      const found = remotes.byIds(channelId, [...new Set(remoteVariantIds)]);
      const known = new Set(found.map((r) => r.remoteVariantId));
      for (const id of remoteVariantIds) {
        if (!known.has(id)) skipped.push({ remoteVariantId: id, sku: null, reason: { key: 'syncRemoteVariantNotFound', params: { remoteVariantId: id } } });
      }
      rows = found.filter((row) => {
        if (row.matchState === 'remote_only') return true;
        skipped.push({ remoteVariantId: row.remoteVariantId, sku: row.sku, reason: { key: 'syncImportNotRemoteOnly', params: { state: row.matchState } } });
        return false;
      });
    }

    const takenSkus = new Set(links.allSkus().map((sku) => sku.toLowerCase()));
    const takenHandles = new Set(links.allHandles());
    const mode = editStore.barcodeMode();
    const locale = links.shopLocale();
    const changeSetId = history.begin('sync_import', { key: 'channelImport', params: { channel: links.channelName(channelId) } }, actor);
    const opening: Movement[] = [];
    let createdProducts = 0;
    let createdVariants = 0;
    let droppedBarcodes = 0;

    for (const group of groupByProduct(rows)) {
      const planned: { row: RemoteVariantRow; sku: string; barcode: string | null }[] = [];
      const base = `${slugify(group[0]?.productTitle ?? '').toUpperCase()}`;
      for (const row of group) {
        const given = row.sku?.trim() ?? '';
        let sku = given;
        if (given !== '' && (given.length > 100 || takenSkus.has(given.toLowerCase()))) {
          const key = given.length > 100 ? 'syncImportSkuTooLong' : 'syncImportSkuTaken';
          skipped.push({ remoteVariantId: row.remoteVariantId, sku: row.sku, reason: { key, params: { sku: given } } });
          continue;
        }
        if (given === '') sku = firstFree(`${base}-${planned.length + 1}`, (candidate) => takenSkus.has(skuKey(candidate) ?? ''));
        let barcode: string | null = null;
        if (row.barcode !== null && row.barcode.trim() !== '') {
          const checked = row.barcode.length <= 64 ? checkVariantValue('barcode', row.barcode, mode) : null;
          if (checked?.ok === true && typeof checked.value === 'string') barcode = checked.value;
          else droppedBarcodes += 1;
        }
        takenSkus.add(sku.toLowerCase());
        planned.push({ row, sku, barcode });
      }
      if (planned.length === 0) continue;
      const first = planned[0]?.row;
      const title = clip(first?.productTitle.trim() || planned[0]?.sku || 'Product', 255);
      const handle = firstFree(slugify(title), (candidate) => takenHandles.has(candidate));
      const several = planned.length > 1;
      const values = several ? optionValues(planned.map((p) => p.row), planned.map((p) => p.sku)) : [];
      const input: ProductCreateInput = productCreateSchema.parse({
        title,
        handle,
        status: 'active',
        options: several ? [{ name: optionName[locale] ?? 'Variant', values }] : [],
        variants: planned.map((p, i) => ({
          options: several ? [values[i]] : [],
          sku: p.sku,
          barcode: p.barcode,
          price: p.row.price ?? 0,
          compareAtPrice: p.row.compareAtPrice,
        })),
      });
      let detail;
      try {
        detail = products.create(input);
      } catch (error) {
        // The catalogue refused this product (its own rules); the rest of the import goes on.
        if (!(error instanceof AppError)) throw error;
        const params = Object.fromEntries(Object.entries(error.details.params ?? {}).filter((e): e is [string, string | number] => typeof e[1] !== 'object'));
        for (const p of planned) skipped.push({ remoteVariantId: p.row.remoteVariantId, sku: p.row.sku, reason: { key: error.details.key, params } });
        continue;
      }
      takenHandles.add(detail.handle);
      createdProducts += 1;
      history.addItem(changeSetId, { entity: 'products', entityId: detail.id, field: createdRowField, before: false, after: true });
      const bySku = new Map(detail.variants.map((v) => [v.sku, v.id]));
      for (const p of planned) {
        const variantId = bySku.get(p.sku);
        if (variantId === undefined) continue;
        createdVariants += 1;
        history.addItem(changeSetId, { entity: 'variants', entityId: variantId, field: createdRowField, before: false, after: true });
        insertLink(links, outbox, channelId, { id: variantId, productId: detail.id }, p.row, at, { pushStock: stockAt !== null });
        if (stockAt !== null && p.row.quantity !== null && p.row.quantity > 0) {
          opening.push({
            variantId,
            locationId: stockAt,
            delta: p.row.quantity,
            reason: 'initial',
            refType: 'import',
            refId: String(changeSetId),
            actor,
            occurredAt: at,
            changeSetId,
          });
        }
      }
    }
    if (opening.length > 0) ledger.post(opening);
    refreshVerdicts(links, channelId);
    if (createdProducts === 0) history.discard(changeSetId);
    return {
      products: createdProducts,
      variants: createdVariants,
      linked: createdVariants,
      droppedBarcodes,
      skipped,
      changeSetId: createdProducts === 0 ? null : changeSetId,
    };
  })();
}
