// Serve mode's guard: every request carries the random token given in the
// printed URL, kept in an HttpOnly cookie (or sent as a Bearer header by tools).
// Host and Origin are checked too, so a web page elsewhere cannot reach the
// core through DNS rebinding or a cross-site WebSocket.
import { timingSafeEqual } from 'node:crypto';
import type { IncomingMessage } from 'node:http';

export const tokenCookie = 'shopdesk_token';
/** The signed-in person's session (src/team/sessions.ts), set by the sign-in answer, HttpOnly. */
export const sessionCookie = 'shopdesk_session';

function sameSecret(given: string, token: string): boolean {
  const a = Buffer.from(given);
  const b = Buffer.from(token);
  return a.length === b.length && timingSafeEqual(a, b);
}

/** A cookie's value, or null when absent or not decodable (`%` alone must not throw: any local page can send it). */
export function readCookie(header: string | undefined, name: string): string | null {
  if (!header) return null;
  for (const part of header.split(';')) {
    const [key, ...rest] = part.trim().split('=');
    if (key !== name) continue;
    try {
      return decodeURIComponent(rest.join('='));
    } catch {
      return null;
    }
  }
  return null;
}

export function hasValidToken(request: IncomingMessage, token: string): boolean {
  const cookie = readCookie(request.headers.cookie, tokenCookie);
  if (cookie !== null && sameSecret(cookie, token)) return true;
  const auth = request.headers.authorization;
  return auth?.startsWith('Bearer ') === true && sameSecret(auth.slice('Bearer '.length), token);
}

/** Only loopback host names, with our port: a rebound DNS name is refused. */
export function hasAllowedHost(request: IncomingMessage, port: number): boolean {
  const host = request.headers.host ?? '';
  return [`127.0.0.1:${port}`, `localhost:${port}`, `[::1]:${port}`].includes(host);
}

/** Browsers send Origin on WebSocket upgrades and POSTs; it must be our own. */
export function hasAllowedOrigin(request: IncomingMessage, port: number): boolean {
  const origin = request.headers.origin;
  if (origin === undefined) return true;
  return [`http://127.0.0.1:${port}`, `http://localhost:${port}`, `http://[::1]:${port}`].includes(origin);
}

export function tokenCookieHeader(token: string): string {
  return `${tokenCookie}=${encodeURIComponent(token)}; HttpOnly; SameSite=Strict; Path=/`;
}

/** Sets (or, with null, clears) the session cookie of this browser. */
export function sessionCookieHeader(session: string | null): string {
  return session === null
    ? `${sessionCookie}=; HttpOnly; SameSite=Strict; Path=/; Max-Age=0`
    : `${sessionCookie}=${encodeURIComponent(session)}; HttpOnly; SameSite=Strict; Path=/`;
}
