// The one IPC channel between the renderer and the core, and the event stream
// back. The main process trusts nothing from the renderer: the sender must be
// our window's top frame showing our renderer, and the request must be
// {method: string, input: unknown}; the core validates `input` per method.
import { ipcMain, type BrowserWindow, type IpcMainInvokeEvent } from 'electron';
import { z } from 'zod';
import type { Core } from '../src/core.js';
import { AppError, validationError } from '../src/shared/app-error.js';
import { ipcChannels } from '../src/shared/bridge.js';
import type { Envelope } from '../src/shared/envelope.js';
import { isAppPageUrl } from './app-url.js';
import { devRendererUrl } from './paths.js';
import type { Via } from '../src/team/via.js';

const rpcRequestSchema = z.object({
  method: z.string().min(1).max(200),
  // Optional: rpc('shop.status') without input is fine; the core validates input per method.
  input: z.unknown().optional(),
});

/** The main frame of the current window, showing the app (not an iframe, not a foreign page). */
function isTrustedSender(event: IpcMainInvokeEvent, window: BrowserWindow | undefined): boolean {
  if (!window || window.isDestroyed() || event.sender !== window.webContents) return false;
  const frame = event.senderFrame;
  const main = window.webContents.mainFrame;
  return (
    frame !== null &&
    frame.processId === main.processId &&
    frame.routingId === main.routingId &&
    isAppPageUrl(frame.url, devRendererUrl())
  );
}

function failure(error: AppError): Envelope<unknown> {
  return { ok: false, error: error.toShape() };
}

/**
 * Registers the rpc handler. `currentWindow` is a getter because on macOS the
 * window can be closed and re-created while the app (and this handler) live on.
 * Returns a function that removes the handler and the event forwarding.
 */
export function wireIpc(core: Core, currentWindow: () => BrowserWindow | undefined): () => void {
  // The signed-in person's session per window, held here in the main process: page script never
  // sees the token (the sign-in answer hands it to `setSession`, not to the renderer).
  const sessions = new Map<number, string>();
  const viaFor = (contentsId: number): Via => ({
    origin: 'desktop',
    session: sessions.get(contentsId),
    setSession: (token) => (token === null ? sessions.delete(contentsId) : sessions.set(contentsId, token)),
  });
  ipcMain.handle(ipcChannels.rpc, async (event, request: unknown): Promise<Envelope<unknown>> => {
    if (!isTrustedSender(event, currentWindow())) {
      // Answer with an envelope, not a throw: the renderer's client handles envelopes uniformly.
      return failure(new AppError('PERMISSION', 'This frame may not call Shopdesk.', { key: 'permission' }));
    }
    const parsed = rpcRequestSchema.safeParse(request);
    if (!parsed.success) {
      const issues = parsed.error.issues.map((issue) => ({
        path: issue.path.map(String).join('.'),
        message: issue.message,
        key: 'invalidRequest',
      }));
      return failure(validationError('The request must be {method: string, input}.', issues));
    }
    return core.call(parsed.data.method, parsed.data.input, viaFor(event.sender.id));
  });

  const unsubscribe = core.on(({ name, payload }) => {
    const window = currentWindow();
    if (!window || window.isDestroyed() || window.webContents.isDestroyed()) return;
    // Like serve mode's socket: a locked or signed-out window hears nothing.
    if (!core.admits(viaFor(window.webContents.id))) return;
    window.webContents.send(ipcChannels.event, name, payload);
  });

  return () => {
    unsubscribe();
    ipcMain.removeHandler(ipcChannels.rpc);
  };
}
