// Switches that exist for developers only: the Vite dev server URL
// (ELECTRON_RENDERER_URL, set by `electron-vite dev`), a better-sqlite3 build
// named by path (SHOPDESK_NATIVE_BINDING, set by scripts/start.mjs) and
// DevTools. A packaged app ignores all three: an environment variable must not
// be able to point the window (and with it the IPC bridge to the database) at
// another page, or make the app load a native library of someone's choosing,
// and DevTools would let anyone run code with the bridge. Pure, so the rule is
// tested without Electron; paths.ts feeds it app.isPackaged and process.env.

export interface DevelopmentSwitches {
  /** The dev server's URL; only an http(s) URL on this machine (loopback). */
  rendererUrl: string | undefined;
  /** Path of a better-sqlite3 build for Electron's ABI. */
  nativeBinding: string | undefined;
  devTools: boolean;
}

type Environment = Readonly<Record<string, string | undefined>>;

const loopbackHosts = new Set(['localhost', '127.0.0.1', '[::1]']);

/** The dev server always runs on this machine; anything else is refused even in development. */
function loopbackHttpUrl(value: string | undefined): string | undefined {
  if (!value) return undefined;
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    return undefined;
  }
  const web = url.protocol === 'http:' || url.protocol === 'https:';
  return web && loopbackHosts.has(url.hostname) && !url.username && !url.password ? url.href : undefined;
}

export function developmentSwitches(isPackaged: boolean, env: Environment): DevelopmentSwitches {
  if (isPackaged) return { rendererUrl: undefined, nativeBinding: undefined, devTools: false };
  const nativeBinding = env['SHOPDESK_NATIVE_BINDING'];
  return {
    rendererUrl: loopbackHttpUrl(env['ELECTRON_RENDERER_URL']),
    nativeBinding: nativeBinding ? nativeBinding : undefined,
    devTools: true,
  };
}
