// The application menu. The Edit roles are not decoration: on macOS the
// clipboard shortcuts only work when a menu item with that role exists, and
// the grids rely on them for copy/paste.
import { Menu, shell, type MenuItemConstructorOptions } from 'electron';
import { devToolsAllowed, readmePath } from './paths.js';

export function buildAppMenu(): Menu {
  const isMac = process.platform === 'darwin';
  const view: MenuItemConstructorOptions[] = [
    { role: 'reload' },
    { role: 'forceReload' },
    // DevTools would let anyone run code with the bridge; development builds only (dev-switches.ts).
    ...(devToolsAllowed() ? [{ role: 'toggleDevTools' } satisfies MenuItemConstructorOptions] : []),
    { type: 'separator' },
    { role: 'resetZoom' },
    { role: 'zoomIn' },
    { role: 'zoomOut' },
    { type: 'separator' },
    { role: 'togglefullscreen' },
  ];

  const template: MenuItemConstructorOptions[] = [
    ...(isMac ? [{ role: 'appMenu' } satisfies MenuItemConstructorOptions] : []),
    { label: '&File', submenu: [isMac ? { role: 'close' } : { role: 'quit' }] },
    {
      label: '&Edit',
      submenu: [
        { role: 'undo' },
        { role: 'redo' },
        { type: 'separator' },
        { role: 'cut' },
        { role: 'copy' },
        { role: 'paste' },
        { type: 'separator' },
        { role: 'selectAll' },
      ],
    },
    { label: '&View', submenu: view },
    { role: 'windowMenu' },
    {
      role: 'help',
      submenu: [
        {
          label: 'Shopdesk README',
          click: () => {
            // openPath resolves to an error string instead of throwing.
            void shell.openPath(readmePath()).then((error) => {
              if (error) console.error(`Could not open the README: ${error}`);
            });
          },
        },
      ],
    },
  ];
  return Menu.buildFromTemplate(template);
}
