// Stock writes other than transfers: adjustments with reason codes, stock
// rules, and locations. Each call is one transaction through the ledger.
import type { z } from 'zod';
import type { Db } from '../db/open.js';
import { AppError, notFound } from '../shared/app-error.js';
import type { Clock } from '../shared/clock.js';
import type { FieldIssue } from '../shared/envelope.js';
import type { inventoryContract } from './contract.js';
import { createLedger, type Movement } from './ledger.js';
import { atLine, createStockChecks, throwIfIssues } from './stock-checks.js';

type In<M extends keyof typeof inventoryContract> = z.output<(typeof inventoryContract)[M]['input']>;

interface ReasonRow {
  code: string;
  label: string;
  direction: 'in' | 'out' | 'either';
  builtin: number;
  active: number;
}

export function createStockService(db: Db, clock: Clock) {
  const ledger = createLedger(db);
  const checks = createStockChecks(db);
  const reasons = db.prepare<[], ReasonRow>('SELECT code, label, direction, builtin, active FROM adjustment_reasons ORDER BY builtin DESC, code');
  const onHand = db.prepare<[number, number], { onHand: number }>(
    'SELECT on_hand AS onHand FROM stock_levels WHERE variant_id = ? AND location_id = ?',
  );
  const levelAfter = db.prepare<[number, number], { sku: string; location: string; onHand: number; available: number }>(
    `SELECT v.sku, l.name AS location, COALESCE(sl.on_hand, 0) AS onHand, COALESCE(sl.on_hand - sl.committed, 0) AS available
     FROM variants v JOIN locations l ON l.id = ? LEFT JOIN stock_levels sl ON sl.variant_id = v.id AND sl.location_id = l.id
     WHERE v.id = ?`,
  );

  const adjust = db.transaction((input: In<'stock.adjust'>, actor: string) => {
    const byCode = new Map(reasons.all().map((r) => [r.code, r]));
    const issues: FieldIssue[] = [];
    const at = clock.now().toISOString();
    const planned: { movement: Movement; path: string; line: number }[] = [];
    // Earlier lines on the same variant × location move the level a later set-to counts from.
    const pending = new Map<string, number>();
    input.lines.forEach((line, i) => {
      const path = `lines.${i}`;
      const reason = byCode.get(line.reasonCode);
      if (!reason || reason.active !== 1) {
        issues.push({ path: `${path}.reasonCode`, key: 'unknownReason', message: `${path}.reasonCode: no active reason "${line.reasonCode}"` });
      }
      const knownVariant = checks.knownVariant(line.variantId, `${path}.variantId`, issues);
      const location = checks.shelfLocation(line.locationId, `${path}.locationId`, issues);
      if (!knownVariant || !location) return;
      const pair = `${line.variantId}:${line.locationId}`;
      const current = (onHand.get(line.variantId, line.locationId)?.onHand ?? 0) + (pending.get(pair) ?? 0);
      const delta = line.delta ?? (line.setTo ?? current) - current;
      if (delta === 0) return; // a count that matches: nothing to post
      pending.set(pair, (pending.get(pair) ?? 0) + delta);
      if (reason && ((reason.direction === 'in' && delta < 0) || (reason.direction === 'out' && delta > 0))) {
        issues.push({
          path: `${path}.delta`,
          key: 'reasonDirection',
          message: `${path}.delta: "${reason.label}" only ${reason.direction === 'in' ? 'adds' : 'removes'} stock, but the change is ${delta}`,
        });
        return;
      }
      planned.push({
        line: i,
        path: `${path}.${line.delta === undefined ? 'setTo' : 'delta'}`,
        movement: {
          variantId: line.variantId,
          locationId: line.locationId,
          delta,
          reason: line.reasonCode === 'damage' ? 'damage' : 'adjustment',
          reasonCode: line.reasonCode,
          note: line.note || null,
          refType: 'adjustment',
          actor,
          occurredAt: at,
        },
      });
    });
    throwIfIssues(issues, 'The stock adjustment', (i) => checks.variant(input.lines[i]?.variantId ?? 0)?.sku);
    let units = 0;
    const movementOfLine = new Map<number, { id: number; delta: number }>();
    for (const { movement, path, line } of planned) {
      const [posted] = atLine(path, () => ledger.post([movement]));
      if (posted) movementOfLine.set(line, { id: posted.id, delta: posted.delta });
      units += Math.abs(movement.delta);
    }
    const lines = input.lines.map((line, i) => {
      const after = levelAfter.get(line.locationId, line.variantId);
      const movement = movementOfLine.get(i);
      return {
        variantId: line.variantId,
        locationId: line.locationId,
        sku: after?.sku ?? '',
        location: after?.location ?? '',
        delta: movement?.delta ?? 0,
        movementId: movement?.id ?? null,
        onHand: after?.onHand ?? 0,
        available: after?.available ?? 0,
      };
    });
    return { movements: planned.length, units, lines };
  });

  const setRules = db.transaction((input: In<'stock.setRules'>) => {
    const issues: FieldIssue[] = [];
    if (!checks.knownVariant(input.variantId, 'variantId', issues)) throw notFound('Variant', input.variantId);
    const at = clock.now().toISOString();
    if (input.lowStockAt !== undefined || input.safetyMode !== undefined || input.serviceLevel !== undefined) {
      db.prepare(
        `INSERT INTO variant_stock_rules (variant_id, low_stock_at, safety_mode, service_level, updated_at)
         VALUES (@variantId, @lowStockAt, COALESCE(@safetyMode, 'manual'), @serviceLevel, @at)
         ON CONFLICT (variant_id) DO UPDATE SET
           low_stock_at = CASE WHEN @setLow THEN @lowStockAt ELSE low_stock_at END,
           safety_mode = COALESCE(@safetyMode, safety_mode),
           service_level = CASE WHEN @setLevel THEN @serviceLevel ELSE service_level END,
           updated_at = @at`,
      ).run({
        variantId: input.variantId,
        lowStockAt: input.lowStockAt ?? null,
        safetyMode: input.safetyMode ?? null,
        serviceLevel: input.serviceLevel ?? null,
        setLow: input.lowStockAt === undefined ? 0 : 1,
        setLevel: input.serviceLevel === undefined ? 0 : 1,
        at,
      });
    }
    (input.safetyStock ?? []).forEach((entry, i) => checks.shelfLocation(entry.locationId, `safetyStock.${i}.locationId`, issues));
    throwIfIssues(issues, 'The stock rules');
    const upsertSafety = db.prepare(
      `INSERT INTO stock_levels (variant_id, location_id, on_hand, safety_stock, updated_at) VALUES (?, ?, 0, ?, ?)
       ON CONFLICT (variant_id, location_id) DO UPDATE SET safety_stock = excluded.safety_stock, updated_at = excluded.updated_at`,
    );
    for (const entry of input.safetyStock ?? []) upsertSafety.run(input.variantId, entry.locationId, entry.quantity, at);
    return { variantId: input.variantId };
  });

  const createLocation = db.transaction((input: In<'locations.create'>) => {
    const taken = db.prepare('SELECT 1 FROM locations WHERE code = ? COLLATE NOCASE').get(input.code);
    if (taken) {
      throw new AppError('CONFLICT', `A location with code ${input.code} already exists; nothing was changed.`, {
        key: 'locationCodeTaken',
        params: { code: input.code },
        issues: [{ path: 'code', key: 'locationCodeTaken', message: `code: ${input.code} is already used` }],
      });
    }
    return Number(
      db
        .prepare('INSERT INTO locations (code, name, kind, created_at) VALUES (?, ?, ?, ?)')
        .run(input.code, input.name, input.kind, clock.now().toISOString()).lastInsertRowid,
    );
  });

  const updateLocation = db.transaction((input: In<'locations.update'>) => {
    const found = checks.location(input.locationId);
    if (!found) throw notFound('Location', input.locationId);
    if (found.kind === 'transit') {
      // The in-transit location is the system's own: transfers find it by its code.
      throw new AppError('CONFLICT', `${found.name} is the system's in-transit location; it cannot be changed. Nothing was changed.`, {
        key: 'transitLocation',
        params: { location: found.name },
        issues: [{ path: 'locationId', key: 'transitLocation', message: `locationId: ${found.name} is managed by transfers` }],
      });
    }
    if (input.active === false) {
      const stocked = db.prepare('SELECT 1 FROM stock_levels WHERE location_id = ? AND on_hand <> 0 LIMIT 1').get(input.locationId);
      if (stocked) {
        throw new AppError('CONFLICT', `${found.name} still holds stock; move or adjust it before deactivating. Nothing was changed.`, {
          key: 'locationHasStock',
          params: { location: found.name },
          issues: [{ path: 'active', key: 'locationHasStock', message: `active: ${found.name} still holds stock` }],
        });
      }
    }
    db.prepare('UPDATE locations SET name = COALESCE(?, name), active = COALESCE(?, active) WHERE id = ?').run(
      input.name ?? null,
      input.active === undefined ? null : input.active ? 1 : 0,
      input.locationId,
    );
    return input.locationId;
  });

  return {
    adjust: (input: In<'stock.adjust'>, actor: string) => adjust(input, actor),
    setRules: (input: In<'stock.setRules'>) => setRules(input),
    createLocation: (input: In<'locations.create'>) => createLocation(input),
    updateLocation: (input: In<'locations.update'>) => updateLocation(input),
  };
}
