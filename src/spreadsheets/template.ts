// Templates: the target's fields as headers (English or Chinese) and one
// example row, so a merchant starts from a file the importer maps by itself.
import { toCsv } from '../documents/csv.js';
import { workbookBase64, xlsxMime } from '../documents/xlsx.js';
import type { ImportTarget } from './targets/target.js';

export function buildTemplate(target: ImportTarget, format: 'xlsx' | 'csv', language: 'en' | 'zh-CN') {
  const byKey = new Map(target.fields.map((field) => [field.key, field]));
  const headers = target.template.fields.map((key) => {
    const field = byKey.get(key);
    return field ? (language === 'zh-CN' ? field.zh : field.en) : key;
  });
  const rows = [headers, [...target.template.example]];
  const fileName = `shopdesk-${target.id}-template.${format}`;
  if (format === 'csv') return { fileName, mimeType: 'text/csv', contentBase64: Buffer.from(toCsv(rows), 'utf8').toString('base64') };
  return { fileName, mimeType: xlsxMime, contentBase64: workbookBase64([{ name: target.id, rows, widths: headers.map(() => 18) }]) };
}
