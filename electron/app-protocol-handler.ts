// Electron's side of app:// (the rules are in app-protocol.ts): the scheme is
// registered as privileged before the app is ready (standard, so relative URLs,
// origins and 'self' work as for https; secure, so the page is a secure
// context), then every request is answered from the built renderer folder with
// the CSP as a header.
import { readFile } from 'node:fs/promises';
import { protocol, type Session } from 'electron';
import {
  appResponseHeaders,
  appScheme,
  isRegularFile,
  refusalHeaders,
  resolveAppRequest,
  type RefusalStatus,
} from './app-protocol.js';

/** Must run before app 'ready' (Electron's rule for privileged schemes). */
export function registerAppScheme(): void {
  protocol.registerSchemesAsPrivileged([
    // Not corsEnabled: other origins must not read app:// contents. No service workers, no bypassCSP.
    { scheme: appScheme, privileges: { standard: true, secure: true, supportFetchAPI: true } },
  ]);
}

const reasons: Record<RefusalStatus, string> = {
  400: 'Bad Request',
  403: 'Forbidden',
  404: 'Not Found',
  405: 'Method Not Allowed',
};

function refusal(status: RefusalStatus, policy: string): Response {
  return new Response(reasons[status], { status, statusText: reasons[status], headers: refusalHeaders(policy) });
}

/** Chromium's initiator of the request when web content made it (absent for the window's own load). */
function initiatorOf(request: Request): string | undefined {
  const value: unknown = Reflect.get(request, 'initiatorOrigin');
  return typeof value === 'string' ? value : undefined;
}

/** Serves rendererDir over app:// in `session`, every response carrying `policy` as its CSP header. */
export function serveAppProtocol(session: Session, rendererDir: string, policy: string): void {
  session.protocol.handle(appScheme, async (request) => {
    const resolution = resolveAppRequest(
      { url: request.url, method: request.method, initiatorOrigin: initiatorOf(request) },
      rendererDir,
      isRegularFile,
    );
    if (resolution.kind === 'refused') return refusal(resolution.status, policy);
    const headers = appResponseHeaders(resolution.mimeType, policy);
    if (request.method === 'HEAD') return new Response(null, { status: 200, headers });
    try {
      const body = await readFile(resolution.path);
      return new Response(new Uint8Array(body.buffer, body.byteOffset, body.byteLength), { status: 200, headers });
    } catch {
      // Gone between the check and the read (a rebuild in development).
      return refusal(404, policy);
    }
  });
}
