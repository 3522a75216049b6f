// The three-way compare of one synced price field (issue 14, "prices out"): last synced (the
// base, what Shopdesk last set or accepted on the channel), local and remote. Pure, so every
// ownership × change combination is tested without a database. The rule (channel-settings.ts):
//
//   change since base      shopdesk owns          channel owns            ask
//   none                   —                      —                       —
//   local only             push local             — (the shop's own)      review (local changed)
//   remote only            push local back        accept remote as base   review (remote changed)
//   both, same value       record it as base      record it as base       record it as base
//   both, different        review (conflict)      accept remote as base   review (conflict)
//
// Channel ownership never pushes, so a local edit there overwrites nothing and a "conflict" is
// just the channel's value: accepted as the base. Nothing is decided by which edit came last.
// A never-synced field (no base yet, a new link) has no "since": equal values are recorded, and a
// difference is pushed (shopdesk), accepted (channel) or asked about (ask).
import type { FieldOwner } from './channel-settings.js';

export const priceFields = ['price', 'compareAtPrice'] as const;
export type PriceField = (typeof priceFields)[number];

export interface FieldValues {
  /** Last synced value; `baseKnown` false when the field was never synced (null is a value for compare-at). */
  base: number | null;
  baseKnown: boolean;
  local: number | null;
  /** The remote value as last read; `remoteKnown` false when unknown (then taken as unchanged from base). */
  remote: number | null;
  remoteKnown: boolean;
}

export type ReviewReason = 'localPriceChanged' | 'remotePriceChanged' | 'priceConflict' | 'priceDiffersAtLink';

export type FieldDecision =
  /** Nothing to send or record. */
  | { action: 'none' }
  /** Send the local value; `overwritesRemote` when a remote edit is replaced (logged). */
  | { action: 'push'; value: number | null; overwritesRemote: boolean }
  /** The remote value becomes the base; the local value is left alone. */
  | { action: 'accept'; value: number | null }
  /** Both sides already agree: the agreed value becomes the base. */
  | { action: 'record'; value: number | null }
  /** A person decides: a 'conflict' review item with the three values. */
  | { action: 'review'; reason: ReviewReason; lastSynced: number | null; local: number | null; remote: number | null };

/** What the remote holds for the compare: its value when known, else the base (unchanged). */
export function effectiveRemote(values: FieldValues): number | null {
  if (values.remoteKnown) return values.remote;
  return values.baseKnown ? values.base : values.local;
}

export function decideField(values: FieldValues, owner: FieldOwner): FieldDecision {
  const { local } = values;
  const remote = effectiveRemote(values);
  if (!values.baseKnown) return decideUnsynced(local, remote, values.remoteKnown, owner);
  const base = values.base;
  const localChanged = local !== base;
  const remoteChanged = remote !== base;
  const review = (why: ReviewReason): FieldDecision => ({ action: 'review', reason: why, lastSynced: base, local, remote });
  if (!localChanged && !remoteChanged) return { action: 'none' };
  if (localChanged && !remoteChanged) {
    if (owner === 'shopdesk') return { action: 'push', value: local, overwritesRemote: false };
    return owner === 'ask' ? review('localPriceChanged') : { action: 'none' };
  }
  if (!localChanged) {
    if (owner === 'shopdesk') return { action: 'push', value: local, overwritesRemote: true };
    return owner === 'channel' ? { action: 'accept', value: remote } : review('remotePriceChanged');
  }
  if (local === remote) return { action: 'record', value: local };
  return owner === 'channel' ? { action: 'accept', value: remote } : review('priceConflict');
}

function decideUnsynced(local: number | null, remote: number | null, remoteKnown: boolean, owner: FieldOwner): FieldDecision {
  if (remoteKnown && local === remote) return { action: 'record', value: local };
  if (owner === 'shopdesk') return { action: 'push', value: local, overwritesRemote: remoteKnown };
  if (owner === 'channel') return remoteKnown ? { action: 'accept', value: remote } : { action: 'none' };
  return { action: 'review', reason: remoteKnown ? 'priceDiffersAtLink' : 'localPriceChanged', lastSynced: null, local, remote: remoteKnown ? remote : null };
}

/** Translation key of a review reason: one `sync.review.*` family for every connector. */
export const reviewReasonKey = (why: ReviewReason): string => `sync.review.${why}`;
