// The router checks the permission of every method of the contract (the table in
// src/team/method-permissions.ts): a person whose role lacks it gets FORBIDDEN naming
// the permission, before the input is read; with sign-in required, nobody without a
// session gets further than the sign-in methods.
import { afterAll, afterEach, beforeEach, describe, expect, it } from 'vitest';
import { contract, type MethodName } from '../../../src/contract.js';
import { methodPermissions } from '../../../src/team/method-permissions.js';
import { builtInRolePermissions, type BuiltInRole } from '../../../src/team/permission-names.js';
import { testShop, type TestShop } from '../shop-harness.js';
import { removeTempDirs } from '../temp-shop.js';
import { face, signedInAs } from './team-fixture.js';

const methods = Object.keys(contract) as MethodName[];

let shop: TestShop;
beforeEach(() => {
  shop = testShop();
});
afterEach(async () => {
  await shop.close();
});
afterAll(removeTempDirs);

describe('the method → permission table', () => {
  it('names a permission (or public) for every method, and only sign-in methods are public', () => {
    expect(Object.keys(methodPermissions).sort()).toEqual([...methods].sort());
    const publicMethods = methods.filter((method) => methodPermissions[method].need === 'public').sort();
    expect(publicMethods).toEqual(['shop.status', 'team.lock', 'team.signIn', 'team.signInWithPin', 'team.signOut', 'team.status', 'team.unlock']);
  });

  it.each(['staff', 'viewer', 'manager'] as const)('refuses a %s every method their role lacks, naming the permission', async (role: BuiltInRole) => {
    const person = await signedInAs(shop, role, `${role}1`);
    const granted = new Set<string>(builtInRolePermissions[role]);
    const lacking = methods.filter((method) => {
      const need = methodPermissions[method].need;
      return need !== 'public' && !granted.has(need);
    });
    expect(lacking.length).toBeGreaterThan(0);
    for (const method of lacking) {
      const answer = await person.callAny(method, {});
      expect(answer.ok, method).toBe(false);
      if (answer.ok) continue;
      expect({ method, code: answer.error.code, permission: answer.error.details.params?.permission }).toEqual({
        method,
        code: 'FORBIDDEN',
        permission: methodPermissions[method].need,
      });
    }
  });

  it('lets a viewer read but change nothing', async () => {
    const viewer = await signedInAs(shop, 'viewer', 'bookkeeper');
    expect((await viewer.call('products.list', {})).ok).toBe(true);
    expect((await viewer.call('stock.valuation', { groupBy: 'location' } as never)).ok).toBe(true);
    // A viewer's own password is theirs to change; everything else that writes is refused.
    const writes = methods.filter((method) => methodPermissions[method].writes && method !== 'team.changeOwnPassword');
    for (const method of writes) {
      const answer = await viewer.callAny(method, {});
      expect(answer.ok ? 'ok' : answer.error.code, method).toBe('FORBIDDEN');
    }
  });
});

describe('signing in', () => {
  it('with sign-in required, only the sign-in methods answer a face without a session', async () => {
    await shop.ok('team.people.setPassword', { personId: 1, password: 'owner password' });
    await shop.ok('team.settings.update', { signInRequired: true });
    const stranger = face(shop);
    for (const method of methods) {
      if (methodPermissions[method].need === 'public') continue;
      const answer = await stranger.callAny(method, {});
      expect(answer.ok ? 'ok' : `${answer.error.code}/${answer.error.details.key}`, method).toBe('UNAUTHENTICATED/signInRequired');
    }
    const status = await stranger.call('team.status', {});
    expect(status.ok && status.value.person).toBe(null);
    // The in-process caller (tests, the CLI) still acts as the owner.
    expect((await shop.call('products.list', {})).ok).toBe(true);
  });

  it('names the person in change sets and the ledger', async () => {
    const staff = await signedInAs(shop, 'staff', 'lin');
    const created = await shop.ok('products.create', { title: 'Mug', price: 1200, skuPrefix: 'MUG' });
    const variantId = created.variants[0]!.id;
    const locationId = (await shop.ok('locations.create', { code: 'WH', name: 'Warehouse', kind: 'warehouse' })).id;
    const adjusted = await staff.call('stock.adjust', { lines: [{ variantId, locationId, delta: 5, reasonCode: 'found' }] } as never);
    expect(adjusted.ok).toBe(true);
    const actors = shop.db.prepare('SELECT actor FROM stock_movements WHERE variant_id = ?').all(variantId) as { actor: string }[];
    expect(actors.map((row) => row.actor)).toContain('lin');
    const renamed = await staff.call('products.update', { productId: created.id, changes: { title: 'Big mug' } });
    expect(renamed.ok).toBe(true);
    const last = shop.db.prepare('SELECT actor FROM change_sets ORDER BY id DESC LIMIT 1').get() as { actor: string };
    expect(last.actor).toBe('lin');
  });

  it('refuses Staff a typed price, a cost and a pasted block, but takes a title', async () => {
    const created = await shop.ok('products.create', { title: 'Cap', price: 900, skuPrefix: 'CAP', options: [{ name: 'Size', values: ['S', 'M'] }] });
    const [first, second] = created.variants;
    const staff = await signedInAs(shop, 'staff', 'wei');
    const price = await staff.call('variants.update', { variantId: first!.id, changes: { price: 1000 } });
    expect(!price.ok && price.error.details.params?.permission).toBe('prices.edit');
    const cost = await staff.call('variants.update', { variantId: first!.id, changes: { cost: 300 } });
    expect(!cost.ok && cost.error.code).toBe('FORBIDDEN');
    const block = await staff.call('variants.bulkUpdate', {
      edits: [
        { variantId: first!.id, field: 'sku', value: 'CAP-S2' },
        { variantId: second!.id, field: 'sku', value: 'CAP-M2' },
      ],
    });
    expect(!block.ok && block.error.details.params?.permission).toBe('bulk.edit');
    const one = await staff.call('variants.bulkUpdate', { edits: [{ variantId: first!.id, field: 'sku', value: 'CAP-S2' }] });
    expect(one.ok).toBe(true);
    const detail = await shop.ok('products.get', { productId: created.id });
    expect(detail.variants.map((v) => [v.sku, v.price, v.cost])).toEqual([
      ['CAP-S2', 900, null],
      [second!.sku, 900, null],
    ]);
  });

  it('lets a person undo their own change set but not another person\'s without history.undoOthers', async () => {
    const created = await shop.ok('products.create', { title: 'Tote', price: 500, skuPrefix: 'TOTE' });
    await shop.ok('products.update', { productId: created.id, changes: { title: 'Tote (owner)' } });
    const staff = await signedInAs(shop, 'staff', 'ana');
    const own = await staff.call('products.update', { productId: created.id, changes: { title: 'Tote bag' } });
    expect(own.ok).toBe(true);
    const ownSet = (shop.db.prepare("SELECT id FROM change_sets WHERE actor = 'ana'").get() as { id: number }).id;
    const ownersSet = (shop.db.prepare("SELECT id FROM change_sets WHERE actor = 'owner' ORDER BY id LIMIT 1").get() as { id: number }).id;
    const others = await staff.call('history.undo', { changeSetId: ownersSet });
    expect(!others.ok && others.error.details.params?.permission).toBe('history.undoOthers');
    expect((await staff.call('history.undo', { changeSetId: ownSet })).ok).toBe(true);
  });
});
