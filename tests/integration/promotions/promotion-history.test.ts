// Undo of promotion change sets through History (the core's history.undo): create, edit, delete,
// schedule and cancel are undone exactly while nothing has run, and refused once it started.
import { afterEach, describe, expect, it } from 'vitest';
import { removeTempDirs } from '../temp-shop.js';
import { lifecycleShop, row, teeSale, type LifecycleShop } from './lifecycle-fixture.js';

let current: LifecycleShop | undefined;
afterEach(async () => {
  await current?.shop.close();
  current = undefined;
  removeTempDirs();
});
const open = (options: { breaches?: number } = {}): LifecycleShop => (current = lifecycleShop(options));

const lastSet = (s: LifecycleShop): number => (s.shop.db.prepare<[], { id: number }>('SELECT MAX(id) AS id FROM change_sets').get()?.id ?? 0);
const links = (s: LifecycleShop, id: number) => ({
  targets: s.shop.db.prepare('SELECT kind, target_id AS id FROM promotion_targets WHERE promotion_id = ? ORDER BY kind, target_id').all(id),
  channels: s.shop.db.prepare('SELECT channel_id AS id FROM promotion_channels WHERE promotion_id = ? ORDER BY channel_id').all(id),
});
const markStarted = (s: LifecycleShop, id: number) =>
  s.shop.db.prepare("UPDATE promotions SET status = 'running', started_at = '2026-12-01T00:00:00.000Z' WHERE id = ?").run(id);

describe('undo of promotion change sets', () => {
  it('undoes a create: the promotion and its targets and channels are gone', async () => {
    const s = open();
    const { id } = s.promotions.create(teeSale({ channels: [1] }), 'owner');
    const undone = await s.shop.ok('history.undo', { changeSetId: lastSet(s) });
    expect(undone.restored).toBe(1);
    expect(row(s.shop.db, id)).toBeUndefined();
    expect(links(s, id)).toEqual({ targets: [], channels: [] });
    const list = await s.shop.ok('history.list', { offset: 0, limit: 5 });
    expect(list.changeSets[0]?.summary).toBe(`Undo of #${lastSet(s) - 1}: Created promotion “Tee week”`);
  });

  it('undoes an edit: every column, the rule, targets and channels exactly as before', async () => {
    const s = open();
    const { id } = s.promotions.create(teeSale({ channels: [1, 2], note: 'first' }), 'owner');
    const before = { row: row(s.shop.db, id), links: links(s, id) };
    s.promotions.update(
      id,
      {
        name: 'Renamed',
        rule: { type: 'fixed_price', price: 699 },
        targets: { scope: 'targets', items: [{ kind: 'tag', id: 1 }] },
        channels: 'all',
        endsAt: '2026-12-10T00:00:00.000Z',
        note: null,
      },
      'owner',
    );
    expect(row(s.shop.db, id)?.name).toBe('Renamed');
    await s.shop.ok('history.undo', { changeSetId: lastSet(s) });
    expect({ row: row(s.shop.db, id), links: links(s, id) }).toEqual(before);
    expect(before.links).toEqual({ targets: [{ kind: 'product', id: 1 }], channels: [{ id: 1 }, { id: 2 }] });
    expect(s.promotions.get(id).note).toBe('first');
  });

  it('undoes a delete: the draft comes back with its id, targets, channels and coupon codes', async () => {
    const s = open();
    const { id } = s.promotions.create(
      teeSale({ channels: [2], rule: { type: 'coupon', discount: { kind: 'amount', amountOff: 500 }, minSpend: 0, usageLimit: null, perCustomerLimit: 1 } }),
      'owner',
    );
    s.shop.db.prepare("INSERT INTO coupon_codes (promotion_id, code, customer_id, created_at) VALUES (?, 'TEE5', 1, '2026-11-20T10:00:00.000Z')").run(id);
    const before = { row: row(s.shop.db, id), links: links(s, id) };
    s.promotions.remove(id, 'owner');
    expect(row(s.shop.db, id)).toBeUndefined();
    await s.shop.ok('history.undo', { changeSetId: lastSet(s) });
    expect({ row: row(s.shop.db, id), links: links(s, id) }).toEqual(before);
    expect(s.shop.db.prepare('SELECT code, customer_id AS customerId FROM coupon_codes WHERE promotion_id = ?').all(id)).toEqual([{ code: 'TEE5', customerId: 1 }]);
  });

  it('undoes a schedule over the floor: back to draft, the override forgotten', async () => {
    const s = open({ breaches: 2 });
    const { id } = s.promotions.create(teeSale(), 'owner');
    s.lifecycle.schedule(id, 'Make room for winter stock', 'owner');
    expect(row(s.shop.db, id)?.override_reason).toBe('Make room for winter stock');
    await s.shop.ok('history.undo', { changeSetId: lastSet(s) });
    expect(row(s.shop.db, id)).toMatchObject({ status: 'draft', override_reason: null, override_by: null });
  });

  it('refuses to undo a schedule once the promotion has started, saying why', async () => {
    const s = open();
    const { id } = s.promotions.create(teeSale(), 'owner');
    s.lifecycle.schedule(id, undefined, 'owner');
    markStarted(s, id);
    const error = await s.shop.fail('history.undo', { changeSetId: lastSet(s) });
    expect([error.code, error.details.key, error.details.params]).toEqual(['CONFLICT', 'promotionAlreadyRan', { name: 'Tee week' }]);
    expect(row(s.shop.db, id)?.status).toBe('running');
  });

  it('undoes the cancel of a promotion that never started, and refuses it for one that ran', async () => {
    const s = open();
    const waiting = s.promotions.create(teeSale({ name: 'Waiting' }), 'owner');
    s.lifecycle.schedule(waiting.id, undefined, 'owner');
    s.lifecycle.cancel(waiting.id, 'owner');
    await s.shop.ok('history.undo', { changeSetId: lastSet(s) });
    expect(row(s.shop.db, waiting.id)).toMatchObject({ status: 'scheduled', finished_at: null });

    const ran = s.promotions.create(teeSale({ name: 'Ran' }), 'owner');
    s.lifecycle.schedule(ran.id, undefined, 'owner');
    markStarted(s, ran.id);
    s.lifecycle.cancel(ran.id, 'owner');
    const error = await s.shop.fail('history.undo', { changeSetId: lastSet(s) });
    expect([error.details.key, error.details.params]).toEqual(['promotionAlreadyRan', { name: 'Ran' }]);
    expect(row(s.shop.db, ran.id)?.status).toBe('cancelled');
  });

  it('keeps History’s order: a create cannot be undone while a later edit of it stands', async () => {
    const s = open();
    const { id } = s.promotions.create(teeSale(), 'owner');
    const createSet = lastSet(s);
    s.promotions.update(id, { name: 'Renamed' }, 'owner');
    const error = await s.shop.fail('history.undo', { changeSetId: createSet });
    expect(error.details.key).toBe('undoBlocked');
    await s.shop.ok('history.undo', { changeSetId: lastSet(s) });
    await s.shop.ok('history.undo', { changeSetId: createSet });
    expect(row(s.shop.db, id)).toBeUndefined();
  });

  it('names the promotion on History’s items', async () => {
    const s = open();
    const { id } = s.promotions.create(teeSale(), 'owner');
    s.promotions.update(id, { priority: 10 }, 'owner');
    const detail = await s.shop.ok('history.get', { changeSetId: lastSet(s), offset: 0, limit: 10 });
    expect(detail.items).toEqual([{ entity: 'promotions', entityId: id, field: 'priority', before: 100, after: 10, label: 'Tee week' }]);
  });
});
