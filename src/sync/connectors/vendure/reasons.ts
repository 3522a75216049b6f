// ReasonText keys the Vendure connector produces (translated by the UI; params never hold secrets).
// The platform-neutral ones are shared with the other connectors' keys of the same name.
import { reason, transportReasons } from '../../reasons.js';

export const vendureReasons = {
  badCredentials: 'syncVendureBadCredentials',
  noBearerToken: 'syncVendureNoBearerToken',
  noPermission: 'syncVendureNoPermission',
  wrongUrl: 'syncVendureWrongUrl',
  remoteError: 'syncVendureRemoteError',
  variantMissing: 'syncVendureVariantMissing',
  priceNotApplied: 'syncVendurePriceNotApplied',
  badCursor: 'syncBadCursor',
  ...transportReasons,
  httpError: 'syncHttpError',
} as const;

export { reason };
