// The shop file's health: ok, or damaged since a moment with SQLite's words for
// it. Set by the quick_check at open (src/shop/database.ts), by the scheduled
// check, and by any SQLITE_CORRUPT / SQLITE_NOTADB an operation meets
// (src/shared/env-errors.ts). While damaged the router refuses writes: going on
// writing to a damaged b-tree spreads the damage, and the way out is a restore.
// One process has one shop open, so the state is the process's; each opening
// of a shop sets it afresh from its own check.
import { AppError } from '../shared/app-error.js';
import type { HealthState } from './contract.js';

let state: HealthState = { state: 'ok', checkedAt: null };
const listeners = new Set<(state: HealthState) => void>();

export function shopHealth(): HealthState {
  return state;
}

function set(next: HealthState): void {
  state = next;
  for (const listener of listeners) listener(next);
}

/** Notified on every change of state (the core can emit an event for the UI's banner). */
export function onShopHealth(listener: (state: HealthState) => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

let openCheck: Promise<void> | null = null;

/** The check of a file just opened, running in a worker: writes and the health answer wait for it. */
export function checkingAtOpen(check: Promise<void>): void {
  const running: Promise<void> = check
    .catch(() => undefined)
    .finally(() => {
      if (openCheck === running) openCheck = null;
    });
  openCheck = running;
}

/** The open check still running, if any (null at once otherwise, so reads pay nothing). */
export function pendingOpenCheck(): Promise<void> | null {
  return openCheck;
}

export function markHealthy(at: Date): void {
  set({ state: 'ok', checkedAt: at.toISOString() });
}

/** Keeps the first `since` when already damaged: the banner says how long the file has been known bad. */
export function markDamaged(detail: string, at: Date): void {
  set({ state: 'damaged', detail: detail.slice(0, 2000), since: state.state === 'damaged' ? state.since : at.toISOString() });
}

/** Methods that stay open on a damaged file: the way out (restore, backups) and the check itself. */
const allowedWhileDamaged = (method: string): boolean => method.startsWith('backups.') || method.startsWith('health.');

export function shopDamagedError(detail: string): AppError {
  return new AppError(
    'DAMAGED',
    'The shop file is damaged, so Shopdesk does not write to it any more (writing would spread the damage); nothing was changed. ' +
      'Restore the newest good backup in Settings → Backups.',
    { key: 'shopDamaged', params: { detail: detail.slice(0, 300) } },
  );
}

/**
 * For the router, before a handler runs: throws AppError DAMAGED `shopDamaged` when the file is
 * damaged and `writes` (the method changes the shop). Reads, backups.* and health.* go on.
 */
export function refuseWritesIfDamaged(method: string, writes: boolean): void {
  if (state.state !== 'damaged' || !writes || allowedWhileDamaged(method)) return;
  throw shopDamagedError(state.detail);
}
