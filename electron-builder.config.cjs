// electron-builder configuration: `npm run package` (docs/packaging.md).
// Linux AppImage + deb, Windows NSIS, macOS dmg. Each is built on its own OS
// (the native SQLite module cannot be cross-compiled). Checked by
// tests/unit/electron/packaging-config.test.ts.
'use strict';

/** @type {import('electron-builder').Configuration} */
module.exports = {
  appId: 'app.shopdesk.desktop',
  productName: 'Shopdesk',
  copyright: 'Copyright © Shopdesk contributors',
  directories: { output: 'dist', buildResources: 'build' },

  // The bundles electron-vite built (main with the core and its migrations, preload,
  // renderer) plus the Electron-ABI better-sqlite3 that scripts/package-native.mjs put
  // in out/native/. electron-builder adds package.json and the production
  // dependencies the main bundle requires at run time.
  files: [
    'out/**',
    // better-sqlite3's Node-ABI build and its C sources: the app loads out/native/ instead.
    '!node_modules/better-sqlite3/build/**',
    '!node_modules/better-sqlite3/deps/**',
    '!node_modules/better-sqlite3/src/**',
    // The PDF documents embed two weights of Noto Sans SC (src/documents/pdf.ts); the other
    // seven are 77 MB the app never reads.
    '!node_modules/@expo-google-fonts/noto-sans-sc/{100Thin,200ExtraLight,300Light,500Medium,600SemiBold,800ExtraBold,900Black}/**',
  ],
  asar: true,
  // A native library cannot be loaded from inside app.asar: electron/paths.ts loads it
  // from resources/app.asar.unpacked/out/native/.
  asarUnpack: ['out/native/better_sqlite3.node', '**/*.node'],
  // Never rebuild node_modules/better-sqlite3 in place for Electron: tests and serve mode
  // need its Node build. out/native/ holds the Electron build.
  npmRebuild: false,
  // Help → README opens it with the OS, which cannot read inside app.asar.
  extraResources: [{ from: 'README.md', to: 'README.md' }],
  afterPack: './scripts/after-pack-fuses.cjs',
  // Nothing is uploaded from a build.
  publish: null,
  extraMetadata: { desktopName: 'shopdesk.desktop' },

  linux: {
    target: ['AppImage', 'deb'],
    category: 'Office',
    icon: 'build/icon.png',
    maintainer: 'Shopdesk',
    synopsis: 'Offline operations workstation for small e-commerce shops',
    // The .desktop file is named after desktopName, which Electron also uses as the window's
    // app id / WM_CLASS, so the desktop links the running window to its launcher.
    syncDesktopName: true,
  },
  win: {
    target: ['nsis'],
    icon: 'build/icon.png',
  },
  nsis: {
    oneClick: false,
    perMachine: false,
    allowToChangeInstallationDirectory: true,
    createDesktopShortcut: true,
  },
  mac: {
    target: ['dmg'],
    category: 'public.app-category.business',
    icon: 'build/icon.png',
    hardenedRuntime: true,
  },
};
