// A report table in AG Grid: every row of the report loaded once, sorted and
// filtered in the grid (text, number and money filters in the UI language),
// optional links per row, and an Export that writes exactly the rows shown,
// in the grid's order. The row count sits above the table with the Export; a
// report with no rows says so (and what to change) instead of an empty grid.
import type { ColDef, GridApi, ICellRendererParams } from 'ag-grid-community';
import { AgGridReact } from 'ag-grid-react';
import { useMemo, useRef, type ReactNode } from 'react';
import type { ExportColumn, GridExportSource } from '../../../src/exports/contract.js';
import type { MethodInput } from '../../../src/contract.js';
import { useI18n } from '../i18n/context.js';
import { formatMoney, formatNumber } from '../i18n/format.js';
import { gridTheme } from '../pages/products/grid-theme.js';
import { useGridLocaleText } from './grid-locale.js';
import { EmptyState } from './EmptyState.js';
import { ExportMenu } from './ExportMenu.js';

export type ReportRow = Record<string, unknown>;

export interface ReportColumn<R extends ReportRow> {
  field: keyof R & string;
  header: string;
  kind: 'text' | 'money' | 'number' | 'rate';
  /** Where a cell leads (product page, filtered report); undefined: plain text. */
  href?: (row: R) => string | undefined;
  /** Display text of a text cell (e.g. a translated code). */
  text?: (row: R) => string;
  width?: number;
  /** The row field the export writes when the grid shows a flattened copy (e.g. 'byGroup.quality'). */
  exportField?: string;
}

export interface ReportGridProps<R extends ReportRow, S extends GridExportSource> {
  rows: readonly R[];
  columns: readonly ReportColumn<R>[];
  /** The field that identifies a row (the export matches rows by it). */
  rowKey: keyof R & string;
  currency: string;
  testId: string;
  exportSource: S;
  exportQuery: Partial<MethodInput<S>>;
  fileName: string;
  height?: number;
  /** What an empty report says (default: nothing in this period, try a longer one). */
  empty?: { title: string; hint?: string };
}

/** Most coded values a column sends with its export (segment codes, '' → '—'); a column of free text sends none. */
const maxLabels = 1000;

/**
 * The cells the grid shows differently from the row's value (a translated code): the export writes
 * them the same way. Undefined when there are none, or too many for a code list.
 */
function shownLabels<R extends ReportRow>(rows: readonly R[], field: keyof R & string, text: (row: R) => string): Record<string, string> | undefined {
  const labels: Record<string, string> = {};
  let count = 0;
  for (const row of rows) {
    const value = row[field];
    if (typeof value !== 'string' || Object.hasOwn(labels, value)) continue;
    const shown = text(row);
    if (shown === value) continue;
    if ((count += 1) > maxLabels) return undefined;
    labels[value] = shown;
  }
  return count === 0 ? undefined : labels;
}

const digitsOf = (currency: string) => new Intl.NumberFormat('en', { style: 'currency', currency }).resolvedOptions().maximumFractionDigits ?? 2;

export function ReportGrid<R extends ReportRow, S extends GridExportSource>(props: ReportGridProps<R, S>): ReactNode {
  const { t, locale } = useI18n();
  const api = useRef<GridApi<R> | null>(null);
  const localeText = useGridLocaleText();
  const scale = 10 ** digitsOf(props.currency);

  const columnDefs = useMemo<ColDef<R>[]>(
    () =>
      props.columns.map((column): ColDef<R> => {
        const base: ColDef<R> = { colId: column.field, headerName: column.header, sortable: true, resizable: true, ...(column.width ? { width: column.width } : { flex: column.kind === 'text' ? 2 : 1 }) };
        if (column.kind === 'text') {
          return {
            ...base,
            filter: 'agTextColumnFilter',
            valueGetter: (p) => (p.data ? (column.text ? column.text(p.data) : String(p.data[column.field] ?? '')) : ''),
            cellRenderer: (p: ICellRendererParams<R>) => {
              const href = p.data && column.href ? column.href(p.data) : undefined;
              return href ? <a href={href}>{String(p.value ?? '')}</a> : String(p.value ?? '');
            },
          };
        }
        // Numbers filter in the units people read: money in major units, rates in percent.
        const factor = column.kind === 'money' ? 1 / scale : column.kind === 'rate' ? 100 : 1;
        return {
          ...base,
          type: 'rightAligned',
          filter: 'agNumberColumnFilter',
          valueGetter: (p) => {
            const value = p.data?.[column.field];
            return typeof value === 'number' ? value * factor : null;
          },
          valueFormatter: (p) => {
            if (typeof p.value !== 'number') return '—';
            if (column.kind === 'money') return formatMoney(Math.round(p.value * scale), props.currency, locale);
            if (column.kind === 'rate') return `${formatNumber(Math.round(p.value * 10) / 10, locale)}%`;
            return formatNumber(Math.round(p.value * 100) / 100, locale);
          },
        };
      }),
    [props.columns, props.currency, locale, scale],
  );

  // Built when the export runs: the labels walk every row.
  const exportColumns = (): ExportColumn[] =>
    props.columns.map((c) => {
      const labels = c.kind === 'text' && c.text ? shownLabels(props.rows, c.field, c.text) : undefined;
      return { field: c.exportField ?? c.field, header: c.header, kind: c.kind === 'rate' ? 'number' : c.kind, ...(labels ? { labels } : {}) };
    });
  const shownKeys = () => {
    const grid = api.current;
    if (!grid) return undefined;
    const values: (string | number)[] = [];
    grid.forEachNodeAfterFilterAndSort((node) => {
      const key = node.data?.[props.rowKey];
      if (typeof key === 'string' || typeof key === 'number') values.push(key);
    });
    return { field: props.rowKey, values };
  };

  if (props.rows.length === 0) {
    return (
      <div data-testid={props.testId}>
        <EmptyState title={props.empty?.title ?? t('pages.report.empty')} hint={props.empty ? props.empty.hint : t('pages.report.emptyHint')} testId={`${props.testId}-empty`} />
      </div>
    );
  }
  return (
    <div data-testid={props.testId}>
      <div className="grid-toolbar">
        <span className="muted small" data-testid={`${props.testId}-count`}>
          {t('pages.rows', { count: formatNumber(props.rows.length, locale) })}
        </span>
        <ExportMenu source={props.exportSource} query={props.exportQuery} columns={exportColumns} fileName={props.fileName} rowKeys={shownKeys} />
      </div>
      <div style={{ height: props.height ?? 460 }}>
        <AgGridReact<R>
          // Remount on language change: AG Grid reads localeText only at start.
          key={locale}
          theme={gridTheme}
          rowData={[...props.rows]}
          columnDefs={columnDefs}
          localeText={localeText}
          getRowId={(p) => String(p.data[props.rowKey])}
          onGridReady={(event) => {
            api.current = event.api;
          }}
        />
      </div>
    </div>
  );
}
