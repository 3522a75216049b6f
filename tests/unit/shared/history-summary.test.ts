// History entries are keys and parameters rendered at read time: the same
// entry reads in English or Chinese, counts and money formatted for the
// language, codes (field, status, import target) by their names, an undo with
// the entry it undid inside it.
import { describe, expect, it } from 'vitest';
import { parseSummaryParams, type Summary } from '../../../src/shared/history-summary.js';
import { historyRenderer, historyTextsEn, historyTextsZh } from '../../../src/shared/history-texts.js';

const en = historyRenderer('en', 'USD');
const zh = historyRenderer('zh-CN', 'CNY');
const bulk: Summary = {
  key: 'priceChangePercentRounded',
  params: { field: 'price', percent: 10, rounding: { key: 'roundNearest', params: { ending: '.99' } }, count: 1234 },
};

describe('History summaries', () => {
  it('render one stored entry in either language, counts grouped for the language', () => {
    expect(en.summary(bulk, 'x')).toBe('Price +10%, rounded to the nearest .99, on 1,234 variant(s)');
    expect(zh.summary(bulk, 'x')).toBe('售价调整 +10%，就近取整到尾数 .99，共 1,234 个规格');
    expect(zh.summary({ key: 'gridEdit', params: { cells: 3, variants: 2 } }, 'x')).toBe('修改了 2 个规格的 3 个单元格');
  });

  it('write amounts as signed money of the shop currency and fractional percentages as they are', () => {
    expect(zh.summary({ key: 'priceChangeAmount', params: { field: 'compareAtPrice', amount: -500, count: 2 } }, 'x')).toBe('原价调整 -¥5.00，共 2 个规格');
    expect(en.summary({ key: 'priceChangePercent', params: { field: 'price', percent: -12.5, count: 1 } }, 'x')).toBe('Price -12.5% on 1 variant(s)');
  });

  it('name an import target and a status in the language', () => {
    const imported: Summary = { key: 'import', params: { fileName: '商品.xlsx', target: 'products' } };
    expect(en.summary(imported, 'x')).toBe('Import of 商品.xlsx (products)');
    expect(zh.summary(imported, 'x')).toBe('导入 商品.xlsx（商品和规格）');
    expect(zh.summary({ key: 'setStatus', params: { status: 'archived', count: 5 } }, 'x')).toBe('将 5 个规格的状态设为“已归档”');
  });

  it('render an undo with the undone entry inside, its id never grouped like a count', () => {
    const undo: Summary = { key: 'undo', params: { changeSetId: 12345, undone: bulk } };
    expect(zh.summary(undo, 'x')).toBe('撤销 #12345：售价调整 +10%，就近取整到尾数 .99，共 1,234 个规格');
    expect(en.summary({ key: 'undo', params: { changeSetId: 7, undone: 'Old stored words' } }, 'x')).toBe('Undo of #7: Old stored words');
  });

  it('fall back to the stored text for entries without a key or with a key this version does not know', () => {
    expect(zh.summary(null, 'Edited 1 cell(s) on 1 variant(s)')).toBe('Edited 1 cell(s) on 1 variant(s)');
    expect(zh.summary({ key: 'laterFeature', params: {} }, 'Stored text')).toBe('Stored text');
  });

  it('name who made the change; an unknown actor stays as stored', () => {
    expect(zh.actor('owner')).toBe('店主');
    expect(zh.actor('demo-generator')).toBe('演示数据生成器');
    expect(en.actor('owner')).toBe('Owner');
    expect(zh.actor('alice@shop')).toBe('alice@shop');
  });

  it('have Chinese for every English text, with the same placeholders, and no English words left in it', () => {
    const placeholders = (text: string) => [...text.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();
    expect(Object.keys(historyTextsZh).sort()).toEqual(Object.keys(historyTextsEn).sort());
    for (const [key, text] of Object.entries(historyTextsEn)) {
      const chinese = historyTextsZh[key as keyof typeof historyTextsEn];
      expect(placeholders(chinese), key).toEqual(placeholders(text));
      // Codes (.99) and the brand name may stay; words may not.
      expect(chinese.replace(/\{\w+\}/g, '').replace(/Shopdesk/g, ''), key).not.toMatch(/[A-Za-z]{2,}/);
    }
  });

  it('read damaged stored parameters as none instead of failing the list', () => {
    expect(parseSummaryParams('{"cells":1,"sku":"A"}')).toEqual({ cells: 1, sku: 'A' });
    expect(parseSummaryParams('not json')).toEqual({});
    expect(parseSummaryParams('[1,2]')).toEqual({});
    expect(parseSummaryParams(null)).toEqual({});
  });
});
