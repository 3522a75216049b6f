// Choosing what a promotion is about: one variant by its SKU or barcode (a gift,
// a bundle, a component — the exact lookup the stock forms use), and its targets
// (the whole shop, or products / variants found by search, categories and tags
// from their lists).
import { useState, type ReactNode } from 'react';
import type { TargetKind } from './types.js';
import { call } from '../../api/client.js';
import { findVariant } from '../../api/lookup.js';
import { FieldProblem } from '../../components/FieldProblem.js';
import { IdSelect } from '../../components/IdSelect.js';
import { useDebounced } from '../../components/use-debounced.js';
import { useLoad } from '../../components/use-load.js';
import { useToasts } from '../../components/toasts.js';
import { useI18n } from '../../i18n/context.js';
import type { MessageKey } from '../../i18n/en.js';
import type { PickedVariant, TargetItem } from './editor-state.js';

/** A SKU field with "Find": shows the variant found (or that none was), and hands it on. */
export function SkuPicker(props: { value: PickedVariant | null; onChange: (variant: PickedVariant | null) => void; testId: string; problem?: string | null }): ReactNode {
  const { t } = useI18n();
  const { showError } = useToasts();
  const [code, setCode] = useState('');
  const [missing, setMissing] = useState(false);
  const find = async () => {
    try {
      const row = await findVariant(code);
      setMissing(row === null);
      if (row) props.onChange({ variantId: row.variantId, sku: row.sku, title: [row.title, row.variantTitle].filter(Boolean).join(' · ') });
    } catch (error) {
      showError(error);
    }
  };
  return (
    <span className="promo-sku-picker" data-testid={props.testId}>
      <span className="promo-inline">
        <input
          type="text"
          value={code}
          placeholder={t('promotions.pick.skuPlaceholder')}
          aria-label={t('promotions.pick.sku')}
          onChange={(e) => {
            setCode(e.target.value);
            setMissing(false);
          }}
          onKeyDown={(e) => {
            if (e.key === 'Enter') {
              e.preventDefault();
              void find();
            }
          }}
          data-testid={`${props.testId}-code`}
        />
        <button type="button" className="button button-small" onClick={() => void find()} data-testid={`${props.testId}-find`}>
          {t('promotions.pick.find')}
        </button>
      </span>
      {props.value ? (
        <span className="muted small" data-testid={`${props.testId}-found`}>
          <span className="cell-mono">{props.value.sku}</span> {props.value.title}
        </span>
      ) : null}
      <FieldProblem text={missing ? t('promotions.pick.none') : (props.problem ?? null)} />
    </span>
  );
}

const kinds: readonly TargetKind[] = ['category', 'tag', 'product', 'variant'];

/** The list of targets with a way to add each kind and remove any. */
export function TargetsPicker(props: { items: readonly TargetItem[]; onChange: (items: TargetItem[]) => void; problem: string | null }): ReactNode {
  const { t } = useI18n();
  const [kind, setKind] = useState<TargetKind>('category');
  const add = (item: TargetItem) => {
    if (props.items.some((other) => other.kind === item.kind && other.id === item.id)) return;
    props.onChange([...props.items, item]);
  };
  return (
    <div className="promo-targets" data-testid="promo-targets">
      {props.items.length > 0 ? (
        <ul className="promo-target-list">
          {props.items.map((item) => (
            <li key={`${item.kind}-${item.id}`} className="pill promo-target" data-testid="promo-target">
              <span className="muted">{t(`promotions.targetKind.${item.kind}` as MessageKey)}</span> {item.label}
              <button
                type="button"
                className="icon-button"
                aria-label={t('promotions.targets.remove', { name: item.label })}
                onClick={() => props.onChange(props.items.filter((other) => other !== item))}
              >
                ×
              </button>
            </li>
          ))}
        </ul>
      ) : null}
      <div className="promo-inline">
        <select value={kind} onChange={(e) => setKind(e.target.value as TargetKind)} aria-label={t('promotions.targets.kind')} data-testid="promo-target-kind">
          {kinds.map((k) => (
            <option key={k} value={k}>
              {t(`promotions.targetKind.${k}` as MessageKey)}
            </option>
          ))}
        </select>
        {kind === 'category' ? <CategoryAdd onAdd={add} /> : kind === 'tag' ? <TagAdd onAdd={add} /> : <SearchAdd kind={kind} onAdd={add} />}
      </div>
      <FieldProblem text={props.problem} testId="promo-targets-problem" />
    </div>
  );
}

function CategoryAdd({ onAdd }: { onAdd: (item: TargetItem) => void }): ReactNode {
  const { t } = useI18n();
  const load = useLoad(() => call('categories.list', {}), []);
  const categories = load.data?.categories ?? [];
  return (
    <IdSelect
      value={null}
      options={categories}
      label={(c) => c.path}
      noneLabel={t('promotions.targets.chooseCategory')}
      ariaLabel={t('promotions.targetKind.category')}
      testId="promo-target-category"
      onChange={(id) => {
        const category = categories.find((c) => c.id === id);
        if (category) onAdd({ kind: 'category', id: category.id, label: category.path });
      }}
    />
  );
}

function TagAdd({ onAdd }: { onAdd: (item: TargetItem) => void }): ReactNode {
  const { t } = useI18n();
  const load = useLoad(() => call('tags.list', {}), []);
  const tags = load.data?.tags ?? [];
  return (
    <IdSelect
      value={null}
      options={tags}
      label={(tag) => tag.name}
      noneLabel={t('promotions.targets.chooseTag')}
      ariaLabel={t('promotions.targetKind.tag')}
      testId="promo-target-tag"
      onChange={(id) => {
        const tag = tags.find((c) => c.id === id);
        if (tag) onAdd({ kind: 'tag', id: tag.id, label: tag.name });
      }}
    />
  );
}

/** Products and variants: type a few letters of the title or SKU, pick from the matches. */
function SearchAdd({ kind, onAdd }: { kind: 'product' | 'variant'; onAdd: (item: TargetItem) => void }): ReactNode {
  const { t } = useI18n();
  const [text, setText] = useState('');
  const search = useDebounced(text.trim(), 300);
  const load = useLoad(() => (search === '' ? Promise.resolve({ rows: [], total: 0 }) : call('products.list', { quickSearch: search, limit: 8 })), [search]);
  const rows = load.data?.rows ?? [];
  // A product shows once, whichever of its variants matched.
  const matches =
    kind === 'product'
      ? rows.filter((row, i) => rows.findIndex((other) => other.productId === row.productId) === i).map((row) => ({ id: row.productId, label: row.title }))
      : rows.map((row) => ({ id: row.variantId, label: `${row.sku} · ${[row.title, row.variantTitle].filter(Boolean).join(' ')}` }));
  return (
    <span className="promo-search">
      <input
        type="search"
        value={text}
        placeholder={t('promotions.targets.searchPlaceholder')}
        aria-label={t('promotions.targets.search')}
        onChange={(e) => setText(e.target.value)}
        data-testid="promo-target-search"
      />
      {search !== '' && matches.length > 0 ? (
        <span className="promo-matches" role="listbox" aria-label={t('promotions.targets.matches')}>
          {matches.map((match) => (
            <button
              key={match.id}
              type="button"
              role="option"
              aria-selected={false}
              className="button button-small"
              onClick={() => {
                onAdd({ kind, id: match.id, label: match.label });
                setText('');
              }}
            >
              {match.label}
            </button>
          ))}
        </span>
      ) : null}
    </span>
  );
}
