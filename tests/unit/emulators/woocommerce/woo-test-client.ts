// A bare fetch client for the emulator tests: Basic auth with the default key unless told otherwise.
import { defaultTestKey, type RunningWooEmulator } from '../../../emulators/woocommerce/index.js';

export interface WooCall {
  method?: 'GET' | 'POST' | 'PUT' | 'DELETE';
  body?: unknown;
  /** Raw credentials for the Basic header; null sends none. */
  basic?: { key: string; secret: string } | null;
  timeoutMs?: number;
}

export interface WooReply {
  status: number;
  headers: Headers;
  json: unknown;
  text: string;
}

export async function call(emulator: RunningWooEmulator, path: string, options: WooCall = {}): Promise<WooReply> {
  const basic = options.basic === undefined ? { key: defaultTestKey.consumerKey, secret: defaultTestKey.consumerSecret } : options.basic;
  const headers: Record<string, string> = { 'Content-Type': 'application/json' };
  if (basic) headers.Authorization = `Basic ${Buffer.from(`${basic.key}:${basic.secret}`).toString('base64')}`;
  const response = await fetch(`${emulator.apiBase}${path}`, {
    method: options.method ?? 'GET',
    headers,
    body: options.body === undefined ? undefined : typeof options.body === 'string' ? options.body : JSON.stringify(options.body),
    signal: AbortSignal.timeout(options.timeoutMs ?? 5_000),
  });
  const text = await response.text();
  return { status: response.status, headers: response.headers, json: parseOrNull(text), text };
}

/** Gateway error pages are HTML: those come back as `json: null`. */
function parseOrNull(text: string): unknown {
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return null;
  }
}

/** The error body's code, or undefined when the answer is not a WooCommerce error. */
export function errorCode(reply: WooReply): unknown {
  return typeof reply.json === 'object' && reply.json !== null && 'code' in reply.json ? reply.json.code : undefined;
}
