// How a failed call to a marketplace reaches a person: a ConnectorError (or a vault failure, or
// anything unexpected) becomes an AppError whose details.key is the connector's own reason key
// (`syncShopifyBadToken`, `syncTimeout` …) with its params, which the UI translates. The message
// is plain English for logs; neither it nor the params ever hold a credential.
//
// Codes (src/shared/envelope.ts): the remote refused our credentials or scope → PERMISSION; the
// connection settings are wrong (URL, TLS) → VALIDATION; the platform is throttling, down, slow
// or answered nonsense → CONFLICT (nothing was changed; try again later).
import { AppError } from '../shared/app-error.js';
import type { ErrorCode } from '../shared/envelope.js';
import { ConnectorError, type ConnectorErrorKind, type ReasonText } from './connector.js';
import { VaultError } from './credential-vault.js';

const codeByKind: Record<ConnectorErrorKind, ErrorCode> = {
  auth: 'PERMISSION',
  permission: 'PERMISSION',
  not_found: 'VALIDATION',
  tls: 'VALIDATION',
  rate_limited: 'CONFLICT',
  transient: 'CONFLICT',
  timeout: 'CONFLICT',
  invalid_answer: 'CONFLICT',
};

const messageByKind: Record<ConnectorErrorKind, string> = {
  auth: 'The channel refused the credentials; enter them again.',
  permission: 'The channel accepted the credentials but they lack a permission Shopdesk needs.',
  not_found: 'The channel was not found at that address; check the URL or shop domain.',
  tls: 'A secure (HTTPS) connection to the channel could not be made.',
  rate_limited: 'The channel is throttling requests; Shopdesk will try again later.',
  transient: 'The channel is not answering properly right now; Shopdesk will try again later.',
  timeout: 'The channel did not answer in time; Shopdesk will try again later.',
  invalid_answer: 'The channel answered with something Shopdesk does not understand.',
};

/** Params as the envelope allows them (strings and numbers). */
function paramsOf(reason: ReasonText): Record<string, string | number> {
  return { ...reason.params };
}

/** The error a person sees for a failed remote call (or a credential-vault failure). */
export function remoteFailure(error: unknown): AppError {
  if (error instanceof AppError) return error;
  if (error instanceof ConnectorError) {
    return new AppError(codeByKind[error.kind], messageByKind[error.kind], { key: error.reason.key, params: paramsOf(error.reason) });
  }
  if (error instanceof VaultError) {
    // The vault's own message names the file or channel, never the secret.
    return new AppError('CONFLICT', error.message, { key: error.key });
  }
  return new AppError('CONFLICT', 'The channel could not be reached.', { key: 'syncUnexpected' });
}

/** The reason a failed step is recorded with (status page, alert, sync log). */
export function reasonOf(error: unknown): ReasonText {
  if (error instanceof ConnectorError) return error.reason;
  if (error instanceof AppError) return { key: error.details.key, params: error.details.params ?? {} };
  if (error instanceof VaultError) return { key: error.key, params: {} };
  return { key: 'syncUnexpected', params: {} };
}
