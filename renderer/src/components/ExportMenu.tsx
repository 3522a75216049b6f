// "Export" on a table's toolbar: every row matching what the page shows (its
// filters, search and sort), with the columns it shows, to XLSX or CSV. The core
// pages through the list itself; this only says which list, which query, which columns.
import type { GridApi } from 'ag-grid-community';
import { useRef, useState, type ReactNode } from 'react';
import type { MethodInput } from '../../../src/contract.js';
import type { ExportColumn, ExportColumnKind, ExportFormat, GridExportSource } from '../../../src/exports/contract.js';
import { call } from '../api/client.js';
import { saveFile } from '../api/files.js';
import { useI18n } from '../i18n/context.js';
import { withCodedLabels } from '../i18n/export-labels.js';
import { useToasts } from './toasts.js';
import { useDismiss } from './use-dismiss.js';

type OrNow<T> = T | (() => T);
const now = <T,>(value: OrNow<T>): T => (typeof value === 'function' ? (value as () => T)() : value);

export interface ExportMenuProps<S extends GridExportSource> {
  source: S;
  /** What the page sends to its list call (paging is ignored); a function when it lives in a ref. */
  query: OrNow<Partial<MethodInput<S>>>;
  /** The columns as displayed, in order, with their headers in the current language. */
  columns: OrNow<readonly ExportColumn[]>;
  /** Without extension. */
  fileName: string;
  /** For grids that filter and sort rows themselves: the keys of the rows shown, in order (undefined: every row). */
  rowKeys?: () => { field: string; values: (string | number)[] } | undefined;
}

export function ExportMenu<S extends GridExportSource>(props: ExportMenuProps<S>): ReactNode {
  const { t, locale } = useI18n();
  const { showError, showSuccess } = useToasts();
  const [busy, setBusy] = useState(false);
  const menu = useRef<HTMLDetailsElement>(null);
  useDismiss(menu);

  const run = async (format: ExportFormat) => {
    if (menu.current) menu.current.open = false;
    setBusy(true);
    try {
      const file = await call('exports.grid', {
        source: props.source,
        query: { ...now(props.query) },
        // Coded values (statuses…) and the core's own texts (History) in the headers' language.
        columns: withCodedLabels(props.source, now(props.columns), t),
        locale,
        format,
        fileName: props.fileName,
        rowKeys: props.rowKeys?.(),
      });
      saveFile(file);
      showSuccess('exports.done');
    } catch (error) {
      showError(error);
    } finally {
      setBusy(false);
    }
  };

  return (
    <details ref={menu} className="export-menu" style={{ position: 'relative', display: 'inline-block' }} data-testid="export-menu">
      <summary className="button button-small" aria-disabled={busy} title={t('exports.hint')} data-testid="export-open" style={{ listStyle: 'none' }}>
        {busy ? t('exports.working') : t('exports.button')}
      </summary>
      <div
        role="menu"
        aria-label={t('exports.menuLabel')}
        className="card"
        style={{ position: 'absolute', right: 0, zIndex: 20, display: 'flex', flexDirection: 'column', gap: 4, padding: 6, marginTop: 4, minWidth: 200 }}
      >
        {(['xlsx', 'csv'] as const).map((format) => (
          <button key={format} type="button" role="menuitem" className="button button-small" disabled={busy} onClick={() => void run(format)} data-testid={`export-${format}`}>
            {t(`exports.${format}`)}
          </button>
        ))}
      </div>
    </details>
  );
}

/**
 * The columns an AG Grid shows, in display order, with their header names.
 * `kindOf` says how each data column is written and returns null for columns
 * that hold no data (selection checkboxes, actions).
 */
export function displayedGridColumns<T>(api: GridApi<T>, kindOf: (colId: string) => ExportColumnKind | null): ExportColumn[] {
  return api.getAllDisplayedColumns().flatMap((column) => {
    const colId = column.getColId();
    const kind = kindOf(colId);
    if (kind === null) return [];
    const header = api.getDisplayNameForColumn(column, 'header') || colId;
    return [{ field: column.getColDef().field ?? colId, header, kind }];
  });
}
