// Every refusal of a file and every closed import reads as a sentence in both
// languages, with what to do next (errors.<key> + errorHints.<key>).
import { describe, expect, it } from 'vitest';
import { en } from '../../../renderer/src/i18n/en.js';
import { translate, translateDynamic } from '../../../renderer/src/i18n/translate.js';
import { notSpreadsheetKinds } from '../../../src/spreadsheets/read/content-kind.js';

const fileErrors = [
  ...notSpreadsheetKinds.map((kind) => `notSpreadsheet.${kind}`),
  'emptyFile', 'emptySheet', 'importClosed', 'importFileTooLarge', 'tooManyRows', 'tooManyColumns', 'unreadableFile',
  'zip.tooManyEntries', 'zip.tooLargeUncompressed', 'zip.compressionRatio', 'zip.corrupt',
];

describe('import file texts', () => {
  it('say what happened and what to do next, in English and Chinese', () => {
    for (const key of fileErrors) {
      expect(Object.keys(en), key).toContain(`errors.${key}`);
      expect(Object.keys(en), key).toContain(`errorHints.${key}`);
      for (const locale of ['en', 'zh-CN'] as const) {
        const text = translateDynamic(locale, `errors.${key}`, 'errors.internal', { fileName: 'a.xlsx', sheet: 'Sheet2', limit: 500, limitMb: 100 });
        expect(text, `${locale} ${key}`).not.toMatch(/\{\w+\}/);
      }
    }
    expect(translate('zh-CN', 'errors.emptySheet', { fileName: 'a.xlsx', sheet: 'Sheet2' })).toBe('a.xlsx 的工作表“Sheet2”是空的。');
    expect(translate('en', 'importNotices.preferredOnlySupplier', { count: 3 })).toContain(': 3.');
  });
});
