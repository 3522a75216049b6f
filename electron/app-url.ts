// The one question several guards ask: is this URL our renderer? Used by the
// IPC sender check, the navigation block and the external-link rule, so all
// agree on what "the app" is. Pure: the caller passes the development server's
// URL (undefined in a packaged app, see dev-switches.ts).
import { isAppIndexUrl } from './app-protocol.js';

/**
 * True for the renderer page served over app:// (any #route or ?query: the
 * renderer routes by hash) or, in development, any page of the dev server.
 */
export function isAppPageUrl(url: string, devRendererUrl: string | undefined): boolean {
  if (!devRendererUrl) return isAppIndexUrl(url);
  try {
    return new URL(url).origin === new URL(devRendererUrl).origin;
  } catch {
    return false;
  }
}
