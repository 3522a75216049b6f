// What the Products grid does with a typed cell, a pasted block and a
// fill-down before anything is saved: numbers are read by the one reader (a
// value that reads two ways is asked about, one that cannot be read says why
// next to the grid, naming the SKU and the column, and the cell is
// highlighted), and a price or cost change beyond the shop's threshold shows
// old and new values and asks first. Errors the core sends back for an edit are
// shown the same way. Every save is one step of the undo history.
import type { GridApi } from 'ag-grid-community';
import { useCallback, useMemo, useRef, useState, type ReactNode, type RefObject } from 'react';
import type { ProductStatus, VariantRow } from '../../../../src/catalog/contract.js';
import type { VariantEditField } from '../../../../src/catalog/edit-contract.js';
import { isLargePriceChange } from '../../../../src/shared/price-change.js';
import { ApiError, toApiError } from '../../api/api-error.js';
import { useShop } from '../../app/shop-context.js';
import { useConfirm } from '../../components/confirm.js';
import { firstChoice, useNumberChoice, useNumberInput } from '../../components/number-field.js';
import { useToasts } from '../../components/toasts.js';
import { useI18n } from '../../i18n/context.js';
import { formatMoney, formatNumber } from '../../i18n/format.js';
import type { Params } from '../../i18n/translate.js';
import { moneyFields, parseCell, type CellOption, type CellRefusal, type CellValue } from './clipboard.js';
import { useEditHistory } from './edit-history.js';
import { answerPaste, planFillDown, planPaste, type PastePlan, type PlannedEdit } from './grid-paste.js';

const statuses: readonly ProductStatus[] = ['active', 'draft', 'archived'];

/** A cell whose value was not taken, and why (kept as data, so it follows a language switch). */
export interface GridProblem {
  variantId: number | null;
  field: VariantEditField;
  sku: string;
  /** The grid row (1-based) of a refused paste. */
  pasteRow?: number;
  why: CellRefusal | { reason: 'core'; key: string; params?: Params };
}

/** What the grid's columns call while a cell is being edited (see columns.tsx). */
export interface CellEdits {
  /**
   * Typed text for a column → the value to store now, or undefined when it is not taken as it
   * is (unchanged, refused with a reason, or asked about first: the page saves it afterwards).
   */
  typed(row: VariantRow, field: VariantEditField, text: string): CellValue | undefined;
  hasProblem(variantId: number | undefined, field: string): boolean;
}

const isMoney = (field: VariantEditField) => moneyFields.includes(field);
const numberOrNull = (value: CellValue): number | null => (typeof value === 'number' ? value : null);
/** After the grid has finished its own editing and focus moves: then a dialog may take focus. */
const later = (work: () => void) => window.setTimeout(work, 0);

export function useGridEdits(gridApi: RefObject<GridApi<VariantRow> | null>, reload: () => void) {
  const { t, tKey, locale } = useI18n();
  const { settings } = useShop();
  const { showError } = useToasts();
  const confirm = useConfirm();
  const numbers = useNumberInput();
  const chooser = useNumberChoice();
  const [problem, setProblem] = useState<GridProblem | null>(null);
  const problemRef = useRef<GridProblem | null>(null);
  const { currency, priceChangeConfirmPercent: threshold } = settings;

  const column = useCallback((field: VariantEditField) => t(`columns.${field}`), [t]);
  const show = useCallback(
    (field: VariantEditField, value: CellValue) =>
      value === null ? '—' : isMoney(field) ? formatMoney(numberOrNull(value), currency, locale) : formatNumber(numberOrNull(value), locale),
    [currency, locale],
  );

  /** Sets (or clears) the problem and repaints the cells it highlights. */
  const mark = useCallback(
    (next: GridProblem | null) => {
      const before = problemRef.current;
      problemRef.current = next;
      setProblem(next);
      const api = gridApi.current;
      if (!api) return;
      const nodes = [before, next].flatMap((p) => (p?.variantId ? [api.getRowNode(String(p.variantId))].filter((n) => n !== undefined) : []));
      if (nodes.length > 0) api.refreshCells({ rowNodes: nodes, force: true });
    },
    [gridApi],
  );

  /** The edits of the last save, so a refusal the core names by `edits.N` lands on that cell. */
  const sent = useRef<readonly PlannedEdit[] | null>(null);
  /** An error of the core for grid edits lands on its cell, named by SKU and column; others are toasts. */
  const onError = useCallback(
    (error: unknown) => {
      const { details } = toApiError(error);
      const issue = details.issues?.find((i) => /^edits\.\d+\./.test(i.path));
      const edit = issue ? sent.current?.[Number(issue.path.split('.')[1])] : undefined;
      // The row as the grid shows it (params.sku may be the value refused, e.g. a taken SKU).
      const sku = edit?.sku ?? (typeof issue?.params?.sku === 'string' ? issue.params.sku : undefined);
      const field = edit?.field ?? (typeof issue?.params?.field === 'string' ? (issue.params.field as VariantEditField) : undefined);
      if (!issue || sku === undefined || field === undefined) return showError(error);
      let variantId = edit?.variantId ?? null;
      gridApi.current?.forEachNode((node) => {
        if (variantId === null && node.data?.sku === sku) variantId = node.data.variantId;
      });
      mark({ variantId, field, sku, why: { reason: 'core', key: issue.key, params: { ...details.params, ...issue.params } } });
    },
    [gridApi, mark, showError],
  );
  const steps = useEditHistory(reload, onError);
  // Redo sends an earlier step's edits: a refusal then is not about the last save's cells.
  const history = useMemo(
    () => ({
      ...steps,
      redo: () => {
        sent.current = null;
        return steps.redo();
      },
    }),
    [steps],
  );

  const statusOf = useCallback(
    (label: string): ProductStatus | null =>
      statuses.find((s) => s === label.toLowerCase() || t(`status.${s}`).toLowerCase() === label.toLowerCase()) ?? null,
    [t],
  );
  const context = useMemo(() => ({ currency, conventions: numbers.conventions, statusOf }), [currency, numbers.conventions, statusOf]);

  /** Old and new values of the large price changes among `edits`, asked about; true to go on. */
  const confirmLarge = useCallback(
    async (edits: readonly PlannedEdit[]): Promise<boolean> => {
      const large = edits.filter((e) => isMoney(e.field) && isLargePriceChange(numberOrNull(e.before), numberOrNull(e.value), threshold));
      if (large.length === 0) return true;
      const percent = new Intl.NumberFormat(locale, { style: 'percent', signDisplay: 'always', maximumFractionDigits: 0 });
      return confirm({
        title: t('numbers.large.title'),
        lines: [t(large.length === 1 ? 'numbers.large.lineOne' : 'numbers.large.lineMany', { count: formatNumber(large.length, locale), percent: threshold })],
        changes: large.map((e) => {
          const before = numberOrNull(e.before);
          const after = numberOrNull(e.value);
          return {
            label: t('numbers.cell', { sku: e.sku, column: column(e.field) }),
            before: show(e.field, e.before),
            after: show(e.field, e.value),
            ...(before && after !== null ? { note: percent.format((after - before) / before) } : {}),
          };
        }),
        confirmLabel: t('numbers.large.confirm'),
      });
    },
    [threshold, locale, confirm, t, column, show],
  );

  /** Saves planned edits as one undoable step, after asking about large price changes. */
  const save = useCallback(
    async (edits: readonly PlannedEdit[]) => {
      if (edits.length === 0) return;
      if (!(await confirmLarge(edits))) {
        reload(); // the grid shows the kept values again
        return;
      }
      mark(null);
      sent.current = edits;
      await history.apply({ kind: 'edits', input: { edits: edits.map(({ variantId, field, value }) => ({ variantId, field, value })) } });
    },
    [confirmLarge, mark, history, reload],
  );
  /** A cell the grid already took (typed, small change): saved as one step. */
  const saveCell = useCallback(
    async (edit: PlannedEdit) => {
      sent.current = [edit];
      await history.apply({ kind: 'edits', input: { edits: [{ variantId: edit.variantId, field: edit.field, value: edit.value }] } });
    },
    [history],
  );

  const optionLabel = useCallback(
    (field: VariantEditField, option: CellOption, reading: number) => (option.ok ? show(field, option.value) : numbers.show(reading)),
    [show, numbers],
  );

  /** A refused paste or fill-down lands on its cell; a paste that asks is asked once for the block. */
  const run = useCallback(
    async (plan: PastePlan) => {
      if (!plan.ok && plan.key === 'pasteNoCell') return showError(new ApiError('VALIDATION', plan.key, { key: plan.key }));
      if (!plan.ok) {
        const { edit, why } = plan.cell;
        return mark({ variantId: edit.variantId, field: edit.field, sku: edit.sku, pasteRow: edit.row, why });
      }
      const [first] = plan.questions;
      if (!first) return save(plan.edits);
      const edit = plan.edits[first.edit];
      if (!edit) return;
      const labels: [string, string] = [optionLabel(edit.field, first.options[0], first.readings[0]), optionLabel(edit.field, first.options[1], first.readings[1])];
      const offeredFirst = firstChoice(context.conventions);
      const more = plan.questions.length - 1;
      const choice = await chooser.choose({
        line: t(more > 0 ? 'numbers.pasteChooseLine' : 'numbers.cellChooseLine', {
          where: t('numbers.cell', { sku: edit.sku, column: column(edit.field) }),
          text: first.text,
          first: labels[offeredFirst],
          second: labels[offeredFirst === 0 ? 1 : 0],
          more: formatNumber(more, locale),
        }),
        options: labels,
        first: offeredFirst,
      });
      if (choice === null) return;
      await run(answerPaste(plan, choice));
    },
    [showError, mark, save, chooser, t, column, optionLabel, context.conventions, locale],
  );

  const paste = useCallback(
    (text: string) => {
      const api = gridApi.current;
      if (api) void run(planPaste(api, text, context));
    },
    [gridApi, run, context],
  );
  const fillDown = useCallback(() => {
    const api = gridApi.current;
    void run(api ? planFillDown(api) : { ok: false, key: 'pasteNoCell' });
  }, [gridApi, run]);

  // The columns hold on to one object for the grid's lifetime; it reads the latest state through a ref.
  const latest = useRef({ context, save, mark, chooser, t, column, optionLabel, threshold });
  latest.current = { context, save, mark, chooser, t, column, optionLabel, threshold };
  const cellEdits = useMemo<CellEdits>(
    () => ({
      typed(row, field, text) {
        const now = latest.current;
        const parsed = parseCell(field, text, now.context);
        const where = { variantId: row.variantId, field, sku: row.sku, before: row[field as keyof VariantRow] as CellValue, row: 0 };
        if (parsed.kind === 'value') {
          if (parsed.value === where.before) return undefined;
          if (isMoney(field) && isLargePriceChange(numberOrNull(where.before), numberOrNull(parsed.value), now.threshold)) {
            later(() => void now.save([{ ...where, value: parsed.value }]));
            return undefined;
          }
          if (problemRef.current?.variantId === row.variantId) later(() => now.mark(null));
          return parsed.value;
        }
        if (parsed.kind === 'refused') {
          later(() => now.mark({ variantId: row.variantId, field, sku: row.sku, why: parsed }));
          return undefined;
        }
        const labels: [string, string] = [now.optionLabel(field, parsed.options[0], parsed.readings[0]), now.optionLabel(field, parsed.options[1], parsed.readings[1])];
        const first = firstChoice(now.context.conventions);
        later(() => {
          void now.chooser
            .choose({
              line: now.t('numbers.cellChooseLine', {
                where: now.t('numbers.cell', { sku: row.sku, column: now.column(field) }),
                text: parsed.text,
                first: labels[first],
                second: labels[first === 0 ? 1 : 0],
              }),
              options: labels,
              first,
            })
            .then((choice) => {
              if (choice === null) return;
              const option = parsed.options[choice];
              if (!option.ok) return now.mark({ variantId: row.variantId, field, sku: row.sku, why: { reason: 'number', refusal: option.refusal, rule: parsed.rule } });
              if (option.value !== where.before) return now.save([{ ...where, value: option.value }]);
            });
        });
        return undefined;
      },
      hasProblem: (variantId, field) => problemRef.current !== null && problemRef.current.variantId === variantId && problemRef.current.field === field,
    }),
    [],
  );

  /** The problem in words: "SKU TS-001 · Price: Enter a number such as 12.50." */
  const problemText = (p: GridProblem): string => {
    const why = p.why;
    let text: string;
    if (why.reason === 'number') text = numbers.problemText(why.refusal, why.rule);
    else if (why.reason === 'status') text = t('numbers.problem.status', { statuses: statuses.map((s) => t(`status.${s}`)).join(' / ') });
    else if (why.reason === 'required') text = t('numbers.problem.required');
    else text = tKey(`errors.${why.key}`, 'errors.validation', why.params);
    const params = { sku: p.sku, column: column(p.field), problem: text };
    return p.pasteRow === undefined ? t('numbers.cellProblem', params) : t('numbers.pasteProblem', { ...params, row: p.pasteRow });
  };

  const problemNote: ReactNode = problem ? (
    <div className="grid-problem" role="alert" data-testid="grid-problem">
      <span>{problemText(problem)}</span>
      <button type="button" className="icon-button" aria-label={t('numbers.dismiss')} onClick={() => mark(null)}>
        ×
      </button>
    </div>
  ) : null;

  return { history, cellEdits, paste, fillDown, saveCell, problemNote, dialog: chooser.dialog };
}
