// One product: a summary strip (stock, 30-day sales, days of cover) under the
// title, then tabs — variants (edited together as one change set), details with
// the listing-completeness score, and the 360 panels (stock, sales, suppliers).
// The tab is in the URL (#/products/12/sales), so Back returns to the last one.
import { useCallback, useEffect, useMemo, useState, type FormEvent, type ReactNode } from 'react';
import type { ProductDetail } from '../../../../src/catalog/edit-contract.js';
import type { MethodInput, MethodOutput } from '../../../../src/contract.js';
import { call } from '../../api/client.js';
import { routeHref, useRoute } from '../../app/route.js';
import { PanelSkeleton } from '../../components/Loading.js';
import { useShop } from '../../app/shop-context.js';
import { useCan } from '../../app/team-context.js';
import { useToasts } from '../../components/toasts.js';
import { useI18n } from '../../i18n/context.js';
import { currencyFractionDigits, formatMoney, majorToMinor, minorToMajor } from '../../i18n/format.js';
import { isLargePriceChange } from '../../../../src/shared/price-change.js';
import { useConfirm } from '../../components/confirm.js';
import { NumberField, useNumberInput } from '../../components/number-field.js';
import { cellRule, isNumberColumn } from './clipboard.js';
import { ProductInsights } from './insights/ProductInsights.js';
import { ProductSummary } from './insights/ProductSummary.js';
import { useProductInsights } from './insights/use-product-insights.js';
import { BundleEditor } from './BundleEditor.js';
import { StockRules } from './StockRules.js';

type Edits = MethodInput<'variants.bulkUpdate'>['edits'];
type Field = Edits[number]['field'];
const moneyFields: readonly Field[] = ['price', 'compareAtPrice', 'cost'];
const variantFields: readonly Field[] = ['sku', 'barcode', 'price', 'compareAtPrice', 'cost', 'weightGrams', 'status'];
/** The product page's tabs, the first one the default. */
const tabs = ['variants', 'details', 'stock', 'sales', 'suppliers'] as const;
type Tab = (typeof tabs)[number];

export function ProductPage({ productId }: { productId: number }): ReactNode {
  const { t, locale } = useI18n();
  const { settings } = useShop();
  const { showError, showSuccess } = useToasts();
  const [product, setProduct] = useState<ProductDetail | null>(null);
  const [draft, setDraft] = useState<Record<string, string>>({});
  const [details, setDetails] = useState({ title: '', brand: '', description: '', images: '', tags: '', categoryId: null as number | null, status: 'active' as ProductDetail['status'] });
  const [categories, setCategories] = useState<MethodOutput<'categories.list'>['categories']>([]);
  useEffect(() => {
    call('categories.list', {}).then((answer) => setCategories(answer.categories), showError);
  }, [showError]);
  const [saving, setSaving] = useState(false);
  const numbers = useNumberInput();
  const confirm = useConfirm();
  // After a refused Save, every number cell shows its problem.
  const [tried, setTried] = useState(false);
  const route = useRoute();
  const tab: Tab = tabs.find((name) => name === route.rest[1]) ?? 'variants';
  const insights = useProductInsights(productId);
  // Without costs.view the core sends no cost and refuses one: the Cost column is left out.
  const seesCosts = useCan()('costs.view');
  const shownFields = seesCosts ? variantFields : variantFields.filter((field) => field !== 'cost');

  const show = useCallback((next: ProductDetail) => {
    setProduct(next);
    setDetails({
      title: next.title,
      brand: next.brand ?? '',
      description: next.description,
      images: next.images.map((i) => i.path).join('\n'),
      tags: next.tags.join(', '),
      categoryId: next.categoryId,
      status: next.status,
    });
    setDraft({});
  }, []);
  const load = useCallback(() => call('products.get', { productId }).then(show, showError), [productId, show, showError]);
  useEffect(() => void load(), [load]);

  // Stable identity so the rules card reloads only when the variants change.
  const variantIds = useMemo(() => product?.variants.map((v) => v.id) ?? [], [product]);
  if (!product)
    return (
      <div className="page" data-testid="product-page-loading">
        <PanelSkeleton lines={8} />
      </div>
    );

  const shown = (variantId: number, field: Field, value: string | number | null): string => {
    const key = `${variantId}.${field}`;
    if (key in draft) return draft[key] ?? '';
    if (value === null) return '';
    if (moneyFields.includes(field) && typeof value === 'number') return numbers.write(minorToMajor(value, settings.currency), currencyFractionDigits(settings.currency));
    return typeof value === 'number' ? numbers.write(value) : String(value);
  };
  /** The drafted variant cells as edits; null when a number cell is not taken (it says why). */
  type PlannedEdit = Edits[number] & { sku: string; before: string | number | null };
  const edits = (): PlannedEdit[] | null => {
    const out: PlannedEdit[] = [];
    for (const [key, text] of Object.entries(draft)) {
      const [id, field] = key.split('.') as [string, Field];
      const variant = product.variants.find((v) => v.id === Number(id));
      if (!variant) continue;
      let value: string | number | null = text.trim() === '' ? null : text.trim();
      if (isNumberColumn(field)) {
        const check = numbers.check(text, cellRule(field, settings.currency));
        if (!check.ok) return null;
        value = check.value === null ? null : field === 'weightGrams' ? check.value : majorToMinor(check.value, settings.currency);
      }
      out.push({ variantId: variant.id, field, value, sku: variant.sku, before: variant[field] });
    }
    return out;
  };
  /** Old and new values of large price and cost changes, asked about before saving. */
  const confirmLarge = async (planned: PlannedEdit[]): Promise<boolean> => {
    const large = planned.filter(
      (e) => moneyFields.includes(e.field) && isLargePriceChange(typeof e.before === 'number' ? e.before : null, typeof e.value === 'number' ? e.value : null, settings.priceChangeConfirmPercent),
    );
    if (large.length === 0) return true;
    const money = (value: string | number | null) => (typeof value === 'number' ? formatMoney(value, settings.currency, locale) : '—');
    return confirm({
      title: t('numbers.large.title'),
      lines: [t(large.length === 1 ? 'numbers.large.lineOne' : 'numbers.large.lineMany', { count: large.length, percent: settings.priceChangeConfirmPercent })],
      changes: large.map((e) => ({ label: t('numbers.cell', { sku: e.sku, column: t(`columns.${e.field}`) }), before: money(e.before), after: money(e.value) })),
      confirmLabel: t('numbers.large.confirm'),
    });
  };

  const save = async (event: FormEvent) => {
    event.preventDefault();
    const variantEdits = edits();
    if (variantEdits === null) {
      setTried(true);
      // The refused cells are on the Variants tab: show them.
      if (tab !== 'variants') location.hash = routeHref('products', productId);
      return;
    }
    if (!(await confirmLarge(variantEdits))) return;
    setSaving(true);
    try {
      const changes: MethodInput<'products.update'>['changes'] = {};
      if (details.title !== product.title) changes.title = details.title;
      if (details.brand !== (product.brand ?? '')) changes.brand = details.brand.trim() || null;
      if (details.description !== product.description) changes.description = details.description;
      if (details.status !== product.status) changes.status = details.status;
      if (details.categoryId !== product.categoryId) changes.categoryId = details.categoryId;
      const tags = [...new Set(details.tags.split(/[,，]/).map((tag) => tag.trim()).filter(Boolean))];
      if (tags.join(',') !== product.tags.join(',')) changes.tags = tags;
      const images = details.images.split('\n').map((line) => line.trim()).filter(Boolean);
      if (images.join('\n') !== product.images.map((i) => i.path).join('\n')) changes.images = images;
      if (Object.keys(changes).length > 0) await call('products.update', { productId, changes });
      if (variantEdits.length > 0) await call('variants.bulkUpdate', { edits: variantEdits.map(({ variantId, field, value }) => ({ variantId, field, value })) });
      await load();
      setTried(false);
      showSuccess('products.saved');
    } catch (error) {
      showError(error);
    } finally {
      setSaving(false);
    }
  };

  const { completeness } = product;
  return (
    <div className="page" data-testid="product-page">
      <div className="page-header">
        <a href={routeHref('products')} className="button button-small">
          ← {t('common.back')}
        </a>
        <h1 data-testid="product-title">{product.title}</h1>
        <span className={`status status-${product.status}`}>{t(`status.${product.status}`)}</span>
        <span className="pill" data-testid="completeness" title={completeness.missing.length ? t('product.missing', { items: completeness.missing.map((m) => t(`product.item.${m}`)).join(', ') }) : t('product.complete')}>
          {t('product.completeness', { score: completeness.score })}
        </span>
      </div>
      <ProductSummary load={insights} />
      <nav className="tabs page-tabs" aria-label={t('pages.product.tabs')}>
        {tabs.map((name) => (
          <a
            key={name}
            href={name === 'variants' ? routeHref('products', productId) : routeHref('products', productId, name)}
            className={name === tab ? 'tab active' : 'tab'}
            aria-current={name === tab ? 'page' : undefined}
            data-testid={`product-tab-${name}`}
          >
            {t(`pages.product.tab.${name}`)}
          </a>
        ))}
      </nav>
      {completeness.missing.length > 0 && tab === 'details' ? (
        <p className="note">{t('product.missing', { items: completeness.missing.map((m) => t(`product.item.${m}`)).join(', ') })}</p>
      ) : null}
      {/* Both form tabs stay mounted (hidden), so unsaved edits in one survive a look at the other. */}
      <form onSubmit={save} className="page" hidden={tab !== 'details' && tab !== 'variants'}>
        <div className="card form-grid" hidden={tab !== 'details'}>
          <label className="field">
            <span>{t('newProduct.productTitle')}</span>
            <input value={details.title} onChange={(e) => setDetails({ ...details, title: e.target.value })} />
          </label>
          <label className="field">
            <span>{t('newProduct.brand')}</span>
            <input value={details.brand} onChange={(e) => setDetails({ ...details, brand: e.target.value })} />
          </label>
          <label className="field">
            <span>{t('product.status')}</span>
            <select value={details.status} onChange={(e) => setDetails({ ...details, status: e.target.value as ProductDetail['status'] })}>
              {(['active', 'draft', 'archived'] as const).map((s) => (
                <option key={s} value={s}>
                  {t(`status.${s}`)}
                </option>
              ))}
            </select>
          </label>
          <label className="field">
            <span>{t('newProduct.category')}</span>
            <select value={details.categoryId ?? ''} onChange={(e) => setDetails({ ...details, categoryId: e.target.value ? Number(e.target.value) : null })}>
              <option value="">{t('bulk.noCategory')}</option>
              {categories.map((c) => (
                <option key={c.id} value={c.id}>
                  {c.path}
                </option>
              ))}
            </select>
          </label>
          <label className="field span-2">
            <span>{t('product.tags')}</span>
            <input value={details.tags} placeholder={t('product.tagsHint')} onChange={(e) => setDetails({ ...details, tags: e.target.value })} />
          </label>
          <label className="field span-2">
            <span>{t('newProduct.description')}</span>
            <textarea rows={3} value={details.description} onChange={(e) => setDetails({ ...details, description: e.target.value })} />
          </label>
          <label className="field span-2">
            <span>{t('product.images')}</span>
            <textarea rows={2} value={details.images} placeholder={t('product.imagesHint')} onChange={(e) => setDetails({ ...details, images: e.target.value })} />
          </label>
        </div>
        <div className="card" hidden={tab !== 'variants'}>
          <h2>{t('product.variants')}</h2>
          <table className="table table-edit" data-testid="variants-table">
            <thead>
              <tr>
                <th>{t('columns.variantTitle')}</th>
                {shownFields.map((field) => (
                  <th key={field}>{t(`columns.${field}`)}</th>
                ))}
                <th className="num">{t('columns.onHand')}</th>
              </tr>
            </thead>
            <tbody>
              {product.variants.map((v) => (
                <tr key={v.id}>
                  <td>{v.options.join(' / ') || '—'}</td>
                  {shownFields.map((field) => (
                    <td key={field}>
                      {field === 'status' ? (
                        <select value={shown(v.id, field, v.status)} onChange={(e) => setDraft({ ...draft, [`${v.id}.${field}`]: e.target.value })}>
                          {(['active', 'draft', 'archived'] as const).map((s) => (
                            <option key={s} value={s}>
                              {t(`status.${s}`)}
                            </option>
                          ))}
                        </select>
                      ) : isNumberColumn(field) ? (
                        <NumberField
                          aria-label={`${v.sku} ${t(`columns.${field}`)}`}
                          value={shown(v.id, field, v[field])}
                          rule={cellRule(field, settings.currency)}
                          showProblem={tried}
                          onChange={(text) => setDraft({ ...draft, [`${v.id}.${field}`]: text })}
                        />
                      ) : (
                        <input
                          aria-label={`${v.sku} ${t(`columns.${field}`)}`}
                          value={shown(v.id, field, v[field])}
                          onChange={(e) => setDraft({ ...draft, [`${v.id}.${field}`]: e.target.value })}
                        />
                      )}
                    </td>
                  ))}
                  <td className="num">{v.onHand}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
        <div className="form-actions">
          <button type="submit" className="button button-primary" disabled={saving} data-testid="product-save">
            {saving ? t('common.saving') : t('common.save')}
          </button>
        </div>
      </form>
      {tab === 'variants' && product.variants.length === 1 && product.variants[0] ? <BundleEditor variantId={product.variants[0].id} /> : null}
      {tab === 'stock' || tab === 'sales' || tab === 'suppliers' ? <ProductInsights productId={productId} tab={tab} load={insights} /> : null}
      {/* Below what the stock is: when it counts as low, and its safety stock. */}
      {tab === 'stock' ? <StockRules variantIds={variantIds} /> : null}
    </div>
  );
}
