// Strips credentials from anything the sync keeps or shows: log excerpts, exported logs, error
// texts, review-queue answers. Two nets: the channel's actual secrets wherever they appear (also
// URL-encoded and inside a Basic auth header), and the places credentials travel by name
// (auth headers, key/secret query parameters, password/token JSON fields), for secrets the
// caller did not know about (a session token the platform handed back).
const mask = '[redacted]';

const namedHeader = /\b(authorization|x-shopify-access-token|vendure-auth-token|cookie|set-cookie)(["']?\s*[:=]\s*["']?)[^\r\n"',}]+/gi;
const namedQuery = /\b(consumer_key|consumer_secret|access_token|api_key|client_secret|sign|session)=[^&\s"']+/gi;
const namedJsonField = /"(password|accessToken|access_token|token|consumerKey|consumerSecret|secret)"(\s*:\s*)"(?:[^"\\]|\\.)*"/g;

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/** The text with every known secret and every credential-shaped field masked. */
export function redact(text: string, secrets: readonly string[] = []): string {
  let out = text;
  // Longest first, so a secret containing another is masked whole. Very short values would mask
  // ordinary words; credentials are never that short.
  const known = [...new Set(secrets.filter((s) => s.length >= 4))].sort((a, b) => b.length - a.length);
  for (const secret of known) {
    for (const form of new Set([secret, encodeURIComponent(secret)])) {
      out = out.replace(new RegExp(escapeRegExp(form), 'g'), mask);
    }
  }
  return out
    .replace(namedHeader, (_all, name: string, separator: string) => `${name}${separator}${mask}`)
    .replace(namedQuery, (_all, name: string) => `${name}=${mask}`)
    .replace(namedJsonField, (_all, name: string, separator: string) => `"${name}"${separator}"${mask}"`);
}

/** A redacted excerpt short enough for the sync log (the start is what explains an answer). */
export function logExcerpt(text: string, secrets: readonly string[] = [], maxLength = 2000): string {
  const clean = redact(text, secrets);
  return clean.length <= maxLength ? clean : `${clean.slice(0, maxLength)}…`;
}
