// Where `npm start`'s serve-mode fallback opens the browser, and where it only prints the address.
import { expect, it } from 'vitest';
import { browserOpener } from '../../../src/server/open-browser.js';

const url = 'http://127.0.0.1:5178/?token=abc';

it('opens with the platform opener where there is a screen, and not on headless machines', () => {
  expect(browserOpener(url, 'linux', { DISPLAY: ':0' })).toEqual({ command: 'xdg-open', args: [url] });
  expect(browserOpener(url, 'linux', { WAYLAND_DISPLAY: 'wayland-0' })).toEqual({ command: 'xdg-open', args: [url] });
  expect(browserOpener(url, 'linux', {})).toBeNull();
  expect(browserOpener(url, 'darwin', {})).toEqual({ command: 'open', args: [url] });
  expect(browserOpener(url, 'win32', {})).toEqual({ command: 'cmd', args: ['/c', 'start', '""', url] });
  expect(browserOpener(url, 'darwin', { SHOPDESK_NO_BROWSER: '1' })).toBeNull();
});
