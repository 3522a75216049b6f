// Password and PIN hashing with scrypt (Node's crypto, i.e. OpenSSL's): memory-hard,
// salted per secret, parameters stored with the hash so they can be raised later
// without breaking old hashes. Stored as 'scrypt$N$r$p$salt$hash' (base64url).
import { randomBytes, scrypt as scryptCallback, timingSafeEqual, type ScryptOptions } from 'node:crypto';

const keyLength = 32;
/** N = 2^15, r = 8: ~32 MiB and ~50–100 ms per check on this class of machine. */
const defaults = { N: 32768, r: 8, p: 1 } as const;

function scrypt(secret: string, salt: Buffer, options: ScryptOptions): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    scryptCallback(secret.normalize('NFC'), salt, keyLength, { ...options, maxmem: 128 * options.N! * options.r! * 2 }, (error, key) =>
      error ? reject(error) : resolve(key),
    );
  });
}

export async function hashSecret(secret: string): Promise<string> {
  const salt = randomBytes(16);
  const key = await scrypt(secret, salt, defaults);
  return ['scrypt', defaults.N, defaults.r, defaults.p, salt.toString('base64url'), key.toString('base64url')].join('$');
}

/** Whether `secret` matches `stored`; a malformed stored value never matches. */
export async function verifySecret(secret: string, stored: string): Promise<boolean> {
  const [scheme, n, r, p, salt, hash] = stored.split('$');
  if (scheme !== 'scrypt' || !n || !r || !p || !salt || !hash) return false;
  const expected = Buffer.from(hash, 'base64url');
  const key = await scrypt(secret, Buffer.from(salt, 'base64url'), { N: Number(n), r: Number(r), p: Number(p) });
  return key.length === expected.length && timingSafeEqual(key, expected);
}

let dummy: string | null = null;
/**
 * Spends the time of one check against a hash that matches nothing: an unknown sign-in name
 * answers as slowly as a wrong password, so timing does not tell which names exist.
 */
export async function verifyAgainstNothing(secret: string): Promise<false> {
  dummy ??= await hashSecret(randomBytes(12).toString('base64url'));
  await verifySecret(secret, dummy);
  return false;
}
