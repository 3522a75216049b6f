// "Columns" on the Products toolbar: show or hide grid columns. The choice is
// remembered in this browser profile (localStorage, so per person on a shared
// shop file) and "Reset" returns to the default set, which leaves the less
// used columns out so Cost, On hand and Status fit a 1440 px screen.
import type { ColDef } from 'ag-grid-community';
import { useCallback, useRef, useState, type ReactNode } from 'react';
import { useDismiss } from '../../components/use-dismiss.js';
import { useI18n } from '../../i18n/context.js';

export interface ColumnChoice {
  hidden: ReadonlySet<string>;
  setShown(colId: string, shown: boolean): void;
  reset(): void;
}

const storageKey = (grid: string) => `shopdesk.columns.${grid}`;

function readHidden(grid: string, defaults: readonly string[]): Set<string> {
  try {
    const stored: unknown = JSON.parse(localStorage.getItem(storageKey(grid)) ?? 'null');
    if (Array.isArray(stored) && stored.every((id) => typeof id === 'string')) return new Set(stored);
  } catch {
    // A damaged entry falls back to the defaults.
  }
  return new Set(defaults);
}

/** The hidden columns of one grid, remembered per browser profile. */
export function useColumnChoice(grid: string, defaultHidden: readonly string[]): ColumnChoice {
  const [hidden, setHidden] = useState<ReadonlySet<string>>(() => readHidden(grid, defaultHidden));
  const setShown = useCallback(
    (colId: string, shown: boolean) =>
      setHidden((current) => {
        const next = new Set(current);
        if (shown) next.delete(colId);
        else next.add(colId);
        localStorage.setItem(storageKey(grid), JSON.stringify([...next]));
        return next;
      }),
    [grid],
  );
  const reset = useCallback(() => {
    localStorage.removeItem(storageKey(grid));
    setHidden(new Set(defaultHidden));
  }, [grid, defaultHidden]);
  return { hidden, setShown, reset };
}

/** The grid's column definitions with the chosen ones hidden. */
export function withChosenColumns<T>(columns: readonly ColDef<T>[], hidden: ReadonlySet<string>): ColDef<T>[] {
  return columns.map((column) => ({ ...column, hide: column.colId !== undefined && hidden.has(column.colId) }));
}

export function ColumnChooser<T>(props: { columns: readonly ColDef<T>[]; choice: ColumnChoice; fixed: readonly string[] }): ReactNode {
  const { t } = useI18n();
  const menu = useRef<HTMLDetailsElement>(null);
  useDismiss(menu);
  return (
    <details ref={menu} className="menu" data-testid="column-chooser">
      <summary className="button button-small" data-testid="column-chooser-open" title={t('pages.columns.hint')}>
        {t('pages.columns.button')}
      </summary>
      <div className="card menu-panel" role="group" aria-label={t('pages.columns.label')}>
        {props.columns.map((column) => {
          const colId = column.colId ?? '';
          const fixed = props.fixed.includes(colId);
          return (
            <label key={colId} className="check menu-item">
              <input
                type="checkbox"
                checked={!props.choice.hidden.has(colId)}
                disabled={fixed}
                onChange={(event) => props.choice.setShown(colId, event.target.checked)}
                data-testid={`column-toggle-${colId}`}
              />
              {column.headerName ?? colId}
            </label>
          );
        })}
        <button type="button" className="button button-small" onClick={props.choice.reset} data-testid="column-reset">
          {t('pages.columns.reset')}
        </button>
      </div>
    </details>
  );
}
