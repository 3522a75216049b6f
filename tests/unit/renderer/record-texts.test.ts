// What the app kept (ledger rows, History entries) reads in the reader's
// language: references, Shopdesk's own notes, reason codes and actors are
// rendered through the dictionary; a person's own words and unknown codes stay.
import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { agGridZh } from '../../../renderer/src/i18n/ag-grid-zh.js';
import { withCodedLabels } from '../../../renderer/src/i18n/export-labels.js';
import { recordTexts } from '../../../renderer/src/i18n/record-texts.js';
import { translate } from '../../../renderer/src/i18n/translate.js';
import { proposeShopDefaults } from '../../../renderer/src/pages/welcome-defaults.js';
import { systemNote } from '../../../src/shared/system-note.js';

const zh = recordTexts('zh-CN', 'CNY');
const en = recordTexts('en', 'USD');

describe('stock ledger rows in the reader language', () => {
  it('name the document of a movement', () => {
    expect(zh.reference('order', '8183')).toBe('订单 8183');
    expect(zh.reference('return', '707')).toBe('退货 707');
    expect(zh.reference('receipt', 'RCV-0000012')).toBe('收货 RCV-0000012');
    expect(zh.reference('transfer', 'TR-000003')).toBe('调拨 TR-000003');
    expect(zh.reference('stocktake', 'ST-000001')).toBe('盘点 ST-000001');
    expect(zh.reference('import', 'opening-stock')).toBe('期初库存导入');
    // A plain adjustment has no document (the reason says it); a numbered one does.
    expect(zh.reference('adjustment', null)).toBe('');
    expect(zh.reference('adjustment', 'ADJ-7')).toBe('库存调整 ADJ-7');
    expect(en.reference('order', '8183')).toBe('Order 8183');
    // A document type this version does not know is shown as stored.
    expect(zh.reference('marketplace', 'X-1')).toBe('marketplace X-1');
    expect(zh.reference(null, null)).toBe('');
  });

  it("translate Shopdesk's notes, older English ones too, and keep a person's note", () => {
    expect(zh.note(systemNote('transferCancelled'))).toBe('调拨已取消：退回调出地点');
    expect(zh.note(systemNote('importUndone', { changeSetId: 9 }))).toBe('撤销导入 #9');
    expect(zh.note('Discontinued: rest returned to supplier')).toBe('停售：剩余库存已退回供应商');
    expect(en.note(systemNote('spreadsheetImport'))).toBe('Spreadsheet import');
    expect(zh.note('货架倒了')).toBe('货架倒了');
    expect(zh.note(null)).toBeNull();
  });

  it('name reason codes and actors; a shop’s own code and an unknown actor stay', () => {
    expect(zh.reasonCode('return_to_supplier')).toBe('退回供应商');
    expect(zh.reasonCode('damage')).toBe('报损');
    expect(zh.reasonCode('giveaway')).toBe('giveaway');
    expect(zh.actor('owner')).toBe('店主');
    expect(zh.actor('demo-generator')).toBe('演示数据生成器');
    expect(zh.actor('li.lei')).toBe('li.lei');
  });

  it('render History entries from their key, older ones from their stored text', () => {
    const set = { summary: 'Edited 2 cell(s) on 1 variant(s)', summaryKey: 'gridEdit', summaryParams: { cells: 2, variants: 1 } };
    expect(zh.summary(set)).toBe('修改了 1 个规格的 2 个单元格');
    expect(en.summary(set)).toBe('Edited 2 cell(s) on 1 variant(s)');
    expect(zh.summary({ summary: 'Old text', summaryKey: null, summaryParams: null })).toBe('Old text');
  });
});

describe('exports write coded values as the screen shows them', () => {
  const t = (locale: 'en' | 'zh-CN') => (key: Parameters<typeof translate>[1]) => translate(locale, key);

  it('label statuses, states and scopes in the language, every label from the dictionary', () => {
    const [status] = withCodedLabels('products.list', [{ field: 'status', header: '状态', kind: 'text' }], t('zh-CN'));
    expect(status?.labels).toEqual({ active: '在售', draft: '草稿', archived: '已归档' });
    const [, state, scope] = withCodedLabels(
      'stocktakes.list',
      [
        { field: 'number', header: 'No.', kind: 'text' },
        { field: 'status', header: 'Status', kind: 'text' },
        { field: 'scope', header: 'Scope', kind: 'text' },
      ],
      t('en'),
    );
    expect(state?.labels).toEqual({ counting: 'Counting', posted: 'Posted', cancelled: 'Cancelled' });
    expect(scope?.labels?.['bin']).toBe('A bin');
    for (const source of ['transfers.list', 'purchaseOrders.list'] as const) {
      const [labelled] = withCodedLabels(source, [{ field: 'status', header: 'S', kind: 'text' }], t('zh-CN'));
      for (const [code, label] of Object.entries(labelled?.labels ?? {})) expect(label, `${source} ${code}`).toMatch(/[\u4e00-\u9fff]/);
    }
  });

  it('keep labels a column brings itself and leave other sources alone', () => {
    const own = [{ field: 'status', header: 'S', kind: 'text' as const, labels: { active: 'On sale' } }];
    expect(withCodedLabels('products.list', own, t('zh-CN'))).toEqual(own);
    const plain = [{ field: 'status', header: 'S', kind: 'text' as const }];
    expect(withCodedLabels('suppliers.list', plain, t('zh-CN'))).toEqual(plain);
  });
});

describe("AG Grid's own words in Chinese", () => {
  // The keys AG Grid 36 asks for: its filter texts and every accessible label it translates.
  // The package's main entry is dist/package/main.cjs.js; its readable bundle sits beside it in dist/.
  const dist = dirname(dirname(createRequire(import.meta.url).resolve('ag-grid-community')));
  const source = readFileSync(join(dist, 'ag-grid-community.js'), 'utf8');
  const filterBlock = /var FILTER_LOCALE_TEXT = \{([\s\S]*?)\n\};/.exec(source)?.[1] ?? '';
  const filterKeys = [...filterBlock.matchAll(/^ {2}(\w+):/gm)].map((m) => m[1] ?? '');
  const ariaKeys = [...new Set([...source.matchAll(/"(aria[A-Z]\w+)"/g)].map((m) => m[1] ?? ''))].filter((key) => key !== 'ariaAnnounce' && key !== 'ariaDescription');

  it('cover every filter text and accessible label AG Grid looks up', () => {
    expect(filterKeys.length).toBeGreaterThan(40);
    expect(ariaKeys.length).toBeGreaterThan(30);
    for (const key of [...filterKeys, ...ariaKeys, 'loadingOoo', 'noRowsToShow', 'noMatchingRows', 'page', 'of', 'to', 'nextPage', 'previousPage']) {
      expect(agGridZh[key], key).toBeDefined();
    }
  });

  it('are Chinese, keeping only AG Grid placeholders, symbols and key names', () => {
    for (const [key, text] of Object.entries(agGridZh)) {
      const words = text.replace(/\$\{variable\}/g, '').replace(/\b(Enter|Alt|Ctrl)\b/g, '');
      expect(words, key).not.toMatch(/[A-Za-z]{2,}/);
    }
  });
});

describe('the Welcome screen proposes a currency and time zone for the language', () => {
  it('简体中文: CNY and Asia/Shanghai, whatever the browser says', () => {
    expect(proposeShopDefaults('zh-CN', { timeZone: 'Europe/Berlin', language: 'de-DE' })).toEqual({ currency: 'CNY', timeZone: 'Asia/Shanghai' });
  });

  it("English: the browser's own zone and the currency of its region, USD when unknown", () => {
    expect(proposeShopDefaults('en', { timeZone: 'Europe/London', language: 'en-GB' })).toEqual({ currency: 'GBP', timeZone: 'Europe/London' });
    expect(proposeShopDefaults('en', { timeZone: 'Europe/Berlin', language: 'de' })).toEqual({ currency: 'EUR', timeZone: 'Europe/Berlin' });
    expect(proposeShopDefaults('en', { timeZone: 'America/Chicago', language: 'en' })).toEqual({ currency: 'USD', timeZone: 'America/Chicago' });
    expect(proposeShopDefaults('en', { timeZone: '', language: 'not a language' })).toEqual({ currency: 'USD', timeZone: 'UTC' });
  });
});
