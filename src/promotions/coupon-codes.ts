// Coupon code generation and the control-group assignment of segment campaigns. Pure.
import { randomInt } from 'node:crypto';
import { couponAlphabet } from './coupon-contract.js';

/**
 * One code: the prefix as typed, then `length` characters drawn uniformly from couponAlphabet
 * with crypto.randomInt (a code is a bearer discount: it must not be guessable from another).
 */
export function randomCode(prefix: string, length: number): string {
  let code = prefix;
  for (let i = 0; i < length; i += 1) code += couponAlphabet[randomInt(couponAlphabet.length)];
  return code;
}

/**
 * FNV-1a (32-bit) of a string's UTF-16 code units; the inputs here are ASCII, so this equals the
 * byte-wise hash. Cheap, stable across runs and machines, and spreads consecutive ids evenly.
 */
export function fnv1a32(text: string): number {
  let hash = 0x811c9dc5;
  for (let i = 0; i < text.length; i += 1) {
    hash ^= text.charCodeAt(i);
    hash = Math.imul(hash, 0x01000193);
  }
  return hash >>> 0;
}

/**
 * Whether a customer is held out of a campaign: a hash of (promotion, customer) into 10,000
 * buckets against the control share in basis points. Deterministic, so the same customer lands in
 * the same group on every preview and when the audience is frozen; salted with the promotion so a
 * customer is not in every campaign's control group.
 */
export function inControlGroup(promotionId: number, customerId: number, controlShareBp: number): boolean {
  return fnv1a32(`${promotionId}:${customerId}`) % 10_000 < controlShareBp;
}
