// The weekly report as a PDF: the first page gives the sales picture with two
// charts, the following pages the tables (products, segments, stock,
// alerts, suppliers). Texts follow the requested language; Chinese renders
// with the bundled Noto Sans SC (see src/documents/pdf.ts).
import { drawTable, renderPdf, type Column } from '../documents/pdf.js';
import type { KpiValues } from '../analytics/contract.js';
import type { Locale } from '../settings/contract.js';
import { groupedBarChart, horizontalBarChart } from './pdf-charts.js';
import { reportSettings, type WeeklyReportData } from './report-data.js';
import { formatters, relativeChange } from './report-format.js';
import { promotionCells } from './report-promotions.js';
import { fill, reportTexts, segmentNames, stockHistoryNote, weekdays } from './report-texts.js';

const left = 48;
const listedRows = reportSettings.listedRows;
const width = 499;
const colors = { thisWeek: '#2563eb', lastWeek: '#cbd5e1', top: '#16a34a' };

/** The KPI rows of the sales table: label key, value, and whether it is money or a rate. */
const salesRows = [
  ['netSales', (v: KpiValues) => v.netSales, 'money'],
  ['gmv', (v: KpiValues) => v.gmv, 'money'],
  ['orders', (v: KpiValues) => v.orders, 'number'],
  ['units', (v: KpiValues) => v.units, 'number'],
  ['aov', (v: KpiValues) => v.aov, 'money'],
  ['grossProfit', (v: KpiValues) => v.grossProfit, 'money'],
  ['grossMargin', (v: KpiValues) => v.grossMargin, 'rate'],
  ['customers', (v: KpiValues) => v.customers, 'number'],
  ['returnRate', (v: KpiValues) => v.returnRate, 'rate'],
] as const;

export { salesRows };

export async function weeklyReportPdf(data: WeeklyReportData, locale: Locale): Promise<Buffer> {
  const l = reportTexts[locale];
  const f = formatters(locale, data.shop.currency, l.notAvailable);
  const title = `${l.title} ${data.week.from} – ${data.week.to}`;
  const format = (kind: 'money' | 'number' | 'rate', value: number | null) => (kind === 'money' ? f.money(value === null ? null : Math.round(value)) : kind === 'rate' ? f.rate(value) : f.number(value));

  return renderPdf(title, (doc) => {
    const heading = (text: string, minSpace = 80) => {
      if (doc.y + minSpace > doc.page.height - 58) doc.addPage();
      doc.moveDown(0.8).font('bold').fontSize(13).fillColor('#101828').text(text, left, doc.y, { width });
      doc.moveDown(0.3);
    };
    const note = (text: string) => {
      doc.font('body').fontSize(8).fillColor('#667085').text(text, left, doc.y, { width });
      doc.moveDown(0.4).fillColor('#101828');
    };
    const table = (columns: Column[], rows: string[][]) => {
      if (rows.length === 0) {
        doc.font('body').fontSize(9).text(l.none, left, doc.y, { width });
        return;
      }
      drawTable(doc, columns, rows);
    };

    // Page 1: title, sales, the daily chart and the top products chart.
    doc.font('bold').fontSize(18).fillColor('#101828').text(l.title, left, doc.y, { width });
    doc.font('body').fontSize(10).fillColor('#475467');
    doc.text(`${l.shop}: ${data.shop.name}    ${l.week}: ${data.week.from} – ${data.week.to}    ${l.timeZone}: ${data.shop.timeZone}`, { width });
    doc.text(`${l.generated}: ${data.generatedAt.slice(0, 16).replace('T', ' ')} UTC`, { width });

    heading(l.sales);
    const { current, previous, lastYear } = data.sales;
    table(
      [
        { header: l.metric, width: 115 },
        { header: l.thisWeek, width: 82, align: 'right' },
        { header: l.lastWeek, width: 82, align: 'right' },
        { header: l.vsLastWeek, width: 55, align: 'right' },
        { header: l.lastYear, width: 100, align: 'right' },
        { header: l.vsLastYear, width: 65, align: 'right' },
      ],
      salesRows.map(([key, pick, kind]) => [
        l[key],
        format(kind, pick(current)),
        format(kind, pick(previous)),
        kind === 'rate' ? f.pointsChange(pick(current) === null || pick(previous) === null ? null : (pick(current) ?? 0) - (pick(previous) ?? 0)) : f.change(relativeChange(pick(current), pick(previous))),
        format(kind, pick(lastYear)),
        kind === 'rate' ? f.pointsChange(pick(current) === null || pick(lastYear) === null ? null : (pick(current) ?? 0) - (pick(lastYear) ?? 0)) : f.change(relativeChange(pick(current), pick(lastYear))),
      ]),
    );
    note(l.salesNote);

    heading(l.dailyChart, 170);
    const chartTop = doc.y;
    groupedBarChart(
      doc,
      { x: left, y: chartTop, width, height: 140 },
      weekdays[locale],
      [
        { name: `${l.thisWeek} (${data.week.from})`, color: colors.thisWeek, values: data.daily.map((d) => d.netSales) },
        { name: `${l.lastWeek} (${data.previousWeek.from})`, color: colors.lastWeek, values: data.daily.map((d) => d.previousNetSales) },
      ],
      (v) => f.compactMoney(v),
    );
    doc.x = left;
    doc.y = chartTop + 146;

    heading(l.topProducts, 30 + 16 * data.topProducts.length);
    if (data.topProducts.length === 0) note(l.none);
    else {
      const used = horizontalBarChart(doc, { x: left, y: doc.y, width }, data.topProducts.map((p) => ({ label: p.title, value: p.netSales })), colors.top, (v) => f.money(v));
      doc.x = left;
      doc.y += used;
    }

    // The tables start on page 2.
    doc.addPage();
    doc.font('bold').fontSize(13).text(l.topProducts, left, doc.y, { width });
    doc.moveDown(0.3);
    const productColumns: Column[] = [
      { header: l.rank, width: 40, align: 'right' },
      { header: l.product, width: 259 },
      { header: l.netSales, width: 90, align: 'right' },
      { header: l.units, width: 55, align: 'right' },
      { header: l.orders, width: 55, align: 'right' },
    ];
    table(productColumns, data.topProducts.map((p, i) => [String(i + 1), p.title, f.money(p.netSales), f.number(p.units), f.number(p.orders)]));

    heading(l.bottomProducts);
    note(l.bottomNote);
    table(productColumns, data.bottomProducts.map((p, i) => [String(i + 1), p.title, f.money(p.netSales), f.number(p.units), f.number(p.orders)]));

    heading(l.segments);
    note(fill(l.segmentsNote, { asOf: data.segments.asOf }));
    table(
      [
        { header: l.segment, width: 200 },
        { header: l.customers, width: 100, align: 'right' },
        { header: l.ordered, width: 100, align: 'right' },
        { header: l.conversion, width: 99, align: 'right' },
      ],
      data.segments.rows.map((s) => [segmentNames[locale][s.segment], f.number(s.customers), f.number(s.ordered), f.rate(s.conversion)]),
    );

    heading(l.health);
    note(l.healthNote);
    const stockNote = stockHistoryNote(data.stockHistory, locale);
    if (stockNote) note(stockNote);
    const h = data.health;
    table(
      [
        { header: l.metric, width: 300 },
        { header: l.value, width: 199, align: 'right' },
      ],
      [
        [l.sellThrough, f.rate(h.sellThrough)],
        [l.activeSellingRate, f.rate(h.activeSellingRate)],
        [l.skusSold, f.number(h.skusSold)],
        [l.skusInStock, f.number(h.skusInStock)],
        [l.daysOfInventory, f.number(h.daysOfInventory)],
        [l.turnover, f.ratio(h.turnover)],
        [l.slowMovers, `${f.number(h.slowMovers)} (${f.rate(h.slowMoversShare)})`],
        [l.deadStockCount, `${f.number(h.deadStock)} (${f.rate(h.deadStockShare)})`],
      ],
    );

    heading(l.stockOuts);
    const stockOutsShown = data.stockOuts.slice(0, listedRows);
    note(data.stockHistory.recorded ? fill(l.stockOutsNote, { to: data.week.to, total: data.stockOuts.length, shown: stockOutsShown.length }) : l.stockHistoryNotRecorded);
    table(
      [
        { header: l.sku, width: 120 },
        { header: l.product, width: 219 },
        { header: l.available, width: 70, align: 'right' },
        { header: l.unitsSold28, width: 90, align: 'right' },
      ],
      stockOutsShown.map((s) => [s.sku, s.title, f.number(s.available), f.number(s.unitsSold)]),
    );

    heading(l.deadStock);
    note(stockNote && data.stockHistory.coverage === 'none' ? stockNote : fill(l.deadStockNote, { total: data.deadStock.total, shown: data.deadStock.rows.length }));
    table(
      [
        { header: l.sku, width: 100 },
        { header: l.product, width: 159 },
        { header: l.lastSale, width: 70 },
        { header: l.daysSince, width: 50, align: 'right' },
        { header: l.onHand, width: 50, align: 'right' },
        { header: l.stockValue, width: 70, align: 'right' },
      ],
      data.deadStock.rows.map((r) => [r.sku, r.title, r.lastSaleDate ?? l.never, f.number(r.daysSinceLastSale), f.number(r.onHand), f.money(r.stockValue)]),
    );

    heading(l.promotions);
    note(fill(l.promotionsNote, { generated: `${data.generatedAt.slice(0, 16).replace('T', ' ')} UTC` }));
    table(
      [
        { header: l.promotion, width: 125 },
        { header: l.status, width: 50 },
        { header: l.period, width: 70 },
        { header: l.units, width: 45, align: 'right' },
        { header: l.netSales, width: 65, align: 'right' },
        { header: l.lift, width: 45, align: 'right' },
        { header: l.incrementalGp, width: 65, align: 'right' },
        { header: l.roi, width: 34, align: 'right' },
      ],
      promotionCells(data.promotions, locale, f),
    );

    heading(l.alerts);
    if (data.alerts === null) note(l.alertsUnavailable);
    else
      table(
        [
          { header: l.alert, width: 150 },
          { header: l.detail, width: 259 },
          { header: l.raised, width: 90 },
        ],
        data.alerts.map((a) => [a.title, a.detail, a.createdAt.slice(0, 10)]),
      );

    heading(l.suppliers);
    note(fill(l.suppliersNote, { from: data.suppliers.from, to: data.suppliers.to }));
    table(
      [
        { header: l.supplier, width: 159 },
        { header: l.ordersSent, width: 60, align: 'right' },
        { header: l.ordersCompleted, width: 60, align: 'right' },
        { header: l.onTimeRate, width: 70, align: 'right' },
        { header: l.fillRate, width: 70, align: 'right' },
        { header: l.leadDays, width: 80, align: 'right' },
      ],
      data.suppliers.rows.map((s) => [s.supplier, f.number(s.ordersSent), f.number(s.ordersCompleted), f.rate(s.onTimeRate), f.rate(s.fillRate), f.number(s.actualLeadDays)]),
    );
  });
}

/** Pages in a pdfkit PDF: its page objects (`/Type /Page`, not `/Pages`). */
export function pdfPageCount(pdf: Buffer): number {
  return pdf.toString('latin1').match(/\/Type \/Page\b(?!s)/g)?.length ?? 0;
}
