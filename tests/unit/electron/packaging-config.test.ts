// The packaged build's configuration, checked without the Electron binary
// (which cannot be downloaded here): targets, asar and the unpacked native
// module, and the afterPack hook that flips the fuses — run for real on fake
// Electron binaries carrying the fuse wire.
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { FuseV1Options, getCurrentFuseWire } from '@electron/fuses';
import type { Configuration } from 'electron-builder';
import { afterAll, describe, expect, it } from 'vitest';
import { fontFiles } from '../../../src/documents/pdf.js';

const require = createRequire(import.meta.url);
const root = join(import.meta.dirname, '..', '..', '..');
const config = require(join(root, 'electron-builder.config.cjs')) as Configuration;

interface AfterPackContext {
  electronPlatformName: string;
  appOutDir: string;
  arch: number;
  packager: { executableName: string; appInfo: { productFilename: string } };
}
interface FusesHook {
  (context: AfterPackContext): Promise<void>;
  fuseSettings: Readonly<Record<number, boolean>>;
}
const hook = require(join(root, 'scripts', 'after-pack-fuses.cjs')) as FusesHook;

const packageJson = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as {
  scripts: Record<string, string>;
  devDependencies: Record<string, string>;
};

const targetsOf = (options: { target?: unknown } | null | undefined): unknown => options?.target;

describe('electron-builder configuration', () => {
  it('builds Shopdesk for Linux (AppImage, deb), Windows (NSIS) and macOS (dmg)', () => {
    expect(config.appId).toBe('app.shopdesk.desktop');
    expect(config.productName).toBe('Shopdesk');
    expect(targetsOf(config.linux)).toEqual(['AppImage', 'deb']);
    expect(targetsOf(config.win)).toEqual(['nsis']);
    expect(targetsOf(config.mac)).toEqual(['dmg']);
    // Nothing is published from a build.
    expect(config.publish).toBeNull();
  });

  it('packs the built bundles into app.asar, with the Electron-ABI SQLite module unpacked where the shell loads it', () => {
    expect(config.asar).toBe(true);
    expect(config.files).toContain('out/**');
    expect(config.asarUnpack).toContain('out/native/better_sqlite3.node');
    // node_modules/better-sqlite3 keeps its Node build (tests, serve mode): no in-place rebuild, and not packed.
    expect(config.npmRebuild).toBe(false);
    expect(config.files).toContain('!node_modules/better-sqlite3/build/**');
    // The three places that must agree on where the module lives.
    expect(readFileSync(join(root, 'electron', 'paths.ts'), 'utf8')).toContain("'app.asar.unpacked', 'out', 'native', 'better_sqlite3.node'");
    expect(readFileSync(join(root, 'scripts', 'package-native.mjs'), 'utf8')).toContain("join(root, 'out', 'native')");
  });

  it('keeps the font weights the PDF documents use', () => {
    const excluded = (Array.isArray(config.files) ? config.files : [])
      .filter((pattern): pattern is string => typeof pattern === 'string' && pattern.includes('noto-sans-sc'))
      .flatMap((pattern) => /\{([^}]+)\}/.exec(pattern)?.[1]?.split(',') ?? []);
    expect(excluded.length).toBeGreaterThan(0);
    for (const file of Object.values(fontFiles)) {
      const weight = /noto-sans-sc[\\/]([^\\/]+)[\\/]/.exec(file)?.[1];
      expect(weight, file).toBeDefined();
      expect(excluded).not.toContain(weight);
    }
  });

  it('uses an icon of at least 512 px that exists', () => {
    for (const options of [config.linux, config.win, config.mac]) {
      const icon = options?.icon;
      expect(typeof icon).toBe('string');
      const png = readFileSync(join(root, String(icon)));
      expect(png.subarray(1, 4).toString('latin1')).toBe('PNG');
      // IHDR: width and height, big-endian, at bytes 16 and 20.
      expect(png.readUInt32BE(16)).toBeGreaterThanOrEqual(512);
      expect(png.readUInt32BE(20)).toBeGreaterThanOrEqual(512);
    }
  });

  it('runs the fuses hook after packing', () => {
    expect(config.afterPack).toBe('./scripts/after-pack-fuses.cjs');
    expect(typeof hook).toBe('function');
  });
});

describe('fuses', () => {
  it('are the required ones', () => {
    expect(hook.fuseSettings).toEqual({
      [FuseV1Options.RunAsNode]: false,
      [FuseV1Options.EnableNodeOptionsEnvironmentVariable]: false,
      [FuseV1Options.EnableNodeCliInspectArguments]: false,
      [FuseV1Options.EnableCookieEncryption]: true,
      [FuseV1Options.EnableEmbeddedAsarIntegrityValidation]: true,
      [FuseV1Options.OnlyLoadAppFromAsar]: true,
      [FuseV1Options.GrantFileProtocolExtraPrivileges]: false,
    });
  });

  const work = mkdtempSync(join(tmpdir(), 'shopdesk-fuses-'));
  afterAll(() => rmSync(work, { recursive: true, force: true }));

  /** Bytes around Electron's fuse wire as the real binary has it: sentinel, version 1, length, then '1'/'0' per fuse. */
  function fakeElectron(path: string): void {
    const sentinel = Buffer.from('dL7pKGdnNz796PbbjQWNKmHXBZaB9tsX', 'latin1');
    // Electron's defaults: RunAsNode, cookie encryption off, NODE_OPTIONS and --inspect on, …
    const wire = Buffer.from([1, 8, ...'10110001'].map((c) => (typeof c === 'number' ? c : c.charCodeAt(0))));
    const filler = Buffer.alloc(1024, 0x90);
    writeFileSync(path, Buffer.concat([filler, sentinel, wire, filler]));
  }

  const platforms: Array<{ platform: string; binary: string[]; fuseFile: string[] }> = [
    { platform: 'linux', binary: ['shopdesk'], fuseFile: ['shopdesk'] },
    { platform: 'win32', binary: ['Shopdesk.exe'], fuseFile: ['Shopdesk.exe'] },
    {
      platform: 'darwin',
      binary: ['Shopdesk.app'],
      fuseFile: ['Shopdesk.app', 'Contents', 'Frameworks', 'Electron Framework.framework', 'Electron Framework'],
    },
  ];

  for (const { platform, binary, fuseFile } of platforms) {
    it(`are flipped in the packed ${platform} binary by the afterPack hook`, async () => {
      const appOutDir = join(work, platform);
      const file = join(appOutDir, ...fuseFile);
      mkdirSync(join(file, '..'), { recursive: true });
      fakeElectron(file);
      const log = console.log;
      console.log = () => undefined;
      try {
        await hook({
          electronPlatformName: platform,
          appOutDir,
          arch: 1, // x64: no ad-hoc re-signing
          packager: { executableName: 'shopdesk', appInfo: { productFilename: 'Shopdesk' } },
        });
      } finally {
        console.log = log;
      }
      // For macOS @electron/fuses finds the framework inside the .app, as the hook passes it.
      const wire = await getCurrentFuseWire(join(appOutDir, ...binary));
      const on = '1'.charCodeAt(0);
      const off = '0'.charCodeAt(0);
      expect(wire[FuseV1Options.RunAsNode]).toBe(off);
      expect(wire[FuseV1Options.EnableNodeOptionsEnvironmentVariable]).toBe(off);
      expect(wire[FuseV1Options.EnableNodeCliInspectArguments]).toBe(off);
      expect(wire[FuseV1Options.EnableCookieEncryption]).toBe(on);
      expect(wire[FuseV1Options.EnableEmbeddedAsarIntegrityValidation]).toBe(on);
      expect(wire[FuseV1Options.OnlyLoadAppFromAsar]).toBe(on);
      expect(wire[FuseV1Options.GrantFileProtocolExtraPrivileges]).toBe(off);
    });
  }

  it('the hook fails the build when the binary has no fuse wire', async () => {
    const appOutDir = join(work, 'broken');
    mkdirSync(appOutDir, { recursive: true });
    writeFileSync(join(appOutDir, 'shopdesk'), 'not electron');
    await expect(
      hook({ electronPlatformName: 'linux', appOutDir, arch: 1, packager: { executableName: 'shopdesk', appInfo: { productFilename: 'Shopdesk' } } }),
    ).rejects.toThrow(/sentinel/);
  });
});

describe('package.json', () => {
  it('pins Electron to an exact 45.x and the packaging tools exactly, with a package script', () => {
    expect(packageJson.devDependencies['electron']).toMatch(/^45\.\d+\.\d+$/);
    expect(packageJson.devDependencies['electron-builder']).toMatch(/^\d+\.\d+\.\d+$/);
    expect(packageJson.devDependencies['@electron/fuses']).toMatch(/^\d+\.\d+\.\d+$/);
    expect(packageJson.scripts['package']).toBe(
      'electron-vite build && node scripts/package-native.mjs && electron-builder --config electron-builder.config.cjs',
    );
  });

  it('installing Electron downloads nothing (no install script; the binary comes on first start)', () => {
    const electron = JSON.parse(readFileSync(join(root, 'node_modules', 'electron', 'package.json'), 'utf8')) as {
      version: string;
      scripts?: Record<string, string>;
    };
    expect(electron.version).toBe(packageJson.devDependencies['electron']);
    for (const hookName of ['preinstall', 'install', 'postinstall']) expect(electron.scripts?.[hookName]).toBeUndefined();
  });
});
