// What was sent to and read from the channel, newest first: when, which way, what
// happened in the UI language, and the request / answer excerpts (credentials were
// removed before they were stored). Filter by direction.
import { useState, type ReactNode } from 'react';
import { call } from '../../api/client.js';
import { EmptyState } from '../../components/EmptyState.js';
import { ExportMenu } from '../../components/ExportMenu.js';
import { Loaded } from '../../components/Loading.js';
import { Pager } from '../../components/Pager.js';
import { useLoad } from '../../components/use-load.js';
import { useI18n } from '../../i18n/context.js';
import { en } from '../../i18n/en.js';
import { isMessageKey } from '../../i18n/translate.js';
import { reasonText } from './sync-texts.js';
import { useSyncRefresh } from './use-sync-refresh.js';
import { useNow, When } from './When.js';

const directions = ['push', 'pull', 'test'] as const;
type Direction = (typeof directions)[number];
const pageSize = 50;

function Excerpt({ text, label }: { text: string | null; label: string }): ReactNode {
  if (!text) return <span className="muted">—</span>;
  return (
    <details className="log-excerpt">
      <summary>{label}</summary>
      <pre className="cell-mono" data-i18n-skip>
        {text}
      </pre>
    </details>
  );
}

/** Every sync-log summary's text, for the export's "What happened" column (its params sit beside it). */
const summaryKeys = Object.keys(en).filter((key) => key.startsWith('sync.log.'));

export function SyncLogTab({ channelId }: { channelId: number }): ReactNode {
  const { t, tKey } = useI18n();
  const exportColumns = () => [
    { field: 'at', header: t('log.at'), kind: 'date' as const },
    { field: 'direction', header: t('log.direction'), kind: 'text' as const, labels: Object.fromEntries(directions.map((d) => [d, t(`log.direction.${d}`)])) },
    {
      field: 'summaryKey',
      header: t('log.summary'),
      kind: 'text' as const,
      labels: Object.fromEntries(summaryKeys.filter(isMessageKey).map((key) => [key, t(key)])),
      paramsField: 'summaryParamValues',
    },
    { field: 'summaryParams', header: t('log.details'), kind: 'text' as const },
    { field: 'requestExcerpt', header: t('log.request'), kind: 'text' as const },
    { field: 'answerExcerpt', header: t('log.answer'), kind: 'text' as const },
  ];
  const now = useNow();
  const [direction, setDirection] = useState<Direction | null>(null);
  const [offset, setOffset] = useState(0);
  const load = useLoad(() => call('sync.log', { channelId, direction: direction ?? undefined, offset, limit: pageSize }), [channelId, direction, offset]);
  useSyncRefresh(load.reload);

  return (
    <div className="card" data-testid="sync-log">
      <div className="filters">
        <label className="field">
          <span>{t('log.direction')}</span>
          <select
            value={direction ?? ''}
            onChange={(e) => {
              setDirection(directions.find((d) => d === e.target.value) ?? null);
              setOffset(0);
            }}
            data-testid="log-direction"
          >
            <option value="">{t('log.direction.all')}</option>
            {directions.map((d) => (
              <option key={d} value={d}>
                {t(`log.direction.${d}`)}
              </option>
            ))}
          </select>
        </label>
        <div className="page-actions">
          <ExportMenu source="sync.log" query={{ channelId, direction: direction ?? undefined }} columns={exportColumns} fileName={t('log.file')} />
        </div>
      </div>
      <Loaded load={load} lines={6}>
        {(answer) =>
          answer.rows.length === 0 ? (
            <EmptyState title={t('log.empty')} hint={t('log.emptyHint')} testId="log-empty" />
          ) : (
            <>
              <Pager offset={offset} total={answer.total} size={pageSize} onChange={setOffset} placement="top" />
              <div className="channels-table-wrap">
                <table className="table log-table" data-testid="log-table">
                  <thead>
                    <tr>
                      <th>{t('log.at')}</th>
                      <th>{t('log.direction')}</th>
                      <th>{t('log.summary')}</th>
                      <th>{t('log.request')}</th>
                      <th>{t('log.answer')}</th>
                    </tr>
                  </thead>
                  <tbody>
                    {answer.rows.map((row) => (
                      <tr key={row.id} data-testid="log-row">
                        <td>
                          <When iso={row.at} now={now} />
                        </td>
                        <td>
                          <span className={`status log-${row.direction}`}>{t(`log.direction.${row.direction}`)}</span>
                        </td>
                        <td data-testid="log-summary">{reasonText(row.summary, tKey)}</td>
                        <td>
                          <Excerpt text={row.requestExcerpt} label={t('log.show')} />
                        </td>
                        <td>
                          <Excerpt text={row.answerExcerpt} label={t('log.show')} />
                        </td>
                      </tr>
                    ))}
                  </tbody>
                </table>
              </div>
              <Pager offset={offset} total={answer.total} size={pageSize} onChange={setOffset} />
            </>
          )
        }
      </Loaded>
    </div>
  );
}
