// One product: its details, its variants (edited together as one change set),
// the listing-completeness score, and the 360 panels below.
import { useCallback, useEffect, useMemo, useState, type FormEvent, type ReactNode } from 'react';
import type { ProductDetail } from '../../../../src/catalog/edit-contract.js';
import type { MethodInput, MethodOutput } from '../../../../src/contract.js';
import { call } from '../../api/client.js';
import { routeHref } from '../../app/route.js';
import { useShop } from '../../app/shop-context.js';
import { useToasts } from '../../components/toasts.js';
import { useI18n } from '../../i18n/context.js';
import { majorToMinor, minorToMajor } from '../../i18n/format.js';
import { ProductInsights } from './insights/ProductInsights.js';
import { BundleEditor } from './BundleEditor.js';
import { StockRules } from './StockRules.js';

type Edits = MethodInput<'variants.bulkUpdate'>['edits'];
type Field = Edits[number]['field'];
const moneyFields: readonly Field[] = ['price', 'compareAtPrice', 'cost'];
const variantFields: readonly Field[] = ['sku', 'barcode', 'price', 'compareAtPrice', 'cost', 'weightGrams', 'status'];

export function ProductPage({ productId }: { productId: number }): ReactNode {
  const { t } = useI18n();
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
  if (!product) return <p className="muted">{t('common.loading')}</p>;

  const shown = (variantId: number, field: Field, value: string | number | null): string => {
    const key = `${variantId}.${field}`;
    if (key in draft) return draft[key] ?? '';
    if (value === null) return '';
    return moneyFields.includes(field) && typeof value === 'number' ? String(minorToMajor(value, settings.currency)) : String(value);
  };
  const edits = (): Edits =>
    Object.entries(draft).map(([key, text]) => {
      const [id, field] = key.split('.') as [string, Field];
      const trimmed = text.trim();
      const value = trimmed === '' ? null : moneyFields.includes(field) ? majorToMinor(Number(trimmed.replace(',', '.')), settings.currency) : field === 'weightGrams' ? Number(trimmed) : trimmed;
      return { variantId: Number(id), field, value };
    });

  const save = async (event: FormEvent) => {
    event.preventDefault();
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
      const variantEdits = edits();
      if (variantEdits.length > 0) await call('variants.bulkUpdate', { edits: variantEdits });
      await load();
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
      {completeness.missing.length > 0 ? (
        <p className="note">{t('product.missing', { items: completeness.missing.map((m) => t(`product.item.${m}`)).join(', ') })}</p>
      ) : null}
      <form onSubmit={save} className="page">
        <div className="card form-grid">
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
        <div className="card">
          <h2>{t('product.variants')}</h2>
          <table className="table table-edit" data-testid="variants-table">
            <thead>
              <tr>
                <th>{t('columns.variantTitle')}</th>
                {variantFields.map((field) => (
                  <th key={field}>{t(`columns.${field}`)}</th>
                ))}
                <th className="num">{t('columns.onHand')}</th>
              </tr>
            </thead>
            <tbody>
              {product.variants.map((v) => (
                <tr key={v.id}>
                  <td>{v.options.join(' / ') || '—'}</td>
                  {variantFields.map((field) => (
                    <td key={field}>
                      {field === 'status' ? (
                        <select value={shown(v.id, field, v.status)} onChange={(e) => setDraft({ ...draft, [`${v.id}.${field}`]: e.target.value })}>
                          {(['active', 'draft', 'archived'] as const).map((s) => (
                            <option key={s} value={s}>
                              {t(`status.${s}`)}
                            </option>
                          ))}
                        </select>
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
      <StockRules variantIds={variantIds} />
      {product.variants.length === 1 && product.variants[0] ? <BundleEditor variantId={product.variants[0].id} /> : null}
      <ProductInsights productId={productId} />
    </div>
  );
}
