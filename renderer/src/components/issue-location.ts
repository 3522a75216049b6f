// Where a field problem is, in words the person reads on screen:
// `lines.2.quantity` → "Line 3 · Quantity", with the row's SKU when the core
// (or the form) named it → "Line 3 (SKU TS-001) · Quantity"; a grid cell edit
// `edits.0.value` with params {sku, field: 'cost'} → "SKU TS-001 · Cost", never
// "Cell 1 · Value". Spreadsheet rows are already 1-based. A part with no label
// (an internal name such as `contentBase64`) is left out: a person never reads
// the core's field keys, and '' means "nowhere in particular".
import type { I18n } from '../i18n/context.js';
import type { MessageKey } from '../i18n/en.js';
import { isMessageKey, type Params } from '../i18n/translate.js';

/** Lists whose items a person sees as numbered rows, and how to name one. */
const lists: Record<string, { plain: MessageKey; withSku: MessageKey; oneBased?: boolean }> = {
  lines: { plain: 'where.line', withSku: 'where.lineSku' },
  rows: { plain: 'where.row', withSku: 'where.rowSku', oneBased: true },
  edits: { plain: 'where.cell', withSku: 'where.sku' },
  variants: { plain: 'where.variant', withSku: 'where.sku' },
  components: { plain: 'where.component', withSku: 'where.componentSku' },
  options: { plain: 'where.option', withSku: 'where.option' },
  safetyStock: { plain: 'where.line', withSku: 'where.line' },
  columns: { plain: 'where.column', withSku: 'where.column' },
  assignments: { plain: 'where.column', withSku: 'where.column' },
};

/** The label of a field name (`field.<name>`), or null when there is none. */
export function fieldLabel(name: string, t: I18n['t']): string | null {
  const key = `field.${name}`;
  return isMessageKey(key) ? t(key) : null;
}

export function issueLocation(path: string, t: I18n['t'], params?: Params): string {
  const parts = path === '' ? [] : path.split('.');
  const sku = typeof params?.sku === 'string' && params.sku !== '' ? params.sku : null;
  const words: string[] = [];
  let named = false;
  for (let i = 0; i < parts.length; i += 1) {
    const part = parts[i] ?? '';
    const next = parts[i + 1];
    const list = lists[part];
    if (list && next !== undefined && /^\d+$/.test(next)) {
      const n = list.oneBased ? Number(next) : Number(next) + 1;
      // Only the outermost list is the row; nested ones (options.0.values.2) are part of the field.
      if (!named) {
        words.push(sku ? t(list.withSku, { n, sku }) : t(list.plain, { n }));
        named = true;
      }
      i += 1;
    } else if (!/^\d+$/.test(part)) {
      // A grid edit's `value` is whichever column was edited: params.field says which.
      const name = part === 'value' && typeof params?.field === 'string' ? params.field : part;
      const label = fieldLabel(name, t);
      if (label !== null && words[words.length - 1] !== label) words.push(label);
    }
  }
  // A row the path does not number (a single-line call) is still named by its SKU.
  if (!named && sku) words.unshift(t('where.sku', { sku }));
  return words.join(' · ');
}
