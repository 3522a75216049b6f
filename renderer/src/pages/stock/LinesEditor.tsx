// Rows of "SKU or barcode + quantity" for transfers, purchase orders and
// bundles. Empty rows are left out of what is sent, so the core's `lines.1`
// may be the third row on screen: useSendLines renumbers every refused line to
// the row the person sees and names its SKU ("Line 3 (SKU TS-001) · Quantity"),
// and the editor marks that row's field.
import { useCallback, type ReactNode } from 'react';
import { ApiError } from '../../api/api-error.js';
import { findVariant } from '../../api/lookup.js';
import type { FieldIssue } from '../../../../src/shared/envelope.js';
import { toVisibleRows, type FieldIssues, type SentRow } from '../../components/field-issues.js';
import { FieldProblem } from '../../components/FieldProblem.js';
import { useNumberInput, type NumberProblem, type NumberRule } from '../../components/number-field.js';
import { useI18n } from '../../i18n/context.js';

export interface LineDraft {
  code: string;
  quantity: string;
}

export interface ResolvedLine {
  variantId: number;
  quantity: number;
}

export const emptyLine = (): LineDraft => ({ code: '', quantity: '' });

const quantityRule: NumberRule = { required: true, integer: true, min: 1 };

/** The core's key for a typed quantity that was not taken (see errors.<key>). */
const quantityProblemKey: Record<NumberProblem, string> = {
  notANumber: 'notANumber',
  format: 'badFormat',
  ambiguous: 'badFormat',
  required: 'required',
  wholeNumber: 'notInteger',
  decimals: 'notInteger',
  tooSmall: 'quantityPositive',
  tooLarge: 'quantityTooLarge',
};

const isBlank = (line: LineDraft): boolean => !line.code.trim() && !line.quantity.trim();

function refused(issues: FieldIssue[]): ApiError {
  return new ApiError('VALIDATION', issues.map((issue) => issue.message).join('; '), { key: 'validation', issues });
}

/**
 * Sends the filled lines: reads each quantity as a typed number, finds each SKU or
 * barcode, calls `send`, and reports any refused line by the row the person sees
 * (under `list`: the call's name for its lines, `components` for a bundle).
 */
export function useSendLines(): <T>(lines: readonly LineDraft[], send: (resolved: ResolvedLine[]) => Promise<T>, list?: string) => Promise<T> {
  const numbers = useNumberInput();
  return useCallback(
    async <T,>(lines: readonly LineDraft[], send: (resolved: ResolvedLine[]) => Promise<T>, list = 'lines'): Promise<T> => {
      const problems: FieldIssue[] = [];
      const resolved: ResolvedLine[] = [];
      const sent: SentRow[] = [];
      for (const [index, line] of lines.entries()) {
        if (isBlank(line)) continue;
        const quantity = numbers.check(line.quantity, quantityRule);
        if (!quantity.ok || quantity.value === null) {
          const key = quantity.ok ? 'required' : quantityProblemKey[quantity.problem];
          problems.push({ path: `${list}.${index}.quantity`, key, message: `${list}.${index}.quantity: ${line.quantity}` });
        }
        const code = line.code.trim();
        const variant = code ? await findVariant(code) : null;
        if (!variant) {
          problems.push(
            code
              ? { path: `${list}.${index}.variantId`, key: 'unknownScanCode', message: code, params: { code } }
              : { path: `${list}.${index}.variantId`, key: 'required', message: `${list}.${index}.variantId: empty` },
          );
        }
        if (variant && quantity.ok && quantity.value !== null) {
          resolved.push({ variantId: variant.variantId, quantity: quantity.value });
          sent.push({ index, sku: variant.sku });
        }
      }
      if (problems.length > 0) throw refused(problems);
      try {
        return await send(resolved);
      } catch (error) {
        throw toVisibleRows(error, sent, list);
      }
    },
    [numbers],
  );
}

export function LinesEditor(props: { lines: LineDraft[]; onChange: (lines: LineDraft[]) => void; testId: string; issues?: FieldIssues; list?: string }): ReactNode {
  const { t } = useI18n();
  const { issues } = props;
  const list = props.list ?? 'lines';
  const set = (index: number, change: Partial<LineDraft>) => props.onChange(props.lines.map((line, i) => (i === index ? { ...line, ...change } : line)));
  return (
    <div className="lines-editor" data-testid={props.testId}>
      {props.lines.map((line, index) => (
        <div key={index}>
          <div className="field-row">
            <input
              className="grow"
              placeholder={t('stock.skuOrBarcode')}
              aria-label={t('stock.skuOrBarcode')}
              value={line.code}
              onChange={(e) => set(index, { code: e.target.value })}
              data-testid={`${props.testId}-code-${index}`}
              {...issues?.fieldProps(`${list}.${index}.variantId`, `${list}.${index}.lineId`)}
            />
            <input
              placeholder={t('field.quantity')}
              aria-label={t('field.quantity')}
              inputMode="numeric"
              value={line.quantity}
              onChange={(e) => set(index, { quantity: e.target.value })}
              data-testid={`${props.testId}-qty-${index}`}
              {...issues?.fieldProps(`${list}.${index}.quantity`)}
            />
            <button type="button" className="button button-small" onClick={() => {
                // The marks point at rows by position: after a removal they would point at the wrong ones.
                issues?.clear();
                props.onChange(props.lines.filter((_, i) => i !== index));
              }} disabled={props.lines.length === 1}>
              {t('common.remove')}
            </button>
          </div>
          <FieldProblem text={issues?.issueFor(`${list}.${index}`) ?? null} testId={`${props.testId}-problem-${index}`} />
        </div>
      ))}
      <button type="button" className="button button-small" onClick={() => props.onChange([...props.lines, emptyLine()])} data-testid={`${props.testId}-add`}>
        {t('stock.addLine')}
      </button>
    </div>
  );
}
