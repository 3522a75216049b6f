// The weekly report as a workbook: one sheet per section, numbers stay
// numbers (money in major units of the shop currency, rates as fractions), so
// the owner can compute with them.
import { workbookBase64, type Cell } from '../documents/xlsx.js';
import type { Locale } from '../settings/contract.js';
import type { WeeklyReportData } from './report-data.js';
import { salesRows } from './report-pdf.js';
import { relativeChange, toMajor } from './report-format.js';
import { fill, reportTexts, segmentNames, stockHistoryNote } from './report-texts.js';

export function weeklyReportXlsx(data: WeeklyReportData, locale: Locale): Buffer {
  const l = reportTexts[locale];
  const major = (minor: number | null): Cell => (minor === null ? null : toMajor(minor, data.shop.currency));
  const cur = `(${data.shop.currency})`;
  const { current, previous, lastYear } = data.sales;
  const kindValue = (kind: 'money' | 'number' | 'rate', value: number | null): Cell => (kind === 'money' ? major(value === null ? null : Math.round(value)) : value);
  const difference = (kind: 'money' | 'number' | 'rate', a: number | null, b: number | null): Cell =>
    kind === 'rate' ? (a === null || b === null ? null : a - b) : relativeChange(a, b);

  const stockNote = stockHistoryNote(data.stockHistory, locale);
  const sheets: { name: string; rows: Cell[][]; widths: number[] }[] = [
    {
      name: l.summary,
      rows: [
        [l.title],
        [l.shop, data.shop.name],
        [l.week, `${data.week.from} – ${data.week.to}`],
        [l.timeZone, data.shop.timeZone],
        [l.generated, data.generatedAt],
        [],
        [l.metric, l.thisWeek, l.lastWeek, l.vsLastWeek, l.lastYear, l.vsLastYear],
        ...salesRows.map(([key, pick, kind]): Cell[] => [
          kind === 'money' ? `${l[key]} ${cur}` : l[key],
          kindValue(kind, pick(current)),
          kindValue(kind, pick(previous)),
          difference(kind, pick(current), pick(previous)),
          kindValue(kind, pick(lastYear)),
          difference(kind, pick(current), pick(lastYear)),
        ]),
        [],
        [l.salesNote],
      ],
      widths: [28, 16, 16, 14, 20, 14],
    },
    {
      name: l.daily,
      rows: [[l.date, `${l.netSales} ${cur}`, l.lastWeekDate, `${l.lastWeekNetSales} ${cur}`], ...data.daily.map((d): Cell[] => [d.date, major(d.netSales), d.previousDate, major(d.previousNetSales)])],
      widths: [12, 18, 14, 22],
    },
    ...(
      [
        [l.sheetTop, data.topProducts],
        [l.sheetBottom, data.bottomProducts],
      ] as const
    ).map(([name, list]) => ({
      name,
      rows: [[l.rank, l.product, `${l.netSales} ${cur}`, l.units, l.orders], ...list.map((p, i): Cell[] => [i + 1, p.title, major(p.netSales), p.units, p.orders])],
      widths: [6, 40, 16, 10, 10],
    })),
    {
      name: l.sheetSegments,
      rows: [
        [fill(l.segmentsNote, { asOf: data.segments.asOf })],
        [l.segment, l.customers, l.ordered, l.conversion],
        ...data.segments.rows.map((s): Cell[] => [segmentNames[locale][s.segment], s.customers, s.ordered, s.conversion]),
      ],
      widths: [24, 12, 16, 12],
    },
    {
      name: l.sheetHealth,
      rows: [
        [l.healthNote],
        ...(stockNote ? [[stockNote]] : []),
        [l.metric, l.value],
        [l.sellThrough, data.health.sellThrough],
        [l.activeSellingRate, data.health.activeSellingRate],
        [l.skusSold, data.health.skusSold],
        [l.skusInStock, data.health.skusInStock],
        [l.daysOfInventory, data.health.daysOfInventory],
        [l.turnover, data.health.turnover],
        [l.slowMovers, data.health.slowMovers],
        [l.deadStockCount, data.health.deadStock],
      ],
      widths: [36, 14],
    },
    {
      name: l.stockOuts,
      rows: [[data.stockHistory.recorded ? fill(l.stockOutsNote, { to: data.week.to, total: data.stockOuts.length, shown: data.stockOuts.length }) : l.stockHistoryNotRecorded], [l.sku, l.product, l.available, l.unitsSold28], ...data.stockOuts.map((s): Cell[] => [s.sku, s.title, s.available, s.unitsSold])],
      widths: [18, 40, 10, 16],
    },
    {
      name: l.deadStock,
      rows: [
        [stockNote && data.stockHistory.coverage === 'none' ? stockNote : fill(l.deadStockNote, { total: data.deadStock.total, shown: data.deadStock.rows.length })],
        [l.sku, l.product, l.lastSale, l.daysSince, l.onHand, `${l.stockValue} ${cur}`],
        ...data.deadStock.rows.map((r): Cell[] => [r.sku, r.title, r.lastSaleDate ?? l.never, r.daysSinceLastSale, r.onHand, major(r.stockValue)]),
      ],
      widths: [18, 36, 12, 10, 10, 16],
    },
    {
      name: l.promotions,
      rows: [
        [fill(l.promotionsNote, { generated: data.generatedAt })],
        [l.promotion, l.status, l.firstDay, l.lastDay, l.units, `${l.netSales} ${cur}`, l.lift, `${l.incrementalGrossProfit} ${cur}`, `${l.promotionCost} ${cur}`, l.roi],
        ...data.promotions.map((p): Cell[] => [
          p.name,
          { running: l.promotionRunning, ended: l.promotionEnded, cancelled: l.promotionCancelled }[p.status],
          p.from,
          p.to,
          p.units,
          major(p.netSales),
          p.liftPercent,
          major(p.incrementalGrossProfit),
          major(p.promotionCost),
          p.roi,
        ]),
      ],
      widths: [30, 10, 12, 12, 10, 16, 10, 22, 16, 10],
    },
    {
      name: l.alerts,
      rows: data.alerts === null ? [[l.alertsUnavailable]] : [[l.alert, l.detail, l.raised], ...data.alerts.map((a): Cell[] => [a.title, a.detail, a.createdAt])],
      widths: [30, 60, 24],
    },
    {
      name: l.sheetSuppliers,
      rows: [
        [fill(l.suppliersNote, { from: data.suppliers.from, to: data.suppliers.to })],
        [l.supplier, l.ordersSent, l.ordersCompleted, l.onTimeRate, l.fillRate, l.leadDays],
        ...data.suppliers.rows.map((s): Cell[] => [s.supplier, s.ordersSent, s.ordersCompleted, s.onTimeRate, s.fillRate, s.actualLeadDays]),
      ],
      widths: [30, 12, 12, 12, 12, 20],
    },
  ];
  return Buffer.from(workbookBase64(sheets), 'base64');
}
