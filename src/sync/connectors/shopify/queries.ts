// The GraphQL documents the connector sends (exactly the subset tests/emulators/shopify models)
// and the cost each requests under Shopify's rules (object 1, connection 2 + first × node,
// mutation 10), so the pacer can wait before the first answer tells it the real figure.

export const shopQuery = `query($first: Int!, $after: String) {
  shop { id name currencyCode }
  locations(first: $first, after: $after) { nodes { id } pageInfo { hasNextPage endCursor } }
}`;
export const shopCost = (first: number): number => 1 + 2 + first;

export const locationsQuery = `query($first: Int!, $after: String) {
  locations(first: $first, after: $after) { nodes { id name isActive } pageInfo { hasNextPage endCursor } }
}`;
export const locationsCost = (first: number): number => 2 + first;

export const variantProductsQuery = `query($first: Int!, $after: String) {
  productVariants(first: $first, after: $after) { nodes { product { id } } pageInfo { hasNextPage endCursor } }
}`;
export const variantProductsCost = (first: number): number => 2 + first * 2;

export const variantsQuery = `query($first: Int!, $after: String, $q: String) {
  productVariants(first: $first, after: $after, query: $q, sortKey: UPDATED_AT) {
    nodes {
      id title sku barcode price compareAtPrice updatedAt inventoryQuantity
      product { id title }
      inventoryItem { id tracked }
    }
    pageInfo { hasNextPage endCursor }
  }
}`;
export const variantsCost = (first: number): number => 2 + first * 3;

/**
 * Lines read with an order (more are fetched by orderLinesQuery), refund lines per refund, and
 * fulfillment orders per order (the assigned location of the first open one is the order's).
 * Ten lines per order keeps a page of orders at 10 under the 1000-point single-query limit.
 */
export const orderLinesPerPage = 10;
export const refundLinesPerPage = 20;
export const fulfillmentOrdersPerOrder = 2;
const linesSelection =
  'nodes { id sku title quantity currentQuantity variant { id } originalUnitPriceSet { shopMoney { amount currencyCode } } } pageInfo { hasNextPage endCursor }';
/** One line node: node 1 + variant 1 + originalUnitPriceSet 1 + shopMoney 1. */
const lineNodeCost = 4;
export const ordersQuery = `query($first: Int!, $after: String, $q: String) {
  orders(first: $first, after: $after, query: $q, sortKey: UPDATED_AT) {
    nodes {
      id name email createdAt updatedAt cancelledAt displayFinancialStatus discountCodes
      lineItems(first: ${orderLinesPerPage}) { ${linesSelection} }
      refunds { refundLineItems(first: ${refundLinesPerPage}) { nodes { quantity lineItem { id } } } }
      fulfillmentOrders(first: ${fulfillmentOrdersPerOrder}) { nodes { status assignedLocation { location { id } } } }
    }
    pageInfo { hasNextPage endCursor }
  }
}`;
/** node 1 + lineItems (2 + n × 4) + refunds list (1 + 2 + n × 2) + fulfillmentOrders (2 + n × 3). */
export const orderNodeCost =
  1 + (2 + orderLinesPerPage * lineNodeCost) + (3 + refundLinesPerPage * 2) + (2 + fulfillmentOrdersPerOrder * 3);
export const ordersCost = (first: number): number => 2 + first * orderNodeCost;

export const orderLinesQuery = `query($id: ID!, $after: String) {
  order(id: $id) { lineItems(first: 50, after: $after) { ${linesSelection} } }
}`;
export const orderLinesCost = 1 + 2 + 50 * lineNodeCost;

export const inventorySetMutation = `mutation($input: InventorySetQuantitiesInput!, $key: String!) {
  inventorySetQuantities(input: $input) @idempotent(key: $key) {
    inventoryAdjustmentGroup { changes { name quantityAfterChange item { id } location { id } } }
    userErrors { code field message }
  }
}`;

export const bulkUpdateMutation = `mutation($productId: ID!, $variants: [ProductVariantsBulkInput!]!, $key: String!) {
  productVariantsBulkUpdate(productId: $productId, variants: $variants) @idempotent(key: $key) {
    productVariants { id price compareAtPrice }
    userErrors { code field message }
  }
}`;
export const mutationCost = 10;

/** Aliased reads of the current 'available' quantity of (item, location) pairs. */
export function levelsQuery(count: number): string {
  const vars = Array.from({ length: count }, (_, i) => `$i${i}: ID!, $l${i}: ID!`).join(', ');
  const fields = Array.from(
    { length: count },
    (_, i) => `r${i}: inventoryItem(id: $i${i}) { inventoryLevel(locationId: $l${i}) { quantities(names: ["available"]) { name quantity } } }`,
  ).join('\n  ');
  return `query(${vars}) {\n  ${fields}\n}`;
}
export const levelsCost = (count: number): number => count * 3;

export const currencyQuery = 'query { shop { currencyCode } }';
export const currencyCost = 1;
