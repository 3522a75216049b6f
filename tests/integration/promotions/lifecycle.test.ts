// The promotion lifecycle (promotion-service.ts, lifecycle-service.ts): create / get round trips,
// refusals that name the field, what each status lets you edit, scheduling through the margin
// guard, cancel. Guard, runner and audience are fakes that record their calls (lifecycle-fixture.ts).
import { afterEach, describe, expect, it } from 'vitest';
import type { PromotionRule } from '../../../src/promotions/rules.js';
import { removeTempDirs } from '../temp-shop.js';
import { lifecycleShop, refusal, teeSale, type LifecycleShop } from './lifecycle-fixture.js';

let current: LifecycleShop | undefined;
afterEach(async () => {
  await current?.shop.close();
  current = undefined;
  removeTempDirs();
});
const open = (options: { breaches?: number } = {}): LifecycleShop => (current = lifecycleShop(options));

const everyRule: PromotionRule[] = [
  { type: 'percent_off', percentOffBp: 1500 },
  { type: 'amount_off', amountOff: 250 },
  { type: 'fixed_price', price: 799 },
  { type: 'spend_tiers', tiers: [{ minSpend: 20000, amountOff: 2000 }, { minSpend: 30000, amountOff: 4000 }] },
  { type: 'quantity_tiers', tiers: [{ minQuantity: 2, percentOffBp: 1000 }, { minQuantity: 3, percentOffBp: 2000 }] },
  { type: 'buy_x_get_y', buyQuantity: 1, getQuantity: 1, getPercentOffBp: 5000 },
  { type: 'bundle_price', bundleVariantId: 4, components: [], price: 1100 },
  { type: 'gift_with_purchase', minSpend: 29900, giftVariantId: 3, giftQuantity: 1, reserveQuantity: 50 },
  { type: 'flash_sale', salePrice: { kind: 'fixed', price: 599 }, perSkuCap: 100, perCustomerCap: 2 },
  { type: 'coupon', discount: { kind: 'amount', amountOff: 500 }, minSpend: 5000, usageLimit: 1000, perCustomerLimit: 1 },
  { type: 'member_price', percentOffBp: 800 },
];

describe('create and get', () => {
  it('round-trips every type’s rule, its targets with their labels, and its channels', () => {
    const { promotions } = open();
    for (const rule of everyRule) {
      const segmentCode = rule.type === 'member_price' || rule.type === 'coupon' ? 'champions' : null;
      const created = promotions.create(
        teeSale({
          name: `P ${rule.type}`,
          rule,
          segmentCode,
          targets: { scope: 'targets', items: [{ kind: 'tag', id: 1 }, { kind: 'category', id: 2 }, { kind: 'variant', id: 3 }] },
          channels: [2, 1],
        }),
        'owner',
      );
      const detail = promotions.get(created.id);
      expect(detail.rule).toEqual(rule);
      expect(detail.type).toBe(rule.type);
      expect(detail.status).toBe('draft');
      expect(detail.segmentCode).toBe(segmentCode);
      // Stored in one order (kind, id), whatever order they were given in.
      expect(detail.targets).toEqual({ scope: 'targets', items: [{ kind: 'category', id: 2 }, { kind: 'tag', id: 1 }, { kind: 'variant', id: 3 }] });
      expect(detail.targetLabels).toEqual([
        { kind: 'category', id: 2, label: 'Apparel > Tees' },
        { kind: 'tag', id: 1, label: 'summer' },
        { kind: 'variant', id: 3, label: 'MUG · Mug' },
      ]);
      expect(detail.channels).toEqual([{ id: 2, name: 'POS' }, { id: 1, name: 'Shopify' }]);
      // The variants the rule itself names come with their SKU and title, for the editor.
      const named = { gift_with_purchase: [{ variantId: 3, sku: 'MUG', title: 'Mug' }], bundle_price: [{ variantId: 4, sku: 'GIFTSET', title: 'Gift set' }] };
      expect(detail.ruleVariants).toEqual(named[rule.type as keyof typeof named] ?? []);
      // Tees (TEE-S, TEE-M) by category, MUG by tag and by variant: 3 distinct variants.
      expect(detail.variantCount).toBe(3);
      expect(detail.editable).toBe(true);
    }
    expect(promotions.list({ offset: 0, limit: 200 }).total).toBe(everyRule.length);
  });

  it('lists with filters by status, overlapping window and name, a page at a time', () => {
    const { promotions, shop } = open();
    promotions.create(teeSale({ name: 'Tee week' }), 'owner');
    promotions.create(teeSale({ name: 'Double 11 tees', startsAt: '2026-11-11T00:00:00Z', endsAt: '2026-11-12T00:00:00Z' }), 'owner');
    const shopWide = promotions.create(teeSale({ name: 'Shop sale', targets: { scope: 'shop' } }), 'owner');
    shop.db.prepare("UPDATE promotions SET status = 'scheduled' WHERE id = ?").run(shopWide.id);

    expect(promotions.list({ search: 'TEE', offset: 0, limit: 10 }).rows.map((r) => r.name)).toEqual(['Double 11 tees', 'Tee week']);
    expect(promotions.list({ status: ['scheduled'], offset: 0, limit: 10 }).rows.map((r) => [r.name, r.variantCount])).toEqual([['Shop sale', 4]]);
    // [11-12, 12-01) touches neither: Double 11 ends at 11-12 (exclusive), the others start at 12-01.
    expect(promotions.list({ from: '2026-11-12T00:00:00Z', to: '2026-12-01T00:00:00Z', offset: 0, limit: 10 }).total).toBe(0);
    const page = promotions.list({ offset: 1, limit: 1 });
    expect([page.total, page.rows.length]).toEqual([3, 1]);
  });

  it('counts the variants of each kind of target', () => {
    const { promotions } = open();
    const count = (items: { kind: 'product' | 'variant' | 'category' | 'tag'; id: number }[]) =>
      promotions.create(teeSale({ name: `${items.length}`, targets: { scope: 'targets', items } }), 'owner').variantCount;
    // Apparel holds no product itself; its subcategory Tees holds TEE-S and TEE-M.
    expect(count([{ kind: 'category', id: 1 }])).toBe(2);
    expect(count([{ kind: 'category', id: 1 }, { kind: 'category', id: 3 }])).toBe(3);
    expect(count([{ kind: 'product', id: 1 }, { kind: 'product', id: 3 }])).toBe(3);
    expect(count([{ kind: 'variant', id: 1 }, { kind: 'variant', id: 3 }])).toBe(2);
    expect(count([{ kind: 'tag', id: 1 }])).toBe(1);
    // TEE-S by its variant and again by its category: counted once.
    expect(count([{ kind: 'variant', id: 1 }, { kind: 'category', id: 2 }])).toBe(2);
    expect(promotions.list({ offset: 0, limit: 10 }).rows.map((r) => r.variantCount)).toEqual([2, 3, 3, 2, 1, 2]);
  });
});

describe('refusals name the field', () => {
  it('reports every problem of the fields at once, nothing written', () => {
    const { promotions, shop } = open();
    const error = refusal(() =>
      promotions.create(
        teeSale({
          endsAt: '2026-11-30T00:00:00.000Z',
          targets: { scope: 'targets', items: [{ kind: 'product', id: 1 }, { kind: 'product', id: 99 }, { kind: 'tag', id: 7 }] },
          channels: [1, 5],
          rule: { type: 'gift_with_purchase', minSpend: 10000, giftVariantId: 42, giftQuantity: 1, reserveQuantity: 0 },
          segmentCode: 'champions',
        }),
        'owner',
      ),
    );
    expect(error.code).toBe('VALIDATION');
    expect(error.details.issues?.map((i) => [i.path, i.key])).toEqual([
      ['endsAt', 'endsBeforeStart'],
      ['targets.items.1.id', 'unknownTarget'],
      ['targets.items.2.id', 'unknownTarget'],
      ['channels.1', 'unknownChannel'],
      ['rule.giftVariantId', 'unknownVariant'],
      ['segmentCode', 'segmentNotAllowed'],
    ]);
    expect(shop.db.prepare('SELECT COUNT(*) AS n FROM promotions').get()).toEqual({ n: 0 });
  });

  it('checks bundles, member prices and control groups', () => {
    const { promotions } = open();
    const issues = (fields: Parameters<typeof teeSale>[0]) => refusal(() => promotions.create(teeSale(fields), 'owner')).details.issues?.map((i) => [i.path, i.key]);
    // TEE-S exists but has no components: not a catalog bundle.
    expect(issues({ rule: { type: 'bundle_price', bundleVariantId: 1, components: [], price: 900 } })).toEqual([['rule.bundleVariantId', 'notABundle']]);
    expect(issues({ rule: { type: 'bundle_price', bundleVariantId: null, components: [{ variantId: 1, quantity: 1 }, { variantId: 77, quantity: 2 }], price: 900 } })).toEqual([
      ['rule.components.1.variantId', 'unknownVariant'],
    ]);
    expect(issues({ rule: { type: 'bundle_price', bundleVariantId: null, components: [], price: 900 } })).toEqual([['rule.components', 'bundleComponentsRequired']]);
    expect(issues({ rule: { type: 'member_price', percentOffBp: 500 } })).toEqual([['segmentCode', 'segmentRequired']]);
    expect(issues({ rule: { type: 'coupon', discount: { kind: 'percent', percentOffBp: 1000 }, minSpend: 0, usageLimit: null, perCustomerLimit: 1 }, controlShareBp: 1000 })).toEqual([
      ['controlShareBp', 'controlNeedsSegment'],
    ]);
  });

  it('refuses through the core too, with the same keys', async () => {
    const { shop } = open();
    const error = await shop.fail('promotions.create', teeSale({ channels: [9] }));
    expect(error.code).toBe('VALIDATION');
    expect(error.details.issues?.map((i) => [i.path, i.key])).toEqual([['channels.0', 'unknownChannel']]);
  });

  it('answers NOT_FOUND for a promotion that does not exist', () => {
    const { promotions } = open();
    expect(refusal(() => promotions.get(404)).code).toBe('NOT_FOUND');
  });
});

describe('what each status lets you edit', () => {
  it('changes any field of a draft, in one change set', () => {
    const { promotions, shop } = open();
    const { id } = promotions.create(teeSale(), 'owner');
    const edited = promotions.update(id, { rule: { type: 'amount_off', amountOff: 300 }, targets: { scope: 'shop' }, channels: [1], priority: 5 }, 'owner');
    expect([edited.type, edited.rule, edited.targets, edited.channels, edited.priority, edited.variantCount]).toEqual([
      'amount_off',
      { type: 'amount_off', amountOff: 300 },
      { scope: 'shop' },
      [{ id: 1, name: 'Shopify' }],
      5,
      4,
    ]);
    expect(shop.db.prepare('SELECT COUNT(*) AS n FROM promotion_targets WHERE promotion_id = ?').get(id)).toEqual({ n: 0 });
    const sets = shop.db.prepare<[], { kind: string; summary: string }>('SELECT kind, summary FROM change_sets ORDER BY id').all();
    // Rule, targets, channels, priority: 4 fields a person changed (type and rule count as one).
    expect(sets.at(-1)).toEqual({ kind: 'promotion_edit', summary: 'Edited promotion “Tee week” (4 field(s))' });
  });

  it('records nothing when nothing changed', () => {
    const { promotions, shop } = open();
    const { id } = promotions.create(teeSale(), 'owner');
    promotions.update(id, { name: 'Tee week', priority: 100 }, 'owner');
    expect(shop.db.prepare('SELECT COUNT(*) AS n FROM change_sets').get()).toEqual({ n: 1 });
  });

  it('lets a running promotion change only its name, note and a future end', () => {
    const { promotions, shop, clock } = open();
    const { id } = promotions.create(teeSale(), 'owner');
    shop.db.prepare("UPDATE promotions SET status = 'running', started_at = '2026-12-01T00:00:00.000Z' WHERE id = ?").run(id);
    clock.set('2026-12-03T12:00:00.000Z');

    const locked = refusal(() => promotions.update(id, { rule: { type: 'percent_off', percentOffBp: 5000 }, stacking: 'stackable' }, 'owner'));
    expect(locked.details.issues?.map((i) => [i.path, i.key])).toEqual([
      ['rule', 'lockedWhileRunning'],
      ['stacking', 'lockedWhileRunning'],
    ]);
    const past = refusal(() => promotions.update(id, { endsAt: '2026-12-03T00:00:00.000Z' }, 'owner'));
    expect(past.details.issues?.map((i) => [i.path, i.key])).toEqual([['endsAt', 'endsAtPast']]);

    const edited = promotions.update(id, { name: 'Tee week (extended)', note: 'Sold well', endsAt: '2026-12-10T00:00:00.000Z' }, 'owner');
    expect([edited.name, edited.note, edited.endsAt, edited.status, edited.editable]).toEqual([
      'Tee week (extended)',
      'Sold well',
      '2026-12-10T00:00:00.000Z',
      'running',
      false,
    ]);
  });

  it('refuses to edit an ended or cancelled promotion', () => {
    const { promotions, shop } = open();
    const { id } = promotions.create(teeSale(), 'owner');
    shop.db.prepare("UPDATE promotions SET status = 'ended' WHERE id = ?").run(id);
    const error = refusal(() => promotions.update(id, { name: 'Again' }, 'owner'));
    expect([error.code, error.details.key, error.details.params]).toEqual(['CONFLICT', 'promotionFinished', { name: 'Tee week', status: 'ended' }]);
  });

  it('re-checks the margin guard when a scheduled promotion’s terms change', () => {
    const { promotions, lifecycle, calls } = open();
    const { id } = promotions.create(teeSale(), 'owner');
    lifecycle.schedule(id, undefined, 'owner');
    expect(calls.check).toHaveLength(1);
    promotions.update(id, { note: 'No price change' }, 'owner');
    expect(calls.check).toHaveLength(1);
    promotions.update(id, { rule: { type: 'percent_off', percentOffBp: 3000 } }, 'owner');
    expect(calls.check).toEqual([{ promotionId: id }, { promotionId: id }]);
  });

  it('refuses an edit that takes a scheduled promotion below the floor, keeping its old terms', () => {
    const { promotions, lifecycle, shop } = open({ breaches: 1 });
    const { id } = promotions.create(teeSale(), 'owner');
    lifecycle.schedule(id, 'Old stock', 'owner');
    const error = refusal(() => promotions.update(id, { rule: { type: 'percent_off', percentOffBp: 4000 } }, 'owner'));
    expect([error.code, error.details.key, error.details.params]).toEqual(['CONFLICT', 'belowMarginFloor', { count: 1, name: 'Tee week' }]);
    expect(promotions.get(id).rule).toEqual({ type: 'percent_off', percentOffBp: 2500 });
    expect(shop.db.prepare("SELECT COUNT(*) AS n FROM change_sets WHERE kind = 'promotion_edit'").get()).toEqual({ n: 0 });
  });
});

describe('delete', () => {
  it('deletes drafts only', () => {
    const { promotions, lifecycle, shop } = open();
    const draft = promotions.create(teeSale(), 'owner');
    const scheduled = promotions.create(teeSale({ name: 'Later' }), 'owner');
    lifecycle.schedule(scheduled.id, undefined, 'owner');
    expect(refusal(() => promotions.remove(scheduled.id, 'owner')).details.key).toBe('promotionNotDraft');
    expect(promotions.remove(draft.id, 'owner')).toEqual({ removed: true });
    expect(shop.db.prepare('SELECT id FROM promotions').all()).toEqual([{ id: scheduled.id }]);
  });
});
