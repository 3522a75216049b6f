import { describe, expect, it } from 'vitest';
import { bundleMovements, expandBundleLines, type ComponentsOf } from '../../../src/inventory/bundle-consumption.js';

// Variant 10 is a gift set: 2 × mug (1) and 1 × tea (2). Variant 11 is a duo: 2 × socks (3).
const components: ComponentsOf = (variantId) =>
  variantId === 10
    ? [
        { variantId: 1, quantity: 2 },
        { variantId: 2, quantity: 1 },
      ]
    : variantId === 11
      ? [{ variantId: 3, quantity: 2 }]
      : [];

describe('expanding sale lines of bundles into their components', () => {
  it('replaces a bundle line by quantity × component quantity of each component', () => {
    expect(expandBundleLines([{ variantId: 10, locationId: 5, quantity: 3 }], components)).toEqual([
      { variantId: 1, locationId: 5, quantity: 6 },
      { variantId: 2, locationId: 5, quantity: 3 },
    ]);
  });

  it('leaves ordinary lines alone and merges a loose component with the same component of a bundle', () => {
    const lines = [
      { variantId: 2, locationId: 5, quantity: 4 },
      { variantId: 10, locationId: 5, quantity: 1 },
      { variantId: 11, locationId: 5, quantity: 2 },
      { variantId: 10, locationId: 6, quantity: 1 },
    ];
    expect(expandBundleLines(lines, components)).toEqual([
      { variantId: 2, locationId: 5, quantity: 5 },
      { variantId: 1, locationId: 5, quantity: 2 },
      { variantId: 3, locationId: 5, quantity: 4 },
      { variantId: 1, locationId: 6, quantity: 2 },
      { variantId: 2, locationId: 6, quantity: 1 },
    ]);
  });

  it('refuses a zero, negative or fractional quantity', () => {
    for (const quantity of [0, -1, 1.5]) {
      expect(() => expandBundleLines([{ variantId: 10, locationId: 5, quantity }], components)).toThrow(/positive integer/);
    }
  });
});

describe('bundle sale movements', () => {
  const context = { actor: 'owner', occurredAt: '2026-11-20T10:00:00.000Z', refType: 'order', refId: 'SO-7' };

  it('takes the components out of stock for a sale, with the order as reference', () => {
    expect(bundleMovements([{ variantId: 10, locationId: 5, quantity: 2 }], components, { ...context, reason: 'sale' })).toEqual([
      { variantId: 1, locationId: 5, delta: -4, reason: 'sale', refType: 'order', refId: 'SO-7', note: null, actor: 'owner', occurredAt: context.occurredAt },
      { variantId: 2, locationId: 5, delta: -2, reason: 'sale', refType: 'order', refId: 'SO-7', note: null, actor: 'owner', occurredAt: context.occurredAt },
    ]);
  });

  it('puts the components back for a return', () => {
    const movements = bundleMovements([{ variantId: 11, locationId: 5, quantity: 1 }], components, { ...context, reason: 'return' });
    expect(movements.map((m) => [m.variantId, m.delta, m.reason])).toEqual([[3, 2, 'return']]);
  });
});
