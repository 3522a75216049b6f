// Session-wide hardening: the CSP on http(s) loads (the dev server; app://
// responses carry it themselves, see app-protocol-handler.ts), permissions,
// and guards on every web contents (no new windows, no navigation away from
// the app, no <webview>, external links only through open-external.ts).
import { session, type WebContents } from 'electron';

/**
 * Permissions the UI legitimately uses. Everything else (camera, geolocation,
 * notifications via the web API, …) is denied: the shell owns OS features.
 */
const allowedPermissions = new Set<string>(['clipboard-sanitized-write', 'fullscreen']);

export function installSessionSecurity(policy: string): void {
  session.defaultSession.webRequest.onHeadersReceived((details, callback) => {
    const responseHeaders = { ...details.responseHeaders };
    // Drop any policy the response brought so ours is the only one.
    for (const name of Object.keys(responseHeaders)) {
      if (name.toLowerCase() === 'content-security-policy') delete responseHeaders[name];
    }
    responseHeaders['Content-Security-Policy'] = [policy];
    callback({ responseHeaders });
  });

  session.defaultSession.setPermissionRequestHandler((_contents, permission, callback) => {
    callback(allowedPermissions.has(permission));
  });
  session.defaultSession.setPermissionCheckHandler((_contents, permission) => allowedPermissions.has(permission));
}

export interface WebContentsGuards {
  /** Is this URL the app's own page (app-url.ts)? */
  isAppPage: (url: string) => boolean;
  /** Asks the person and opens an https link in the OS browser (open-external.ts). */
  openExternal: (url: string, fromApp: boolean) => void;
}

/** Applied to every web contents the app ever creates (see app 'web-contents-created'). */
export function hardenWebContents(contents: WebContents, guards: WebContentsGuards): void {
  // "From the app": the contents asking is showing our page, so the link is one the app made.
  const fromApp = (): boolean => guards.isAppPage(contents.getURL());
  // No new windows: an https link may go to the OS browser after confirmation, anything else is dropped.
  contents.setWindowOpenHandler(({ url }) => {
    guards.openExternal(url, fromApp());
    return { action: 'deny' };
  });
  // The window only ever shows the app; a stray link or a compromised page
  // must not replace it with a page that still has the preload bridge.
  contents.on('will-navigate', (event, url) => {
    if (guards.isAppPage(url)) return;
    event.preventDefault();
    guards.openExternal(url, fromApp());
  });
  contents.on('will-redirect', (event, url) => {
    if (!guards.isAppPage(url)) event.preventDefault();
  });
  contents.on('will-attach-webview', (event) => event.preventDefault());
}
