// The Electron glue around the pure rules, with Electron itself replaced by
// fakes (its binary cannot be had here): the app:// handler answers with the
// file and the CSP header, the web-contents guards deny windows and
// navigation away, and links open only after the person confirms.
import { EventEmitter } from 'node:events';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';

const electron = vi.hoisted(() => ({
  registerSchemesAsPrivileged: vi.fn(),
  showMessageBox: vi.fn(),
  openExternal: vi.fn(),
}));

vi.mock('electron', () => ({
  protocol: { registerSchemesAsPrivileged: electron.registerSchemesAsPrivileged },
  dialog: { showMessageBox: electron.showMessageBox },
  shell: { openExternal: electron.openExternal },
  session: {},
}));

const { registerAppScheme, serveAppProtocol } = await import('../../../electron/app-protocol-handler.js');
const { appIndexUrl, appOrigin } = await import('../../../electron/app-protocol.js');
const { isAppPageUrl } = await import('../../../electron/app-url.js');
const { productionPolicy } = await import('../../../electron/csp.js');
const { confirmAndOpenExternal } = await import('../../../electron/open-external.js');
const { hardenWebContents } = await import('../../../electron/session-security.js');
const { shopLocale } = await import('../../../electron/shop-locale.js');

type Handler = (request: Request) => Promise<Response>;

describe('app:// handler', () => {
  let root: string;
  let handler: Handler;

  beforeAll(() => {
    root = mkdtempSync(join(tmpdir(), 'shopdesk-app-handler-'));
    mkdirSync(join(root, 'assets'));
    writeFileSync(join(root, 'index.html'), '<!doctype html><title>Shopdesk</title>');
    writeFileSync(join(root, 'assets', 'index.js'), 'export const x = 1;');
    const fakeSession = {
      protocol: {
        handle: (scheme: string, registered: Handler) => {
          expect(scheme).toBe('app');
          handler = registered;
        },
      },
    };
    serveAppProtocol(fakeSession as never, root, productionPolicy);
  });

  afterAll(() => rmSync(root, { recursive: true, force: true }));

  it('registers app as a standard, secure scheme that other origins cannot read', () => {
    registerAppScheme();
    expect(electron.registerSchemesAsPrivileged).toHaveBeenCalledWith([
      { scheme: 'app', privileges: { standard: true, secure: true, supportFetchAPI: true } },
    ]);
  });

  it('serves the page and its assets with the CSP header', async () => {
    const page = await handler(new Request(appIndexUrl));
    expect(page.status).toBe(200);
    expect(page.headers.get('content-type')).toBe('text/html; charset=utf-8');
    expect(page.headers.get('content-security-policy')).toBe(productionPolicy);
    expect(await page.text()).toBe('<!doctype html><title>Shopdesk</title>');

    const script = await handler(new Request(`${appOrigin}/assets/index.js`));
    expect(script.headers.get('content-type')).toBe('text/javascript; charset=utf-8');
    expect(await script.text()).toBe('export const x = 1;');

    const head = await handler(new Request(`${appOrigin}/assets/index.js`, { method: 'HEAD' }));
    expect(head.status).toBe(200);
    expect(head.headers.get('content-security-policy')).toBe(productionPolicy);
  });

  it('refusals carry the CSP header too and no file content', async () => {
    const missing = await handler(new Request(`${appOrigin}/nope.js`));
    expect(missing.status).toBe(404);
    expect(missing.headers.get('content-security-policy')).toBe(productionPolicy);
    const escape = await handler(new Request(`${appOrigin}/assets%2f..%2f..%2fetc%2fpasswd`));
    expect(escape.status).toBe(403);
    expect(await escape.text()).toBe('Forbidden');
    const post = await handler(new Request(appIndexUrl, { method: 'POST', body: 'x' }));
    expect(post.status).toBe(405);
  });
});

class FakeContents extends EventEmitter {
  url = appIndexUrl;
  openHandler: ((details: { url: string }) => { action: string }) | undefined;
  getURL(): string {
    return this.url;
  }
  setWindowOpenHandler(handler: (details: { url: string }) => { action: string }): void {
    this.openHandler = handler;
  }
}

function navigate(contents: FakeContents, event: string, url: string): boolean {
  let prevented = false;
  contents.emit(event, { preventDefault: () => (prevented = true) }, url);
  return prevented;
}

describe('web contents guards', () => {
  const opened: Array<[string, boolean]> = [];
  const contents = new FakeContents();
  hardenWebContents(contents as never, {
    isAppPage: (url) => isAppPageUrl(url, undefined),
    openExternal: (url, fromApp) => opened.push([url, fromApp]),
  });

  beforeEach(() => {
    opened.length = 0;
    contents.url = appIndexUrl;
  });

  it('denies every new window and hands links to the external-link rule', () => {
    expect(contents.openHandler?.({ url: 'https://shop.example.com/' })).toEqual({ action: 'deny' });
    expect(contents.openHandler?.({ url: `${appIndexUrl}#/orders` })).toEqual({ action: 'deny' });
    expect(opened).toEqual([
      ['https://shop.example.com/', true],
      [`${appIndexUrl}#/orders`, true],
    ]);
  });

  it('lets the window navigate within the app only', () => {
    expect(navigate(contents, 'will-navigate', `${appIndexUrl}#/products`)).toBe(false);
    expect(navigate(contents, 'will-navigate', 'https://evil.example/')).toBe(true);
    expect(navigate(contents, 'will-navigate', 'file:///etc/passwd')).toBe(true);
    expect(navigate(contents, 'will-navigate', `${appOrigin}/assets/index.js`)).toBe(true);
    expect(navigate(contents, 'will-redirect', 'https://evil.example/')).toBe(true);
    expect(navigate(contents, 'will-redirect', appIndexUrl)).toBe(false);
    let webviewPrevented = false;
    contents.emit('will-attach-webview', { preventDefault: () => (webviewPrevented = true) });
    expect(webviewPrevented).toBe(true);
  });

  it('a page that is not the app is not the app making a link', () => {
    contents.url = 'https://evil.example/';
    navigate(contents, 'will-navigate', 'https://other.example/');
    expect(opened).toEqual([['https://other.example/', false]]);
  });
});

describe('confirmAndOpenExternal', () => {
  const context = { parent: () => undefined, locale: () => Promise.resolve('zh-CN') };

  beforeEach(() => {
    electron.showMessageBox.mockReset();
    electron.openExternal.mockReset();
  });

  it('opens only after the person chooses Open in a dialog naming the host', async () => {
    electron.showMessageBox.mockResolvedValue({ response: 0, checkboxChecked: false });
    await confirmAndOpenExternal('https://shop.example.com/admin', true, context);
    expect(electron.showMessageBox).toHaveBeenCalledTimes(1);
    const options = electron.showMessageBox.mock.calls[0]?.[0] as { message: string; buttons: string[]; cancelId: number; defaultId: number };
    expect(options.message).toContain('shop.example.com');
    expect(options.buttons).toEqual(['打开', '取消']);
    expect(options.defaultId).toBe(options.cancelId);
    expect(electron.openExternal).toHaveBeenCalledWith('https://shop.example.com/admin');
  });

  it('does not open when the person cancels', async () => {
    electron.showMessageBox.mockResolvedValue({ response: 1, checkboxChecked: false });
    await confirmAndOpenExternal('https://shop.example.com/', true, context);
    expect(electron.openExternal).not.toHaveBeenCalled();
  });

  it('refused links never reach a dialog', async () => {
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => undefined);
    await confirmAndOpenExternal('http://shop.example.com/', true, context);
    await confirmAndOpenExternal('https://shop.example.com/', false, context);
    await confirmAndOpenExternal('file:///etc/passwd', true, context);
    expect(electron.showMessageBox).not.toHaveBeenCalled();
    expect(electron.openExternal).not.toHaveBeenCalled();
    expect(warn).toHaveBeenCalledTimes(3);
    warn.mockRestore();
  });
});

describe('shopLocale', () => {
  type FakeCore = Parameters<typeof shopLocale>[0];
  const coreAnswering = (answer: unknown): FakeCore => ({ call: () => Promise.resolve(answer) }) as unknown as FakeCore;

  it("is the shop's locale, English when it cannot be read", async () => {
    expect(await shopLocale(coreAnswering({ ok: true, value: { locale: 'zh-CN' } }))).toBe('zh-CN');
    expect(await shopLocale(coreAnswering({ ok: false, error: { code: 'SHOP_NOT_READY' } }))).toBe('en');
    expect(await shopLocale(coreAnswering({ ok: true, value: {} }))).toBe('en');
    expect(await shopLocale(undefined)).toBe('en');
  });
});
