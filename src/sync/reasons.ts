// ReasonText keys every connector shares for transport failures (translated by the UI; params
// never hold secrets), and the one way to build a ReasonText. Platform-specific keys live in
// each connector's reasons.ts and spread these in.
import type { ReasonText } from './connector.js';

export const transportReasons = {
  hostNotFound: 'syncHostNotFound',
  tls: 'syncTlsFailed',
  throttled: 'syncThrottled',
  serverError: 'syncServerError',
  connectionLost: 'syncConnectionLost',
  timeout: 'syncTimeout',
  invalidAnswer: 'syncInvalidAnswer',
} as const;

export function reason(key: string, params: Record<string, string | number> = {}): ReasonText {
  return { key, params };
}
