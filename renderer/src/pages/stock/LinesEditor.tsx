// Rows of "SKU or barcode + quantity" for transfers and purchase orders; SKUs
// are resolved to variants when the form is submitted, naming the line that fails.
import type { ReactNode } from 'react';
import { ApiError } from '../../api/api-error.js';
import { findVariant } from '../../api/lookup.js';
import { useI18n } from '../../i18n/context.js';

export interface LineDraft {
  code: string;
  quantity: string;
}

export const emptyLine = (): LineDraft => ({ code: '', quantity: '' });

/** Resolves every filled line; throws an error naming the first line that does not resolve. */
export async function resolveLines(lines: readonly LineDraft[]): Promise<{ variantId: number; quantity: number }[]> {
  const resolved: { variantId: number; quantity: number }[] = [];
  for (const [index, line] of lines.entries()) {
    if (!line.code.trim() && !line.quantity.trim()) continue;
    const variant = await findVariant(line.code);
    if (!variant) {
      throw new ApiError('VALIDATION', line.code, {
        key: 'unknownScanCode',
        params: { code: line.code },
        issues: [{ path: `lines.${index}.variantId`, key: 'unknownScanCode', message: line.code }],
      });
    }
    resolved.push({ variantId: variant.variantId, quantity: Number(line.quantity) });
  }
  return resolved;
}

export function LinesEditor(props: { lines: LineDraft[]; onChange: (lines: LineDraft[]) => void; testId: string }): ReactNode {
  const { t } = useI18n();
  const set = (index: number, change: Partial<LineDraft>) => props.onChange(props.lines.map((line, i) => (i === index ? { ...line, ...change } : line)));
  return (
    <div className="lines-editor" data-testid={props.testId}>
      {props.lines.map((line, index) => (
        <div className="field-row" key={index}>
          <input className="grow" placeholder={t('stock.skuOrBarcode')} aria-label={t('stock.skuOrBarcode')} value={line.code} onChange={(e) => set(index, { code: e.target.value })} data-testid={`${props.testId}-code-${index}`} />
          <input placeholder={t('field.quantity')} aria-label={t('field.quantity')} inputMode="numeric" value={line.quantity} onChange={(e) => set(index, { quantity: e.target.value })} data-testid={`${props.testId}-qty-${index}`} />
          <button type="button" className="button button-small" onClick={() => props.onChange(props.lines.filter((_, i) => i !== index))} disabled={props.lines.length === 1}>
            {t('common.remove')}
          </button>
        </div>
      ))}
      <button type="button" className="button button-small" onClick={() => props.onChange([...props.lines, emptyLine()])} data-testid={`${props.testId}-add`}>
        {t('stock.addLine')}
      </button>
    </div>
  );
}
