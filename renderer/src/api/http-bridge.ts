// Serve mode's transport: POST /rpc for calls and a WebSocket for events, both
// same-origin (the HttpOnly token cookie rides along). Implements the same
// ShopdeskBridge the Electron preload exposes, so nothing above this file
// knows which one is in use.
import type { ShopdeskBridge } from '../../../src/shared/bridge.js';
import { servePaths } from '../../../src/shared/bridge.js';
import { envelopeSchema, type Envelope } from '../../../src/shared/envelope.js';
import { z } from 'zod';

type Listener = (name: string, payload: unknown) => void;

const messageSchema = z.object({ name: z.string(), payload: z.unknown() });
const maxBackoffMs = 10_000;
/**
 * Calls that change this browser's session cookie: the event socket opened with the old one
 * (the server decides per socket who hears events), so it reconnects with the new one.
 */
const sessionMethods = new Set(['team.signIn', 'team.signInWithPin', 'team.unlock', 'team.signOut']);

/**
 * JSON turns NaN and Infinity into null, so letters typed into a number field
 * would reach the core as "missing" ("This field is required"). Sent as text they
 * are refused as what they are: not a number. (Electron's IPC keeps NaN as is.)
 */
function keepNonNumbers(_key: string, value: unknown): unknown {
  return typeof value === 'number' && !Number.isFinite(value) ? String(value) : value;
}

function networkFailure(message: string): Envelope<never> {
  return { ok: false, error: { code: 'INTERNAL', message, details: { key: 'network' } } };
}

export function createHttpBridge(onConnected: () => void): ShopdeskBridge {
  const listeners = new Set<Listener>();
  let socket: WebSocket | null = null;
  let attempt = 0;
  let everConnected = false;

  function connect(): void {
    const scheme = location.protocol === 'https:' ? 'wss' : 'ws';
    socket = new WebSocket(`${scheme}://${location.host}${servePaths.events}`);
    socket.addEventListener('open', () => {
      attempt = 0;
      // After a reconnect, events may have been missed: let the app resync.
      if (everConnected) onConnected();
      everConnected = true;
    });
    socket.addEventListener('message', (event: MessageEvent<unknown>) => {
      if (typeof event.data !== 'string') return;
      let json: unknown;
      try {
        json = JSON.parse(event.data);
      } catch {
        return;
      }
      const parsed = messageSchema.safeParse(json);
      if (!parsed.success) return;
      for (const listener of listeners) listener(parsed.data.name, parsed.data.payload);
    });
    socket.addEventListener('close', () => {
      socket = null;
      // Exponential backoff with jitter so a restarted server is not stampeded.
      const delay = Math.min(maxBackoffMs, 250 * 2 ** attempt) * (0.75 + Math.random() * 0.5);
      attempt += 1;
      window.setTimeout(connect, delay);
    });
  }
  connect();

  return {
    async rpc(method, input) {
      let response: Response;
      try {
        response = await fetch(servePaths.rpc, {
          method: 'POST',
          credentials: 'same-origin',
          headers: { 'Content-Type': 'application/json' },
          body: JSON.stringify({ method, input }, keepNonNumbers),
        });
      } catch (error) {
        return networkFailure(error instanceof Error ? error.message : 'fetch failed');
      }
      let json: unknown;
      try {
        json = await response.json();
      } catch {
        return networkFailure(`HTTP ${response.status} without a JSON answer`);
      }
      const parsed = envelopeSchema.safeParse(json);
      if (parsed.success && parsed.data.ok && sessionMethods.has(method)) {
        attempt = 0;
        socket?.close();
      }
      return parsed.success ? parsed.data : networkFailure(`HTTP ${response.status}: unexpected answer`);
    },
    onEvent(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
  };
}
