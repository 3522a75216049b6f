// Import: choose what the file holds, pick the file, check encoding / sheet /
// mapping, read the preview, then apply (all or nothing, or valid rows only)
// as a job after a confirmation of the counts and the effect — with undo of
// the whole import when it is done.
import { useCallback, useEffect, useRef, useState, type ReactNode } from 'react';
import type { MethodInput, MethodOutput } from '../../../../src/contract.js';
import { importTargetIds, textEncodings, type ImportOptions, type ImportSession, type ImportTargetId } from '../../../../src/spreadsheets/contract.js';
import { ApiError, toApiError } from '../../api/api-error.js';
import { call } from '../../api/client.js';
import { readFileBase64, saveFile } from '../../api/files.js';
import { routeHref } from '../../app/route.js';
import { useJobs } from '../../app/jobs-context.js';
import { useShop } from '../../app/shop-context.js';
import { IdSelect } from '../../components/IdSelect.js';
import { ProgressBar } from '../../components/ProgressBar.js';
import { useToasts } from '../../components/toasts.js';
import { Loading } from '../../components/Loading.js';
import { useI18n } from '../../i18n/context.js';
import { formatNumber } from '../../i18n/format.js';
import { useLocations } from '../stock/use-locations.js';
import { useConfirm } from '../../components/confirm.js';
import { importConfirmRequest } from './import-confirm.js';
import { useUndoConfirm } from '../undo-confirm.js';
import { fieldLabel, issueText, noticeText } from './import-labels.js';
import { MappingTable } from './MappingTable.js';
import { PreviewTable } from './PreviewTable.js';

/** What each target needs chosen before its preview means anything. */
const needs: Partial<Record<ImportTargetId, keyof ImportOptions>> = {
  stockLevels: 'locationId',
  stocktakeCounts: 'stocktakeId',
  purchaseOrderLines: 'purchaseOrderId',
};

/** Files that carry stock: where it is (optional for products: "from the file") and the day it was counted can be chosen. */
const carriesStock: ReadonlySet<ImportTargetId> = new Set(['products', 'stockLevels']);

export function ImportPage(): ReactNode {
  const { t, tKey, locale } = useI18n();
  const { showError, showSuccess } = useToasts();
  const jobs = useJobs();
  const locations = useLocations();
  const { settings } = useShop();
  const confirm = useConfirm();
  const confirmUndo = useUndoConfirm();
  const [target, setTarget] = useState<ImportTargetId>('products');
  const [session, setSession] = useState<ImportSession | null>(null);
  const [version, setVersion] = useState(0);
  const [jobId, setJobId] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const [stocktakes, setStocktakes] = useState<MethodOutput<'stocktakes.list'>['rows']>([]);
  const [orders, setOrders] = useState<MethodOutput<'purchaseOrders.list'>['rows']>([]);
  const fileInput = useRef<HTMLInputElement>(null);
  const job = jobs.find((candidate) => candidate.id === jobId) ?? null;

  // The core holds the whole file for a session: let go of it when the session is replaced
  // (another file or target) and when the person leaves the Import page.
  const sessionId = session?.sessionId ?? null;
  useEffect(() => {
    if (sessionId === null) return undefined;
    return () => {
      call('imports.close', { sessionId }).catch(() => undefined);
    };
  }, [sessionId]);

  // A session the core closed meanwhile (idle for half an hour): back to choosing the file.
  const failed = useCallback(
    (error: unknown) => {
      if (toApiError(error).details.key === 'importClosed') setSession(null);
      showError(error);
    },
    [showError],
  );

  useEffect(() => {
    if (target === 'stocktakeCounts') call('stocktakes.list', { status: 'counting' }).then((answer) => setStocktakes(answer.rows), showError);
    if (target === 'purchaseOrderLines') call('purchaseOrders.list', { status: 'draft' }).then((answer) => setOrders(answer.rows), showError);
  }, [target, showError]);

  const update = useCallback(
    async (change: Omit<MethodInput<'imports.update'>, 'sessionId'>) => {
      if (!session) return;
      setBusy(true);
      try {
        setSession(await call('imports.update', { sessionId: session.sessionId, ...change }));
        setVersion((v) => v + 1);
      } catch (error) {
        failed(error);
      } finally {
        setBusy(false);
      }
    },
    [session, failed],
  );

  // When the apply job ends: show the result (and the undo), or the reason it failed.
  useEffect(() => {
    if (!job || job.status === 'running' || !session) return;
    setJobId(null);
    if (job.status === 'succeeded') {
      call('imports.get', { sessionId: session.sessionId }).then((next) => {
        setSession(next);
        setVersion((v) => v + 1);
      }, showError);
    } else if (job.error) {
      // The job's error is a plain shape: wrap it so the toast shows its translated key (e.g. importHasErrors).
      showError(ApiError.fromShape(job.error));
    }
  }, [job, session, showError]);

  const open = async (file: File) => {
    setBusy(true);
    try {
      const option = needs[target];
      const chosen: ImportOptions = { blankClears: false };
      if (option === 'locationId' && locations[0]) chosen.locationId = locations[0].id;
      const opened = await call('imports.open', { target, fileName: file.name, contentBase64: await readFileBase64(file), options: chosen });
      setSession(opened);
      setVersion((v) => v + 1);
    } catch (error) {
      showError(error);
    } finally {
      setBusy(false);
      if (fileInput.current) fileInput.current.value = '';
    }
  };

  const apply = async (mode: 'all' | 'validOnly') => {
    if (!session) return;
    // The person sees the counts, the effect and any large price or cost change first.
    const request = importConfirmRequest({ session, mode, currency: settings.currency, thresholdPercent: settings.priceChangeConfirmPercent, i18n: { t, locale } });
    if (!(await confirm(request))) return;
    try {
      setJobId((await call('imports.apply', { sessionId: session.sessionId, mode })).jobId);
    } catch (error) {
      failed(error);
    }
  };

  const undo = async () => {
    const changeSetId = session?.applied?.changeSetId;
    if (!changeSetId || !session) return;
    try {
      if (!(await confirmUndo(changeSetId, 'always'))) return;
      await call('history.undo', { changeSetId });
      showSuccess('imports.undone');
      setSession({ ...session, applied: null });
    } catch (error) {
      showError(error);
    }
  };

  const setOption = (key: keyof ImportOptions, value: number | boolean | string | undefined) => {
    if (!session) return;
    const options: ImportOptions = { ...session.options };
    if (value === undefined) delete options[key];
    else Object.assign(options, { [key]: value });
    void update({ options });
  };

  const option = needs[target];
  return (
    <div className="page" data-testid="import-page">
      <div className="page-header">
        <h1>{t('nav.imports')}</h1>
      </div>
      <div className="card">
        <div className="field-row">
          <label className="field">
            <span>{t('imports.target')}</span>
            <select
              value={target}
              onChange={(e) => {
                setTarget(e.target.value as ImportTargetId);
                setSession(null);
              }}
              data-testid="import-target"
            >
              {importTargetIds.map((id) => (
                <option key={id} value={id}>
                  {t(`imports.target.${id}`)}
                </option>
              ))}
            </select>
          </label>
          <label className="field">
            <span>{t('imports.file')}</span>
            <input
              ref={fileInput}
              type="file"
              accept=".xlsx,.xls,.ods,.csv,.tsv,.txt"
              disabled={busy || job !== null}
              onChange={(e) => {
                const file = e.target.files?.[0];
                if (file) void open(file);
              }}
              data-testid="import-file"
            />
          </label>
          <div className="field">
            <span>{t('imports.template')}</span>
            <div className="button-row">
              {(['xlsx', 'csv'] as const).map((format) => (
                <button
                  key={format}
                  type="button"
                  className="button"
                  onClick={() => call('imports.template', { target, format, language: locale }).then(saveFile, showError)}
                  data-testid={`import-template-${format}`}
                >
                  {format.toUpperCase()}
                </button>
              ))}
            </div>
          </div>
        </div>
        <p className="muted">{t(`imports.targetHint.${target}`)}</p>
        {busy ? <Loading label={t('pages.imports.working')} testId="import-reading" /> : null}
      </div>

      {session ? (
        <>
          <div className="card" data-testid="import-facts">
            <h2>{session.fileName}</h2>
            <div className="field-row">
              <span className="fact">
                {t('imports.format')}: <strong>{session.format.toUpperCase()}</strong>
              </span>
              {session.detectedEncoding ? (
                <label className="field">
                  <span>{t('imports.encoding', { detected: session.detectedEncoding.toUpperCase() })}</span>
                  <select value={session.encoding ?? ''} onChange={(e) => void update({ encoding: e.target.value as (typeof textEncodings)[number] })} data-testid="import-encoding">
                    {textEncodings.map((encoding) => (
                      <option key={encoding} value={encoding}>
                        {encoding.toUpperCase()}
                      </option>
                    ))}
                  </select>
                </label>
              ) : null}
              {session.sheets.length > 1 ? (
                <label className="field">
                  <span>{t('imports.sheet')}</span>
                  <select value={session.sheet ?? ''} onChange={(e) => void update({ sheet: e.target.value })} data-testid="import-sheet">
                    {session.sheets.map((sheet) => (
                      <option key={sheet} value={sheet}>
                        {sheet}
                      </option>
                    ))}
                  </select>
                </label>
              ) : null}
              {session.delimiter ? (
                <span className="fact">
                  {t('imports.delimiter')}: <strong>{t(`imports.delimiter.${session.delimiter === '\t' ? 'tab' : session.delimiter === ';' ? 'semicolon' : 'comma'}`)}</strong>
                </span>
              ) : null}
              {session.delimiter !== null || session.decimalMark === 'comma' ? (
                <span className="fact" data-testid="import-decimal-mark">
                  {t('imports.decimalMark')}: <strong>{t(`imports.decimalMark.${session.decimalMark}`)}</strong>
                </span>
              ) : null}
              <span className="fact">{t('imports.headerRow', { row: session.headerRow, rows: formatNumber(session.dataRows, locale) })}</span>
            </div>
            <div className="field-row">
              {option === 'locationId' || carriesStock.has(target) ? (
                <label className="field">
                  <span>{t('imports.option.locationId')}</span>
                  <IdSelect value={session.options.locationId ?? null} onChange={(id) => setOption('locationId', id ?? undefined)} options={locations} label={(l) => l.name} noneLabel={t('imports.fromFile')} testId="import-location" />
                </label>
              ) : null}
              {carriesStock.has(target) ? (
                <label className="field" title={t('imports.option.stockDateHint')}>
                  <span>{t('imports.option.stockDate')}</span>
                  <input
                    type="date"
                    value={session.options.stockDate ?? ''}
                    max={new Intl.DateTimeFormat('en-CA', { timeZone: settings.timeZone }).format(new Date())}
                    onChange={(e) => setOption('stockDate', e.target.value === '' ? undefined : e.target.value)}
                    data-testid="import-stock-date"
                  />
                </label>
              ) : null}
              {option === 'stocktakeId' ? (
                <label className="field">
                  <span>{t('imports.option.stocktakeId')}</span>
                  <IdSelect value={session.options.stocktakeId ?? null} onChange={(id) => setOption('stocktakeId', id ?? undefined)} options={stocktakes} label={(s) => `${s.number} · ${s.location}`} noneLabel="—" testId="import-stocktake" />
                </label>
              ) : null}
              {option === 'purchaseOrderId' ? (
                <label className="field">
                  <span>{t('imports.option.purchaseOrderId')}</span>
                  <IdSelect value={session.options.purchaseOrderId ?? null} onChange={(id) => setOption('purchaseOrderId', id ?? undefined)} options={orders} label={(o) => `${o.number} · ${o.supplier}`} noneLabel="—" testId="import-po" />
                </label>
              ) : null}
              <label className="checkbox">
                <input type="checkbox" checked={session.options.blankClears} onChange={(e) => setOption('blankClears', e.target.checked)} data-testid="import-blank-clears" />
                {t('imports.blankClears')}
              </label>
            </div>
            {session.fileIssues.length > 0 ? (
              <ul className="error-text" data-testid="import-file-issues">
                {session.fileIssues.map((issue, i) => (
                  <li key={i}>{issueText(t, issue, (field) => fieldLabel(t, locale, session.fields, field))}</li>
                ))}
              </ul>
            ) : null}
            {session.notices.length > 0 ? (
              <ul className="notice-list" data-testid="import-notices">
                {session.notices.map((notice, i) => (
                  <li key={i}>{noticeText(t, notice, (field) => fieldLabel(t, locale, session.fields, field))}</li>
                ))}
              </ul>
            ) : null}
          </div>

          <MappingTable session={session} onAssign={(assignments) => void update({ assignments })} />
          <PreviewTable session={session} version={version} />

          <div className="card" data-testid="import-apply">
            {job ? (
              <div className="field-row">
                <ProgressBar done={job.done} total={job.total} label={tKey(job.phase, 'jobs.phase.unknown')} />
                <button type="button" className="button" onClick={() => void call('jobs.cancel', { jobId: job.id })} data-testid="import-cancel">
                  {t('jobs.cancel')}
                </button>
              </div>
            ) : session.applied ? (
              <div className="field-row" data-testid="import-applied">
                <strong>{t('imports.applied', { written: formatNumber(session.applied.written, locale), skipped: formatNumber(session.applied.skipped, locale) })}</strong>
                {session.applied.changeSetId ? (
                  <>
                    <button type="button" className="button" onClick={() => void undo()} data-testid="import-undo">
                      {t('imports.undo')}
                    </button>
                    <a href={routeHref('history')}>{t('imports.inHistory')}</a>
                  </>
                ) : null}
              </div>
            ) : (
              <div className="button-row">
                <button type="button" className="button button-primary" disabled={busy || session.counts.error > 0 || session.counts.create + session.counts.update === 0} onClick={() => void apply('all')} data-testid="import-apply-all">
                  {t('imports.applyAll')}
                </button>
                <button type="button" className="button" disabled={busy || session.counts.error === 0 || session.counts.create + session.counts.update === 0} onClick={() => void apply('validOnly')} data-testid="import-apply-valid">
                  {t('imports.applyValid', { count: formatNumber(session.counts.create + session.counts.update, locale) })}
                </button>
                {session.counts.error > 0 ? (
                  <button type="button" className="button" onClick={() => call('imports.errorsFile', { sessionId: session.sessionId, format: 'xlsx' }).then(saveFile, failed)} data-testid="import-errors-file">
                    {t('imports.downloadErrors', { count: formatNumber(session.counts.error, locale) })}
                  </button>
                ) : null}
              </div>
            )}
          </div>
        </>
      ) : null}
    </div>
  );
}
