// A stamp that changes whenever the shop file is written: total_changes() moves
// when this connection writes, data_version when another connection commits.
// Caches of expensive reads keep their answer while the stamp stays the same.
import type { Db } from './open.js';

export function createWriteStamp(db: Db): () => string {
  const changes = db.prepare<[], { v: number }>('SELECT total_changes() AS v');
  return () => `${changes.get()?.v ?? 0}:${String(db.pragma('data_version', { simple: true }))}`;
}
