import { describe, expect, it } from 'vitest';
import { parseDateTime, parseInteger, parseMoney, parsePercent } from '../../../src/spreadsheets/values.js';

describe('cell values as merchants write them', () => {
  it('reads money with currency marks, thousands separators and decimal commas into minor units', () => {
    expect(parseMoney('¥1,299.00', false)).toEqual({ ok: true, value: 129900 });
    expect(parseMoney('￥ 39.9', false)).toEqual({ ok: true, value: 3990 });
    expect(parseMoney('1,299元', false)).toEqual({ ok: true, value: 129900 });
    expect(parseMoney('$12', false)).toEqual({ ok: true, value: 1200 });
    expect(parseMoney('1.299,50', true)).toEqual({ ok: true, value: 129950 });
    expect(parseMoney(19.99, false)).toEqual({ ok: true, value: 1999 });
    expect(parseMoney('12.345', false)).toEqual({ ok: false, reason: 'tooManyDecimals' });
    expect(parseMoney('-5', false)).toEqual({ ok: false, reason: 'negative' });
    expect(parseMoney('abc', false)).toEqual({ ok: false, reason: 'notMoney' });
    expect(parseMoney('6.90123E+12', false)).toEqual({ ok: false, reason: 'scientificNotation' });
  });

  it('reads whole numbers and percentages', () => {
    expect(parseInteger('1,200', false)).toEqual({ ok: true, value: 1200 });
    expect(parseInteger('2.5', false)).toEqual({ ok: false, reason: 'notWholeNumber' });
    expect(parseInteger('-3', false, { min: 0 })).toEqual({ ok: false, reason: 'negative' });
    expect(parsePercent('15%', false)).toEqual({ ok: true, value: 15 });
    expect(parsePercent(0.15, false)).toEqual({ ok: true, value: 15 });
  });

  it('reads dates as serial numbers, ISO, slashes and Chinese, with times and offsets', () => {
    expect(parseDateTime(46086)).toEqual({ ok: true, value: { date: '2026-03-05', time: null, offset: null } });
    expect(parseDateTime(46086.5)).toEqual({ ok: true, value: { date: '2026-03-05', time: '12:00:00', offset: null } });
    expect(parseDateTime('2026/3/5')).toEqual({ ok: true, value: { date: '2026-03-05', time: null, offset: null } });
    expect(parseDateTime('2026年3月5日')).toEqual({ ok: true, value: { date: '2026-03-05', time: null, offset: null } });
    expect(parseDateTime('2026-03-05 14:30')).toEqual({ ok: true, value: { date: '2026-03-05', time: '14:30:00', offset: null } });
    expect(parseDateTime('2026-03-05T14:30:00+0800')).toEqual({ ok: true, value: { date: '2026-03-05', time: '14:30:00', offset: '+08:00' } });
    expect(parseDateTime('2026-02-30')).toEqual({ ok: false, reason: 'notDate' });
    expect(parseDateTime('next week')).toEqual({ ok: false, reason: 'notDate' });
  });
});
