// Session-wide hardening: Content-Security-Policy, permissions, and guards on
// every web contents (no new windows, no navigation away, no <webview>).
import { session, shell, type WebContents } from 'electron';
import { isAppUrl, isExternalWebUrl } from './app-url.js';
import { devRendererUrl } from './paths.js';

/**
 * The production policy. style-src allows inline styles because AG Grid
 * injects its theme as <style> elements at runtime; scripts stay 'self' only.
 */
const productionPolicy = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data:",
  "font-src 'self' data:",
  "connect-src 'self'",
  "object-src 'none'",
  "base-uri 'none'",
  "form-action 'none'",
  "frame-ancestors 'none'",
].join('; ');

/**
 * Development only (electron-vite dev): the React refresh preamble is an inline
 * script and HMR talks over a WebSocket to the dev server. Never used when
 * packaged, because devRendererUrl() is undefined there.
 */
function developmentPolicy(devUrl: string): string {
  const ws = devUrl.replace(/^http/, 'ws');
  return productionPolicy
    .replace("script-src 'self'", "script-src 'self' 'unsafe-inline'")
    .replace("connect-src 'self'", `connect-src 'self' ${ws}`);
}

export function contentSecurityPolicy(): string {
  const dev = devRendererUrl();
  return dev ? developmentPolicy(dev) : productionPolicy;
}

/**
 * Permissions the UI legitimately uses. Everything else (camera, geolocation,
 * notifications via the web API, …) is denied: the shell owns OS features.
 */
const allowedPermissions = new Set<string>(['clipboard-sanitized-write', 'fullscreen']);

export function installSessionSecurity(): void {
  const policy = contentSecurityPolicy();
  // Note: Chromium applies response headers to http(s) loads only; for the
  // file:// renderer the same policy must also be in renderer/index.html as a
  // <meta http-equiv="Content-Security-Policy"> (which cannot carry
  // frame-ancestors; the navigation guards below cover framing).
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

/** Applied to every web contents the app ever creates (see app 'web-contents-created'). */
export function hardenWebContents(contents: WebContents): void {
  // No new windows: web links go to the OS browser, anything else is dropped.
  contents.setWindowOpenHandler(({ url }) => {
    if (isExternalWebUrl(url)) void shell.openExternal(url);
    return { action: 'deny' };
  });
  // The window only ever shows the app; a stray link or a compromised page
  // must not replace it with a page that still has the preload bridge.
  contents.on('will-navigate', (event, url) => {
    if (isAppUrl(url)) return;
    event.preventDefault();
    if (isExternalWebUrl(url)) void shell.openExternal(url);
  });
  contents.on('will-redirect', (event, url) => {
    if (!isAppUrl(url)) event.preventDefault();
  });
  contents.on('will-attach-webview', (event) => event.preventDefault());
}
