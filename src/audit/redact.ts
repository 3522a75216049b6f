// What of a call's input the audit log keeps: everything but secrets. Any key that
// names a password, secret, token, key or PIN has its value replaced, at any depth
// (a channel's credentials arrive nested under `credentials`), so the log never
// becomes a second place a secret can be read from.
export const redacted = '•••';

const secretWord = /password|secret|token|credential|key$/i;
// A PIN as a word of the name (pin, newPin, pin_hash), not the letters inside "shipping" or "mapping".
const pinWord = /(?:^|_)pin(?:$|[A-Z_])|Pin(?:$|[A-Z_])|PIN/;

/** Whether a value under this key is a secret. */
export function isSecretKey(key: string): boolean {
  return secretWord.test(key) || pinWord.test(key);
}

const maxDepth = 8;
/** Arrays longer than this keep their first items and say how many there were (a 100k-row paste). */
const maxArrayItems = 200;

export function redactSecrets(value: unknown, depth = 0): unknown {
  if (value === null || typeof value !== 'object') return value;
  if (depth >= maxDepth) return '…';
  if (Array.isArray(value)) {
    const kept = value.slice(0, maxArrayItems).map((item) => redactSecrets(item, depth + 1));
    return value.length > maxArrayItems ? [...kept, `… ${value.length - maxArrayItems} more`] : kept;
  }
  const out: Record<string, unknown> = {};
  for (const [key, inner] of Object.entries(value)) {
    out[key] = isSecretKey(key) && inner !== null && inner !== undefined ? redacted : redactSecrets(inner, depth + 1);
  }
  return out;
}
