// A purchase order as the files a shop sends its supplier: PDF (Chinese names
// render with the bundled CJK font) and XLSX (numbers as numbers). Labels
// follow the shop's language.
import type { Db } from '../db/open.js';
import { renderPdf, drawTable } from '../documents/pdf.js';
import { workbookBase64, xlsxMime } from '../documents/xlsx.js';
import { localDateOf } from '../shared/local-time.js';
import type { PurchaseOrderDetail } from './contract.js';

const labels = {
  en: {
    title: 'Purchase order', supplier: 'Supplier', deliverTo: 'Deliver to', date: 'Date', expected: 'Expected', terms: 'Payment terms',
    supplierSku: 'Supplier SKU', sku: 'Our SKU', item: 'Item', quantity: 'Qty', unitCost: 'Unit cost', lineTotal: 'Line total', total: 'Total', note: 'Note',
  },
  'zh-CN': {
    title: '采购单', supplier: '供应商', deliverTo: '收货地址', date: '日期', expected: '预计到货', terms: '付款条件',
    supplierSku: '供应商货号', sku: '我方 SKU', item: '商品', quantity: '数量', unitCost: '单价', lineTotal: '金额', total: '合计', note: '备注',
  },
} as const;

/** The note a PO made from reorder suggestions carries: written in the shop's language, as it goes to the supplier. */
export function reorderNote(locale: 'en' | 'zh-CN'): string {
  return locale === 'zh-CN' ? '根据补货建议生成' : 'From reorder suggestions';
}

interface Context {
  shop: { name: string; locale: 'en' | 'zh-CN'; timeZone: string };
  supplier: { contactName: string | null; email: string | null; phone: string | null; paymentTerms: string | null };
}

function contextOf(db: Db, po: PurchaseOrderDetail): Context {
  const shop = db.prepare<[], Context['shop']>('SELECT name, locale, time_zone AS timeZone FROM shop_settings WHERE id = 1').get() ?? { name: '', locale: 'en', timeZone: 'UTC' };
  const supplier = db
    .prepare<[number], Context['supplier']>('SELECT contact_name AS contactName, email, phone, payment_terms AS paymentTerms FROM suppliers WHERE id = ?')
    .get(po.supplierId) ?? { contactName: null, email: null, phone: null, paymentTerms: null };
  return { shop, supplier };
}

function money(minor: number, currency: string, locale: string): string {
  const digits = new Intl.NumberFormat('en', { style: 'currency', currency }).resolvedOptions().maximumFractionDigits ?? 2;
  return new Intl.NumberFormat(locale, { style: 'currency', currency }).format(minor / 10 ** digits);
}

export async function purchaseOrderPdf(db: Db, po: PurchaseOrderDetail): Promise<Buffer> {
  const { shop, supplier } = contextOf(db, po);
  const l = labels[shop.locale];
  const day = (iso: string | null) => (iso ? localDateOf(iso, shop.timeZone) : '—');
  return renderPdf(`${l.title} ${po.number}`, (doc) => {
    doc.font('bold').fontSize(18).text(`${l.title} ${po.number}`);
    doc.font('body').fontSize(10).fillColor('#475467').text(shop.name).moveDown();
    const contact = [po.supplier, supplier.contactName, supplier.email, supplier.phone].filter(Boolean).join(' · ');
    doc.fillColor('#101828');
    doc.text(`${l.supplier}: ${contact}`);
    doc.text(`${l.deliverTo}: ${po.location}`);
    doc.text(`${l.date}: ${day(po.sentAt ?? po.createdAt)}    ${l.expected}: ${day(po.expectedAt)}`);
    if (supplier.paymentTerms) doc.text(`${l.terms}: ${supplier.paymentTerms}`);
    doc.moveDown();
    drawTable(
      doc,
      [
        { header: l.supplierSku, width: 80 },
        { header: l.sku, width: 90 },
        { header: l.item, width: 165 },
        { header: l.quantity, width: 40, align: 'right' },
        { header: l.unitCost, width: 62, align: 'right' },
        { header: l.lineTotal, width: 62, align: 'right' },
      ],
      po.lines.map((line) => [
        line.supplierSku ?? '',
        line.sku,
        [line.title, line.options].filter(Boolean).join(' · '),
        String(line.quantityOrdered),
        money(line.unitCost, po.currency, shop.locale),
        money(line.lineTotal, po.currency, shop.locale),
      ]),
    );
    doc.moveDown().font('bold').fontSize(11).text(`${l.total}: ${money(po.total, po.currency, shop.locale)}`, { align: 'right' });
    if (po.note) doc.moveDown().font('body').fontSize(10).text(`${l.note}: ${po.note}`);
  });
}

export function purchaseOrderXlsx(db: Db, po: PurchaseOrderDetail): string {
  const { shop, supplier } = contextOf(db, po);
  const l = labels[shop.locale];
  const rows = [
    [`${l.title} ${po.number}`],
    [l.supplier, po.supplier, supplier.email ?? ''],
    [l.deliverTo, po.location],
    [l.expected, po.expectedAt ? localDateOf(po.expectedAt, shop.timeZone) : ''],
    [],
    [l.supplierSku, l.sku, l.item, l.quantity, `${l.unitCost} (${po.currency})`, `${l.lineTotal} (${po.currency})`],
    // Amounts in major units as numbers, so the supplier's spreadsheet can sum them.
    ...po.lines.map((line) => [line.supplierSku ?? '', line.sku, [line.title, line.options].filter(Boolean).join(' · '), line.quantityOrdered, toMajor(line.unitCost, po.currency), toMajor(line.lineTotal, po.currency)]),
    ['', '', l.total, po.orderedUnits, '', toMajor(po.total, po.currency)],
  ];
  return workbookBase64([{ name: po.number, rows, widths: [16, 18, 40, 8, 14, 14] }]);
}

function toMajor(minor: number, currency: string): number {
  const digits = new Intl.NumberFormat('en', { style: 'currency', currency }).resolvedOptions().maximumFractionDigits ?? 2;
  return minor / 10 ** digits;
}

export { xlsxMime };
