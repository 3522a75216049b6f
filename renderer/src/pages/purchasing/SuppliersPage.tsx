// Suppliers with their terms, and a new supplier form.
import { useState, type FormEvent, type ReactNode } from 'react';
import { call } from '../../api/client.js';
import { useShop } from '../../app/shop-context.js';
import { useToasts } from '../../components/toasts.js';
import { ExportMenu } from '../../components/ExportMenu.js';
import { useI18n } from '../../i18n/context.js';
import { formatNumber } from '../../i18n/format.js';
import { SupplierItems } from './SupplierItems.js';
import { useSuppliers } from './use-suppliers.js';

export function SuppliersPage(): ReactNode {
  const { t, locale } = useI18n();
  const { settings } = useShop();
  const { showError, showSuccess } = useToasts();
  const suppliers = useSuppliers();
  const [name, setName] = useState('');
  const [email, setEmail] = useState('');
  const [currency, setCurrency] = useState(settings.currency);
  const [lead, setLead] = useState('14');
  const [terms, setTerms] = useState('');
  const [openId, setOpenId] = useState<number | null>(null);
  const open = suppliers.find((s) => s.id === openId) ?? null;

  const create = async (event: FormEvent) => {
    event.preventDefault();
    try {
      await call('suppliers.create', { name, email: email || null, currency, leadTimeDays: Number(lead), paymentTerms: terms || null });
      setName('');
      setEmail('');
      showSuccess('supplier.created');
    } catch (error) {
      showError(error);
    }
  };

  return (
    <>
      <form className="card" onSubmit={create}>
        <h2>{t('supplier.new')}</h2>
        <div className="field-row">
          <label className="field grow">
            <span>{t('supplier.name')}</span>
            <input required value={name} onChange={(e) => setName(e.target.value)} />
          </label>
          <label className="field grow">
            <span>{t('supplier.email')}</span>
            <input type="email" value={email} onChange={(e) => setEmail(e.target.value)} />
          </label>
          <label className="field">
            <span>{t('fields.currency')}</span>
            <input value={currency} onChange={(e) => setCurrency(e.target.value.toUpperCase())} maxLength={3} />
          </label>
          <label className="field">
            <span>{t('supplier.leadTime')}</span>
            <input value={lead} onChange={(e) => setLead(e.target.value)} inputMode="numeric" />
          </label>
          <label className="field grow">
            <span>{t('supplier.terms')}</span>
            <input value={terms} onChange={(e) => setTerms(e.target.value)} placeholder={t('supplier.termsHint')} />
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
        <table className="table" data-testid="suppliers-table">
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
