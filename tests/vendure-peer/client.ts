// Typed helpers over a real Vendure peer's Admin API, shared by the peer's own test and by the
// Vendure connector tests: log in, prepare a fresh database, seed and read catalogue data.
// Money is in minor units (integers), as Vendure stores it.
import { z } from 'zod';
import { postGraphQl, VendureApiError } from './graphql.js';

const id = z.string().min(1);

export const peerVariantSchema = z.object({
  id,
  sku: z.string(),
  name: z.string(),
  price: z.number().int(),
  stockOnHand: z.number().int(),
  updatedAt: z.string(),
  product: z.object({ id }),
});
export type PeerVariant = z.infer<typeof peerVariantSchema>;
const variantFields = 'id sku name price stockOnHand updatedAt product { id }';

export const peerOrderSchema = z.object({
  id,
  code: z.string(),
  state: z.string(),
  orderPlacedAt: z.string().nullable(),
  updatedAt: z.string(),
  lines: z.array(z.object({ quantity: z.number().int(), productVariant: z.object({ id, sku: z.string() }) })),
});
export type PeerOrder = z.infer<typeof peerOrderSchema>;

export interface NewVariant {
  sku: string;
  name: string;
  /** Minor units (cents). */
  price: number;
  stockOnHand: number;
  /** Needed when a product has more than one variant: Vendure refuses two variants with the same option set. */
  optionIds?: string[];
}

export interface VariantChange {
  id: string;
  stockOnHand?: number;
  price?: number;
}

export interface ListPage {
  take?: number;
  skip?: number;
  /** ISO timestamp; Vendure compares with one-second precision on SQLite. */
  updatedAfter?: string;
}

function listOptions(page: ListPage): Record<string, unknown> {
  return {
    take: page.take ?? 100,
    skip: page.skip ?? 0,
    sort: { updatedAt: 'ASC' },
    ...(page.updatedAfter ? { filter: { updatedAt: { after: page.updatedAfter } } } : {}),
  };
}

export class VendurePeerClient {
  private constructor(
    readonly adminApiUrl: string,
    private readonly token: string | undefined,
  ) {}

  /** A client without a session, to check that the peer refuses it (FORBIDDEN). */
  static withoutSession(adminApiUrl: string): VendurePeerClient {
    return new VendurePeerClient(adminApiUrl, undefined);
  }

  /** Logs in; the session token comes back in the `vendure-auth-token` header (bearer mode). */
  static async login(adminApiUrl: string, username: string, password: string): Promise<VendurePeerClient> {
    const answer = await postGraphQl(
      adminApiUrl,
      `mutation Login($username: String!, $password: String!) {
        login(username: $username, password: $password) {
          __typename
          ... on CurrentUser { id identifier }
          ... on ErrorResult { errorCode message }
        }
      }`,
      { username, password },
      z.object({ login: z.object({ __typename: z.string(), message: z.string().optional() }) }),
    );
    if (answer.data.login.__typename !== 'CurrentUser') {
      throw new VendureApiError(`Vendure login failed: ${answer.data.login.message ?? answer.data.login.__typename}`, answer.data.login.__typename, 200);
    }
    const token = answer.headers.get('vendure-auth-token');
    if (!token) throw new VendureApiError('Vendure login answered without a vendure-auth-token header', undefined, 200);
    return new VendurePeerClient(adminApiUrl, token);
  }

  /** Any Admin API document with the session; the answer's data is validated by `schema`. */
  async request<T>(query: string, variables: Record<string, unknown>, schema: z.ZodType<T>): Promise<T> {
    return (await postGraphQl(this.adminApiUrl, query, variables, schema, this.token)).data;
  }

  /**
   * A fresh Vendure database cannot hold variants yet: it needs a zone set as the default
   * channel's tax zone and a tax category. Returns the ids it created.
   */
  async bootstrapFreshDatabase(): Promise<{ zoneId: string; channelId: string; taxCategoryId: string }> {
    const { createZone } = await this.request(
      'mutation { createZone(input: { name: "Shopdesk test zone", memberIds: [] }) { id } }',
      {},
      z.object({ createZone: z.object({ id }) }),
    );
    const { activeChannel } = await this.request('query { activeChannel { id } }', {}, z.object({ activeChannel: z.object({ id }) }));
    const { updateChannel } = await this.request(
      `mutation SetZone($input: UpdateChannelInput!) {
        updateChannel(input: $input) { __typename ... on ErrorResult { message } }
      }`,
      { input: { id: activeChannel.id, defaultTaxZoneId: createZone.id, defaultShippingZoneId: createZone.id } },
      z.object({ updateChannel: z.object({ __typename: z.string(), message: z.string().optional() }) }),
    );
    if (updateChannel.__typename !== 'Channel') {
      throw new VendureApiError(`updateChannel failed: ${updateChannel.message ?? updateChannel.__typename}`, updateChannel.__typename, 200);
    }
    const { createTaxCategory } = await this.request(
      'mutation { createTaxCategory(input: { name: "Standard", isDefault: true }) { id } }',
      {},
      z.object({ createTaxCategory: z.object({ id }) }),
    );
    return { zoneId: createZone.id, channelId: activeChannel.id, taxCategoryId: createTaxCategory.id };
  }

  async createProduct(name: string, slug: string, description = ''): Promise<{ id: string }> {
    const { createProduct } = await this.request(
      `mutation CreateProduct($input: CreateProductInput!) { createProduct(input: $input) { id } }`,
      { input: { translations: [{ languageCode: 'en', name, slug, description }] } },
      z.object({ createProduct: z.object({ id }) }),
    );
    return createProduct;
  }

  async createProductVariants(productId: string, variants: NewVariant[]): Promise<PeerVariant[]> {
    const { createProductVariants } = await this.request(
      `mutation CreateVariants($input: [CreateProductVariantInput!]!) {
        createProductVariants(input: $input) { ${variantFields} }
      }`,
      {
        input: variants.map((variant) => ({
          productId,
          sku: variant.sku,
          price: variant.price,
          stockOnHand: variant.stockOnHand,
          trackInventory: 'TRUE',
          optionIds: variant.optionIds ?? [],
          translations: [{ languageCode: 'en', name: variant.name }],
        })),
      },
      z.object({ createProductVariants: z.array(peerVariantSchema) }),
    );
    return createProductVariants;
  }

  /** Creates an option group on the product with one option per name; returns the option ids in order. */
  async addOptionGroup(productId: string, code: string, optionNames: string[]): Promise<string[]> {
    const { createProductOptionGroup } = await this.request(
      `mutation CreateGroup($input: CreateProductOptionGroupInput!) {
        createProductOptionGroup(input: $input) { id options { id code } }
      }`,
      {
        input: {
          code,
          translations: [{ languageCode: 'en', name: code }],
          options: optionNames.map((name, index) => ({ code: `${code}-${index}`, translations: [{ languageCode: 'en', name }] })),
        },
      },
      z.object({ createProductOptionGroup: z.object({ id, options: z.array(z.object({ id, code: z.string() })) }) }),
    );
    await this.request(
      `mutation Attach($productId: ID!, $optionGroupId: ID!) {
        addOptionGroupToProduct(productId: $productId, optionGroupId: $optionGroupId) { id }
      }`,
      { productId, optionGroupId: createProductOptionGroup.id },
      z.object({ addOptionGroupToProduct: z.object({ id }) }),
    );
    const byCode = new Map(createProductOptionGroup.options.map((option) => [option.code, option.id]));
    return optionNames.map((_, index) => {
      const optionId = byCode.get(`${code}-${index}`);
      if (!optionId) throw new VendureApiError(`Option ${code}-${index} missing from Vendure's answer`, 'UNEXPECTED_SHAPE', 200);
      return optionId;
    });
  }

  /**
   * Seeds one product with its variants in one call: creates the product and, for more than one
   * variant, an option group that tells the variants apart (named after their SKUs).
   */
  async seedProduct(name: string, slug: string, variants: NewVariant[]): Promise<{ productId: string; variants: PeerVariant[] }> {
    const product = await this.createProduct(name, slug);
    let seeded = variants;
    if (variants.length > 1) {
      const optionIds = await this.addOptionGroup(product.id, `${slug}-variant`, variants.map((variant) => variant.sku));
      seeded = variants.map((variant, index) => ({ ...variant, optionIds: [optionIds[index] ?? ''] }));
    }
    return { productId: product.id, variants: await this.createProductVariants(product.id, seeded) };
  }

  /** Sets stock absolutely (Vendure records the difference as a stock adjustment) and/or price. */
  async updateProductVariants(changes: VariantChange[]): Promise<PeerVariant[]> {
    const { updateProductVariants } = await this.request(
      `mutation UpdateVariants($input: [UpdateProductVariantInput!]!) {
        updateProductVariants(input: $input) { ${variantFields} }
      }`,
      { input: changes },
      z.object({ updateProductVariants: z.array(peerVariantSchema) }),
    );
    return updateProductVariants;
  }

  async productVariants(page: ListPage = {}): Promise<{ totalItems: number; items: PeerVariant[] }> {
    const { productVariants } = await this.request(
      `query Variants($options: ProductVariantListOptions) {
        productVariants(options: $options) { totalItems items { ${variantFields} } }
      }`,
      { options: listOptions(page) },
      z.object({ productVariants: z.object({ totalItems: z.number().int(), items: z.array(peerVariantSchema) }) }),
    );
    return productVariants;
  }

  async orders(page: ListPage = {}): Promise<{ totalItems: number; items: PeerOrder[] }> {
    const { orders } = await this.request(
      `query Orders($options: OrderListOptions) {
        orders(options: $options) {
          totalItems
          items { id code state orderPlacedAt updatedAt lines { quantity productVariant { id sku } } }
        }
      }`,
      { options: listOptions(page) },
      z.object({ orders: z.object({ totalItems: z.number().int(), items: z.array(peerOrderSchema) }) }),
    );
    return orders;
  }
}
