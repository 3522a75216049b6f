// ReasonText keys the Shopify connector produces (translated by the UI; params never hold secrets).
import type { ReasonText } from '../../connector.js';

export const shopifyReasons = {
  badToken: 'syncShopifyBadToken',
  noPermission: 'syncShopifyNoPermission',
  wrongUrl: 'syncShopifyWrongUrl',
  hostNotFound: 'syncHostNotFound',
  tls: 'syncTlsFailed',
  throttled: 'syncThrottled',
  serverError: 'syncServerError',
  connectionLost: 'syncConnectionLost',
  timeout: 'syncTimeout',
  invalidAnswer: 'syncInvalidAnswer',
  requestRejected: 'syncShopifyRequestRejected',
  userError: 'syncShopifyUserError',
  missingIds: 'syncItemMissingRemoteIds',
  notConfirmed: 'syncShopifyNotConfirmed',
} as const;

export function reason(key: string, params: Record<string, string | number> = {}): ReasonText {
  return { key, params };
}
