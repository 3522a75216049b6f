// Channel credentials (tokens, keys, passwords) are stored only sealed. The desktop app will seal
// with Electron safeStorage (the OS keychain); serve mode and tests seal with AES-256-GCM under a
// 32-byte key kept in a file in the user-data folder, readable by its owner only. Both sit behind
// `SecretSealer`, so the engine never knows which one is in use.
//
// Nothing here logs, and no error carries a secret or the key: a failure says what is wrong
// (file permissions, wrong key, damaged record) and nothing of the content.
import { createCipheriv, createDecipheriv, randomBytes } from 'node:crypto';
import { closeSync, fstatSync, openSync, readFileSync, statSync, writeSync } from 'node:fs';
import { join } from 'node:path';

export type SealerScheme = 'keyfile-aes-256-gcm' | 'electron-safe-storage';

export interface SecretSealer {
  readonly scheme: SealerScheme;
  /** `context` (e.g. "channel:3") is bound into the seal, so a record copied to another channel does not open. */
  seal(plain: string, context: string): string;
  open(sealed: string, context: string): string;
}

export class VaultError extends Error {
  readonly key: 'keyFileExposed' | 'keyFileInvalid' | 'credentialsUnreadable';
  constructor(key: VaultError['key'], message: string) {
    super(message);
    this.name = 'VaultError';
    this.key = key;
  }
}

export const keyFileName = 'sync-credentials.key';
const keyBytes = 32;
const nonceBytes = 12;
const tagBytes = 16;
/** First byte of every sealed record, so a later format can be told apart. */
const formatVersion = 1;

/** Group or other may read, write or execute: the key would no longer be the owner's alone. */
function exposedMode(mode: number): boolean {
  return (mode & 0o077) !== 0;
}

function checkPermissions(path: string, mode: number, uid: number): void {
  // POSIX permissions mean nothing on Windows; there the user-data folder's ACL protects the file.
  if (process.platform === 'win32') return;
  if (exposedMode(mode)) {
    throw new VaultError('keyFileExposed', `${path} can be read by other users (mode ${(mode & 0o777).toString(8)}); allow only its owner (chmod 600).`);
  }
  if (typeof process.getuid === 'function' && uid !== process.getuid()) {
    throw new VaultError('keyFileExposed', `${path} belongs to another user; it must belong to the user running Shopdesk.`);
  }
}

/** Reads the key file, creating it (0600, random key) when absent; refuses a file others can read. */
export function loadOrCreateKey(userDataDir: string): Buffer {
  const path = join(userDataDir, keyFileName);
  let fd: number | null = null;
  try {
    // 'wx': fail if it exists, so two processes starting together never overwrite each other's key.
    fd = openSync(path, 'wx', 0o600);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
  }
  if (fd !== null) {
    try {
      const key = randomBytes(keyBytes);
      writeSync(fd, key);
      const stat = fstatSync(fd);
      checkPermissions(path, stat.mode, stat.uid);
      return key;
    } finally {
      closeSync(fd);
    }
  }
  const stat = statSync(path);
  checkPermissions(path, stat.mode, stat.uid);
  const key = readFileSync(path);
  if (key.length !== keyBytes) throw new VaultError('keyFileInvalid', `${path} is not a Shopdesk key file (wrong length).`);
  return key;
}

/** AES-256-GCM with a fresh random nonce per record: base64(version | nonce | ciphertext | tag). */
export function keyFileSealer(key: Buffer): SecretSealer {
  if (key.length !== keyBytes) throw new VaultError('keyFileInvalid', 'The credential key must be 32 bytes.');
  return {
    scheme: 'keyfile-aes-256-gcm',
    seal(plain, context) {
      const nonce = randomBytes(nonceBytes);
      const cipher = createCipheriv('aes-256-gcm', key, nonce);
      cipher.setAAD(Buffer.from(context, 'utf8'));
      const body = Buffer.concat([cipher.update(plain, 'utf8'), cipher.final()]);
      return Buffer.concat([Buffer.from([formatVersion]), nonce, body, cipher.getAuthTag()]).toString('base64');
    },
    open(sealed, context) {
      const bytes = Buffer.from(sealed, 'base64');
      if (bytes.length < 1 + nonceBytes + tagBytes || bytes[0] !== formatVersion) {
        throw new VaultError('credentialsUnreadable', 'The stored credentials are damaged; enter them again.');
      }
      const nonce = bytes.subarray(1, 1 + nonceBytes);
      const tag = bytes.subarray(bytes.length - tagBytes);
      const body = bytes.subarray(1 + nonceBytes, bytes.length - tagBytes);
      try {
        const decipher = createDecipheriv('aes-256-gcm', key, nonce);
        decipher.setAAD(Buffer.from(context, 'utf8'));
        decipher.setAuthTag(tag);
        return Buffer.concat([decipher.update(body), decipher.final()]).toString('utf8');
      } catch {
        // GCM authentication failed: another key (a different user-data folder) or a changed record.
        throw new VaultError('credentialsUnreadable', 'The stored credentials cannot be opened with this key; enter them again.');
      }
    },
  };
}

/** The serve-mode / test sealer: the key file in `userDataDir`, created on first use. */
export function keyFileSealerIn(userDataDir: string): SecretSealer {
  return keyFileSealer(loadOrCreateKey(userDataDir));
}

/** What Electron's safeStorage offers; the desktop shell passes it in (the core never imports electron). */
export interface SafeStorageLike {
  isEncryptionAvailable(): boolean;
  encryptString(plain: string): Buffer;
  decryptString(encrypted: Buffer): string;
}

/**
 * Seals with the OS keychain. safeStorage has no associated data, so the context is sealed
 * with the secret and checked on open.
 */
export function safeStorageSealer(safeStorage: SafeStorageLike): SecretSealer {
  return {
    scheme: 'electron-safe-storage',
    seal(plain, context) {
      if (!safeStorage.isEncryptionAvailable()) throw new VaultError('credentialsUnreadable', 'The system keychain is not available.');
      return safeStorage.encryptString(JSON.stringify([context, plain])).toString('base64');
    },
    open(sealed, context) {
      let parsed: unknown;
      try {
        parsed = JSON.parse(safeStorage.decryptString(Buffer.from(sealed, 'base64')));
      } catch {
        throw new VaultError('credentialsUnreadable', 'The stored credentials cannot be opened by the system keychain; enter them again.');
      }
      if (!Array.isArray(parsed) || parsed[0] !== context || typeof parsed[1] !== 'string') {
        throw new VaultError('credentialsUnreadable', 'The stored credentials belong to another channel; enter them again.');
      }
      return parsed[1];
    },
  };
}
