// ReasonText keys the Shopify connector produces (translated by the UI; params never hold secrets).
import { reason, transportReasons } from '../../reasons.js';

export const shopifyReasons = {
  badToken: 'syncShopifyBadToken',
  noPermission: 'syncShopifyNoPermission',
  wrongUrl: 'syncShopifyWrongUrl',
  ...transportReasons,
  requestRejected: 'syncShopifyRequestRejected',
  userError: 'syncShopifyUserError',
  missingIds: 'syncItemMissingRemoteIds',
  notConfirmed: 'syncShopifyNotConfirmed',
} as const;

export { reason };
