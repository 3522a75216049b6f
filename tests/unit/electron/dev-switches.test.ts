// Development-only switches: a packaged app ignores the dev server URL, the
// native-module override and DevTools, whatever the environment says.
import { describe, expect, it } from 'vitest';
import { contentSecurityPolicy, productionPolicy } from '../../../electron/csp.js';
import { developmentSwitches } from '../../../electron/dev-switches.js';

const env = {
  ELECTRON_RENDERER_URL: 'http://localhost:5173/',
  SHOPDESK_NATIVE_BINDING: '/home/dev/shopdesk/.electron-native/better_sqlite3.node',
};

describe('developmentSwitches', () => {
  it('a packaged app honours none of them', () => {
    expect(developmentSwitches(true, env)).toEqual({ rendererUrl: undefined, nativeBinding: undefined, devTools: false });
    expect(developmentSwitches(true, {})).toEqual({ rendererUrl: undefined, nativeBinding: undefined, devTools: false });
  });

  it('a development run honours them', () => {
    expect(developmentSwitches(false, env)).toEqual({
      rendererUrl: 'http://localhost:5173/',
      nativeBinding: env.SHOPDESK_NATIVE_BINDING,
      devTools: true,
    });
    expect(developmentSwitches(false, {})).toEqual({ rendererUrl: undefined, nativeBinding: undefined, devTools: true });
    expect(developmentSwitches(false, { SHOPDESK_NATIVE_BINDING: '' }).nativeBinding).toBeUndefined();
  });

  it('even in development the window loads only a dev server on this machine', () => {
    const url = (value: string): string | undefined => developmentSwitches(false, { ELECTRON_RENDERER_URL: value }).rendererUrl;
    expect(url('http://127.0.0.1:5173')).toBe('http://127.0.0.1:5173/');
    expect(url('http://[::1]:5173/')).toBe('http://[::1]:5173/');
    expect(url('https://localhost:5173/')).toBe('https://localhost:5173/');
    expect(url('https://evil.example/')).toBeUndefined();
    expect(url('http://localhost.evil.example/')).toBeUndefined();
    expect(url('http://user:pw@localhost:5173/')).toBeUndefined();
    expect(url('file:///tmp/index.html')).toBeUndefined();
    expect(url('javascript:alert(1)')).toBeUndefined();
    expect(url('not a url')).toBeUndefined();
  });
});

describe('contentSecurityPolicy', () => {
  it('is the production policy without a dev server', () => {
    expect(contentSecurityPolicy(undefined)).toBe(productionPolicy);
  });

  it('in development allows the inline refresh preamble and only the dev server\'s WebSocket', () => {
    const policy = contentSecurityPolicy('http://localhost:5173/');
    expect(policy).toContain("script-src 'self' 'unsafe-inline'");
    expect(policy).toContain("connect-src 'self' ws://localhost:5173;");
    expect(policy).not.toMatch(/connect-src[^;]*\bws: /);
    expect(contentSecurityPolicy('https://127.0.0.1:5173/')).toContain("connect-src 'self' wss://127.0.0.1:5173;");
  });
});
