// The Content-Security-Policy of the desktop window. Pure (no Electron import)
// so the protocol handler, the session hook and the tests share one text.

/**
 * The production policy, sent as a response header with every app:// response
 * (app-protocol.ts). style-src allows inline styles because AG Grid injects its
 * theme as <style> elements at runtime; scripts stay 'self' only. connect-src is
 * 'self' alone: the desktop renderer reaches the core over IPC, never the network.
 */
export const productionPolicy = [
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
 * script and HMR talks over a WebSocket to the dev server. devRendererUrl is
 * undefined in a packaged app (dev-switches.ts), so this is never used there.
 */
function developmentPolicy(devRendererUrl: string): string {
  const url = new URL(devRendererUrl);
  // Only the dev server's own WebSocket, not ws: to any host.
  const ws = `${url.protocol === 'https:' ? 'wss' : 'ws'}://${url.host}`;
  return productionPolicy
    .replace("script-src 'self'", "script-src 'self' 'unsafe-inline'")
    .replace("connect-src 'self'", `connect-src 'self' ${ws}`);
}

export function contentSecurityPolicy(devRendererUrl: string | undefined): string {
  return devRendererUrl ? developmentPolicy(devRendererUrl) : productionPolicy;
}
