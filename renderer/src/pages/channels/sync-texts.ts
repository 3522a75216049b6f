// Where the sync core's words are translated. The core never writes a sentence: a
// channel's last error, a review item's reason and a sync-log summary arrive as a
// key + params (`KeyedText`). A reason can also come back as an AppError (a refused
// Test connection, a failed Sync now: remote-errors.ts keeps the connector's key), and
// toasts read `errors.<key>` — so every reason's text lives at `errors.<key>`
// (`errors.syncShopifyBadToken`, `errors.sync.woocommerce.badKeys`). Only sync-log
// summaries (`sync.log.*`), which are never errors, are dictionary keys themselves.
// Pure: the reason-texts unit test imports it to check that every key the sync
// sources can produce has a text.
import type { MessageKey } from '../../i18n/en.js';
import { isMessageKey, type Params } from '../../i18n/translate.js';

/** The dictionary key holding a reason key's text, or null when this build has none. */
export function reasonMessageKey(key: string): MessageKey | null {
  const asError = `errors.${key}`;
  if (isMessageKey(asError)) return asError;
  return isMessageKey(key) ? key : null;
}

/** Where a reason key's text must live (for the unit test's message). */
export function expectedReasonKey(key: string): string {
  return key.startsWith('sync.log.') ? key : `errors.${key}`;
}

type Translate = (key: string, fallback: MessageKey, params?: Params) => string;
export interface KeyedTextLike {
  key: string;
  params: Record<string, string | number | null>;
}

/** Params without nulls; a param that is itself a reason key (`reason: 'syncTimeout'`) in words. */
function readableParams(params: KeyedTextLike['params'], tKey: Translate): Params {
  const out: Params = {};
  for (const [name, value] of Object.entries(params)) {
    if (value === null) continue;
    const nested = typeof value === 'string' ? reasonMessageKey(value) : null;
    out[name] = nested && name === 'reason' ? tKey(nested, 'sync.reason.unknown') : value;
  }
  return out;
}

/** One keyed text from the sync core in the UI language ("The channel's answer was not understood"). */
export function reasonText(text: KeyedTextLike, tKey: Translate): string {
  const params = readableParams(text.params, tKey);
  const key = reasonMessageKey(text.key);
  return key ? tKey(key, 'sync.reason.unknown', params) : tKey('sync.reason.unknown', 'sync.reason.unknown', { key: text.key });
}

/**
 * The technical details behind a reason (HTTP status, the platform's code) as a short
 * line for support: shown small under the sentence, never instead of it.
 */
export function reasonDetails(text: KeyedTextLike): string {
  const shown = ['status', 'code', 'message', 'host'];
  return shown
    .map((name) => text.params[name])
    .filter((value): value is string | number => value !== null && value !== undefined && value !== '')
    .join(' · ');
}
