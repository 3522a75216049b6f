// The analytics period in the URL: what a link may say, what is ignored, and
// the custom range's checks.
import { describe, expect, it } from 'vitest';
import { parseRoute } from '../../../renderer/src/app/route.js';
import { asOfProblem, formatLocalDate, rangeProblem } from '../../../renderer/src/pages/analytics/period.js';
import { hashQuery, parsePeriodQuery, periodQueryString, withQuery } from '../../../renderer/src/pages/analytics/period-route.js';

const today = '2026-11-20';

describe('period in the route', () => {
  it('reads a preset, a custom range and an as-of day, and writes them back', () => {
    expect(parsePeriodQuery('period=last7', today)).toEqual({ choice: { kind: 'preset', preset: 'last7' }, asOf: null });
    const custom = parsePeriodQuery('from=2026-10-01&to=2026-10-31&asOf=2026-10-31', today);
    expect(custom).toEqual({ choice: { kind: 'custom', from: '2026-10-01', to: '2026-10-31' }, asOf: '2026-10-31' });
    expect(periodQueryString({ kind: 'custom', from: '2026-10-01', to: '2026-10-31' }, '2026-10-31')).toBe('from=2026-10-01&to=2026-10-31&asOf=2026-10-31');
    // Other keys of the query (the weekly report's week) are kept; the old period goes.
    expect(periodQueryString({ kind: 'preset', preset: 'last30' }, null, 'week=2026-11-09&from=2026-10-01&to=2026-10-02')).toBe('week=2026-11-09&period=last30');
  });

  it('ignores what is not a period: a wrong date, an end before the start, days after today', () => {
    expect(parsePeriodQuery('from=2026-02-30&to=2026-03-01', today).choice).toBeNull();
    expect(parsePeriodQuery('from=2026-10-31&to=2026-10-01', today).choice).toBeNull();
    expect(parsePeriodQuery('from=2026-11-01&to=2026-11-21', today).choice).toBeNull();
    expect(parsePeriodQuery('period=forever&asOf=2026-11-21', today)).toEqual({ choice: null, asOf: null });
  });

  it('keeps the hash path apart from the query', () => {
    expect(parseRoute('#/analytics/sales/category/7/Tea?from=2026-10-01&to=2026-10-31')).toEqual({ area: 'analytics', rest: ['sales', 'category', '7', 'Tea'] });
    expect(hashQuery('#/analytics?period=last7')).toBe('period=last7');
    expect(hashQuery('#/analytics')).toBe('');
    expect(withQuery('#/analytics/sales', '')).toBe('#/analytics/sales');
    expect(withQuery('#/analytics/sales', 'period=last7')).toBe('#/analytics/sales?period=last7');
  });
});

describe('custom range and as-of checks', () => {
  it('names what is wrong', () => {
    expect(rangeProblem('2026-10-01', '2026-10-31', today)).toBeNull();
    expect(rangeProblem('2026-10-01', '2026-10-01', today)).toBeNull();
    expect(rangeProblem('', '2026-10-31', today)).toBe('missing');
    expect(rangeProblem('2026-10-31', '2026-10-01', today)).toBe('order');
    expect(rangeProblem('2026-11-01', '2026-11-21', today)).toBe('future');
    expect(asOfProblem('2026-11-21', today)).toBe('future');
    expect(asOfProblem(today, today)).toBeNull();
  });

  it('writes a local date the reader’s way, whatever the viewer’s time zone', () => {
    expect(formatLocalDate('2026-10-31', 'en')).toBe('Oct 31, 2026');
    expect(formatLocalDate('2026-10-31', 'zh-CN')).toBe('2026年10月31日');
  });
});
