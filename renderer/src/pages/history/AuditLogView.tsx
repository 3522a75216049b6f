// History's "Audit log" view: every recorded change, newest first, filtered by person,
// area, kind and date, with who / when / from where / what, loaded page by page
// (keyset: "load older"), exported as the screen shows it.
import { useCallback, useEffect, useMemo, useState, type ReactNode } from 'react';
import type { MethodInput, MethodOutput } from '../../../../src/contract.js';
import { auditAreas } from '../../../../src/audit/kinds-contract.js';
import { addDays, localMidnightUtc } from '../../../../src/shared/local-time.js';
import type { ExportColumn } from '../../../../src/exports/contract.js';
import { call } from '../../api/client.js';
import { useShop } from '../../app/shop-context.js';
import { EmptyState } from '../../components/EmptyState.js';
import { ExportMenu } from '../../components/ExportMenu.js';
import { PanelSkeleton } from '../../components/Loading.js';
import { useToasts } from '../../components/toasts.js';
import { useI18n } from '../../i18n/context.js';
import { formatDateTime, formatNumber } from '../../i18n/format.js';
import { auditKindTexts, auditOriginTexts } from '../../i18n/areas/audit.js';
import { AuditDetail } from './AuditDetail.js';
import { areaLabel, kindLabel, originLabel, personLabel } from './audit-words.js';

type Page = MethodOutput<'audit.list'>;
type Row = Page['rows'][number];
type Filter = Pick<MethodInput<'audit.list'>, 'personId' | 'area' | 'kind' | 'from' | 'to' | 'text'>;
const pageSize = 50;
const kinds = Object.keys(auditKindTexts);

export function AuditLogView(): ReactNode {
  const { t, locale } = useI18n();
  const { settings } = useShop();
  const { showError } = useToasts();
  const [personId, setPersonId] = useState('');
  const [area, setArea] = useState('');
  const [kind, setKind] = useState('');
  const [fromDay, setFromDay] = useState('');
  const [toDay, setToDay] = useState('');
  const [text, setText] = useState('');
  const [rows, setRows] = useState<Row[] | null>(null);
  const [page, setPage] = useState<Page | null>(null);
  const [openId, setOpenId] = useState<number | null>(null);

  // Days are the shop's days: from its midnight to the next one, as UTC instants.
  const filter = useMemo((): Filter => {
    const f: Filter = {};
    if (personId !== '') f.personId = Number(personId);
    if (area !== '') f.area = area;
    if (kind !== '') f.kind = kind;
    if (fromDay !== '') f.from = localMidnightUtc(fromDay, settings.timeZone).toISOString();
    if (toDay !== '') f.to = new Date(localMidnightUtc(addDays(toDay, 1), settings.timeZone).getTime() - 1).toISOString();
    if (text.trim() !== '') f.text = text.trim();
    return f;
  }, [personId, area, kind, fromDay, toDay, text, settings.timeZone]);

  const load = useCallback(
    (beforeId?: number) =>
      call('audit.list', { ...filter, limit: pageSize, ...(beforeId ? { beforeId } : {}) }).then((answer) => {
        setPage(answer);
        setRows((shown) => (beforeId && shown ? [...shown, ...answer.rows] : answer.rows));
      }, showError),
    [filter, showError],
  );
  useEffect(() => void load(), [load]);

  const exportColumns = (): ExportColumn[] => [
    { field: 'at', header: t('audit.col.when'), kind: 'date' },
    { field: 'personName', header: t('audit.col.who'), kind: 'text', labels: { Shopdesk: t('audit.shopPerson') } },
    { field: 'origin', header: t('audit.col.from'), kind: 'text', labels: Object.fromEntries(Object.keys(auditOriginTexts).map((o) => [o, originLabel(t, o)])) },
    { field: 'area', header: t('audit.col.area'), kind: 'text', labels: Object.fromEntries(auditAreas.map((a) => [a, areaLabel(t, a)])) },
    { field: 'kind', header: t('audit.col.what'), kind: 'text', labels: Object.fromEntries(kinds.map((k) => [k, kindLabel(t, k)])) },
    { field: 'subject', header: t('audit.col.subject'), kind: 'text' },
    { field: 'changesText', header: t('audit.col.changes'), kind: 'text' },
  ];

  const filtered = Object.keys(filter).length > 0;
  return (
    <>
      <div className="toolbar">
        <p className="muted">{t('audit.subtitle')}</p>
        <div className="page-actions">
          <ExportMenu source="audit.list" query={() => filter} columns={exportColumns} fileName={t('exports.file.audit')} />
        </div>
      </div>
      <div className="filters" data-testid="audit-filters">
        <label className="field">
          <span>{t('audit.filter.person')}</span>
          <select value={personId} onChange={(e) => setPersonId(e.target.value)} data-testid="audit-filter-person">
            <option value="">{t('audit.filter.any')}</option>
            {(page?.people ?? []).map((person) => (
              <option key={person.id} value={person.id}>
                {personLabel(t, person.id, person.name)}
              </option>
            ))}
          </select>
        </label>
        <label className="field">
          <span>{t('audit.filter.area')}</span>
          <select value={area} onChange={(e) => setArea(e.target.value)} data-testid="audit-filter-area">
            <option value="">{t('audit.filter.any')}</option>
            {auditAreas.map((a) => (
              <option key={a} value={a}>
                {areaLabel(t, a)}
              </option>
            ))}
          </select>
        </label>
        <label className="field">
          <span>{t('audit.filter.kind')}</span>
          <select value={kind} onChange={(e) => setKind(e.target.value)} data-testid="audit-filter-kind">
            <option value="">{t('audit.filter.any')}</option>
            {kinds.map((k) => (
              <option key={k} value={k}>
                {kindLabel(t, k)}
              </option>
            ))}
          </select>
        </label>
        <label className="field">
          <span>{t('audit.filter.from')}</span>
          <input type="date" value={fromDay} onChange={(e) => setFromDay(e.target.value)} data-testid="audit-filter-from" />
        </label>
        <label className="field">
          <span>{t('audit.filter.to')}</span>
          <input type="date" value={toDay} onChange={(e) => setToDay(e.target.value)} data-testid="audit-filter-to" />
        </label>
        <label className="field">
          <span>{t('audit.filter.text')}</span>
          <input type="search" value={text} onChange={(e) => setText(e.target.value)} data-testid="audit-filter-text" />
        </label>
        {filtered ? (
          <button
            type="button"
            className="button button-small"
            onClick={() => {
              setPersonId('');
              setArea('');
              setKind('');
              setFromDay('');
              setToDay('');
              setText('');
            }}
          >
            {t('audit.filter.clear')}
          </button>
        ) : null}
      </div>
      <div className="card">
        {rows === null ? <PanelSkeleton lines={6} /> : null}
        {rows?.length === 0 ? <EmptyState title={t(filtered ? 'audit.emptyFiltered' : 'audit.empty')} testId="audit-empty" /> : null}
        {page && rows && rows.length > 0 ? <p className="muted small">{t('audit.total', { count: formatNumber(page.total, locale) })}</p> : null}
        <table className="table" data-testid="audit-table" hidden={!rows || rows.length === 0}>
          <thead>
            <tr>
              <th>{t('audit.col.when')}</th>
              <th>{t('audit.col.who')}</th>
              <th>{t('audit.col.from')}</th>
              <th>{t('audit.col.what')}</th>
              <th>{t('audit.col.changes')}</th>
            </tr>
          </thead>
          <tbody>
            {(rows ?? []).map((row) => (
              <tr key={row.id} data-testid="audit-row">
                <td>{formatDateTime(row.at, locale, settings.timeZone)}</td>
                <td>{personLabel(t, row.personId, row.personName)}</td>
                <td>{originLabel(t, row.origin)}</td>
                <td>
                  <button type="button" className="link" onClick={() => setOpenId(row.id)}>
                    {kindLabel(t, row.kind)}
                  </button>{' '}
                  <span className="muted small">{areaLabel(t, row.area)}</span>
                </td>
                <td className="muted small">
                  {row.changeCount > 0 ? t('audit.changes.count', { count: formatNumber(row.changeCount, locale) }) : null}
                  {row.movements > 0 ? ` ${t('audit.changes.movements', { count: formatNumber(row.movements, locale) })}` : null}
                  {row.changeCount === 0 && row.movements === 0 ? t('audit.changes.none') : null}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
        {page?.nextBeforeId ? (
          <button type="button" className="button" onClick={() => void load(page.nextBeforeId ?? undefined)} data-testid="audit-more">
            {t('audit.more')}
          </button>
        ) : null}
      </div>
      {openId !== null ? <AuditDetail id={openId} onClose={() => setOpenId(null)} onUndone={() => void load()} /> : null}
    </>
  );
}
