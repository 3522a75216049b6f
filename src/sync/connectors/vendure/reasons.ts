// ReasonText keys the Vendure connector produces (translated by the UI; params never hold secrets).
// The platform-neutral ones are shared with the other connectors' keys of the same name.
import type { ReasonText } from '../../connector.js';

export const vendureReasons = {
  badCredentials: 'syncVendureBadCredentials',
  noBearerToken: 'syncVendureNoBearerToken',
  noPermission: 'syncVendureNoPermission',
  wrongUrl: 'syncVendureWrongUrl',
  remoteError: 'syncVendureRemoteError',
  variantMissing: 'syncVendureVariantMissing',
  priceNotApplied: 'syncVendurePriceNotApplied',
  badCursor: 'syncBadCursor',
  hostNotFound: 'syncHostNotFound',
  tls: 'syncTlsFailed',
  throttled: 'syncThrottled',
  serverError: 'syncServerError',
  connectionLost: 'syncConnectionLost',
  timeout: 'syncTimeout',
  invalidAnswer: 'syncInvalidAnswer',
  httpError: 'syncHttpError',
} as const;

export function reason(key: string, params: Record<string, string | number> = {}): ReasonText {
  return { key, params };
}
