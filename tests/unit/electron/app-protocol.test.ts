// app:// request → file: the built renderer is served, nothing outside it is,
// and every response (refusals too) carries the strict CSP as a header.
import { mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  appIndexUrl,
  appOrigin,
  appResponseHeaders,
  isAppIndexUrl,
  isRegularFile,
  mimeTypeOf,
  refusalHeaders,
  resolveAppRequest,
  type AppRequestResolution,
  type RefusalStatus,
} from '../../../electron/app-protocol.js';
import { productionPolicy } from '../../../electron/csp.js';

let base: string;
let root: string;

beforeAll(() => {
  base = mkdtempSync(join(tmpdir(), 'shopdesk-app-protocol-'));
  root = join(base, 'renderer');
  mkdirSync(join(root, 'assets'), { recursive: true });
  writeFileSync(join(root, 'index.html'), '<!doctype html>');
  writeFileSync(join(root, 'favicon.svg'), '<svg/>');
  writeFileSync(join(root, 'assets', 'index-abc.js'), 'export {}');
  writeFileSync(join(root, 'assets', 'index-abc.css'), 'body{}');
  writeFileSync(join(root, 'assets', 'font.woff2'), 'woff2');
  writeFileSync(join(root, 'assets', 'data.bin'), 'bytes');
  // What a traversal would be after: a file next to the renderer folder.
  writeFileSync(join(base, 'secret.txt'), 'secret');
  symlinkSync(join(base, 'secret.txt'), join(root, 'assets', 'link.txt'));
});

afterAll(() => rmSync(base, { recursive: true, force: true }));

const get = (url: string, extra: { method?: string; initiatorOrigin?: string } = {}): AppRequestResolution =>
  resolveAppRequest({ url, method: extra.method ?? 'GET', initiatorOrigin: extra.initiatorOrigin }, root, isRegularFile);

const served = (path: string, mimeType: string): AppRequestResolution => ({ kind: 'file', path: join(root, path), mimeType });
const refused = (status: RefusalStatus): AppRequestResolution => ({ kind: 'refused', status });

describe('resolveAppRequest', () => {
  it('serves the renderer files with their MIME types, ignoring #route and ?query', () => {
    expect(get(appIndexUrl)).toEqual(served('index.html', 'text/html; charset=utf-8'));
    expect(get(`${appIndexUrl}#/products/12?tab=variants`)).toEqual(served('index.html', 'text/html; charset=utf-8'));
    expect(get(`${appOrigin}/`)).toEqual(served('index.html', 'text/html; charset=utf-8'));
    expect(get(`${appOrigin}/assets/index-abc.js?v=1`)).toEqual(served('assets/index-abc.js', 'text/javascript; charset=utf-8'));
    expect(get(`${appOrigin}/assets/index-abc.css`)).toEqual(served('assets/index-abc.css', 'text/css; charset=utf-8'));
    expect(get(`${appOrigin}/assets/font.woff2`)).toEqual(served('assets/font.woff2', 'font/woff2'));
    expect(get(`${appOrigin}/favicon.svg`)).toEqual(served('favicon.svg', 'image/svg+xml'));
    expect(get(`${appOrigin}/assets/data.bin`)).toEqual(served('assets/data.bin', 'application/octet-stream'));
    expect(get(`${appOrigin}/assets/index-abc.js`, { method: 'HEAD' })).toEqual(served('assets/index-abc.js', 'text/javascript; charset=utf-8'));
  });

  it('answers 404 for files that are not there, folders, and other hosts or schemes', () => {
    expect(get(`${appOrigin}/missing.js`)).toEqual(refused(404));
    expect(get(`${appOrigin}/assets`)).toEqual(refused(404));
    expect(get('app://elsewhere/index.html')).toEqual(refused(404));
    expect(get('app:///index.html')).toEqual(refused(404));
    expect(get(`file://${join(root, 'index.html')}`)).toEqual(refused(404));
  });

  it('never leaves the renderer folder: .., encoded dots and slashes, backslashes, absolute paths', () => {
    const attempts = [
      `${appOrigin}/../secret.txt`,
      `${appOrigin}/assets/../../secret.txt`,
      `${appOrigin}/%2e%2e/secret.txt`,
      `${appOrigin}/%2E%2E/secret.txt`,
      `${appOrigin}/.%2e/secret.txt`,
      `${appOrigin}/assets%2f..%2f..%2fsecret.txt`,
      `${appOrigin}/%2e%2e%2fsecret.txt`,
      `${appOrigin}/..%5csecret.txt`,
      `${appOrigin}/assets\\..\\..\\secret.txt`,
      `${appOrigin}/..\\secret.txt`,
      `${appOrigin}//${join(base, 'secret.txt')}`,
      `${appOrigin}/${encodeURIComponent(join(base, 'secret.txt'))}`,
      `${appOrigin}/C:/Windows/win.ini`,
      `${appOrigin}/index.html%00.js`,
      `${appOrigin}/assets/link.txt`,
    ];
    for (const url of attempts) {
      const answer = get(url);
      expect(answer.kind, url).toBe('refused');
      // The parser folds plain ".." into the path (→ 404 for /secret.txt in the folder); the rest is 403.
      if (answer.kind === 'refused') expect([403, 404], url).toContain(answer.status);
    }
    // The ones the URL parser cannot fold are refused as attempts, not merely missing.
    expect(get(`${appOrigin}/assets%2f..%2f..%2fsecret.txt`)).toEqual(refused(403));
    expect(get(`${appOrigin}/assets\\..\\..\\secret.txt`)).toEqual(refused(403));
    expect(get(`${appOrigin}//${join(base, 'secret.txt')}`)).toEqual(refused(403));
    expect(get(`${appOrigin}/${encodeURIComponent(join(base, 'secret.txt'))}`)).toEqual(refused(403));
  });

  it('refuses malformed URLs, other methods and requests made by another origin', () => {
    expect(get(`${appOrigin}/%E0%A4%A.js`)).toEqual(refused(400));
    expect(get('not a url')).toEqual(refused(400));
    expect(get(appIndexUrl, { method: 'POST' })).toEqual(refused(405));
    expect(get(appIndexUrl, { method: 'PUT' })).toEqual(refused(405));
    expect(get(`${appOrigin}/assets/index-abc.js`, { initiatorOrigin: 'https://evil.example' })).toEqual(refused(403));
    expect(get(`${appOrigin}/assets/index-abc.js`, { initiatorOrigin: 'null' })).toEqual(refused(403));
    expect(get(`${appOrigin}/assets/index-abc.js`, { initiatorOrigin: appOrigin })).toEqual(served('assets/index-abc.js', 'text/javascript; charset=utf-8'));
  });
});

describe('response headers', () => {
  it('carry the strict CSP, nosniff and the content type on files and refusals alike', () => {
    for (const headers of [appResponseHeaders(mimeTypeOf('a.js'), productionPolicy), refusalHeaders(productionPolicy)]) {
      expect(headers['Content-Security-Policy']).toBe(productionPolicy);
      expect(headers['X-Content-Type-Options']).toBe('nosniff');
      expect(headers['Content-Type']).toMatch(/^(text\/javascript|text\/plain); charset=utf-8$/);
    }
  });

  it('the production policy allows only the app itself to connect, script and frame', () => {
    const directives = new Map(productionPolicy.split('; ').map((d) => [d.split(' ')[0], d.split(' ').slice(1)]));
    expect(directives.get('connect-src')).toEqual(["'self'"]);
    expect(directives.get('script-src')).toEqual(["'self'"]);
    expect(directives.get('default-src')).toEqual(["'self'"]);
    expect(directives.get('frame-ancestors')).toEqual(["'none'"]);
    expect(directives.get('object-src')).toEqual(["'none'"]);
    expect(productionPolicy).not.toMatch(/\bws:|\bwss:|unsafe-eval|\*/);
  });
});

describe('isAppIndexUrl', () => {
  it('is the renderer page over app:// only', () => {
    expect(isAppIndexUrl(appIndexUrl)).toBe(true);
    expect(isAppIndexUrl(`${appIndexUrl}#/orders?x=1`)).toBe(true);
    expect(isAppIndexUrl(`${appOrigin}/assets/index-abc.js`)).toBe(false);
    expect(isAppIndexUrl('app://other/index.html')).toBe(false);
    expect(isAppIndexUrl('file:///index.html')).toBe(false);
    expect(isAppIndexUrl('https://shopdesk/index.html')).toBe(false);
    expect(isAppIndexUrl('garbage')).toBe(false);
  });
});
