// What the Electron preload exposes to the renderer as `window.shopdesk`, and
// what the browser transport (serve mode) implements over HTTP + WebSocket.
import type { Envelope } from './envelope.js';

export interface ShopdeskBridge {
  rpc(method: string, input: unknown): Promise<Envelope<unknown>>;
  /** Subscribe to core events; returns the unsubscribe function. */
  onEvent(listener: (name: string, payload: unknown) => void): () => void;
}

/** The single IPC channels between preload and main. */
export const ipcChannels = { rpc: 'shopdesk:rpc', event: 'shopdesk:event' } as const;

/** Serve-mode HTTP paths (same origin as the renderer). */
export const servePaths = { rpc: '/rpc', events: '/events', health: '/healthz' } as const;
