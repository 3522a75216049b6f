// Customers of the demo shop: mostly one-off buyers and a loyal minority that
// keeps coming back (about 70 % one order, 8 % four or more). Customers are
// identified by e-mail (metrics.md), so every e-mail is unique.
import type { Rng } from './prng.js';
import type { StepContext } from './writer.js';

/** How many orders each customer places: 1 (70 %), 2 (15 %), 3 (7 %), 4+ (8 %, heavy tail takes the rest). */
export function planOrderCounts(rng: Rng, customers: number, customerOrders: number): Int32Array {
  const counts = new Int32Array(customers);
  const loyal: number[] = [];
  let sum = 0;
  for (let i = 0; i < customers; i++) {
    const r = rng.next();
    const c = r < 0.7 ? 1 : r < 0.85 ? 2 : r < 0.92 ? 3 : 4;
    if (c === 4) loyal.push(i);
    counts[i] = c;
    sum += c;
  }
  let diff = customerOrders - sum;
  if (diff > 0 && loyal.length > 0) {
    // Pareto-like appetite: a few loyal customers order very often.
    const appetite = loyal.map(() => 1 / Math.pow(1 - rng.next() * 0.999, 0.6));
    const total = appetite.reduce((a, b) => a + b, 0);
    let given = 0;
    loyal.forEach((c, k) => {
      const extra = Math.floor((diff * (appetite[k] ?? 0)) / total);
      counts[c] = (counts[c] ?? 0) + extra;
      given += extra;
    });
    for (let k = 0; given < diff; k = (k + 1) % loyal.length, given++) {
      const c = loyal[k] ?? 0;
      counts[c] = (counts[c] ?? 0) + 1;
    }
    diff = 0;
  }
  // Fewer orders than planned: trim the biggest buyers first, then leave some customers without orders.
  for (let i = customers - 1; diff < 0 && i >= 0; i--) {
    while (diff < 0 && (counts[i] ?? 0) > 0) {
      counts[i] = (counts[i] ?? 0) - 1;
      diff++;
    }
  }
  return counts;
}

/** Customer (0-based) for every customer order slot, spread at random over the two years. */
export function assignCustomers(rng: Rng, counts: Int32Array, slots: number): Int32Array {
  const out = new Int32Array(slots);
  let k = 0;
  for (let c = 0; c < counts.length; c++) {
    for (let n = 0; n < (counts[c] ?? 0) && k < slots; n++) out[k++] = c;
  }
  rng.shuffle(out);
  return out;
}

export interface CustomerContext extends StepContext {
  /** Placed time of each customer's first order (NaN = never ordered). */
  firstOrderMs: Float64Array;
}

export async function writeCustomers(ctx: CustomerContext): Promise<number> {
  const { db, rng, words, writer } = ctx;
  const insert = db.prepare(`INSERT INTO customers (id, email, external_id, name, phone, city, country, created_at)
    VALUES (?, ?, ?, ?, ?, ?, ?, ?)`);
  const domains = ['example.com', 'example.net', 'example.org', 'mail.example.com'];
  const total = ctx.firstOrderMs.length;
  // Big cities get more customers.
  const cityWeights = words.cities.map((_, i) => 1 / (1 + i * 0.25));
  for (let i = 0; i < total; i++) {
    const fi = rng.int(0, words.firstNames.length - 1);
    const li = rng.int(0, words.lastNames.length - 1);
    const first = words.firstNames[fi] ?? '';
    const last = words.lastNames[li] ?? '';
    const id = i + 1;
    const email = `${words.emailName(first, last, fi, li)}${id}@${rng.pick(domains)}`;
    const digits = String(rng.int(1_000_000, 9_999_999)) + String(rng.int(10, 99));
    const firstMs = ctx.firstOrderMs[i] ?? Number.NaN;
    // Signed up shortly before the first order (or at some point, if they never ordered).
    const createdMs = Number.isNaN(firstMs)
      ? ctx.windowStart + rng.int(0, 700) * 86_400_000 + rng.int(0, 86_399) * 1000
      : firstMs - rng.int(60, 3600) * 1000;
    insert.run(id, email, null, words.personName(first, last), rng.chance(0.8) ? words.phone(digits) : null,
      words.cities[rng.weighted(cityWeights)] ?? null, words.country, new Date(createdMs).toISOString());
    writer.rows++;
    if (writer.rows >= 20_000) {
      ctx.progress(i + 1, total);
      await writer.flush();
    }
  }
  return total;
}
