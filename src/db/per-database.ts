// Area services prepare statements against one connection; the core swaps its
// connection when the demo shop replaces the file. This builds a service once
// per connection and forgets it with the connection.
import type { Db } from './open.js';

export function perDatabase<T>(build: (db: Db) => T): (db: Db) => T {
  const built = new WeakMap<Db, T>();
  return (db) => {
    let value = built.get(db);
    if (value === undefined) {
      value = build(db);
      built.set(db, value);
    }
    return value;
  };
}
