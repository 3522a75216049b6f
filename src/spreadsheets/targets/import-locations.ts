// Locations an import needs, planned and then created on apply: a location a
// file names that the shop does not have yet ("will create location 华东仓"),
// and, in a shop with no location at all, the default one (named in the shop's
// language). Planning only reads; `createdBy(ctx)` writes, recording each new
// location in the change set.
import type { Db } from '../../db/open.js';
import { locationLookup, type KnownLocation } from './variant-lookup.js';
import { recordCreated } from './plan-helpers.js';
import type { WriteContext } from './target.js';

export const defaultLocationNames = { en: 'Main warehouse', 'zh-CN': '主仓库' } as const;

export interface PlannedLocation {
  /** Stored id, or null for a location this import creates. */
  id: number | null;
  name: string;
}

/** Read side: what exists, what a name resolves to, what would be created. */
export function planLocations(db: Db) {
  const known = locationLookup(db);
  const toCreate = new Map<string, PlannedLocation>();
  const firstStocking = db
    .prepare<[], KnownLocation>("SELECT id, name FROM locations WHERE active = 1 AND kind <> 'transit' ORDER BY kind <> 'warehouse', id LIMIT 1")
    .get();
  const locale = (db.prepare('SELECT locale FROM shop_settings WHERE id = 1').get() as { locale: 'en' | 'zh-CN' } | undefined)?.locale ?? 'en';
  /** A named location: the stored one, or one this import will create. */
  const byName = (name: string): PlannedLocation => {
    const trimmed = name.trim();
    const found = known.byName(trimmed);
    if (found) return found;
    const key = trimmed.toLowerCase();
    const planned = toCreate.get(key) ?? { id: null, name: trimmed };
    toCreate.set(key, planned);
    return planned;
  };
  return {
    known,
    byName,
    /** The shop's first active warehouse (or store); in a shop without one, the default this import creates. */
    fallback: (): PlannedLocation => firstStocking ?? byName(defaultLocationNames[locale]),
    /** Names of the locations the apply will create, in first-seen order. */
    created: (): string[] => [...toCreate.values()].map((location) => location.name),
  };
}

/** Write side: ids for planned locations, creating (and recording) the new ones once. */
export function locationCreator(ctx: WriteContext) {
  const find = ctx.db.prepare<[string, string], { id: number }>(
    "SELECT id FROM locations WHERE kind <> 'transit' AND (lower(name) = lower(?) OR lower(code) = lower(?)) LIMIT 1",
  );
  const codeTaken = ctx.db.prepare<[string], { id: number }>('SELECT id FROM locations WHERE code = ? COLLATE NOCASE');
  const insert = ctx.db.prepare("INSERT INTO locations (code, name, kind, created_at) VALUES (?, ?, 'warehouse', ?)");
  const at = ctx.clock.now().toISOString();
  return (location: PlannedLocation): number => {
    if (location.id !== null) return location.id;
    const found = find.get(location.name, location.name);
    if (found) return found.id;
    // Codes are unique and short: names without Latin letters (华东仓) get a numbered one.
    const base = location.name.toUpperCase().replace(/[^A-Z0-9]+/g, '-').replace(/^-|-$/g, '').slice(0, 20) || 'LOC';
    let code = base;
    for (let n = 2; codeTaken.get(code); n += 1) code = `${base}-${n}`;
    const id = Number(insert.run(code, location.name, at).lastInsertRowid);
    recordCreated(ctx, 'locations', id);
    return id;
  };
}
