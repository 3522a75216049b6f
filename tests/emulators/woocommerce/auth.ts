// Consumer key/secret authentication, from HTTP Basic or from the consumer_key/consumer_secret query
// parameters (for hosts that strip the Authorization header). WooCommerce accepts Basic only over
// HTTPS; the emulator serves plain http://127.0.0.1 and accepts it there, as the app does for
// localhost only.
import { type IncomingMessage } from 'node:http';
import { httpError } from './http-util.js';

export type KeyPermission = 'read' | 'write' | 'read_write';

export interface ApiKey {
  consumerKey: string;
  consumerSecret: string;
  permission: KeyPermission;
}

/** Returns the matching key or throws the 401 WooCommerce gives for that case. */
export function authenticate(req: IncomingMessage, url: URL, keys: readonly ApiKey[]): ApiKey {
  const credentials = basicCredentials(req) ?? queryCredentials(url);
  if (!credentials) throw httpError(401, 'woocommerce_rest_cannot_view', 'Sorry, you cannot list resources.');
  const key = keys.find((k) => k.consumerKey === credentials.key);
  if (!key) throw httpError(401, 'woocommerce_rest_authentication_error', 'Consumer key is invalid.');
  if (key.consumerSecret !== credentials.secret) {
    throw httpError(401, 'woocommerce_rest_authentication_error', 'Consumer secret is invalid.');
  }
  return key;
}

/** An authenticated user without the right permission gets 403 (WordPress's rest_authorization_required_code). */
export function authorize(key: ApiKey, writes: boolean): void {
  if (writes && key.permission === 'read') {
    throw httpError(403, 'woocommerce_rest_cannot_edit', 'Sorry, you are not allowed to edit this resource.');
  }
  if (!writes && key.permission === 'write') {
    throw httpError(403, 'woocommerce_rest_cannot_view', 'Sorry, you cannot list resources.');
  }
}

function basicCredentials(req: IncomingMessage): { key: string; secret: string } | null {
  const header = req.headers.authorization;
  if (!header?.startsWith('Basic ')) return null;
  const decoded = Buffer.from(header.slice('Basic '.length), 'base64').toString('utf8');
  const colon = decoded.indexOf(':');
  if (colon < 0) return null;
  return { key: decoded.slice(0, colon), secret: decoded.slice(colon + 1) };
}

function queryCredentials(url: URL): { key: string; secret: string } | null {
  const key = url.searchParams.get('consumer_key');
  const secret = url.searchParams.get('consumer_secret');
  return key !== null && secret !== null ? { key, secret } : null;
}
