// The only bridge between the sandboxed renderer and the main process,
// exposed as `window.shopdesk`. Sandboxed preloads may require only 'electron'
// and a few built-ins, so this file imports types plus the channel-name
// constants (bridge.ts is pure; the bundler inlines them).
import { contextBridge, ipcRenderer, type IpcRendererEvent } from 'electron';
import { ipcChannels, type ShopdeskBridge } from '../src/shared/bridge.js';
import type { Envelope } from '../src/shared/envelope.js';

const bridge: ShopdeskBridge = {
  rpc(method: string, input: unknown): Promise<Envelope<unknown>> {
    // The main process validates the request and the sender; the result is an envelope.
    return ipcRenderer.invoke(ipcChannels.rpc, { method, input }) as Promise<Envelope<unknown>>;
  },
  onEvent(listener: (name: string, payload: unknown) => void): () => void {
    // Wrap the listener so the IPC event object (with `sender`) never reaches the page.
    const handler = (_event: IpcRendererEvent, name: unknown, payload: unknown): void => {
      if (typeof name === 'string') listener(name, payload);
    };
    ipcRenderer.on(ipcChannels.event, handler);
    return () => {
      ipcRenderer.removeListener(ipcChannels.event, handler);
    };
  },
};

contextBridge.exposeInMainWorld('shopdesk', bridge);
