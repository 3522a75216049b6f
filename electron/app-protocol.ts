// The app:// scheme the window loads the renderer from (instead of file://):
// which file a request names, and the headers every response carries (the
// strict CSP among them; Chromium ignores response headers on file:// loads).
// No Electron import, so the refusal rules are unit-tested; the Electron side
// is app-protocol-handler.ts.
import { lstatSync } from 'node:fs';
import { extname, isAbsolute, join, relative } from 'node:path';

export const appScheme = 'app';
/** One fixed host: the renderer's origin is app://shopdesk, which 'self' in the CSP means. */
export const appHost = 'shopdesk';
export const appOrigin = `${appScheme}://${appHost}`;
export const appIndexUrl = `${appOrigin}/index.html`;

export type RefusalStatus = 400 | 403 | 404 | 405;

export type AppRequestResolution =
  | { kind: 'file'; path: string; mimeType: string }
  | { kind: 'refused'; status: RefusalStatus };

const mimeTypes: Readonly<Record<string, string>> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.map': 'application/json; charset=utf-8',
  '.txt': 'text/plain; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.jpeg': 'image/jpeg',
  '.gif': 'image/gif',
  '.webp': 'image/webp',
  '.avif': 'image/avif',
  '.ico': 'image/x-icon',
  '.woff': 'font/woff',
  '.woff2': 'font/woff2',
  '.ttf': 'font/ttf',
  '.otf': 'font/otf',
  '.wasm': 'application/wasm',
};

/** Served as bytes (with nosniff, so the page cannot run it as script or style). */
const unknownMimeType = 'application/octet-stream';

export function mimeTypeOf(path: string): string {
  return mimeTypes[extname(path).toLowerCase()] ?? unknownMimeType;
}

function parse(url: string): URL | undefined {
  try {
    return new URL(url);
  } catch {
    return undefined;
  }
}

/**
 * Path segments under the renderer folder, or a refusal. The URL parser has
 * already folded plain `..`; what is left to refuse is what survives it in
 * encoded form (`%2e%2e`, `%2f`, `%5c`), backslashes, drive letters and
 * alternate streams (`:`), NUL, and empty segments (`//`, which would make an
 * absolute path on join).
 */
function segmentsOf(pathname: string): string[] | RefusalStatus {
  let decoded: string;
  try {
    decoded = decodeURIComponent(pathname);
  } catch {
    return 400;
  }
  if (decoded === '/' || decoded === '') return ['index.html'];
  if (!decoded.startsWith('/') || /[\\\0:]/.test(decoded)) return 403;
  const segments = decoded.slice(1).split('/');
  if (segments.some((segment) => segment === '' || segment === '.' || segment === '..')) return 403;
  return segments;
}

/**
 * The file an app:// request names under rootDir (the built renderer), or why
 * not: 405 for anything but GET/HEAD, 400 for a malformed URL, 404 for another
 * host or a file that is not there, 403 for a path that tries to leave the
 * folder, 403 too for a request another origin's page made (initiatorOrigin
 * is set by Chromium, not by the page; absent when the browser itself loads the
 * window). `isFile` says whether a file may be served from a path (usually
 * isRegularFile below).
 */
export function resolveAppRequest(
  request: { url: string; method: string; initiatorOrigin?: string | undefined },
  rootDir: string,
  isFile: (path: string) => boolean,
): AppRequestResolution {
  const refused = (status: RefusalStatus): AppRequestResolution => ({ kind: 'refused', status });
  if (request.method !== 'GET' && request.method !== 'HEAD') return refused(405);
  if (request.initiatorOrigin !== undefined && request.initiatorOrigin !== appOrigin) return refused(403);
  const url = parse(request.url);
  if (!url) return refused(400);
  if (url.protocol !== `${appScheme}:` || url.host.toLowerCase() !== appHost) return refused(404);
  // A backslash in the raw text is refused before the parser can turn it into a separator.
  if (request.url.includes('\\')) return refused(403);
  const segments = segmentsOf(url.pathname);
  if (typeof segments === 'number') return refused(segments);
  const path = join(rootDir, ...segments);
  // Belt and braces: whatever the rules above missed, the result stays inside rootDir.
  const inside = relative(rootDir, path);
  if (inside === '' || inside.startsWith('..') || isAbsolute(inside)) return refused(403);
  if (!isFile(path)) return refused(404);
  return { kind: 'file', path, mimeType: mimeTypeOf(path) };
}

/**
 * Headers of every app:// response, refusals included. The CSP travels as a
 * header so it applies in full (a <meta> policy cannot carry frame-ancestors);
 * no-cache because a rebuilt renderer must not meet a stale index.html.
 */
export function appResponseHeaders(mimeType: string, policy: string): Record<string, string> {
  return {
    'Content-Type': mimeType,
    'Content-Security-Policy': policy,
    'X-Content-Type-Options': 'nosniff',
    'Cache-Control': 'no-cache',
    'Referrer-Policy': 'no-referrer',
    'Cross-Origin-Opener-Policy': 'same-origin',
  };
}

/** A regular file: symlinks are not followed, so nothing in the folder can point outside it. */
export function isRegularFile(path: string): boolean {
  try {
    return lstatSync(path).isFile();
  } catch {
    return false;
  }
}

/** The text/plain headers of a refusal. */
export function refusalHeaders(policy: string): Record<string, string> {
  return appResponseHeaders('text/plain; charset=utf-8', policy);
}

/** True for the renderer page itself (any #route or ?query), as served over app://. */
export function isAppIndexUrl(url: string): boolean {
  const candidate = parse(url);
  return candidate !== undefined && candidate.protocol === `${appScheme}:` && candidate.host.toLowerCase() === appHost && candidate.pathname === '/index.html';
}
