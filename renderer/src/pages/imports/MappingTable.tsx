// One row per file column: its header, a few sample values, and the field it
// feeds (or ignored). A change re-maps and re-previews at once.
import type { ReactNode } from 'react';
import type { ImportSession } from '../../../../src/spreadsheets/contract.js';
import { useI18n } from '../../i18n/context.js';
import { fieldLabel } from './import-labels.js';

export function MappingTable({ session, onAssign }: { session: ImportSession; onAssign: (assignments: (string | null)[]) => void }): ReactNode {
  const { t, locale } = useI18n();
  const assignments = session.columns.map((column) => column.field);
  const choose = (index: number, field: string | null) => {
    // A field feeds one column: choosing it here frees it elsewhere.
    onAssign(assignments.map((current, i) => (i === index ? field : current === field ? null : current)));
  };
  return (
    <div className="card">
      <h2>{t('imports.mapping')}</h2>
      <p className="muted">{t(`imports.mappingSource.${session.mappingSource}`)}</p>
      <table className="table" data-testid="import-mapping">
        <thead>
          <tr>
            <th>{t('imports.column')}</th>
            <th>{t('imports.samples')}</th>
            <th>{t('imports.feeds')}</th>
          </tr>
        </thead>
        <tbody>
          {session.columns.map((column) => (
            <tr key={column.index}>
              <td>
                <strong>{column.header || t('imports.noHeader', { n: column.index + 1 })}</strong>
              </td>
              <td className="muted">{column.samples.filter((s) => s !== '').slice(0, 3).join(' · ')}</td>
              <td>
                {column.refused ? (
                  <span className="status status-cancelled">{t('imports.refusedColumn')}</span>
                ) : (
                  <select
                    value={column.field ?? ''}
                    onChange={(e) => choose(column.index, e.target.value === '' ? null : e.target.value)}
                    data-testid={`import-map-${column.index}`}
                    aria-label={t('imports.feedsFor', { column: column.header })}
                  >
                    <option value="">{t('imports.ignore')}</option>
                    {session.fields.map((field) => (
                      <option key={field.key} value={field.key}>
                        {fieldLabel(t, locale, session.fields, field.key)}
                        {field.required === 'always' ? ' *' : ''}
                      </option>
                    ))}
                  </select>
                )}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
