// A new product with up to three options: the variant matrix (colours × sizes)
// is shown before saving; the core generates the SKUs from the prefix.
import { useEffect, useState, type FormEvent, type ReactNode } from 'react';
import type { MethodOutput } from '../../../../src/contract.js';
import { call } from '../../api/client.js';
import { navigate, routeHref } from '../../app/route.js';
import { useShop } from '../../app/shop-context.js';
import { useCan } from '../../app/team-context.js';
import { useToasts } from '../../components/toasts.js';
import { useI18n } from '../../i18n/context.js';
import { majorToMinor } from '../../i18n/format.js';
import { IdSelect } from '../../components/IdSelect.js';
import { moneyRule, NumberField, useNumberInput } from '../../components/number-field.js';
import { toVisibleRows, useFieldIssues, type SentRow } from '../../components/field-issues.js';
import { FieldProblem } from '../../components/FieldProblem.js';

interface OptionDraft {
  name: string;
  values: string;
}

const splitValues = (text: string) => [...new Set(text.split(/[,，]/).map((v) => v.trim()).filter(Boolean))];

export function combinations(lists: readonly string[][]): string[][] {
  return lists.reduce<string[][]>((acc, values) => acc.flatMap((combo) => values.map((value) => [...combo, value])), [[]]);
}

export function NewProductPage(): ReactNode {
  const { t } = useI18n();
  const { settings } = useShop();
  const { showError } = useToasts();
  const [title, setTitle] = useState('');
  const [brand, setBrand] = useState('');
  const [description, setDescription] = useState('');
  const [categoryId, setCategoryId] = useState<number | null>(null);
  const [skuPrefix, setSkuPrefix] = useState('');
  const [price, setPrice] = useState('');
  const [cost, setCost] = useState('');
  const [options, setOptions] = useState<OptionDraft[]>([{ name: '', values: '' }]);
  const [categories, setCategories] = useState<MethodOutput<'categories.list'>['categories']>([]);
  const [saving, setSaving] = useState(false);
  const [newCategory, setNewCategory] = useState('');
  const numbers = useNumberInput();
  const money = moneyRule(settings.currency);
  // After a refused Create, every number field shows its problem (not only the ones left).
  const [tried, setTried] = useState(false);
  const issues = useFieldIssues();
  // A person without costs.view neither sees nor sends a cost (the core refuses one from them).
  const seesCosts = useCan()('costs.view');

  // A new category goes under the one selected (none: top level), and becomes the selection.
  const addCategory = async () => {
    try {
      const created = await call('categories.create', { name: newCategory.trim(), parentId: categoryId });
      setCategories((await call('categories.list', {})).categories);
      setCategoryId(created.id);
      setNewCategory('');
    } catch (error) {
      showError(error);
    }
  };

  useEffect(() => {
    call('categories.list', {}).then((answer) => setCategories(answer.categories), showError);
  }, [showError]);

  const usedOptions = options.map((o) => ({ name: o.name.trim(), values: splitValues(o.values) })).filter((o) => o.name && o.values.length);
  const matrix = combinations(usedOptions.map((o) => o.values));
  // Options left blank are not sent: the core's options.1 may be the third row here.
  const usedRows: SentRow[] = options.flatMap((o, index) => (o.name.trim() && splitValues(o.values).length ? [{ index }] : []));

  const setOption = (index: number, change: Partial<OptionDraft>) => setOptions((list) => list.map((o, i) => (i === index ? { ...o, ...change } : o)));

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const priceCheck = numbers.check(price, money);
    const costCheck = numbers.check(cost, money);
    if (!priceCheck.ok || !costCheck.ok) {
      setTried(true);
      return;
    }
    const minor = (value: number | null) => (value === null ? null : majorToMinor(value, settings.currency));
    setSaving(true);
    try {
      const created = await call('products.create', {
        title,
        brand: brand.trim() || null,
        description,
        categoryId,
        skuPrefix: skuPrefix.trim() || undefined,
        price: minor(priceCheck.value) ?? 0,
        ...(seesCosts ? { cost: minor(costCheck.value) } : {}),
        options: usedOptions,
      });
      navigate('products', created.id);
    } catch (error) {
      showError(issues.take(toVisibleRows(error, usedRows, 'options')));
    } finally {
      setSaving(false);
    }
  };

  return (
    <form className="page" onSubmit={submit} data-testid="new-product-form">
      <div className="page-header">
        <a href={routeHref('products')} className="button button-small">
          ← {t('common.back')}
        </a>
        <h1>{t('newProduct.title')}</h1>
      </div>
      <div className="card form-grid">
        <label className="field">
          <span>{t('newProduct.productTitle')}</span>
          <input required value={title} onChange={(e) => setTitle(e.target.value)} data-testid="np-title" {...issues.fieldProps('title', 'handle')} />
          <FieldProblem text={issues.issueFor('title', 'handle')} />
        </label>
        <label className="field">
          <span>{t('newProduct.brand')}</span>
          <input value={brand} onChange={(e) => setBrand(e.target.value)} />
        </label>
        <label className="field">
          <span>{t('newProduct.category')}</span>
          <IdSelect value={categoryId} onChange={setCategoryId} options={categories} label={(o) => o.path} noneLabel={t('bulk.noCategory')} />
        </label>
        <label className="field">
          <span>{t('newProduct.newCategory')}</span>
          <span className="field-row">
            <input value={newCategory} onChange={(e) => setNewCategory(e.target.value)} placeholder={t('newProduct.newCategoryHint')} />
            <button type="button" className="button button-small" disabled={!newCategory.trim()} onClick={() => void addCategory()}>
              {t('common.add')}
            </button>
          </span>
        </label>
        <label className="field">
          <span>{t('newProduct.skuPrefix')}</span>
          <input value={skuPrefix} onChange={(e) => setSkuPrefix(e.target.value)} data-testid="np-sku-prefix" {...issues.fieldProps('skuPrefix', 'variants.*.sku')} />
          <FieldProblem text={issues.issueFor('skuPrefix', 'variants.*.sku')} testId="np-sku-problem" />
        </label>
        <label className="field">
          <span>{t('newProduct.price', { currency: settings.currency })}</span>
          <NumberField
            value={price}
            onChange={setPrice}
            rule={money}
            showProblem={tried}
            data-testid="np-price"
            {...issues.fieldProps('price', 'variants.*.price')}
          />
          <FieldProblem text={issues.issueFor('price', 'variants.*.price')} />
        </label>
        <label className="field" hidden={!seesCosts}>
          <span>{t('newProduct.cost', { currency: settings.currency })}</span>
          <NumberField
            value={cost}
            onChange={setCost}
            rule={money}
            showProblem={tried}
            data-testid="np-cost"
            {...issues.fieldProps('cost', 'variants.*.cost')}
          />
          <FieldProblem text={issues.issueFor('cost', 'variants.*.cost')} />
        </label>
        <label className="field span-2">
          <span>{t('newProduct.description')}</span>
          <textarea rows={3} value={description} onChange={(e) => setDescription(e.target.value)} />
        </label>
      </div>
      <div className="card">
        <h2>{t('newProduct.options')}</h2>
        {options.map((option, index) => (
          <div className="field-row" key={index}>
            <input
              aria-label={t('newProduct.optionName')}
              placeholder={t('newProduct.optionName')}
              value={option.name}
              onChange={(e) => setOption(index, { name: e.target.value })}
              data-testid={`np-option-name-${index}`}
              {...issues.fieldProps(`options.${index}.name`)}
            />
            <input
              className="grow"
              aria-label={t('newProduct.optionValues')}
              placeholder={t('newProduct.optionValues')}
              value={option.values}
              onChange={(e) => setOption(index, { values: e.target.value })}
              data-testid={`np-option-values-${index}`}
              {...issues.fieldProps(`options.${index}.values`)}
            />
            <button type="button" className="button button-small" onClick={() => (issues.clear(), setOptions((list) => list.filter((_, i) => i !== index)))}>
              {t('common.remove')}
            </button>
          </div>
        ))}
        {options.length < 3 ? (
          <button type="button" className="button button-small" onClick={() => setOptions((list) => [...list, { name: '', values: '' }])} data-testid="np-add-option">
            {t('newProduct.addOption')}
          </button>
        ) : null}
        <p className="muted" data-testid="np-matrix-count">
          {t('newProduct.matrix', { count: matrix.length })}
        </p>
        {usedOptions.length > 0 ? (
          <table className="table" data-testid="np-matrix">
            <thead>
              <tr>
                {usedOptions.map((o) => (
                  <th key={o.name}>{o.name}</th>
                ))}
              </tr>
            </thead>
            <tbody>
              {matrix.map((combo) => (
                <tr key={combo.join('|')}>
                  {combo.map((value, i) => (
                    <td key={i}>{value}</td>
                  ))}
                </tr>
              ))}
            </tbody>
          </table>
        ) : null}
      </div>
      <div className="form-actions">
        <button type="submit" className="button button-primary" disabled={saving || !title.trim()} data-testid="np-create">
          {saving ? t('common.saving') : t('newProduct.create')}
        </button>
      </div>
    </form>
  );
}
