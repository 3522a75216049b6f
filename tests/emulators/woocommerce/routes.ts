// The /wp-json/wc/v3 routes the emulator serves, as a table of method + path pattern → handler.
import { type BatchSettings, runBatch } from './batch.js';
import { type FaultQueue } from './faults.js';
import { httpError, type JsonAnswer, pageOf, parseJsonBody, parseListParams } from './http-util.js';
import { filterAndSort, type ListQueryOptions } from './list-query.js';
import { type WooProduct } from './records.js';
import { orderStatuses, productCreateSchema, productPatchSchema, stockPricePatchSchema } from './request-schemas.js';
import { type WooStore } from './store.js';

export interface SiteInfo {
  name: string;
  description: string;
  url: string;
  wooVersion: string;
  currency: string;
}

export interface RouteContext {
  url: URL;
  /** Numeric ids captured from the path, in order. */
  ids: number[];
  rawBody: string;
  store: WooStore;
  faults: FaultQueue;
  site: SiteInfo;
  listOptions: ListQueryOptions;
  batch: BatchSettings;
}

export interface Route {
  method: 'GET' | 'POST' | 'PUT';
  pattern: RegExp;
  /** Whether the consumer key needs write permission. */
  writes: boolean;
  handle(ctx: RouteContext): JsonAnswer;
}

const productStatuses: readonly string[] = ['any', 'publish', 'draft', 'private'];

const ok = (body: unknown): JsonAnswer => ({ status: 200, body });

export const routes: Route[] = [
  { method: 'GET', pattern: /^\/system_status$/, writes: false, handle: systemStatus },
  { method: 'GET', pattern: /^\/products$/, writes: false, handle: listProducts },
  { method: 'POST', pattern: /^\/products\/batch$/, writes: true, handle: batchProducts },
  { method: 'GET', pattern: /^\/products\/(\d+)$/, writes: false, handle: (ctx) => ok(productOr404(ctx, 0)) },
  { method: 'PUT', pattern: /^\/products\/(\d+)$/, writes: true, handle: updateProduct },
  { method: 'GET', pattern: /^\/products\/(\d+)\/variations$/, writes: false, handle: listVariations },
  { method: 'POST', pattern: /^\/products\/(\d+)\/variations\/batch$/, writes: true, handle: batchVariations },
  { method: 'GET', pattern: /^\/products\/(\d+)\/variations\/(\d+)$/, writes: false, handle: (ctx) => ok(variationOr404(ctx)) },
  { method: 'PUT', pattern: /^\/products\/(\d+)\/variations\/(\d+)$/, writes: true, handle: updateVariation },
  { method: 'GET', pattern: /^\/orders$/, writes: false, handle: listOrders },
  { method: 'GET', pattern: /^\/orders\/(\d+)$/, writes: false, handle: getOrder },
  { method: 'GET', pattern: /^\/orders\/(\d+)\/refunds$/, writes: false, handle: listRefunds },
];

/** A cheap authenticated read for "test connection": the environment and settings sections. */
function systemStatus(ctx: RouteContext): JsonAnswer {
  return ok({
    environment: {
      home_url: ctx.site.url,
      site_url: ctx.site.url,
      version: ctx.site.wooVersion,
      wp_version: '6.9',
    },
    settings: { currency: ctx.site.currency, currency_symbol: '$', api_enabled: true },
  });
}

function listProducts(ctx: RouteContext): JsonAnswer {
  const params = parseListParams(ctx.url.searchParams);
  // `include` is an indexed lookup in WordPress (post__in), not a scan of the catalogue.
  let items = params.include?.length ? [...new Set(params.include)].flatMap((id) => ctx.store.products.get(id) ?? []) : [...ctx.store.products.values()];
  if (params.sku !== undefined) items = items.filter((p) => params.sku?.split(',').includes(p.sku));
  const statuses = params.status;
  if (statuses?.some((s) => !productStatuses.includes(s))) {
    throw httpError(400, 'rest_invalid_param', 'Invalid parameter(s): status', { status: 'status is not a valid product status.' });
  }
  if (statuses && !statuses.includes('any')) items = items.filter((p) => statuses.includes(p.status));
  return pageOf(filterAndSort(items, params, ctx.listOptions), params, ctx.url);
}

function productOr404(ctx: RouteContext, index: number): WooProduct {
  const product = ctx.store.products.get(ctx.ids[index] ?? 0);
  if (!product) throw httpError(404, 'woocommerce_rest_product_invalid_id', 'Invalid ID.');
  return product;
}

function variationOr404(ctx: RouteContext) {
  const product = productOr404(ctx, 0);
  const variation = ctx.store.variations.get(ctx.ids[1] ?? 0);
  if (!variation || variation.parent_id !== product.id) {
    throw httpError(404, 'woocommerce_rest_product_variation_invalid_id', 'Invalid ID.');
  }
  return variation;
}

function updateProduct(ctx: RouteContext): JsonAnswer {
  const product = productOr404(ctx, 0);
  return ok(ctx.store.updateProduct(product, parseJsonBody(ctx.rawBody, productPatchSchema)));
}

function batchProducts(ctx: RouteContext): JsonAnswer {
  const { store } = ctx;
  return ok(
    runBatch(
      ctx.rawBody,
      {
        resource: 'product',
        invalidIdCode: 'woocommerce_rest_product_invalid_id',
        createSchema: productCreateSchema,
        updateSchema: productPatchSchema,
        find: (id) => store.products.get(id),
        create: (input) => store.createProduct(input),
        update: (record, patch) => store.updateProduct(record, patch),
        remove: (record) => store.deleteProduct(record),
      },
      ctx.faults,
      ctx.batch,
    ),
  );
}

function listVariations(ctx: RouteContext): JsonAnswer {
  const product = productOr404(ctx, 0);
  const params = parseListParams(ctx.url.searchParams);
  let items = product.variations.flatMap((id) => ctx.store.variations.get(id) ?? []);
  if (params.sku !== undefined) items = items.filter((v) => params.sku?.split(',').includes(v.sku));
  return pageOf(filterAndSort(items, params, ctx.listOptions), params, ctx.url);
}

function updateVariation(ctx: RouteContext): JsonAnswer {
  const variation = variationOr404(ctx);
  return ok(ctx.store.updateVariation(variation, parseJsonBody(ctx.rawBody, stockPricePatchSchema)));
}

function batchVariations(ctx: RouteContext): JsonAnswer {
  const { store } = ctx;
  const product = productOr404(ctx, 0);
  const ownVariation = (id: number) => {
    const variation = store.variations.get(id);
    return variation?.parent_id === product.id ? variation : undefined;
  };
  return ok(
    runBatch(
      ctx.rawBody,
      {
        resource: 'variation',
        invalidIdCode: 'woocommerce_rest_product_variation_invalid_id',
        createSchema: stockPricePatchSchema,
        updateSchema: stockPricePatchSchema,
        find: ownVariation,
        create: (input) => store.createVariation(product, input),
        update: (record, patch) => store.updateVariation(record, patch),
        remove: (record) => store.deleteVariation(record),
      },
      ctx.faults,
      ctx.batch,
    ),
  );
}

function listOrders(ctx: RouteContext): JsonAnswer {
  const params = parseListParams(ctx.url.searchParams);
  const statuses = params.status;
  if (statuses?.some((s) => s !== 'any' && !(orderStatuses as readonly string[]).includes(s))) {
    throw httpError(400, 'rest_invalid_param', 'Invalid parameter(s): status', { status: 'status is not a valid order status.' });
  }
  let items = [...ctx.store.orders.values()];
  if (statuses && !statuses.includes('any')) items = items.filter((o) => statuses.includes(o.status));
  return pageOf(filterAndSort(items, params, ctx.listOptions), params, ctx.url);
}

/** An order's refunds, newest first (WordPress's default order), paged like every list. */
function listRefunds(ctx: RouteContext): JsonAnswer {
  const orderId = ctx.ids[0] ?? 0;
  if (!ctx.store.orders.has(orderId)) throw httpError(404, 'woocommerce_rest_invalid_order_id', 'Invalid order ID.');
  const params = parseListParams(ctx.url.searchParams);
  const refunds = [...(ctx.store.refunds.get(orderId) ?? [])].sort((a, b) => b.id - a.id);
  return pageOf(refunds, params, ctx.url);
}

function getOrder(ctx: RouteContext): JsonAnswer {
  const order = ctx.store.orders.get(ctx.ids[0] ?? 0);
  if (!order) throw httpError(404, 'woocommerce_rest_shop_order_invalid_id', 'Invalid ID.');
  return ok(order);
}
