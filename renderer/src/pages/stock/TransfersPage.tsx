// Transfers: the list, a new transfer (sent now or kept as a draft), and one
// transfer with partial receiving and cancelling.
import { useCallback, useEffect, useState, type FormEvent, type ReactNode } from 'react';
import type { MethodOutput } from '../../../../src/contract.js';
import { call } from '../../api/client.js';
import { navigate, routeHref } from '../../app/route.js';
import { useShop } from '../../app/shop-context.js';
import { useToasts } from '../../components/toasts.js';
import { ExportMenu } from '../../components/ExportMenu.js';
import { useI18n } from '../../i18n/context.js';
import { formatDateTime, formatNumber } from '../../i18n/format.js';
import { Pager } from '../../components/Pager.js';
import { EmptyState, focusForm } from '../../components/EmptyState.js';
import { PanelSkeleton } from '../../components/Loading.js';
import { emptyLine, LinesEditor, useSendLines, type LineDraft } from './LinesEditor.js';
import { useFieldIssues } from '../../components/field-issues.js';
import { useLocations } from './use-locations.js';
import { IdSelect } from '../../components/IdSelect.js';
import { NumberField, useNumberInput, type NumberRule } from '../../components/number-field.js';

const pageSize = 50;
/** Units received now: whole, not negative; empty receives none of that line. */
const receiveRule: NumberRule = { integer: true, min: 0 };

export function TransfersPage(): ReactNode {
  const { t, locale } = useI18n();
  const { settings } = useShop();
  const { showError } = useToasts();
  const locations = useLocations();
  const [offset, setOffset] = useState(0);
  const [list, setList] = useState<MethodOutput<'transfers.list'> | null>(null);
  const [from, setFrom] = useState(0);
  const [to, setTo] = useState(0);
  const [lines, setLines] = useState<LineDraft[]>([emptyLine()]);
  const [note, setNote] = useState('');
  const [busy, setBusy] = useState(false);
  const sendLines = useSendLines();
  const issues = useFieldIssues();

  useEffect(() => {
    call('transfers.list', { offset, limit: pageSize }).then(setList, showError);
  }, [offset, showError]);
  useEffect(() => {
    if (!from && locations[0]) setFrom(locations[0].id);
    if (!to && locations[1]) setTo(locations[1].id);
  }, [locations, from, to]);

  const create = async (send: boolean) => {
    setBusy(true);
    try {
      const created = await sendLines(lines, (resolved) => call('transfers.create', { fromLocationId: from, toLocationId: to, lines: resolved, note, send }));
      issues.clear();
      navigate('stock', 'transfers', created.id);
    } catch (error) {
      showError(issues.take(error));
    } finally {
      setBusy(false);
    }
  };
  const submit = (event: FormEvent) => {
    event.preventDefault();
    void create(true);
  };

  return (
    <>
      <form className="card" onSubmit={submit} data-testid="transfer-form">
        <h2>{t('transfer.new')}</h2>
        <div className="field-row">
          <label className="field">
            <span>{t('field.fromLocationId')}</span>
            <IdSelect value={from} onChange={(id) => setFrom(id ?? 0)} options={locations} label={(o) => o.name} testId="transfer-from" />
          </label>
          <label className="field">
            <span>{t('field.toLocationId')}</span>
            <IdSelect value={to} onChange={(id) => setTo(id ?? 0)} options={locations} label={(o) => o.name} testId="transfer-to" />
          </label>
          <label className="field grow">
            <span>{t('stock.note')}</span>
            <input value={note} onChange={(e) => setNote(e.target.value)} />
          </label>
        </div>
        <LinesEditor lines={lines} onChange={setLines} testId="transfer-lines" issues={issues} />
        <div className="form-actions">
          <button type="submit" className="button button-primary" disabled={busy} data-testid="transfer-send">
            {t('transfer.createAndSend')}
          </button>
          <button type="button" className="button" disabled={busy} onClick={() => void create(false)}>
            {t('transfer.saveDraft')}
          </button>
        </div>
      </form>
      <div className="card">
        <div className="page-actions">
          <ExportMenu
            source="transfers.list"
            query={{}}
            columns={[
              { field: 'number', header: t('transfer.number'), kind: 'text' },
              { field: 'fromLocation', header: t('field.fromLocationId'), kind: 'text' },
              { field: 'toLocation', header: t('field.toLocationId'), kind: 'text' },
              { field: 'status', header: t('transfer.status'), kind: 'text' },
              { field: 'units', header: t('exports.sent'), kind: 'number' },
              { field: 'receivedUnits', header: t('exports.received'), kind: 'number' },
              { field: 'createdAt', header: t('transfer.created'), kind: 'date' },
            ]}
            fileName={t('exports.file.transfers')}
          />
        </div>
        {list === null ? <PanelSkeleton lines={4} /> : null}
        {list?.total === 0 ? (
          <EmptyState
            title={t('pages.empty.transfers')}
            hint={t('pages.empty.transfersHint')}
            action={{ label: t('transfer.new'), onClick: () => focusForm('transfer-form'), testId: 'transfers-empty-new' }}
            testId="transfers-empty"
          />
        ) : null}
        <Pager offset={offset} total={list?.total ?? 0} size={pageSize} onChange={setOffset} placement="top" />
        <table className="table" data-testid="transfers-table" hidden={!list || list.total === 0}>
          <thead>
            <tr>
              <th>{t('transfer.number')}</th>
              <th>{t('field.fromLocationId')}</th>
              <th>{t('field.toLocationId')}</th>
              <th>{t('transfer.status')}</th>
              <th className="num">{t('transfer.units')}</th>
              <th>{t('transfer.created')}</th>
            </tr>
          </thead>
          <tbody>
            {(list?.rows ?? []).map((row) => (
              <tr key={row.id}>
                <td>
                  <a href={routeHref('stock', 'transfers', row.id)}>{row.number}</a>
                </td>
                <td>{row.fromLocation}</td>
                <td>{row.toLocation}</td>
                <td>
                  <span className={`status status-${row.status}`}>{t(`transfer.state.${row.status}`)}</span>
                </td>
                <td className="num">
                  {formatNumber(row.receivedUnits, locale)} / {formatNumber(row.units, locale)}
                </td>
                <td>{formatDateTime(row.createdAt, locale, settings.timeZone)}</td>
              </tr>
            ))}
          </tbody>
        </table>
        <Pager offset={offset} total={list?.total ?? 0} size={pageSize} onChange={setOffset} />
      </div>
    </>
  );
}

export function TransferPage({ transferId }: { transferId: number }): ReactNode {
  const { t, locale } = useI18n();
  const { showError, showSuccess } = useToasts();
  const [transfer, setTransfer] = useState<MethodOutput<'transfers.get'> | null>(null);
  const [receive, setReceive] = useState<Record<number, string>>({});
  const numbers = useNumberInput();
  const [tried, setTried] = useState(false);

  const show = useCallback((next: MethodOutput<'transfers.get'>) => {
    setTransfer(next);
    setTried(false);
    setReceive(Object.fromEntries(next.lines.map((l) => [l.variantId, String(l.outstanding)])));
  }, []);
  useEffect(() => {
    call('transfers.get', { transferId }).then(show, showError);
  }, [transferId, show, showError]);

  const act = async (run: () => Promise<MethodOutput<'transfers.get'>>) => {
    try {
      show(await run());
      showSuccess('transfer.done');
    } catch (error) {
      showError(error);
    }
  };
  if (!transfer)
    return (
      <div className="card">
        <PanelSkeleton lines={6} />
      </div>
    );
  const receiving = transfer.status === 'in_transit' || transfer.status === 'partially_received';
  const typed = transfer.lines.map((l) => ({ variantId: l.variantId, check: numbers.check(receive[l.variantId] ?? '', receiveRule) }));
  const receiveLines = typed.flatMap(({ variantId, check }) => (check.ok && check.value ? [{ variantId, quantity: check.value }] : []));
  // Nothing is received while a typed quantity is not taken: each says why.
  const receiveTyped = () => {
    if (typed.some(({ check }) => !check.ok)) return setTried(true);
    void act(() => call('transfers.receive', { transferId, lines: receiveLines }));
  };

  return (
    <div className="card" data-testid="transfer-detail">
      <div className="page-header">
        <a href={routeHref('stock', 'transfers')} className="button button-small">
          ← {t('common.back')}
        </a>
        <h2>
          {transfer.number}: {transfer.fromLocation} → {transfer.toLocation}
        </h2>
        <span className={`status status-${transfer.status}`} data-testid="transfer-status">
          {t(`transfer.state.${transfer.status}`)}
        </span>
      </div>
      <table className="table">
        <thead>
          <tr>
            <th>{t('columns.sku')}</th>
            <th>{t('columns.title')}</th>
            <th className="num">{t('transfer.sent')}</th>
            <th className="num">{t('transfer.received')}</th>
            <th className="num">{t('transfer.outstanding')}</th>
            {receiving ? <th className="num">{t('transfer.receiveNow')}</th> : null}
          </tr>
        </thead>
        <tbody>
          {transfer.lines.map((line) => (
            <tr key={line.variantId}>
              <td className="cell-mono">{line.sku}</td>
              <td>{line.title}</td>
              <td className="num">{formatNumber(line.quantity, locale)}</td>
              <td className="num">{formatNumber(line.receivedQuantity, locale)}</td>
              <td className="num">{formatNumber(line.outstanding, locale)}</td>
              {receiving ? (
                <td className="num">
                  <NumberField
                    className="qty"
                    rule={receiveRule}
                    showProblem={tried}
                    value={receive[line.variantId] ?? ''}
                    onChange={(text) => setReceive({ ...receive, [line.variantId]: text })}
                    aria-label={`${line.sku} ${t('transfer.receiveNow')}`}
                  />
                </td>
              ) : null}
            </tr>
          ))}
        </tbody>
      </table>
      <div className="form-actions">
        {transfer.status === 'draft' ? (
          <button type="button" className="button button-primary" onClick={() => void act(() => call('transfers.send', { transferId }))}>
            {t('transfer.sendNow')}
          </button>
        ) : null}
        {receiving ? (
          <button type="button" className="button button-primary" disabled={receiveLines.length === 0 && typed.every(({ check }) => check.ok)} onClick={receiveTyped} data-testid="transfer-receive">
            {t('transfer.receive')}
          </button>
        ) : null}
        {transfer.status === 'draft' || receiving ? (
          <button type="button" className="button" onClick={() => void act(() => call('transfers.cancel', { transferId }))}>
            {t('transfer.cancel')}
          </button>
        ) : null}
      </div>
    </div>
  );
}
