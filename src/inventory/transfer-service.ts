// Transfers between locations through the in-transit location: sending moves
// stock out of the source into transit; receiving (in parts if need be) moves
// it out of transit into the destination; cancelling returns what is still in
// transit to the source. Every step is one transaction through the ledger.
import type { z } from 'zod';
import { nextDocumentNumber } from '../db/document-numbers.js';
import type { Db } from '../db/open.js';
import { AppError, notFound } from '../shared/app-error.js';
import type { Clock } from '../shared/clock.js';
import type { FieldIssue } from '../shared/envelope.js';
import { systemNote } from '../shared/system-note.js';
import type { inventoryContract, Transfer } from './contract.js';
import { createLedger, type Movement } from './ledger.js';
import { atLine, createStockChecks, throwIfIssues } from './stock-checks.js';

type In<M extends keyof typeof inventoryContract> = z.output<(typeof inventoryContract)[M]['input']>;
type Lines = In<'transfers.receive'>['lines'];

/** The system location that holds goods between a send and a receipt. */
export const transitCode = 'TRANSIT';

const transferColumns = `t.id, t.number, t.from_location_id AS fromLocationId, f.name AS fromLocation,
  t.to_location_id AS toLocationId, d.name AS toLocation, t.status, t.note, t.actor, t.created_at AS createdAt,
  t.sent_at AS sentAt, t.received_at AS receivedAt, t.cancelled_at AS cancelledAt,
  (SELECT COALESCE(SUM(quantity), 0) FROM transfer_lines WHERE transfer_id = t.id) AS units,
  (SELECT COALESCE(SUM(received_quantity), 0) FROM transfer_lines WHERE transfer_id = t.id) AS receivedUnits`;
const transferFrom = 'FROM transfers t JOIN locations f ON f.id = t.from_location_id JOIN locations d ON d.id = t.to_location_id';

interface LineRow {
  id: number;
  variantId: number;
  sku: string;
  title: string;
  quantity: number;
  receivedQuantity: number;
  outstanding: number;
}

export function createTransferService(db: Db, clock: Clock) {
  const ledger = createLedger(db);
  const checks = createStockChecks(db);
  const header = db.prepare<[number], Transfer & { transitLocationId: number }>(
    `SELECT ${transferColumns}, t.transit_location_id AS transitLocationId ${transferFrom} WHERE t.id = ?`,
  );
  const lineRows = db.prepare<[number], LineRow>(
    `SELECT tl.id, tl.variant_id AS variantId, v.sku, p.title, tl.quantity, tl.received_quantity AS receivedQuantity,
       tl.quantity - tl.received_quantity AS outstanding
     FROM transfer_lines tl JOIN variants v ON v.id = tl.variant_id JOIN products p ON p.id = v.product_id
     WHERE tl.transfer_id = ? ORDER BY tl.id`,
  );
  const setStatus = db.prepare<{ id: number; status: string; at: string }>(
    `UPDATE transfers SET status = @status,
       sent_at = CASE WHEN @status = 'in_transit' THEN @at ELSE sent_at END,
       received_at = CASE WHEN @status = 'received' THEN @at ELSE received_at END,
       cancelled_at = CASE WHEN @status = 'cancelled' THEN @at ELSE cancelled_at END
     WHERE id = @id`,
  );

  const detail = (transferId: number) => {
    const found = header.get(transferId);
    if (!found) throw notFound('Transfer', transferId);
    const { transitLocationId: _transit, ...transfer } = found;
    return { ...transfer, lines: lineRows.all(transferId).map(({ id: _id, ...line }) => line) };
  };

  const transitLocation = (): number => {
    const found = db.prepare<[string], { id: number }>("SELECT id FROM locations WHERE kind = 'transit' AND code = ?").get(transitCode);
    if (found) return found.id;
    return Number(
      db
        .prepare("INSERT INTO locations (code, name, kind, created_at) VALUES (?, 'In transit', 'transit', ?)")
        .run(transitCode, clock.now().toISOString()).lastInsertRowid,
    );
  };

  const inState = (transferId: number, allowed: readonly Transfer['status'][], action: string) => {
    const found = header.get(transferId);
    if (!found) throw notFound('Transfer', transferId);
    if (!allowed.includes(found.status)) {
      throw new AppError('CONFLICT', `Transfer ${found.number} is ${found.status.replace('_', ' ')}; it cannot be ${action}. Nothing was changed.`, {
        key: 'transferState',
        params: { number: found.number, status: found.status, action },
      });
    }
    return found;
  };

  const move = (from: number, to: number, variantId: number, quantity: number, ref: string, actor: string, at: string): Movement[] => {
    const base = { variantId, refType: 'transfer', refId: ref, actor, occurredAt: at };
    return [
      { ...base, locationId: from, delta: -quantity, reason: 'transfer_out' },
      { ...base, locationId: to, delta: quantity, reason: 'transfer_in' },
    ];
  };

  const send = (transferId: number, actor: string) => {
    const transfer = inState(transferId, ['draft'], 'sent');
    const at = clock.now().toISOString();
    lineRows.all(transferId).forEach((line, i) => {
      const movements = move(transfer.fromLocationId, transfer.transitLocationId, line.variantId, line.quantity, transfer.number, actor, at);
      atLine(`lines.${i}.quantity`, () => ledger.post(movements));
    });
    setStatus.run({ id: transferId, status: 'in_transit', at });
  };

  const create = db.transaction((input: In<'transfers.create'>, actor: string) => {
    const issues: FieldIssue[] = [];
    checks.shelfLocation(input.fromLocationId, 'fromLocationId', issues);
    checks.shelfLocation(input.toLocationId, 'toLocationId', issues);
    if (input.fromLocationId === input.toLocationId) {
      issues.push({ path: 'toLocationId', key: 'sameLocation', message: 'toLocationId: a transfer needs two different locations' });
    }
    const seen = new Set<number>();
    input.lines.forEach((line, i) => {
      if (seen.has(line.variantId)) {
        issues.push({ path: `lines.${i}.variantId`, key: 'duplicateLine', message: `lines.${i}.variantId: this variant is already on an earlier line` });
      }
      seen.add(line.variantId);
      checks.knownVariant(line.variantId, `lines.${i}.variantId`, issues);
    });
    throwIfIssues(issues, 'The transfer', (i) => checks.variant(input.lines[i]?.variantId ?? 0)?.sku);
    const at = clock.now().toISOString();
    const transferId = Number(
      db
        .prepare(
          `INSERT INTO transfers (number, from_location_id, to_location_id, transit_location_id, status, note, actor, created_at)
           VALUES (?, ?, ?, ?, 'draft', ?, ?, ?)`,
        )
        .run(nextDocumentNumber(db, 'TR'), input.fromLocationId, input.toLocationId, transitLocation(), input.note, actor, at).lastInsertRowid,
    );
    const insertLine = db.prepare('INSERT INTO transfer_lines (transfer_id, variant_id, quantity) VALUES (?, ?, ?)');
    for (const line of input.lines) insertLine.run(transferId, line.variantId, line.quantity);
    if (input.send) send(transferId, actor);
    return transferId;
  });

  const receive = db.transaction((transferId: number, lines: Lines, actor: string) => {
    const transfer = inState(transferId, ['in_transit', 'partially_received'], 'received');
    const onTransfer = new Map(lineRows.all(transferId).map((line) => [line.variantId, line]));
    const issues: FieldIssue[] = [];
    lines.forEach((line, i) => {
      const found = onTransfer.get(line.variantId);
      if (!found) {
        issues.push({ path: `lines.${i}.variantId`, key: 'notOnTransfer', message: `lines.${i}.variantId: not on transfer ${transfer.number}` });
      } else if (line.quantity > found.outstanding) {
        issues.push({
          path: `lines.${i}.quantity`,
          key: 'receiveMoreThanSent',
          message: `lines.${i}.quantity: ${line.quantity} received but only ${found.outstanding} of ${found.sku} are still in transit`,
        });
      }
    });
    throwIfIssues(issues, 'The receipt', (i) => checks.variant(lines[i]?.variantId ?? 0)?.sku);
    const at = clock.now().toISOString();
    const addReceived = db.prepare('UPDATE transfer_lines SET received_quantity = received_quantity + ? WHERE id = ?');
    lines.forEach((line, i) => {
      const found = onTransfer.get(line.variantId);
      if (!found) return;
      const movements = move(transfer.transitLocationId, transfer.toLocationId, line.variantId, line.quantity, transfer.number, actor, at);
      atLine(`lines.${i}.quantity`, () => ledger.post(movements));
      addReceived.run(line.quantity, found.id);
      found.outstanding -= line.quantity;
    });
    const complete = [...onTransfer.values()].every((line) => line.outstanding === 0);
    setStatus.run({ id: transferId, status: complete ? 'received' : 'partially_received', at });
  });

  const cancel = db.transaction((transferId: number, actor: string) => {
    const transfer = inState(transferId, ['draft', 'in_transit', 'partially_received'], 'cancelled');
    const at = clock.now().toISOString();
    if (transfer.status !== 'draft') {
      for (const line of lineRows.all(transferId)) {
        if (line.outstanding === 0) continue;
        const back = move(transfer.transitLocationId, transfer.fromLocationId, line.variantId, line.outstanding, transfer.number, actor, at);
        ledger.post(back.map((m) => ({ ...m, note: systemNote('transferCancelled') })));
      }
    }
    setStatus.run({ id: transferId, status: 'cancelled', at });
  });

  return {
    detail,
    create: (input: In<'transfers.create'>, actor: string) => detail(create(input, actor)),
    send: (transferId: number, actor: string) => {
      db.transaction(() => send(transferId, actor))();
      return detail(transferId);
    },
    receive: (transferId: number, lines: Lines, actor: string) => {
      receive(transferId, lines, actor);
      return detail(transferId);
    },
    cancel: (transferId: number, actor: string) => {
      cancel(transferId, actor);
      return detail(transferId);
    },
    list(input: In<'transfers.list'>) {
      const where = input.status ? 'WHERE t.status = ?' : '';
      const params = input.status ? [input.status] : [];
      const rows = db
        .prepare<unknown[], Transfer>(`SELECT ${transferColumns} ${transferFrom} ${where} ORDER BY t.id DESC LIMIT ? OFFSET ?`)
        .all(...params, input.limit, input.offset);
      const total = (db.prepare<unknown[], { n: number }>(`SELECT COUNT(*) AS n FROM transfers t ${where}`).get(...params)?.n) ?? 0;
      return { rows, total };
    },
  };
}
