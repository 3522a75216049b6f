// Locations an import needs, planned and then created on apply: a location a
// file names that the shop does not have yet ("will create location 华东仓"),
// and, in a shop with no location at all, the default one (named in the shop's
// language). Planning only reads; `locationCreator(ctx)` writes, recording each
// new location in the change set, and `undoCreatedLocations` takes them back.
import type { Db } from '../../db/open.js';
import type { ImportNotice } from '../contract.js';
import { notice } from '../issue-messages.js';
import { locationLookup, type KnownLocation } from './variant-lookup.js';
import { recordCreated, shopSettings } from './plan-helpers.js';
import { firstFree } from '../../shared/unique-code.js';
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
  const inactive = new Set(db.prepare<[], { id: number }>("SELECT id FROM locations WHERE active = 0 AND kind <> 'transit'").all().map((row) => row.id));
  const defaultName = defaultLocationNames[shopSettings(db).locale];
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
    /** Whether the shop has an active warehouse or store to put stock in. */
    hasStocking: firstStocking !== undefined,
    /** The shop's first active warehouse (or store); in a shop without one, the default this import creates. */
    fallback: (): PlannedLocation => firstStocking ?? byName(defaultName),
    /** Names of the locations the apply will create, in first-seen order. */
    created: (): string[] => [...toCreate.values()].map((location) => location.name),
    /**
     * What the preview says about the locations the written rows use: each one the apply
     * creates (the default one in its own words) or brings back from inactive.
     */
    notices(used: Iterable<PlannedLocation>): ImportNotice[] {
      const notices: ImportNotice[] = [];
      const seen = new Set<PlannedLocation>();
      for (const location of used) {
        if (seen.has(location)) continue;
        seen.add(location);
        if (location.id === null) {
          const isDefault = !firstStocking && location.name.toLowerCase() === defaultName.toLowerCase();
          notices.push(notice(isDefault ? 'createDefaultLocation' : 'createLocation', { name: location.name }));
        } else if (inactive.has(location.id)) {
          notices.push(notice('reactivateLocation', { name: location.name }));
        }
      }
      return notices;
    },
  };
}

export type LocationPlan = ReturnType<typeof planLocations>;

/** The same location as planned, for telling rows apart ("SKU at this location" appears once). */
export function locationKey(location: PlannedLocation): string {
  return location.id !== null ? `#${location.id}` : `new:${location.name.toLowerCase()}`;
}

/**
 * Write side: ids for planned locations, creating (and recording) the new ones once. A
 * location the import puts something in is active afterwards (an inactive one named in
 * the file, e.g. left by an earlier undo, is reactivated and that is recorded too).
 */
export function locationCreator(ctx: WriteContext) {
  const find = ctx.db.prepare<[string, string], { id: number }>(
    "SELECT id FROM locations WHERE kind <> 'transit' AND (lower(name) = lower(?) OR lower(code) = lower(?)) LIMIT 1",
  );
  const codeTaken = ctx.db.prepare<[string], { id: number }>('SELECT id FROM locations WHERE code = ? COLLATE NOCASE');
  const insert = ctx.db.prepare("INSERT INTO locations (code, name, kind, created_at) VALUES (?, ?, 'warehouse', ?)");
  const isInactive = ctx.db.prepare<[number], { id: number }>('SELECT id FROM locations WHERE id = ? AND active = 0');
  const activate = ctx.db.prepare('UPDATE locations SET active = 1 WHERE id = ?');
  const at = ctx.clock.now().toISOString();
  const checked = new Set<number>();
  const active = (id: number): number => {
    if (checked.has(id)) return id;
    checked.add(id);
    if (isInactive.get(id)) {
      activate.run(id);
      ctx.history.addItem(ctx.changeSetId, { entity: 'locations', entityId: id, field: 'active', before: 0, after: 1 });
    }
    return id;
  };
  return (location: PlannedLocation): number => {
    if (location.id !== null) return active(location.id);
    const found = find.get(location.name, location.name);
    if (found) return active(found.id);
    // Codes are unique and short: names without Latin letters (华东仓) get a numbered one.
    const base = location.name.toUpperCase().replace(/[^A-Z0-9]+/g, '-').replace(/^-|-$/g, '').slice(0, 20) || 'LOC';
    const code = firstFree(base, (candidate) => codeTaken.get(candidate) !== undefined);
    const id = Number(insert.run(code, location.name, at).lastInsertRowid);
    checked.add(id);
    recordCreated(ctx, 'locations', id);
    return id;
  };
}

/**
 * Undo of the locations an import created, run after the rows it created are gone
 * (their stock levels and erased movements with them). The ledger is append-only and
 * documents point at locations, so a created location is:
 * - deleted when nothing refers to it any more (the usual case: only the import's own
 *   new variants were stocked there);
 * - kept but deactivated when only history refers to it (ledger rows of variants that
 *   existed before the import, now reversed to 0; an order placed there);
 * - kept active when stock still sits there (a later import or adjustment put it there),
 *   so undo never hides stock.
 * Returns how many locations were deleted or deactivated.
 */
export function undoCreatedLocations(db: Db, changeSetId: number): number {
  const created = db
    .prepare<[number], { id: number }>(
      "SELECT entity_id AS id FROM change_set_items WHERE change_set_id = ? AND entity = 'locations' AND field = '$row' ORDER BY id",
    )
    .all(changeSetId);
  const remove = db.prepare('DELETE FROM locations WHERE id = ?');
  const holdsStock = db.prepare<[number], { id: number }>(
    'SELECT location_id AS id FROM stock_levels WHERE location_id = ? AND (on_hand <> 0 OR committed <> 0 OR incoming <> 0) LIMIT 1',
  );
  const deactivate = db.prepare('UPDATE locations SET active = 0 WHERE id = ?');
  let undone = 0;
  for (const { id } of created) {
    try {
      undone += remove.run(id).changes;
      continue;
    } catch (error) {
      // Still referenced (a failed statement changes nothing; the transaction goes on).
      if (!(error instanceof Error && 'code' in error && error.code === 'SQLITE_CONSTRAINT_FOREIGNKEY')) throw error;
    }
    if (!holdsStock.get(id)) undone += deactivate.run(id).changes;
  }
  return undone;
}
