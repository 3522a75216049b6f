// The renderer's single way to reach the core: typed calls and typed events.
// Electron's preload provides `window.shopdesk`; in a browser (serve mode) the
// HTTP/WebSocket bridge stands in for it.
import type { MethodInput, MethodName, MethodOutput } from '../../../src/contract.js';
import { eventSchemas, type EventName, type EventPayload } from '../../../src/events.js';
import type { ShopdeskBridge } from '../../../src/shared/bridge.js';
import { ApiError } from './api-error.js';
import { createHttpBridge } from './http-bridge.js';

declare global {
  interface Window {
    shopdesk?: ShopdeskBridge;
  }
}

const reconnectListeners = new Set<() => void>();
const unauthenticatedListeners = new Set<() => void>();
const bridge: ShopdeskBridge =
  window.shopdesk ?? createHttpBridge(() => reconnectListeners.forEach((listener) => listener()));

export async function call<M extends MethodName>(method: M, input: MethodInput<M>): Promise<MethodOutput<M>> {
  const envelope = await bridge.rpc(method, input);
  if (!envelope.ok) {
    const { error } = envelope;
    // The session ended or locked (idle on the core's clock, another window, a password change):
    // the App re-reads team.status and shows the sign-in page or the lock screen. A wrong
    // password is the sign-in form's own answer, not news about the session.
    if (error.code === 'UNAUTHENTICATED' && error.details.key !== 'signInWrong') unauthenticatedListeners.forEach((listener) => listener());
    throw error.details.key === 'network' ? ApiError.network(error.message) : ApiError.fromShape(error);
  }
  // The core validated its own answer against the contract; the types follow it.
  return envelope.value as MethodOutput<M>;
}

/** Subscribe to one event; malformed payloads are dropped, not passed on. */
export function onEvent<E extends EventName>(name: E, listener: (payload: EventPayload<E>) => void): () => void {
  const schema = eventSchemas[name];
  return bridge.onEvent((eventName, payload) => {
    if (eventName !== name) return;
    const parsed = schema.safeParse(payload);
    if (parsed.success) listener(parsed.data as EventPayload<E>);
  });
}

/** Called when the event stream came back after a drop: state may be stale. */
export function onReconnect(listener: () => void): () => void {
  reconnectListeners.add(listener);
  return () => reconnectListeners.delete(listener);
}

/** Called when any call answered UNAUTHENTICATED (no session, or a locked one). */
export function onUnauthenticated(listener: () => void): () => void {
  unauthenticatedListeners.add(listener);
  return () => unauthenticatedListeners.delete(listener);
}
