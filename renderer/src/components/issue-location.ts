// Where a field problem is, in words: `lines.2.quantity` → "Line 3 · Quantity",
// `rows.14.sku` → "Row 14 · SKU" (spreadsheet rows are already 1-based). A part
// with no label (an internal name such as `contentBase64`) is left out: a person
// never reads the core's field keys, and '' means "nowhere in particular".
import type { I18n } from '../i18n/context.js';
import { isMessageKey } from '../i18n/translate.js';

const listNames: Record<string, 'where.line' | 'where.row' | 'where.cell'> = { lines: 'where.line', rows: 'where.row', edits: 'where.cell' };

export function issueLocation(path: string, t: I18n['t']): string {
  const parts = path.split('.');
  const words: string[] = [];
  for (let i = 0; i < parts.length; i += 1) {
    const part = parts[i] ?? '';
    const next = parts[i + 1];
    const list = listNames[part];
    if (list && next !== undefined && /^\d+$/.test(next)) {
      words.push(t(list, { n: part === 'rows' ? Number(next) : Number(next) + 1 }));
      i += 1;
    } else if (!/^\d+$/.test(part)) {
      const key = `field.${part}`;
      if (isMessageKey(key)) words.push(t(key));
    }
  }
  return words.join(' · ');
}
