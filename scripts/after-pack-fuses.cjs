// electron-builder afterPack hook: flips the packaged Electron binary's fuses
// (https://www.electronjs.org/docs/latest/tutorial/fuses) before it is signed.
// Fuses are bits compiled into the binary, so they hold whatever the
// environment or command line says:
//   RunAsNode off ............................. ELECTRON_RUN_AS_NODE cannot turn Shopdesk into a plain Node runtime
//   EnableNodeOptionsEnvironmentVariable off .. NODE_OPTIONS cannot inject code (--require) into the main process
//   EnableNodeCliInspectArguments off ......... --inspect cannot attach a debugger to the main process
//   EnableCookieEncryption on ................. the session's cookie store is encrypted with an OS-keychain key
//   EnableEmbeddedAsarIntegrityValidation on .. app.asar must match the hash electron-builder embeds (macOS, Windows)
//   OnlyLoadAppFromAsar on .................... the app is loaded from app.asar only, never from a planted app/ folder
//   GrantFileProtocolExtraPrivileges off ...... file:// gets no special powers: the window loads app:// (electron/app-protocol.ts)
// CommonJS because electron-builder require()s its hooks; checked by tests/unit/electron/packaging-config.test.ts.
'use strict';
/* eslint-disable @typescript-eslint/no-require-imports -- a CommonJS file: require() is its import */
const { join } = require('node:path');
const { flipFuses, getCurrentFuseWire, FuseV1Options, FuseVersion } = require('@electron/fuses');

const fuseSettings = Object.freeze({
  [FuseV1Options.RunAsNode]: false,
  [FuseV1Options.EnableNodeOptionsEnvironmentVariable]: false,
  [FuseV1Options.EnableNodeCliInspectArguments]: false,
  [FuseV1Options.EnableCookieEncryption]: true,
  [FuseV1Options.EnableEmbeddedAsarIntegrityValidation]: true,
  [FuseV1Options.OnlyLoadAppFromAsar]: true,
  [FuseV1Options.GrantFileProtocolExtraPrivileges]: false,
});

/** electron-builder's Arch enum values (builder-util), for the macOS ad-hoc signature rule. */
const archArm64 = 3;
const archUniversal = 4;

/** The packaged Electron executable (for macOS the .app bundle; @electron/fuses finds the framework inside). */
function electronBinaryPath(context) {
  const { electronPlatformName, appOutDir, packager } = context;
  switch (electronPlatformName) {
    case 'darwin':
    case 'mas':
      return join(appOutDir, `${packager.appInfo.productFilename}.app`);
    case 'win32':
      return join(appOutDir, `${packager.appInfo.productFilename}.exe`);
    case 'linux':
      return join(appOutDir, packager.executableName);
    default:
      throw new Error(`after-pack-fuses: unknown platform ${electronPlatformName}`);
  }
}

async function afterPack(context) {
  const binary = electronBinaryPath(context);
  const darwin = context.electronPlatformName === 'darwin' || context.electronPlatformName === 'mas';
  await flipFuses(binary, {
    version: FuseVersion.V1,
    // Apple silicon refuses to run a binary whose ad-hoc signature no longer matches; re-sign ad hoc
    // (a real signature, if configured, comes after this hook).
    resetAdHocDarwinSignature: darwin && (context.arch === archArm64 || context.arch === archUniversal),
    ...fuseSettings,
  });
  // Read back: a package with a fuse left as it was must not ship.
  const wire = await getCurrentFuseWire(binary);
  for (const [fuse, enabled] of Object.entries(fuseSettings)) {
    const expected = enabled ? '1'.charCodeAt(0) : '0'.charCodeAt(0);
    if (wire[fuse] !== expected) throw new Error(`after-pack-fuses: fuse ${FuseV1Options[fuse]} is not ${enabled ? 'on' : 'off'} in ${binary}`);
  }
  console.log(`  • fuses set in ${binary}`);
}

module.exports = afterPack;
module.exports.afterPack = afterPack;
module.exports.fuseSettings = fuseSettings;
module.exports.electronBinaryPath = electronBinaryPath;
