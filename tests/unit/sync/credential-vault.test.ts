import { chmodSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { keyFileName, keyFileSealer, keyFileSealerIn, loadOrCreateKey, safeStorageSealer, VaultError, type SafeStorageLike } from '../../../src/sync/credential-vault.js';

const dirs: string[] = [];
const freshDir = (): string => {
  const dir = mkdtempSync(join(tmpdir(), 'shopdesk-vault-'));
  dirs.push(dir);
  return dir;
};
afterEach(() => {
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});

const token = 'shpat_0123456789abcdef0123456789abcdef';
const posix = process.platform !== 'win32';

function vaultErrorKey(run: () => unknown): string {
  try {
    run();
  } catch (error) {
    if (error instanceof VaultError) return error.key;
    throw error;
  }
  throw new Error('expected a VaultError');
}

describe('key-file sealer', () => {
  it('round-trips a secret, and the sealed text contains neither the secret nor the same bytes twice', () => {
    const sealer = keyFileSealerIn(freshDir());
    const sealed = sealer.seal(token, 'channel:1');
    expect(sealed).not.toContain(token);
    expect(Buffer.from(sealed, 'base64').toString('latin1')).not.toContain(token);
    expect(sealer.seal(token, 'channel:1')).not.toBe(sealed); // fresh nonce per record
    expect(sealer.open(sealed, 'channel:1')).toBe(token);
    expect(sealer.open(sealer.seal('密码 ✓', 'channel:1'), 'channel:1')).toBe('密码 ✓');
  });

  it('refuses to open under another key, for another channel, or after the record was changed — without quoting it', () => {
    const sealed = keyFileSealerIn(freshDir()).seal(token, 'channel:1');
    const otherKey = keyFileSealerIn(freshDir());
    expect(vaultErrorKey(() => otherKey.open(sealed, 'channel:1'))).toBe('credentialsUnreadable');

    const sameDir = freshDir();
    const sealer = keyFileSealerIn(sameDir);
    const mine = sealer.seal(token, 'channel:1');
    expect(vaultErrorKey(() => sealer.open(mine, 'channel:2'))).toBe('credentialsUnreadable');
    const bytes = Buffer.from(mine, 'base64');
    bytes[bytes.length - 20] = (bytes[bytes.length - 20] ?? 0) ^ 1;
    expect(vaultErrorKey(() => sealer.open(bytes.toString('base64'), 'channel:1'))).toBe('credentialsUnreadable');
    expect(vaultErrorKey(() => sealer.open('', 'channel:1'))).toBe('credentialsUnreadable');
    try {
      otherKey.open(sealed, 'channel:1');
    } catch (error) {
      expect(String((error as Error).message)).not.toContain(token);
    }
  });

  it('keeps using the key it created, so records sealed earlier still open', () => {
    const dir = freshDir();
    const sealed = keyFileSealerIn(dir).seal(token, 'channel:4');
    expect(keyFileSealerIn(dir).open(sealed, 'channel:4')).toBe(token);
    expect(readFileSync(join(dir, keyFileName))).toHaveLength(32);
  });

  it.runIf(posix)('creates the key file readable by its owner only', () => {
    const dir = freshDir();
    loadOrCreateKey(dir);
    expect(statSync(join(dir, keyFileName)).mode & 0o777).toBe(0o600);
  });

  it.runIf(posix)('refuses a key file that group or others can read, and a file that is not a key', () => {
    const dir = freshDir();
    loadOrCreateKey(dir);
    chmodSync(join(dir, keyFileName), 0o640);
    expect(vaultErrorKey(() => loadOrCreateKey(dir))).toBe('keyFileExposed');
    chmodSync(join(dir, keyFileName), 0o604);
    expect(vaultErrorKey(() => loadOrCreateKey(dir))).toBe('keyFileExposed');

    const short = freshDir();
    writeFileSync(join(short, keyFileName), 'not a key', { mode: 0o600 });
    expect(vaultErrorKey(() => loadOrCreateKey(short))).toBe('keyFileInvalid');
  });

  it('refuses a key of the wrong size', () => {
    expect(vaultErrorKey(() => keyFileSealer(Buffer.alloc(16)))).toBe('keyFileInvalid');
  });
});

describe('safeStorage sealer', () => {
  // A stand-in keychain: reversible, but not the identity, like the real one.
  const fakeKeychain: SafeStorageLike = {
    isEncryptionAvailable: () => true,
    encryptString: (plain) => Buffer.from(Buffer.from(plain, 'utf8').map((b) => b ^ 0x5a)),
    decryptString: (encrypted) => Buffer.from(encrypted.map((b) => b ^ 0x5a)).toString('utf8'),
  };

  it('round-trips through the keychain and refuses a record of another channel', () => {
    const sealer = safeStorageSealer(fakeKeychain);
    const sealed = sealer.seal(token, 'channel:1');
    expect(sealed).not.toContain(token);
    expect(sealer.open(sealed, 'channel:1')).toBe(token);
    expect(vaultErrorKey(() => sealer.open(sealed, 'channel:2'))).toBe('credentialsUnreadable');
  });

  it('refuses to seal when the keychain is unavailable rather than storing in clear', () => {
    const sealer = safeStorageSealer({ ...fakeKeychain, isEncryptionAvailable: () => false });
    expect(vaultErrorKey(() => sealer.seal(token, 'channel:1'))).toBe('credentialsUnreadable');
  });
});
