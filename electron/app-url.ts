// The one question several guards ask: is this URL our renderer? Used by the
// IPC sender check and the navigation block, so both agree on what "the app" is.
import { platform } from 'node:process';
import { devRendererUrl, rendererFileUrl } from './paths.js';

function parse(url: string): URL | undefined {
  try {
    return new URL(url);
  } catch {
    return undefined;
  }
}

/** Decoded path; case-folded on Windows, where file paths are case-insensitive. */
function normalizedPath(url: URL): string {
  const path = decodeURIComponent(url.pathname);
  return platform === 'win32' ? path.toLowerCase() : path;
}

/**
 * True for the built renderer's index.html (any #route or ?query: the
 * renderer may route by hash) or, in development, any page of the dev server.
 */
export function isAppUrl(url: string): boolean {
  const candidate = parse(url);
  if (!candidate) return false;
  const dev = devRendererUrl();
  if (dev) {
    const devUrl = parse(dev);
    return devUrl !== undefined && candidate.origin === devUrl.origin;
  }
  const app = parse(rendererFileUrl);
  return (
    app !== undefined &&
    candidate.protocol === 'file:' &&
    candidate.host === app.host &&
    normalizedPath(candidate) === normalizedPath(app)
  );
}

/** Links the user may open in the OS browser: web pages only, never file: or custom schemes. */
export function isExternalWebUrl(url: string): boolean {
  const candidate = parse(url);
  return candidate !== undefined && (candidate.protocol === 'https:' || candidate.protocol === 'http:');
}
