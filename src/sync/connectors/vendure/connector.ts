// The Vendure 3 connector (Admin GraphQL API). Stock lives on the variant (`stockOnHand`, written
// absolutely; no compare-and-set, no idempotency keys, so a write is read back to detect a race),
// prices are integer minor units already, and there is no compare-at price.
//
// Saleable stock in Vendure is stockOnHand − stockAllocated: a placed order allocates and only
// lowers stockOnHand when fulfilled. Shopdesk's available-to-sell already counts imported channel
// orders as committed, so pushing it as stockOnHand would count them twice; the connector writes
// stockOnHand = wanted + stockAllocated and reports the saleable figure everywhere.
import { z } from 'zod';
import type {
  ConnectionReport,
  Connector,
  ConnectorCapabilities,
  ConnectorContext,
  ConnectorFactory,
  ItemResult,
  OrdersPage,
  OrdersRequest,
  Page,
  PageRequest,
  PricePushItem,
  RemoteLocation,
  RemoteOrder,
  RemoteVariant,
  StockPushItem,
} from '../../connector.js';
import { decodeOrderCursor, encodeOrderCursor, keysetQuery, nextKeyset } from './order-cursor.js';
import { orderFields, toRemoteOrder, vendureId, vendureOrderSchema } from './orders.js';
import { vendureReasons as R } from './reasons.js';
import { vendureCredentialsSchema, vendureSettingsSchema, type VendureCredentials, type VendureSettings } from './settings.js';
import { VendureTransport, type TransportOptions } from './transport.js';
import { afterFilter, list, merchantPrice, offset, saleable, toRemoteVariant, variantFields, variantSchema, type VendureVariant } from './variants.js';

/** Vendure's default adminListQueryLimit; a larger `take` is refused. */
const maxTake = 1000;
const batchSize = 100;

export const vendureCapabilities: ConnectorCapabilities = {
  compareAndSet: false,
  idempotencyKeys: false,
  stockBatchSize: batchSize,
  priceBatchSize: batchSize,
  stockScope: 'variant',
  compareAtPrice: false,
  rateLimit: { kind: 'retry-after' },
  // Vendure on SQLite stores whole seconds.
  timestampPrecisionSeconds: 1,
};


/** Test seams: retry policy and the clock/jitter of its backoff. */
export type VendureConnectorOptions = Pick<TransportOptions, 'retry' | 'sleep' | 'random'>;

export class VendureConnector implements Connector {
  readonly kind = 'vendure';
  readonly capabilities = vendureCapabilities;
  private readonly transport: VendureTransport;
  /** The channel's pricesIncludeTax, read once per connector (it changes only by an admin's edit). */
  private pricesIncludeTax: Promise<boolean> | null = null;

  constructor(context: ConnectorContext<VendureSettings, VendureCredentials>, options: VendureConnectorOptions = {}) {
    this.transport = new VendureTransport({
      url: context.settings.adminApiUrl,
      username: context.credentials.username,
      password: context.credentials.password,
      fetch: context.fetch,
      timeoutMs: context.requestTimeoutMs,
      ...options,
    });
  }

  async testConnection(): Promise<ConnectionReport> {
    const answer = await this.transport.request(
      `query ShopdeskTest { activeChannel { code defaultCurrencyCode pricesIncludeTax } products(options: { take: 1 }) { totalItems } }`,
      {},
      z.object({
        activeChannel: z.object({ code: z.string(), defaultCurrencyCode: z.string(), pricesIncludeTax: z.boolean() }),
        products: z.object({ totalItems: z.number().int().nonnegative() }),
      }),
    );
    const locations = await this.listLocations();
    return {
      // Vendure has no shop name; the channel code is what its admin UI shows.
      shopName: answer.activeChannel.code,
      locations: locations.length,
      products: answer.products.totalItems,
      details: { currency: answer.activeChannel.defaultCurrencyCode, pricesIncludeTax: String(answer.activeChannel.pricesIncludeTax) },
    };
  }

  /**
   * One location: stockOnHand written through updateProductVariants lands in Vendure's default
   * stock location, so Shopdesk sees one figure per variant. Named after that location when the
   * API exposes stock locations.
   */
  async listLocations(): Promise<RemoteLocation[]> {
    const { stockLocations } = await this.transport.request(
      `query ShopdeskLocations { stockLocations(options: { take: 1, sort: { id: ASC } }) { totalItems items { id name } } }`,
      {},
      z.object({ stockLocations: list(z.object({ id: vendureId, name: z.string() })) }),
    );
    const first = stockLocations.items[0];
    return [{ remoteLocationId: first?.id ?? 'default', name: first?.name ?? 'Default', active: true }];
  }

  async listVariants(page: PageRequest): Promise<Page<RemoteVariant>> {
    const skip = offset(page.cursor);
    const take = Math.max(1, Math.min(maxTake, page.limit));
    const filter = page.updatedSince ? { updatedAt: { after: afterFilter(page.updatedSince, 0) } } : undefined;
    const { productVariants } = await this.transport.request(
      `query ShopdeskVariants($options: ProductVariantListOptions) { productVariants(options: $options) { totalItems items { ${variantFields} } } }`,
      { options: { take, skip, sort: { updatedAt: 'ASC' }, ...(filter ? { filter } : {}) } },
      z.object({ productVariants: list(variantSchema) }),
    );
    const next = skip + productVariants.items.length;
    const includeTax = await this.channelPricesIncludeTax();
    return {
      items: productVariants.items.map((variant) => toRemoteVariant(variant, includeTax)),
      nextCursor: productVariants.items.length > 0 && next < productVariants.totalItems ? String(next) : null,
      total: productVariants.totalItems,
    };
  }

  async pullOrders(request: OrdersRequest): Promise<OrdersPage> {
    const cursor = decodeOrderCursor(request.cursor);
    const take = Math.max(1, Math.min(maxTake, request.limit));
    // Carts (active orders) are not sales yet.
    const since = request.since ? { updatedAt: { after: afterFilter(request.since, request.overlapSeconds) } } : {};
    const from = cursor.kind === 'keyset' ? keysetQuery(cursor.keyset) : null;
    const skip = cursor.kind === 'offset' ? cursor.skip : (from?.skip ?? 0);
    const filter = { active: { eq: false }, ...(from ? { updatedAt: from.updatedAt, ...(from.id ? { id: from.id } : {}) } : since) };
    const { orders } = await this.transport.request(
      `query ShopdeskOrders($options: OrderListOptions) { orders(options: $options) { totalItems items { ${orderFields} } } }`,
      // Sorted by updatedAt then id: ties inside one (whole-second) instant come in a stable order.
      { options: { take, skip, sort: { updatedAt: 'ASC', id: 'ASC' }, filter } },
      z.object({ orders: list(vendureOrderSchema) }),
    );
    const more = orders.items.length > 0 && skip + orders.items.length < orders.totalItems;
    // Drafts never placed are skipped here but still move the cursor.
    const keyset = more ? nextKeyset(cursor.kind === 'keyset' ? cursor.keyset : null, orders.items) : null;
    return {
      orders: orders.items.map(toRemoteOrder).filter((order): order is RemoteOrder => order !== null),
      nextCursor: keyset ? encodeOrderCursor(keyset) : null,
    };
  }

  async pushStock(items: readonly StockPushItem[]): Promise<ItemResult[]> {
    const current = await this.readVariants(items.map((item) => item.remoteVariantId));
    const { results, found } = this.splitMissing(items, current);
    if (found.length === 0) return results;
    const updated = await this.updateVariants(
      found.map(({ item, variant }) => ({ id: variant.id, stockOnHand: item.quantity + variant.stockAllocated })),
    );
    for (const { item } of found) {
      const after = updated.get(item.remoteVariantId);
      if (!after) {
        results.push(this.failed(item.ref, R.variantMissing, { remoteVariantId: item.remoteVariantId }, false));
        continue;
      }
      // An order allocated between the read and the write leaves a different saleable figure:
      // report it as stale so the engine re-reads and pushes again.
      const remoteQuantity = saleable(after);
      results.push(remoteQuantity === item.quantity ? { ref: item.ref, outcome: 'applied', remoteQuantity } : { ref: item.ref, outcome: 'stale', remoteQuantity });
    }
    return results;
  }

  async pushPrices(items: readonly PricePushItem[]): Promise<ItemResult[]> {
    const current = await this.readVariants(items.map((item) => item.remoteVariantId));
    const { results, found } = this.splitMissing(items, current);
    if (found.length === 0) return results;
    // compareAtPrice is dropped: capabilities.compareAtPrice is false, so the engine never owns it here.
    const includeTax = await this.channelPricesIncludeTax();
    const updated = await this.updateVariants(found.map(({ item, variant }) => ({ id: variant.id, price: item.price })));
    for (const { item } of found) {
      const after = updated.get(item.remoteVariantId);
      if (after && merchantPrice(after, includeTax) === item.price) results.push({ ref: item.ref, outcome: 'applied', remoteQuantity: null });
      else results.push(this.failed(item.ref, R.priceNotApplied, { remoteVariantId: item.remoteVariantId, price: item.price }, true, after));
    }
    return results;
  }

  private channelPricesIncludeTax(): Promise<boolean> {
    this.pricesIncludeTax ??= this.transport
      .request('query ShopdeskChannelTax { activeChannel { pricesIncludeTax } }', {}, z.object({ activeChannel: z.object({ pricesIncludeTax: z.boolean() }) }))
      .then((answer) => answer.activeChannel.pricesIncludeTax);
    // A failed read is not cached: the next call asks again.
    void this.pricesIncludeTax.catch(() => (this.pricesIncludeTax = null));
    return this.pricesIncludeTax;
  }

  private failed(ref: string, key: string, params: Record<string, string | number>, retryable: boolean, answer?: unknown): ItemResult {
    return { ref, outcome: 'failed', retryable, reason: { key, params }, answerExcerpt: answer === undefined ? null : this.transport.excerpt(JSON.stringify(answer)) };
  }

  /** Items whose variant no longer exists fail alone; Vendure would reject the whole batch for them. */
  private splitMissing<T extends { ref: string; remoteVariantId: string }>(items: readonly T[], current: Map<string, VendureVariant>) {
    const results: ItemResult[] = [];
    const found: { item: T; variant: VendureVariant }[] = [];
    for (const item of items) {
      const variant = current.get(item.remoteVariantId);
      if (variant) found.push({ item, variant });
      else results.push(this.failed(item.ref, R.variantMissing, { remoteVariantId: item.remoteVariantId }, false));
    }
    return { results, found };
  }

  private async readVariants(ids: readonly string[]): Promise<Map<string, VendureVariant>> {
    if (ids.length > batchSize) throw new RangeError(`At most ${batchSize} Vendure variants per push`);
    const unique = [...new Set(ids)];
    const { productVariants } = await this.transport.request(
      `query ShopdeskReadVariants($options: ProductVariantListOptions) { productVariants(options: $options) { totalItems items { ${variantFields} } } }`,
      { options: { take: Math.max(1, unique.length), filter: { id: { in: unique } } } },
      z.object({ productVariants: list(variantSchema) }),
    );
    return new Map(productVariants.items.map((variant) => [variant.id, variant]));
  }

  private async updateVariants(input: { id: string; stockOnHand?: number; price?: number }[]): Promise<Map<string, VendureVariant>> {
    const { updateProductVariants } = await this.transport.request(
      `mutation ShopdeskUpdateVariants($input: [UpdateProductVariantInput!]!) { updateProductVariants(input: $input) { ${variantFields} } }`,
      { input },
      z.object({ updateProductVariants: z.array(variantSchema.nullable()) }),
    );
    return new Map(updateProductVariants.filter((variant) => variant !== null).map((variant) => [variant.id, variant]));
  }
}

export function createVendureConnector(context: ConnectorContext<VendureSettings, VendureCredentials>, options: VendureConnectorOptions = {}): VendureConnector {
  return new VendureConnector(context, options);
}

export const vendureConnectorFactory: ConnectorFactory<VendureSettings, VendureCredentials> = {
  kind: 'vendure',
  settingsSchema: vendureSettingsSchema,
  credentialsSchema: vendureCredentialsSchema,
  create: (context) => new VendureConnector(context),
};
