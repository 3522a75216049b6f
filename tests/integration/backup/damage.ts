// Damages a shop file the way a failing disk does: garbage over one page in
// the middle of a table's b-tree (found through dbstat), with no connection open.
import { closeSync, openSync, writeSync } from 'node:fs';
import { openDatabase } from '../../../src/db/open.js';

/** Overwrites the middle leaf page of `table` with garbage; answers the page number. */
export function damageTable(path: string, table: string): number {
  const db = openDatabase(path);
  let page: number;
  let pageSize: number;
  try {
    db.pragma('wal_checkpoint(TRUNCATE)');
    const leaves = db.prepare<[string], { pageno: number }>("SELECT pageno FROM dbstat WHERE name = ? AND pagetype = 'leaf' ORDER BY pageno").all(table);
    if (leaves.length < 3) throw new Error(`${table} has only ${leaves.length} leaf pages: too small to damage in the middle`);
    page = leaves[Math.floor(leaves.length / 2)]?.pageno ?? 0;
    pageSize = Number(db.pragma('page_size', { simple: true }));
  } finally {
    db.close();
  }
  const fd = openSync(path, 'r+');
  try {
    const garbage = Buffer.alloc(pageSize - 200, 0xa5);
    writeSync(fd, garbage, 0, garbage.length, (page - 1) * pageSize + 100);
  } finally {
    closeSync(fd);
  }
  return page;
}
