// Which backups to keep: the newest of each of the last `daily` days, `weekly`
// ISO weeks and `monthly` months that have one (any reason counts: a manual
// backup is that day's copy too), plus the last `perReason` backups of each
// reason, plus always the newest one whose check passed. Everything else may be
// deleted. Pure; calendar buckets are UTC so a time-zone change never makes two
// days out of one copy.
import type { BackupReason, KeepPolicy } from './contract.js';

export interface RotationItem {
  id: string;
  /** UTC ISO instant. */
  at: string;
  reason: BackupReason;
  /** Only copies that passed their check fill a day, week or month. */
  good: boolean;
}

const dayKey = (at: Date): string => at.toISOString().slice(0, 10);
const monthKey = (at: Date): string => at.toISOString().slice(0, 7);

/** ISO week (Monday first) as `YYYY-Www`, in UTC. */
export function isoWeekKey(at: Date): string {
  const day = new Date(Date.UTC(at.getUTCFullYear(), at.getUTCMonth(), at.getUTCDate()));
  const weekday = day.getUTCDay() || 7;
  day.setUTCDate(day.getUTCDate() + 4 - weekday); // the week's Thursday decides its year
  const yearStart = Date.UTC(day.getUTCFullYear(), 0, 1);
  const week = Math.ceil(((day.getTime() - yearStart) / 86_400_000 + 1) / 7);
  return `${day.getUTCFullYear()}-W${String(week).padStart(2, '0')}`;
}

/** Keeps the newest item of each of the first `count` distinct buckets, newest first. */
function newestPerBucket(items: readonly RotationItem[], count: number, key: (at: Date) => string, keep: Set<string>): void {
  const seen = new Set<string>();
  for (const item of items) {
    if (seen.size >= count) return;
    const bucket = key(new Date(item.at));
    if (seen.has(bucket)) continue;
    seen.add(bucket);
    keep.add(item.id);
  }
}

/** The ids to keep; `items` in any order. */
export function backupsToKeep(items: readonly RotationItem[], policy: KeepPolicy): Set<string> {
  const newestFirst = [...items].sort((a, b) => (a.at < b.at ? 1 : a.at > b.at ? -1 : a.id < b.id ? 1 : -1));
  const good = newestFirst.filter((item) => item.good);
  const keep = new Set<string>();
  newestPerBucket(good, policy.daily, dayKey, keep);
  newestPerBucket(good, policy.weekly, isoWeekKey, keep);
  newestPerBucket(good, policy.monthly, monthKey, keep);
  const perReason = new Map<BackupReason, number>();
  for (const item of newestFirst) {
    if (item.reason === 'daily') continue; // the daily copies are the calendar buckets' business
    const kept = perReason.get(item.reason) ?? 0;
    if (kept >= policy.perReason) continue;
    perReason.set(item.reason, kept + 1);
    keep.add(item.id);
  }
  const newestGood = good[0];
  if (newestGood) keep.add(newestGood.id);
  return keep;
}
