// Seeds orders on the peer through Vendure's draft-order Admin API, so connector tests can pull
// real orders: a draft gets a customer, lines, an address and a shipping method, then moves to
// ArrangingPayment and receives a manual payment (state PaymentSettled, orderPlacedAt set).
import { z } from 'zod';
import { type VendurePeerClient } from './client.js';
import { VendureApiError } from './graphql.js';

const id = z.string().min(1);
const unionResult = z.object({ __typename: z.string(), message: z.string().optional() });

export interface OrderSetup {
  countryCode: string;
  shippingMethodId: string;
}

/** Once per fresh database: a country for addresses and a free shipping method. */
export async function prepareOrderSetup(client: VendurePeerClient): Promise<OrderSetup> {
  await client.request(
    `mutation { createCountry(input: { code: "US", enabled: true, translations: [{ languageCode: en, name: "United States" }] }) { id } }`,
    {},
    z.object({ createCountry: z.object({ id }) }),
  );
  const { createShippingMethod } = await client.request(
    `mutation {
      createShippingMethod(input: {
        code: "shopdesk-free"
        fulfillmentHandler: "manual-fulfillment"
        checker: { code: "default-shipping-eligibility-checker", arguments: [{ name: "orderMinimum", value: "0" }] }
        calculator: { code: "default-shipping-calculator", arguments: [
          { name: "rate", value: "0" }, { name: "includesTax", value: "auto" }, { name: "taxRate", value: "0" }
        ] }
        translations: [{ languageCode: en, name: "Free", description: "" }]
      }) { id }
    }`,
    {},
    z.object({ createShippingMethod: z.object({ id }) }),
  );
  return { countryCode: 'US', shippingMethodId: createShippingMethod.id };
}

function expectOrder(step: string, result: z.infer<typeof unionResult>): void {
  if (result.__typename !== 'Order') {
    throw new VendureApiError(`${step} failed: ${result.message ?? result.__typename}`, result.__typename, 200);
  }
}

export interface OrderLineInput {
  productVariantId: string;
  quantity: number;
}

/** Places a paid order; returns its id and code (e.g. "FY7Z4A…"). */
export async function placeOrder(
  client: VendurePeerClient,
  setup: OrderSetup,
  lines: OrderLineInput[],
  customerEmail = 'buyer@example.com',
): Promise<{ id: string; code: string }> {
  const { createDraftOrder } = await client.request(
    'mutation { createDraftOrder { id code } }',
    {},
    z.object({ createDraftOrder: z.object({ id, code: z.string() }) }),
  );
  const orderId = createDraftOrder.id;
  const { setCustomerForDraftOrder } = await client.request(
    `mutation Customer($orderId: ID!, $input: CreateCustomerInput!) {
      setCustomerForDraftOrder(orderId: $orderId, input: $input) { __typename ... on ErrorResult { message } }
    }`,
    { orderId, input: { firstName: 'Test', lastName: 'Buyer', emailAddress: customerEmail } },
    z.object({ setCustomerForDraftOrder: unionResult }),
  );
  expectOrder('setCustomerForDraftOrder', setCustomerForDraftOrder);
  for (const line of lines) {
    const { addItemToDraftOrder } = await client.request(
      `mutation Line($orderId: ID!, $input: AddItemToDraftOrderInput!) {
        addItemToDraftOrder(orderId: $orderId, input: $input) { __typename ... on ErrorResult { message } }
      }`,
      { orderId, input: line },
      z.object({ addItemToDraftOrder: unionResult }),
    );
    expectOrder('addItemToDraftOrder', addItemToDraftOrder);
  }
  await client.request(
    `mutation Address($orderId: ID!, $input: CreateAddressInput!) {
      setDraftOrderShippingAddress(orderId: $orderId, input: $input) { id }
    }`,
    { orderId, input: { streetLine1: '1 Main Street', city: 'Springfield', countryCode: setup.countryCode } },
    z.object({ setDraftOrderShippingAddress: z.object({ id }) }),
  );
  const { setDraftOrderShippingMethod } = await client.request(
    `mutation Shipping($orderId: ID!, $shippingMethodId: ID!) {
      setDraftOrderShippingMethod(orderId: $orderId, shippingMethodId: $shippingMethodId) { __typename ... on ErrorResult { message } }
    }`,
    { orderId, shippingMethodId: setup.shippingMethodId },
    z.object({ setDraftOrderShippingMethod: unionResult }),
  );
  expectOrder('setDraftOrderShippingMethod', setDraftOrderShippingMethod);
  const { transitionOrderToState } = await client.request(
    `mutation Transition($id: ID!) {
      transitionOrderToState(id: $id, state: "ArrangingPayment") {
        __typename ... on OrderStateTransitionError { message transitionError }
      }
    }`,
    { id: orderId },
    z.object({ transitionOrderToState: unionResult.extend({ transitionError: z.string().optional() }).nullable() }),
  );
  if (transitionOrderToState) {
    const why = transitionOrderToState.transitionError ?? transitionOrderToState.message;
    if (transitionOrderToState.__typename !== 'Order') throw new VendureApiError(`transition to ArrangingPayment failed: ${why}`, transitionOrderToState.__typename, 200);
  }
  const { addManualPaymentToOrder } = await client.request(
    `mutation Pay($input: ManualPaymentInput!) {
      addManualPaymentToOrder(input: $input) { __typename ... on ErrorResult { message } }
    }`,
    { input: { orderId, method: 'manual', metadata: {} } },
    z.object({ addManualPaymentToOrder: unionResult }),
  );
  expectOrder('addManualPaymentToOrder', addManualPaymentToOrder);
  return createDraftOrder;
}
