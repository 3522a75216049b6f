// The Promotions pages' own logic: where a promotion's bar sits on the calendar (its local days
// in the shop's time zone, the end instant exclusive; lanes that never overlap), and what the
// editor sends to the core (money in minor units, percentages in basis points, the window from
// the shop's wall clock to UTC; only what changed on an edit).
import { describe, expect, it } from 'vitest';
import type { PromotionDetail } from '../../../src/promotions/contract.js';
import { numberConventions, readNumber, writeNumber } from '../../../src/shared/number-input.js';
import type { NumberInput } from '../../../renderer/src/components/number-field.js';
import { checkNumber } from '../../../renderer/src/components/number-check.js';
import { layoutWeeks, localSpan, monthWeeks } from '../../../renderer/src/pages/promotions/calendar-layout.js';
import { changedFields, emptyState, stateOf, toFields } from '../../../renderer/src/pages/promotions/editor-state.js';
import { formatWindowShort, utcOfWallClock, wallClockOf } from '../../../renderer/src/pages/promotions/promotion-texts.js';

function numbers(currency: string): NumberInput {
  const conventions = numberConventions('auto', currency, 'en');
  return {
    conventions,
    read: (text) => readNumber(text, conventions),
    check: (text, rule = {}) => checkNumber(text, rule, conventions),
    write: (value, decimals) => writeNumber(value, conventions, decimals),
    show: (value) => String(value),
    problemText: () => '',
  };
}

describe('calendar layout', () => {
  it('takes a promotion’s local days in the shop’s zone, the end at midnight ending the day before', () => {
    // 8 Dec 00:00 – 11 Dec 00:00 in New York (UTC−5).
    expect(localSpan('2026-12-08T05:00:00.000Z', '2026-12-11T05:00:00.000Z', 'America/New_York')).toEqual({ first: '2026-12-08', last: '2026-12-10' });
    // The same instants are 8 Dec 13:00 – 11 Dec 13:00 in Shanghai: four days.
    expect(localSpan('2026-12-08T05:00:00.000Z', '2026-12-11T05:00:00.000Z', 'Asia/Shanghai')).toEqual({ first: '2026-12-08', last: '2026-12-11' });
  });

  it('shows a month as the Monday-first weeks that hold its days', () => {
    expect(monthWeeks('2026-12-15')).toEqual(['2026-11-30', '2026-12-07', '2026-12-14', '2026-12-21', '2026-12-28']);
    expect(monthWeeks('2027-02-01')).toEqual(['2027-02-01', '2027-02-08', '2027-02-15', '2027-02-22']);
  });

  it('cuts bars at the week’s edges and stacks overlapping ones in lanes', () => {
    const long = { id: 1, first: '2026-12-06', last: '2026-12-16' };
    const short = { id: 2, first: '2026-12-08', last: '2026-12-10' };
    const weekend = { id: 3, first: '2026-12-12', last: '2026-12-13' };
    const [week] = layoutWeeks(['2026-12-07'], [weekend, short, long]);
    expect(week?.bars.map((bar) => [bar.item.id, bar.from, bar.to, bar.lane, bar.continuesBefore, bar.continuesAfter])).toEqual([
      [1, 0, 6, 0, true, true],
      [2, 1, 3, 1, false, false],
      // Saturday–Sunday fits beside the short one in the second lane.
      [3, 5, 6, 1, false, false],
    ]);
    expect(week?.lanes).toBe(2);
    const [before] = layoutWeeks(['2026-11-30'], [long, short]);
    expect(before?.bars.map((bar) => [bar.item.id, bar.from, bar.to])).toEqual([[1, 6, 6]]);
  });
});

describe('editor fields', () => {
  const zone = 'America/New_York';

  it('reads the wall clock of the shop’s zone both ways', () => {
    expect(utcOfWallClock('2026-12-08T00:00', zone)).toBe('2026-12-08T05:00:00.000Z');
    expect(utcOfWallClock('2026-07-01T09:30', zone)).toBe('2026-07-01T13:30:00.000Z');
    expect(wallClockOf('2026-07-01T13:30:00.000Z', zone)).toBe('2026-07-01T09:30');
    expect(utcOfWallClock('', zone)).toBeNull();
  });

  it('lists a window of whole days by its first and last day, other times with the time', () => {
    expect(formatWindowShort('2026-12-08T05:00:00.000Z', '2026-12-11T05:00:00.000Z', 'en', zone)).toBe('Dec 8, 2026 – Dec 10, 2026');
    expect(formatWindowShort('2026-12-08T05:00:00.000Z', '2026-12-11T05:00:00.000Z', 'zh-CN', zone)).toBe('2026年12月8日 – 2026年12月10日');
    expect(formatWindowShort('2026-12-08T14:30:00.000Z', '2026-12-08T17:00:00.000Z', 'en', zone)).toBe('Dec 8, 2026, 09:30 – Dec 8, 2026, 12:00');
  });

  it('sends a 满减 in minor units with its window in UTC', () => {
    const state = {
      ...emptyState(zone),
      name: 'Spend & save',
      type: 'spend_tiers' as const,
      spendTiers: [
        { minSpend: '200', amountOff: '20' },
        { minSpend: '300', amountOff: '40.50' },
      ],
      scope: 'targets' as const,
      targets: [{ kind: 'category' as const, id: 7, label: 'Tea' }],
      startsAt: '2026-12-08T00:00',
      endsAt: '2026-12-11T00:00',
      stacking: 'stackable' as const,
      uplift: '12.5',
    };
    expect(toFields(state, numbers('USD'), 'USD', zone)).toEqual({
      name: 'Spend & save',
      startsAt: '2026-12-08T05:00:00.000Z',
      endsAt: '2026-12-11T05:00:00.000Z',
      stacking: 'stackable',
      priority: 100,
      targets: { scope: 'targets', items: [{ kind: 'category', id: 7 }] },
      channels: 'all',
      rule: { type: 'spend_tiers', tiers: [{ minSpend: 20_000, amountOff: 2000 }, { minSpend: 30_000, amountOff: 4050 }] },
      segmentCode: null,
      controlShareBp: 0,
      upliftAssumptionBp: 1250,
      note: null,
    });
    // Yen have no minor unit: 100 is 100.
    expect(toFields({ ...state, spendTiers: [{ minSpend: '100', amountOff: '10' }] }, numbers('JPY'), 'JPY', zone)?.rule).toEqual({
      type: 'spend_tiers',
      tiers: [{ minSpend: 100, amountOff: 10 }],
    });
  });

  it('sends nothing while a number does not read or a percentage is out of range', () => {
    const base = { ...emptyState(zone), name: 'Ten off', type: 'percent_off' as const };
    expect(toFields({ ...base, percent: '12.5' }, numbers('USD'), 'USD', zone)?.rule).toEqual({ type: 'percent_off', percentOffBp: 1250 });
    expect(toFields({ ...base, percent: 'ten' }, numbers('USD'), 'USD', zone)).toBeNull();
    expect(toFields({ ...base, percent: '120' }, numbers('USD'), 'USD', zone)).toBeNull();
    expect(toFields({ ...base, percent: '' }, numbers('USD'), 'USD', zone)).toBeNull();
  });

  it('on an edit sends only what changed, keeping the saved start to the second', () => {
    const detail: PromotionDetail = {
      id: 4,
      name: 'Tea week',
      type: 'percent_off',
      status: 'scheduled',
      startsAt: '2026-12-08T05:00:42.000Z',
      endsAt: '2026-12-11T05:00:00.000Z',
      stacking: 'stackable',
      priority: 10,
      channels: 'all',
      variantCount: 2,
      segmentCode: null,
      overrideReason: null,
      createdAt: '2026-12-01T00:00:00.000Z',
      updatedAt: '2026-12-01T00:00:00.000Z',
      rule: { type: 'percent_off', percentOffBp: 1000 },
      targets: { scope: 'targets', items: [{ kind: 'category', id: 7 }] },
      targetLabels: [{ kind: 'category', id: 7, label: 'Tea' }],
      ruleVariants: [],
      controlShareBp: 0,
      upliftAssumptionBp: null,
      note: null,
      overrideBy: null,
      overrideAt: null,
      startedAt: null,
      finishedAt: null,
      push: [],
      editable: true,
    };
    const input = numbers('USD');
    const initial = stateOf(detail, input, 'USD', zone);
    expect(initial.percent).toBe('10');
    expect(initial.targets).toEqual([{ kind: 'category', id: 7, label: 'Tea' }]);
    const edited = { ...initial, name: 'Tea week (longer)', endsAt: '2026-12-12T00:00' };
    const fields = toFields(edited, input, 'USD', zone);
    if (!fields) throw new Error('fields do not read');
    expect(changedFields(fields, detail, initial, edited)).toEqual({ name: 'Tea week (longer)', endsAt: '2026-12-12T05:00:00.000Z' });
  });
});
