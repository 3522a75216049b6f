// Links leaving the app: https links from the app's own page, after a
// confirmation naming the host; nothing else, ever.
import { describe, expect, it } from 'vitest';
import { appIndexUrl } from '../../../electron/app-protocol.js';
import { isAppPageUrl } from '../../../electron/app-url.js';
import { decideExternalOpen, externalOpenTexts } from '../../../electron/external-links.js';

describe('decideExternalOpen', () => {
  it('asks before opening an https link the app made, naming its host', () => {
    expect(decideExternalOpen('https://shop.example.com/admin/orders/12', true)).toEqual({
      action: 'confirm',
      url: 'https://shop.example.com/admin/orders/12',
      host: 'shop.example.com',
    });
    expect(decideExternalOpen('https://shop.example.com:8443/x', true)).toMatchObject({ action: 'confirm', host: 'shop.example.com:8443' });
    // A look-alike international name is shown as the parser reads it (punycode).
    expect(decideExternalOpen('https://exаmple.com/', true)).toMatchObject({ action: 'confirm', host: 'xn--exmple-4nf.com' });
  });

  it('refuses everything else', () => {
    const refused = (url: string, fromApp = true): string | undefined => {
      const decision = decideExternalOpen(url, fromApp);
      return decision.action === 'refuse' ? decision.reason : undefined;
    };
    expect(refused('https://shop.example.com/', false)).toBe('notFromApp');
    expect(refused('http://shop.example.com/')).toBe('notHttps');
    expect(refused('file:///etc/passwd')).toBe('notHttps');
    expect(refused('mailto:owner@example.com')).toBe('notHttps');
    expect(refused('javascript:alert(1)')).toBe('notHttps');
    expect(refused('smb://server/share')).toBe('notHttps');
    expect(refused('app://shopdesk/index.html')).toBe('notHttps');
    expect(refused('ms-settings:privacy')).toBe('notHttps');
    expect(refused('https://bank.example@evil.example/')).toBe('credentials');
    expect(refused('https://user:pw@shop.example.com/')).toBe('credentials');
    expect(refused('not a url')).toBe('malformed');
    expect(refused('')).toBe('malformed');
  });
});

describe('externalOpenTexts', () => {
  it('names the host in English and in Chinese', () => {
    const en = externalOpenTexts('en', 'shop.example.com', 'https://shop.example.com/x');
    const zh = externalOpenTexts('zh-CN', 'shop.example.com', 'https://shop.example.com/x');
    for (const texts of [en, zh]) {
      expect(texts.message).toContain('shop.example.com');
      expect(texts.detail).toContain('https://shop.example.com/x');
      expect(texts.open).not.toBe(texts.cancel);
    }
    expect(en.open).toBe('Open');
    expect(zh.open).toBe('打开');
    expect(zh.message).not.toBe(en.message);
  });
});

describe('isAppPageUrl', () => {
  it('is the app:// renderer page in a packaged app and the dev server in development', () => {
    expect(isAppPageUrl(`${appIndexUrl}#/products`, undefined)).toBe(true);
    expect(isAppPageUrl('http://localhost:5173/', undefined)).toBe(false);
    expect(isAppPageUrl('file:///opt/Shopdesk/resources/app.asar/out/renderer/index.html', undefined)).toBe(false);
    expect(isAppPageUrl('https://shop.example.com/', undefined)).toBe(false);
    expect(isAppPageUrl('http://localhost:5173/#/orders', 'http://localhost:5173/')).toBe(true);
    expect(isAppPageUrl('http://localhost:5174/', 'http://localhost:5173/')).toBe(false);
    expect(isAppPageUrl('nonsense', 'http://localhost:5173/')).toBe(false);
  });
});
