// Suppliers with their terms, and a new supplier form. A refused form marks
// the field the core named (a taken name, a currency it does not know) and says
// why beside it; the lead time is read as a typed number.
import { useState, type FormEvent, type ReactNode } from 'react';
import { call } from '../../api/client.js';
import { useShop } from '../../app/shop-context.js';
import { useToasts } from '../../components/toasts.js';
import { useFieldIssues } from '../../components/field-issues.js';
import { FieldProblem } from '../../components/FieldProblem.js';
import { NumberField, useNumberInput, type NumberRule } from '../../components/number-field.js';
import { EmptyState } from '../../components/EmptyState.js';
import { PanelSkeleton } from '../../components/Loading.js';
import { routeHref } from '../../app/route.js';
import { ExportMenu } from '../../components/ExportMenu.js';
import { useI18n } from '../../i18n/context.js';
import { formatNumber } from '../../i18n/format.js';
import { SupplierItems } from './SupplierItems.js';
import { useSuppliersLoad } from './use-suppliers.js';

const leadTimeRule: NumberRule = { required: true, integer: true, min: 0, max: 365 };

export function SuppliersPage(): ReactNode {
  const { t, locale } = useI18n();
  const { settings } = useShop();
  const { showError, showSuccess } = useToasts();
  const { suppliers, loaded } = useSuppliersLoad();
  const [name, setName] = useState('');
  const [email, setEmail] = useState('');
  const [currency, setCurrency] = useState(settings.currency);
  const [lead, setLead] = useState('14');
  const [terms, setTerms] = useState('');
  const [checkLead, setCheckLead] = useState(false);
  const issues = useFieldIssues();
  const numbers = useNumberInput();
  const [openId, setOpenId] = useState<number | null>(null);
  const open = suppliers.find((s) => s.id === openId) ?? null;

  const create = async (event: FormEvent) => {
    event.preventDefault();
    const leadTime = numbers.check(lead, leadTimeRule);
    if (!leadTime.ok || leadTime.value === null) {
      setCheckLead(true);
      return;
    }
    try {
      await call('suppliers.create', { name, email: email || null, currency, leadTimeDays: leadTime.value, paymentTerms: terms || null });
      issues.clear();
      setName('');
      setEmail('');
      showSuccess('supplier.created');
    } catch (error) {
      showError(issues.take(error));
    }
  };

  return (
    <>
      <form className="card" onSubmit={create} data-testid="supplier-form">
        <h2>{t('supplier.new')}</h2>
        <div className="field-row">
          <label className="field grow">
            <span>{t('supplier.name')}</span>
            <input required value={name} onChange={(e) => setName(e.target.value)} {...issues.fieldProps('name')} data-testid="supplier-name" />
            <FieldProblem text={issues.issueFor('name')} />
          </label>
          <label className="field grow">
            <span>{t('supplier.email')}</span>
            <input type="email" value={email} onChange={(e) => setEmail(e.target.value)} {...issues.fieldProps('email')} />
            <FieldProblem text={issues.issueFor('email')} />
          </label>
          <label className="field">
            <span>{t('fields.currency')}</span>
            <input value={currency} onChange={(e) => setCurrency(e.target.value.toUpperCase())} maxLength={3} {...issues.fieldProps('currency')} />
            <FieldProblem text={issues.issueFor('currency')} />
          </label>
          <label className="field">
            <span>{t('supplier.leadTime')}</span>
            <NumberField value={lead} onChange={setLead} rule={leadTimeRule} showProblem={checkLead} {...issues.fieldProps('leadTimeDays')} />
            <FieldProblem text={issues.issueFor('leadTimeDays')} />
          </label>
          <label className="field grow">
            <span>{t('supplier.terms')}</span>
            <input value={terms} onChange={(e) => setTerms(e.target.value)} placeholder={t('supplier.termsHint')} {...issues.fieldProps('paymentTerms')} />
            <FieldProblem text={issues.issueFor('paymentTerms')} />
          </label>
        </div>
        <div className="form-actions">
          <button type="submit" className="button button-primary">
            {t('common.add')}
          </button>
        </div>
      </form>
      <div className="card">
        <div className="page-actions">
          <ExportMenu
            source="suppliers.list"
            query={{}}
            columns={[
              { field: 'name', header: t('supplier.name'), kind: 'text' },
              { field: 'contactName', header: t('supplier.contact'), kind: 'text' },
              { field: 'email', header: t('supplier.email'), kind: 'text' },
              { field: 'phone', header: t('exports.phone'), kind: 'text' },
              { field: 'currency', header: t('fields.currency'), kind: 'text' },
              { field: 'leadTimeDays', header: t('supplier.leadTime'), kind: 'number' },
              { field: 'paymentTerms', header: t('supplier.terms'), kind: 'text' },
              { field: 'items', header: t('supplier.items'), kind: 'number' },
              { field: 'openOrders', header: t('supplier.openOrders'), kind: 'number' },
            ]}
            fileName={t('exports.file.suppliers')}
          />
        </div>
        {loaded ? null : <PanelSkeleton lines={4} />}
        {loaded && suppliers.length === 0 ? (
          <EmptyState
            title={t('pages.empty.suppliers')}
            hint={t('pages.empty.suppliersHint')}
            action={{ label: t('pages.empty.importSuppliers'), href: routeHref('imports') }}
            testId="suppliers-empty"
          />
        ) : null}
        <table className="table" data-testid="suppliers-table" hidden={!loaded || suppliers.length === 0}>
          <thead>
            <tr>
              <th>{t('supplier.name')}</th>
              <th>{t('supplier.contact')}</th>
              <th>{t('fields.currency')}</th>
              <th className="num">{t('supplier.leadTime')}</th>
              <th>{t('supplier.terms')}</th>
              <th className="num">{t('supplier.items')}</th>
              <th className="num">{t('supplier.openOrders')}</th>
            </tr>
          </thead>
          <tbody>
            {suppliers.map((s) => (
              <tr key={s.id}>
                <td>
                  <button type="button" className="link" onClick={() => setOpenId(s.id === openId ? null : s.id)}>
                    {s.name}
                  </button>
                </td>
                <td>{[s.contactName, s.email, s.phone].filter(Boolean).join(' · ')}</td>
                <td>{s.currency}</td>
                <td className="num">{t('insights.days', { n: s.leadTimeDays })}</td>
                <td>{s.paymentTerms ?? ''}</td>
                <td className="num">{formatNumber(s.items, locale)}</td>
                <td className="num">{formatNumber(s.openOrders, locale)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      {open ? <SupplierItems key={open.id} supplier={open} /> : null}
    </>
  );
}

