// "Link to…" for an order line that matched no product: type or scan the SKU or
// barcode of the right variant (the same exact lookup the stock forms use), see
// which product it is, then link. The line's own SKU is the first guess.
import { useState, type FormEvent, type ReactNode } from 'react';
import type { VariantRow } from '../../../../src/catalog/contract.js';
import { findVariant } from '../../api/lookup.js';
import { Dialog } from '../../components/Dialog.js';
import { FieldProblem } from '../../components/FieldProblem.js';
import { useToasts } from '../../components/toasts.js';
import { useI18n } from '../../i18n/context.js';

export function LinkPicker({ sku, onClose, onPick }: { sku: string; onClose: () => void; onPick: (variantId: number) => void }): ReactNode {
  const { t } = useI18n();
  const { showError } = useToasts();
  const [code, setCode] = useState(sku);
  const [found, setFound] = useState<VariantRow | null>(null);
  const [missing, setMissing] = useState(false);

  const look = async (event: FormEvent) => {
    event.preventDefault();
    if (found) {
      onPick(found.variantId);
      return;
    }
    try {
      const variant = await findVariant(code);
      setFound(variant);
      setMissing(variant === null);
    } catch (error) {
      showError(error);
    }
  };

  return (
    <Dialog label={t('review.pick.title')} testId="link-picker" onClose={onClose} onSubmit={(e) => void look(e)}>
      <h2>{t('review.pick.title')}</h2>
      <label className="field">
        <span>{t('review.pick.code')}</span>
        <input
          type="text"
          value={code}
          onChange={(e) => {
            setCode(e.target.value);
            setFound(null);
            setMissing(false);
          }}
          data-testid="link-picker-code"
        />
        <FieldProblem text={missing ? t('review.pick.none') : null} />
      </label>
      {found ? (
        <p className="note" data-testid="link-picker-found">
          <strong>{found.title}</strong>
          {found.variantTitle ? ` · ${found.variantTitle}` : ''} <span className="muted cell-mono">{found.sku}</span>
        </p>
      ) : null}
      <div className="form-actions">
        <button type="submit" className="button button-primary" data-testid="link-picker-ok">
          {found ? t('review.pick.link') : t('review.pick.find')}
        </button>
        <button type="button" className="button" onClick={onClose}>
          {t('common.cancel')}
        </button>
      </div>
    </Dialog>
  );
}
