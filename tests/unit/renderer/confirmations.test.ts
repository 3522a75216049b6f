// What the confirmations say before stock or money moves: a receipt's units,
// value, what stays outstanding and every unit cost it moves (a wrong exchange
// rate shows as a marked large change, the issue's $19.83 → $3.56); a bulk
// action's effect with its large price changes; an import's counts.
import { describe, expect, it } from 'vitest';
import type { BulkPreview } from '../../../src/catalog/bulk-contract.js';
import type { PurchaseOrderDetail, ReceiptPreview } from '../../../src/purchasing/contract.js';
import type { ImportSession } from '../../../src/spreadsheets/contract.js';
import type { Locale } from '../../../src/settings/contract.js';
import { translate } from '../../../renderer/src/i18n/translate.js';
import { importConfirmRequest } from '../../../renderer/src/pages/imports/import-confirm.js';
import { bulkConfirmRequest } from '../../../renderer/src/pages/products/bulk-confirm.js';
import { receiptConfirmRequest } from '../../../renderer/src/pages/purchasing/receipt-confirm.js';

const i18n = (locale: Locale) => ({ locale, t: (key: Parameters<typeof translate>[1], params?: Record<string, string | number>) => translate(locale, key, params) });

const line = (id: number, sku: string, ordered: number) => ({
  id,
  variantId: id,
  sku,
  title: 'Knit cardigan',
  options: sku.endsWith('M') ? 'M' : 'L',
  supplierSku: null,
  quantityOrdered: ordered,
  quantityReceived: 0,
  outstanding: ordered,
  unitCost: 2543,
  lineTotal: ordered * 2543,
});
const po: PurchaseOrderDetail = {
  id: 7,
  number: 'PO-000007',
  supplierId: 3,
  supplier: 'Yiwu Knit',
  locationId: 1,
  location: 'Main warehouse',
  status: 'sent',
  currency: 'CNY',
  note: '',
  expectedAt: null,
  createdAt: '2026-11-01T00:00:00.000Z',
  sentAt: '2026-11-02T00:00:00.000Z',
  receivedAt: null,
  closedAt: null,
  cancelledAt: null,
  orderedUnits: 20,
  receivedUnits: 0,
  total: 20 * 2543,
  overdue: false,
  lines: [line(11, 'CARD-M', 10), line(12, 'CARD-L', 10)],
  receipts: [],
  rememberedRate: null,
};
// One line received at 0.14 USD per CNY: its cost falls from $19.83 to $3.56; the sibling is not on the receipt.
const preview: ReceiptPreview = {
  purchaseOrderId: 7,
  number: 'PO-000007',
  currency: 'CNY',
  shopCurrency: 'USD',
  exchangeRate: 0.14,
  rateSource: 'given',
  rememberedRate: null,
  lines: [
    {
      lineId: 11,
      variantId: 11,
      sku: 'CARD-M',
      title: 'Knit cardigan',
      options: 'M',
      quantity: 4,
      outstanding: 10,
      over: false,
      unitCost: 2543,
      landedUnitCost: 356,
      value: 1424,
      onHandBefore: 0,
      costBefore: 1983,
      costAfter: 356,
    },
  ],
  units: 4,
  orderValue: 10172,
  value: 1424,
};

describe('receipt confirmation', () => {
  it('states units, value, rate and what stays outstanding, and marks the large cost change', () => {
    const request = receiptConfirmRequest({ preview, po, location: 'Main warehouse', thresholdPercent: 50, i18n: i18n('en') });
    expect(request.title).toBe('Receive 1 line(s) of PO-000007?');
    expect(request.lines).toEqual([
      '4 units worth $14.24, into Main warehouse.',
      'Valued at 0.14 USD per CNY: CN¥101.72 on the order is $14.24.',
      '2 line(s) stay outstanding (16 units still expected).',
      'Unit costs move by moving average; old → new below.',
      '1 cost change(s) beyond ±50 %, marked ⚠: check the exchange rate and the unit costs.',
    ]);
    expect(request.changes).toEqual([{ label: 'CARD-M · unit cost', before: '$19.83', after: '$3.56', note: '⚠ -82%' }]);
    expect(request.confirmLabel).toBe('Receive 4 units');
  });

  it('does not mark an ordinary cost change, and reads in Chinese', () => {
    const small = { ...preview, lines: [{ ...preview.lines[0]!, costAfter: 1900 }] };
    const en = receiptConfirmRequest({ preview: small, po, location: 'Main warehouse', thresholdPercent: 50, i18n: i18n('en') });
    expect(en.changes?.[0]?.note).toBe('-4.2%');
    expect(en.lines.some((text) => text.includes('⚠'))).toBe(false);
    const zh = receiptConfirmRequest({ preview, po, location: '主仓库', thresholdPercent: 50, i18n: i18n('zh-CN') });
    expect(zh.title).toBe('确认收货 PO-000007 的 1 行？');
    expect(zh.lines[0]).toBe('共 4 件，货值 US$14.24，入库到 主仓库。');
  });
});

describe('bulk confirmation', () => {
  const bulk: BulkPreview = {
    matched: 120,
    products: 40,
    changing: 118,
    samples: [{ variantId: 1, sku: 'TS-1', title: 'Tee', options: 'S', before: 1999, after: 2199 }],
    largeChanges: [{ variantId: 9, sku: 'TS-9', title: 'Tee', options: 'XL', before: 50, after: 99 }],
    largeCount: 1,
    thresholdPercent: 50,
    withoutPrice: 2,
    aboveLimit: 0,
  };
  it('states the count and the effect, and lists the large changes with old and new prices', () => {
    const request = bulkConfirmRequest({
      preview: bulk,
      action: { kind: 'priceChange', mode: 'percent', value: 10, rounding: '.99', direction: 'up', field: 'price' },
      currency: 'USD',
      names: { category: '', supplier: '' },
      i18n: i18n('en'),
    });
    expect(request.title).toBe('Apply to 120 variants?');
    expect(request.lines[0]).toBe('Price changes on 118 of 120 variants: +10 %, rounded up to .99.');
    expect(request.lines[1]).toBe('1 price change(s) beyond ±50 %: old → new below.');
    expect(request.changes).toEqual([{ label: 'TS-9 · Tee · XL', before: '$0.50', after: '$0.99', note: '+98%' }]);
  });

  it('says what a status change does', () => {
    const request = bulkConfirmRequest({ preview: { ...bulk, changing: 30 }, action: { kind: 'setStatus', status: 'archived' }, currency: 'USD', names: { category: '', supplier: '' }, i18n: i18n('zh-CN') });
    expect(request.lines[0]).toBe('120 个规格中有 30 个的状态改为“已归档”。');
  });
});

describe('import confirmation', () => {
  it('states every count, the all-or-nothing effect and the large price changes', () => {
    const session = {
      fileName: 'prices.csv',
      target: 'products',
      fields: [{ key: 'price', en: 'Price', zh: '售价', type: 'money', required: null }],
      counts: { create: 1, update: 3, unchanged: 5, skip: 0, error: 2 },
      largePriceChanges: [{ row: 4, key: 'TC-001', label: 'Tea cup', field: 'price', before: 3990, after: 399000 }],
      largePriceChangeCount: 1,
    } as unknown as ImportSession;
    const request = importConfirmRequest({ session, mode: 'validOnly', currency: 'USD', thresholdPercent: 50, i18n: i18n('en') });
    expect(request.lines.slice(0, 2)).toEqual([
      'Create 1 · update 3 · unchanged 5 · skipped 0 · errors 2.',
      'The 2 rows with errors are left out; the other 4 rows are written together.',
    ]);
    expect(request.changes).toEqual([{ label: 'Row 4 · TC-001 · Price', before: '$39.90', after: '$3,990.00', note: '+9,900%' }]);
    expect(request.confirmLabel).toBe('Write 4 rows');
  });
});
