// The weekly report's promotions section, in both languages, on the evaluation fixture shop (UTC).
// Week Monday 1 – Sunday 7 June 2026, report made on 10 June:
// - Promotion 1 (10 % off Tea B, 2–5 June, ended): 1 × T-B for 2000 − 200 and 2 × T-B for 4000 − 400:
//   3 units, net sales 5400, COGS 3 × 1200 = 3600. Tea B never sold before, so the baseline is 0
//   (no lift figure): incremental gross profit = 1800, promotion cost 600, ROI 3.
// - Promotion 2 (running 6–20 June, Cups): nothing sold yet.
// - Promotion 3 (1–5 May) ended before the week: not listed.
import { afterEach, describe, expect, it } from 'vitest';
import * as XLSX from 'xlsx';
import type { Db } from '../../../src/db/open.js';
import { evaluateAlerts } from '../../../src/alerts/evaluate.js';
import { promotionEndedRuleWith } from '../../../src/alerts/rules/promotion-ended.js';
import { openAlerts } from '../../../src/reports/report-alerts.js';
import { gatherWeeklyReport } from '../../../src/reports/report-data.js';
import { formatters } from '../../../src/reports/report-format.js';
import { weeklyReportPdf } from '../../../src/reports/report-pdf.js';
import { promotionCells } from '../../../src/reports/report-promotions.js';
import { weeklyReportXlsx } from '../../../src/reports/report-xlsx.js';
import { fixedClock } from '../../../src/shared/clock.js';
import { evaluationShop, order, promotion } from '../promotions/evaluation-fixture.js';

let db: Db;
afterEach(() => db.close());

function shop(): void {
  db = evaluationShop();
  const rule = { type: 'percent_off', percentOffBp: 1000 };
  promotion(db, { id: 1, type: 'percent_off', rule, startsAt: '2026-06-02T00:00:00.000Z', endsAt: '2026-06-06T00:00:00.000Z', targets: [['product', 2]] });
  promotion(db, { id: 2, type: 'percent_off', rule, status: 'running', startsAt: '2026-06-06T00:00:00.000Z', endsAt: '2026-06-21T00:00:00.000Z', targets: [['product', 3]] });
  promotion(db, { id: 3, type: 'percent_off', rule, startsAt: '2026-05-01T00:00:00.000Z', endsAt: '2026-05-06T00:00:00.000Z', targets: [['product', 2]] });
  order(db, { placedAt: '2026-06-03T10:00:00.000Z', lines: [{ variantId: 2, quantity: 1, unitPrice: 2000, discount: 200 }] });
  order(db, { placedAt: '2026-06-04T10:00:00.000Z', lines: [{ variantId: 2, quantity: 2, unitPrice: 2000, discount: 400 }] });
}

const clock = fixedClock('2026-06-10T00:00:00.000Z');

describe('weekly report: promotions', () => {
  it('lists the promotions running or ended in the week with units, net sales, lift, incremental gross profit and ROI', () => {
    shop();
    const data = gatherWeeklyReport(db, clock, '2026-06-01', 'en');
    expect(data.promotions).toEqual([
      { promotionId: 2, name: 'Promotion 2', status: 'running', from: '2026-06-06', to: '2026-06-20', units: 0, netSales: 0, liftPercent: null, incrementalGrossProfit: 0, promotionCost: 0, roi: null },
      { promotionId: 1, name: 'Promotion 1', status: 'ended', from: '2026-06-02', to: '2026-06-05', units: 3, netSales: 5400, liftPercent: null, incrementalGrossProfit: 1800, promotionCost: 600, roi: 3 },
    ]);
  });

  it('writes the section in English and Chinese, in the PDF and the XLSX', async () => {
    shop();
    for (const [locale, sheetName, ended, head] of [
      ['en', 'Promotions', 'Ended', 'Promotion'],
      ['zh-CN', '促销活动', '已结束', '活动'],
    ] as const) {
      const data = gatherWeeklyReport(db, clock, '2026-06-01', locale);
      const f = formatters(locale, 'USD', 'n/a');
      const cells = promotionCells(data.promotions, locale, f);
      expect(cells[1]).toEqual(['Promotion 1', ended, '06-02 – 06-05', '3', f.money(5400), 'n/a', f.money(1800), '3']);
      const pdf = await weeklyReportPdf(data, locale);
      expect(pdf.subarray(0, 5).toString('latin1')).toBe('%PDF-');
      const book = XLSX.read(weeklyReportXlsx(data, locale));
      const sheet = book.Sheets[sheetName];
      expect(sheet).toBeDefined();
      if (!sheet) continue;
      const rows = XLSX.utils.sheet_to_json<unknown[]>(sheet, { header: 1, defval: null });
      expect(rows[1]?.[0]).toBe(head);
      expect(rows[3]).toEqual(['Promotion 1', ended, '2026-06-02', '2026-06-05', 3, 54, null, 18, 6, 3]);
    }
  });

  it('renders the promotion alerts among the open alerts in the report language, money in the shop currency', () => {
    shop();
    evaluateAlerts(db, clock, [promotionEndedRuleWith()]);
    expect(openAlerts(db, 'en', 10, 'USD')).toEqual([
      { title: 'Promotion 1 ended: lift —, ROI 3', detail: '3 units sold; no baseline (too little history before it); Incremental gross profit $18.00 for a promotion cost of $6.00', createdAt: '2026-06-10T00:00:00.000Z' },
    ]);
    expect(openAlerts(db, 'zh-CN', 10, 'USD')?.[0]?.title).toBe('Promotion 1 已结束：提升 —，ROI 3');
    expect(openAlerts(db, 'zh-CN', 10, 'USD')?.[0]?.detail).toBe('售出 3 件；活动前历史太少，没有基准; 增量毛利 US$18.00，活动成本 US$6.00');
  });
});
