// The demo shop's promotion history: past 618 / Double 11 tiers, a flash sale and a win-back
// coupon campaign with a control group, whose orders carry the discounts their rules give — so
// the evaluation pages have real results to show on the demo.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { generateDemoShop } from '../../src/demo/generate.js';
import { promotionRuleSchema, type PromotionRule } from '../../src/promotions/rules.js';
import { promotionVariantsCte } from '../../src/promotions/target-sql.js';

const NOW = new Date('2026-11-20T12:00:00Z'); // as the large bench shop
const dir = mkdtempSync(join(tmpdir(), 'shopdesk-demo-promo-'));
let db: Database.Database;

interface PromotionRow {
  id: number;
  name: string;
  type: string;
  status: string;
  starts_at: string;
  ends_at: string;
  scope: string;
  rule: string;
  segment_code: string | null;
  control_share_bp: number;
}

function num(sql: string, ...params: unknown[]): number {
  return Object.values(db.prepare(sql).get(...params) as Record<string, number>)[0] ?? Number.NaN;
}
function promotions(): PromotionRow[] {
  return db.prepare('SELECT * FROM promotions ORDER BY starts_at').all() as PromotionRow[];
}
function byName(part: string): PromotionRow {
  const found = promotions().filter((p) => p.name.includes(part) && p.status === 'ended');
  const last = found[found.length - 1];
  if (!last) throw new Error(`no ended promotion named like ${part}`);
  return last;
}
function ruleOf(p: PromotionRow): PromotionRule {
  return promotionRuleSchema.parse(JSON.parse(p.rule));
}
/** Variant ids a promotion applies to, by the app's own target SQL. */
function variantsOf(id: number): Set<number> {
  const rows = db.prepare(`WITH RECURSIVE promo_ids (id) AS (SELECT ?), ${promotionVariantsCte} SELECT variant_id FROM promo_variants`).pluck().all(id) as number[];
  return new Set(rows);
}
interface WindowLine {
  order_id: number;
  variant_id: number;
  quantity: number;
  unit_price: number;
  discount: number;
  discount_total: number;
  status: string;
}
function linesIn(p: PromotionRow): WindowLine[] {
  return db.prepare(`SELECT l.order_id, l.variant_id, l.quantity, l.unit_price, l.discount, o.discount_total, o.status
    FROM orders o JOIN order_lines l ON l.order_id = o.id WHERE o.placed_at >= ? AND o.placed_at < ? ORDER BY l.id`).all(p.starts_at, p.ends_at) as WindowLine[];
}
function byOrder(lines: WindowLine[]): Map<number, WindowLine[]> {
  const out = new Map<number, WindowLine[]>();
  for (const l of lines) out.set(l.order_id, [...(out.get(l.order_id) ?? []), l]);
  return out;
}
/** Units per day of a promotion's SKUs between two instants (non-cancelled orders). */
function unitsPerDay(variants: Set<number>, from: string, to: string): number {
  const rows = db.prepare(`SELECT l.variant_id AS v, l.quantity AS q FROM orders o JOIN order_lines l ON l.order_id = o.id
    WHERE o.status <> 'cancelled' AND o.placed_at >= ? AND o.placed_at < ?`).all(from, to) as { v: number; q: number }[];
  const units = rows.reduce((s, r) => s + (variants.has(r.v) ? r.q : 0), 0);
  return units / ((Date.parse(to) - Date.parse(from)) / 86_400_000);
}
const shift = (instant: string, days: number): string => new Date(Date.parse(instant) + days * 86_400_000).toISOString();

beforeAll(async () => {
  const path = join(dir, 'promo-zh.db');
  await generateDemoShop({ path, size: 'small', seed: 20260101, locale: 'zh-CN', now: NOW });
  db = new Database(path, { readonly: true });
}, 120_000);

afterAll(() => {
  db?.close();
  rmSync(dir, { recursive: true, force: true });
});

describe('demo shop promotions', () => {
  it('has the past 618s and Double 11s with tiers, a flash sale and a coupon campaign, all ended, with valid rules', () => {
    const all = promotions();
    for (const p of all) expect(promotionRuleSchema.safeParse(JSON.parse(p.rule)).success, p.name).toBe(true);
    const ended = all.filter((p) => p.status === 'ended').map((p) => [p.name, p.type, p.starts_at, p.ends_at]);
    // Local (Shanghai) midnights: June 1–18 and November 1–11, ends exclusive.
    expect(ended).toEqual([
      ['2025 618 年中大促 满减', 'spend_tiers', '2025-05-31T16:00:00.000Z', '2025-06-18T16:00:00.000Z'],
      ['2025 双11 狂欢节 满件折', 'quantity_tiers', '2025-10-31T16:00:00.000Z', '2025-11-11T16:00:00.000Z'],
      ['2026 618 年中大促 满减', 'spend_tiers', '2026-05-31T16:00:00.000Z', '2026-06-18T16:00:00.000Z'],
      [expect.stringContaining('限时秒杀'), 'flash_sale', expect.any(String), expect.any(String)],
      [expect.stringContaining('老客召回券'), 'coupon', expect.any(String), expect.any(String)],
      ['2026 双11 狂欢节 满件折', 'quantity_tiers', '2026-10-31T16:00:00.000Z', '2026-11-11T16:00:00.000Z'],
    ]);
    expect(ruleOf(byName('618'))).toEqual({ type: 'spend_tiers', tiers: [
      { minSpend: 20_000, amountOff: 2_000 }, { minSpend: 30_000, amountOff: 4_000 }, { minSpend: 50_000, amountOff: 8_000 }] });
    const flash = byName('限时秒杀');
    expect(Date.parse(flash.ends_at) - Date.parse(flash.starts_at)).toBe(2 * 86_400_000);
    // Planned ahead: the next key date scheduled (after now), and a draft.
    const upcoming = all.filter((p) => p.status === 'scheduled');
    expect(upcoming.map((p) => p.name)).toEqual(['2026 双12 家居周']);
    expect(Date.parse(upcoming[0]?.starts_at ?? '')).toBeGreaterThan(NOW.getTime());
    expect(all.filter((p) => p.status === 'draft')).toHaveLength(1);
    expect(num(`SELECT count(*) FROM promotions WHERE status IN ('running', 'cancelled')`)).toBe(0);
  });

  it('gives every order in a 618 window the 满减 tier its eligible spend reaches, on the targeted lines only', () => {
    const p = byName('2026 618');
    const targeted = variantsOf(p.id);
    const tierOf = (spend: number): number => (spend >= 50_000 ? 8_000 : spend >= 30_000 ? 4_000 : spend >= 20_000 ? 2_000 : 0);
    const reached = new Set<number>();
    const orders = byOrder(linesIn(p));
    expect(orders.size).toBeGreaterThan(300);
    for (const lines of orders.values()) {
      const spend = lines.reduce((s, l) => s + (targeted.has(l.variant_id) ? l.quantity * l.unit_price : 0), 0);
      expect(lines[0]?.discount_total).toBe(tierOf(spend));
      reached.add(tierOf(spend));
      for (const l of lines) if (!targeted.has(l.variant_id)) expect(l.discount).toBe(0);
    }
    expect([...reached].sort((a, b) => a - b)).toEqual([0, 2_000, 4_000, 8_000]);
  });

  it('gives Double 11 orders 10 % off from two targeted units and 15 % from three, per line', () => {
    const p = byName('2026 双11');
    const targeted = variantsOf(p.id);
    let discounted = 0;
    for (const lines of byOrder(linesIn(p)).values()) {
      const units = lines.reduce((s, l) => s + (targeted.has(l.variant_id) ? l.quantity : 0), 0);
      const bp = units >= 3 ? 1_500 : units >= 2 ? 1_000 : 0;
      for (const l of lines) {
        const expected = targeted.has(l.variant_id) ? Math.floor((l.quantity * l.unit_price * bp) / 10_000 + 0.5) : 0;
        expect(l.discount).toBe(expected);
        if (expected > 0) discounted++;
      }
    }
    expect(discounted).toBeGreaterThan(100);
  });

  it('lifts the promoted products during 618 and dips them in the 14 days after', () => {
    const p = byName('2026 618');
    const targeted = variantsOf(p.id);
    const before = unitsPerDay(targeted, shift(p.starts_at, -28), p.starts_at);
    const during = unitsPerDay(targeted, p.starts_at, p.ends_at);
    const after = unitsPerDay(targeted, p.ends_at, shift(p.ends_at, 14));
    expect(during).toBeGreaterThan(1.5 * before);
    expect(after).toBeLessThan(before);
    // The lift lands on the promoted products more than on the rest of the shop.
    const all = new Set(db.prepare('SELECT id FROM variants').pluck().all() as number[]);
    const others = new Set([...all].filter((v) => !targeted.has(v)));
    expect(during / before).toBeGreaterThan(unitsPerDay(others, p.starts_at, p.ends_at) / unitsPerDay(others, shift(p.starts_at, -28), p.starts_at));
  });

  it('sells the flash-sale SKUs at 60 % off up to the cap per SKU, at most two per order', () => {
    const p = byName('限时秒杀');
    const rule = ruleOf(p);
    if (rule.type !== 'flash_sale') throw new Error('not a flash sale');
    const cap = rule.perSkuCap ?? 0;
    const targeted = variantsOf(p.id);
    expect(targeted.size).toBe(6);
    const sold = new Map<number, number>();
    for (const l of linesIn(p)) {
      if (!targeted.has(l.variant_id) || l.discount === 0) continue;
      expect(l.discount).toBe(l.quantity * Math.floor((l.unit_price * 6_000) / 10_000 + 0.5));
      expect(l.quantity).toBeLessThanOrEqual(2);
      if (l.status !== 'cancelled') sold.set(l.variant_id, (sold.get(l.variant_id) ?? 0) + l.quantity);
    }
    expect(sold.size).toBeGreaterThan(3);
    for (const units of sold.values()) expect(units).toBeLessThanOrEqual(cap);
    expect([...sold.values()].some((units) => units === cap)).toBe(true);
  });

  it('runs the win-back coupon with a 20 % control group; treatment converts more, and its orders carry their own codes', () => {
    const p = byName('老客召回券');
    expect(p).toMatchObject({ segment_code: 'atRiskBigSpenders', control_share_bp: 2_000, scope: 'shop' });
    const rule = ruleOf(p);
    if (rule.type !== 'coupon') throw new Error('not a coupon');
    const audience = num('SELECT count(*) FROM promotion_audience WHERE promotion_id = ?', p.id);
    const control = num('SELECT count(*) FROM promotion_audience WHERE promotion_id = ? AND in_control = 1', p.id);
    expect(audience).toBeGreaterThan(300);
    expect(control / audience).toBeGreaterThan(0.15);
    expect(control / audience).toBeLessThan(0.25);
    // One personal code per treatment customer; none for the control group.
    expect(num(`SELECT count(*) FROM coupon_codes c JOIN promotion_audience a ON a.customer_id = c.customer_id AND a.promotion_id = c.promotion_id
      WHERE c.promotion_id = ? AND a.in_control = 0`, p.id)).toBe(audience - control);
    expect(num('SELECT count(*) FROM coupon_codes WHERE promotion_id = ?', p.id)).toBe(audience - control);
    // Orders with a code: the code exists, is the customer's own, used once, in the window, 15 % off a basket above the minimum.
    const used = db.prepare(`SELECT o.coupon_code, o.customer_id, o.placed_at, o.subtotal, o.discount_total, c.customer_id AS owner
      FROM orders o LEFT JOIN coupon_codes c ON c.code = o.coupon_code WHERE o.coupon_code IS NOT NULL`).all() as
      { coupon_code: string; customer_id: number; placed_at: string; subtotal: number; discount_total: number; owner: number | null }[];
    expect(used.length).toBeGreaterThan(20);
    expect(new Set(used.map((u) => u.coupon_code)).size).toBe(used.length);
    for (const u of used) {
      expect(u.owner).toBe(u.customer_id);
      expect(u.placed_at >= p.starts_at && u.placed_at < p.ends_at).toBe(true);
      expect(u.subtotal).toBeGreaterThanOrEqual(rule.minSpend);
      expect(u.discount_total).toBe(Math.floor((u.subtotal * 1_500) / 10_000 + 0.5));
    }
    const conversion = (inControl: number): number => num(`SELECT avg(EXISTS (SELECT 1 FROM orders o WHERE o.customer_id = a.customer_id
      AND o.status <> 'cancelled' AND o.placed_at >= ? AND o.placed_at < ?)) FROM promotion_audience a WHERE a.promotion_id = ? AND a.in_control = ?`,
    p.starts_at, p.ends_at, p.id, inControl);
    expect(conversion(0)).toBeGreaterThan(conversion(1) + 0.04);
    expect(conversion(0)).toBeGreaterThan(0.08);
  });
});
