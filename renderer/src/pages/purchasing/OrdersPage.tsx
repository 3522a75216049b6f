// Purchase orders: the list (open ones first by default) and a new draft order.
import { useEffect, useState, type FormEvent, type ReactNode } from 'react';
import type { MethodOutput } from '../../../../src/contract.js';
import type { PoStatus } from '../../../../src/purchasing/contract.js';
import { call } from '../../api/client.js';
import { navigate, routeHref } from '../../app/route.js';
import { useShop } from '../../app/shop-context.js';
import { useCan } from '../../app/team-context.js';
import { useToasts } from '../../components/toasts.js';
import { useI18n } from '../../i18n/context.js';
import { formatDateTime, formatMoney, formatNumber } from '../../i18n/format.js';
import { Pager } from '../../components/Pager.js';
import { EmptyState } from '../../components/EmptyState.js';
import { PanelSkeleton } from '../../components/Loading.js';
import { emptyLine, LinesEditor, useSendLines, type LineDraft } from '../stock/LinesEditor.js';
import { useFieldIssues } from '../../components/field-issues.js';
import { useLocations } from '../stock/use-locations.js';
import { useSuppliers } from './use-suppliers.js';
import { IdSelect } from '../../components/IdSelect.js';
import { ExportMenu } from '../../components/ExportMenu.js';

const pageSize = 50;

export function OrdersPage(): ReactNode {
  const { t, locale } = useI18n();
  const { settings } = useShop();
  // Unit costs and totals are blanked by the core without costs.view: not shown then.
  const seesCosts = useCan()('costs.view');
  const { showError } = useToasts();
  const suppliers = useSuppliers();
  const locations = useLocations();
  const [openOnly, setOpenOnly] = useState(true);
  const [offset, setOffset] = useState(0);
  const [list, setList] = useState<MethodOutput<'purchaseOrders.list'> | null>(null);
  const [supplierId, setSupplierId] = useState(0);
  const [locationId, setLocationId] = useState(0);
  const [lines, setLines] = useState<LineDraft[]>([emptyLine()]);
  const [creating, setCreating] = useState(false);
  const sendLines = useSendLines();
  const issues = useFieldIssues();

  useEffect(() => {
    call('purchaseOrders.list', { open: openOnly, offset, limit: pageSize }).then(setList, showError);
  }, [openOnly, offset, showError]);
  useEffect(() => {
    if (!supplierId && suppliers[0]) setSupplierId(suppliers[0].id);
    if (!locationId && locations[0]) setLocationId(locations[0].id);
  }, [suppliers, locations, supplierId, locationId]);

  const create = async (event: FormEvent) => {
    event.preventDefault();
    try {
      const po = await sendLines(lines, (resolved) => call('purchaseOrders.create', { supplierId, locationId, lines: resolved }));
      issues.clear();
      navigate('purchasing', 'orders', po.id);
    } catch (error) {
      showError(issues.take(error));
    }
  };

  return (
    <>
      <div className="filters">
        <label className="check">
          <input type="checkbox" checked={openOnly} onChange={(e) => (setOpenOnly(e.target.checked), setOffset(0))} /> {t('po.openOnly')}
        </label>
        <div className="page-actions">
          <ExportMenu
            source="purchaseOrders.list"
            query={{ open: openOnly }}
            columns={[
              { field: 'number', header: t('transfer.number'), kind: 'text' },
              { field: 'supplier', header: t('field.supplierId'), kind: 'text' },
              { field: 'status', header: t('transfer.status'), kind: 'text' },
              { field: 'expectedAt', header: t('po.expected'), kind: 'date' },
              { field: 'receivedUnits', header: t('exports.received'), kind: 'number' },
              { field: 'orderedUnits', header: t('po.ordered'), kind: 'number' },
              ...(seesCosts ? [{ field: 'total', header: t('po.total'), kind: 'money' as const }] : []),
              { field: 'currency', header: t('fields.currency'), kind: 'text' },
            ]}
            fileName={t('exports.file.purchaseOrders')}
          />
          <button type="button" className="button button-small button-primary" onClick={() => setCreating((v) => !v)} data-testid="po-new">
            {t('po.new')}
          </button>
        </div>
      </div>
      {creating ? (
        <form className="card" onSubmit={create} data-testid="po-form">
          <h2>{t('po.new')}</h2>
          <div className="field-row">
            <label className="field">
              <span>{t('field.supplierId')}</span>
              <IdSelect value={supplierId} onChange={(id) => setSupplierId(id ?? 0)} options={suppliers} label={(o) => o.name} testId="po-supplier" />
            </label>
            <label className="field">
              <span>{t('po.deliverTo')}</span>
              <IdSelect value={locationId} onChange={(id) => setLocationId(id ?? 0)} options={locations} label={(o) => o.name} />
            </label>
          </div>
          <p className="muted small">{t('po.costHint')}</p>
          <LinesEditor lines={lines} onChange={setLines} testId="po-lines" issues={issues} />
          <div className="form-actions">
            <button type="submit" className="button button-primary" data-testid="po-create">
              {t('po.createDraft')}
            </button>
          </div>
        </form>
      ) : null}
      <div className="card">
        {list === null ? <PanelSkeleton lines={4} /> : null}
        {list?.total === 0 ? (
          <EmptyState
            title={t(openOnly ? 'pages.empty.openOrders' : 'pages.empty.orders')}
            hint={t(openOnly ? 'pages.empty.openOrdersHint' : 'pages.empty.ordersHint')}
            action={{ label: t('po.new'), onClick: () => setCreating(true), testId: 'po-empty-new' }}
            testId="po-empty"
          />
        ) : null}
        <Pager offset={offset} total={list?.total ?? 0} size={pageSize} onChange={setOffset} placement="top" />
        <table className="table" data-testid="po-table" hidden={!list || list.total === 0}>
          <thead>
            <tr>
              <th>{t('transfer.number')}</th>
              <th>{t('field.supplierId')}</th>
              <th>{t('transfer.status')}</th>
              <th>{t('po.expected')}</th>
              <th className="num">{t('po.units')}</th>
              {seesCosts ? <th className="num">{t('po.total')}</th> : null}
            </tr>
          </thead>
          <tbody>
            {(list?.rows ?? []).map((po) => (
              <tr key={po.id}>
                <td>
                  <a href={routeHref('purchasing', 'orders', po.id)}>{po.number}</a>
                </td>
                <td>{po.supplier}</td>
                <td>
                  <PoStatusBadge status={po.status} />
                  {po.overdue ? <span className="pill overdue">{t('po.overdue')}</span> : null}
                </td>
                <td>{po.expectedAt ? formatDateTime(po.expectedAt, locale, settings.timeZone) : '—'}</td>
                <td className="num">
                  {formatNumber(po.receivedUnits, locale)} / {formatNumber(po.orderedUnits, locale)}
                </td>
                {seesCosts ? <td className="num">{formatMoney(po.total, po.currency, locale)}</td> : null}
              </tr>
            ))}
          </tbody>
        </table>
        <Pager offset={offset} total={list?.total ?? 0} size={pageSize} onChange={setOffset} />
      </div>
    </>
  );
}

export function PoStatusBadge({ status }: { status: PoStatus }): ReactNode {
  const { t } = useI18n();
  return (
    <span className={`status status-${status}`} data-testid="po-status">
      {t(`po.state.${status}`)}
    </span>
  );
}
