// Before a stocktake is posted: counted and uncounted lines, what "uncounted"
// means (stay unchanged, or counted as zero — the person chooses, and the
// figures follow the choice), net units and value at cost, and how many lines
// the ledger will adjust. Posting happens only from here.
import { useEffect, useState, type ReactNode } from 'react';
import type { MethodOutput } from '../../../../src/contract.js';
import type { Stocktake } from '../../../../src/inventory/stocktake-contract.js';
import { call } from '../../api/client.js';
import { useShop } from '../../app/shop-context.js';
import { Dialog } from '../../components/Dialog.js';
import { useToasts } from '../../components/toasts.js';
import { useI18n } from '../../i18n/context.js';
import { formatMoney, formatNumber } from '../../i18n/format.js';

type Preview = MethodOutput<'stocktakes.previewPost'>;
type Uncounted = Preview['uncounted'];

export function PostStocktakeDialog(props: { stocktake: Stocktake; onPosted: () => void; onClose: () => void }): ReactNode {
  const { t, locale } = useI18n();
  const { settings } = useShop();
  const { showError, showSuccess } = useToasts();
  const [uncounted, setUncounted] = useState<Uncounted>('ignore');
  const [preview, setPreview] = useState<Preview | null>(null);
  const [busy, setBusy] = useState(false);
  const stocktakeId = props.stocktake.id;

  useEffect(() => {
    let current = true;
    setPreview(null);
    call('stocktakes.previewPost', { stocktakeId, uncounted }).then((answer) => current && setPreview(answer), showError);
    return () => {
      current = false;
    };
  }, [stocktakeId, uncounted, showError]);

  const n = (value: number) => formatNumber(value, locale);
  const signed = (value: number) => new Intl.NumberFormat(locale, { signDisplay: 'exceptZero' }).format(value);
  // Values at cost are null for a person without costs.view (the core blanks them): shown as a dash.
  const money = (minor: number | null) => (minor === null ? '—' : formatMoney(minor, settings.currency, locale));
  const signedMoney = (minor: number | null) => (minor !== null && minor > 0 ? `+${money(minor)}` : money(minor));

  const post = async () => {
    setBusy(true);
    try {
      await call('stocktakes.post', { stocktakeId, uncounted });
      showSuccess('stocktake.posted');
      props.onPosted();
    } catch (error) {
      showError(error);
    } finally {
      setBusy(false);
    }
  };

  const title = t('stocktakePost.title', { number: props.stocktake.number });
  return (
    <Dialog label={title} testId="stocktake-post-dialog" onClose={props.onClose}>
      <h2>{title}</h2>
      {preview ? (
        <>
          <p className="confirm-line" data-testid="stocktake-post-counted">
            {t('stocktakePost.counted', { counted: n(preview.countedLines), lines: n(preview.lines), uncounted: n(preview.uncountedLines) })}
          </p>
          {preview.uncountedLines > 0 ? (
            <fieldset className="choice-group">
              <legend>{t('stocktakePost.uncounted')}</legend>
              {(['ignore', 'zero'] as const).map((mode) => (
                <label key={mode} className="checkbox">
                  <input type="radio" name="uncounted" value={mode} checked={uncounted === mode} onChange={() => setUncounted(mode)} data-testid={`stocktake-uncounted-${mode}`} />
                  {t(`stocktakePost.${mode}`)}
                </label>
              ))}
            </fieldset>
          ) : null}
          {preview.uncountedLines > 0 ? (
            <p className={uncounted === 'zero' ? 'note' : 'confirm-line'} data-testid="stocktake-post-uncounted">
              {uncounted === 'zero'
                ? t('stocktakePost.zeroMeans', { uncounted: n(preview.uncountedLines), units: n(preview.uncountedOnHand), value: money(preview.uncountedValue) })
                : t('stocktakePost.ignoreMeans', { uncounted: n(preview.uncountedLines), units: n(preview.uncountedOnHand) })}
            </p>
          ) : null}
          {preview.movements > 0 ? (
            <>
              <p className="confirm-line" data-testid="stocktake-post-net">
                <strong>{t('stocktakePost.net', { units: signed(preview.netUnits), value: signedMoney(preview.netValue) })}</strong>
              </p>
              <p className="confirm-line">
                {t('stocktakePost.split', {
                  added: n(preview.unitsAdded),
                  addedValue: money(preview.valueAdded),
                  removed: n(preview.unitsRemoved),
                  removedValue: money(preview.valueRemoved),
                })}
              </p>
              <p className="confirm-line">{t('stocktakePost.movements', { count: n(preview.movements) })}</p>
              {preview.withoutCost > 0 ? <p className="confirm-line muted">{t('stocktakePost.withoutCost', { count: n(preview.withoutCost) })}</p> : null}
            </>
          ) : (
            <p className="confirm-line" data-testid="stocktake-post-net">
              {t('stocktakePost.nothing')}
            </p>
          )}
          <p className="muted small">{t('stocktakePost.final')}</p>
        </>
      ) : (
        <p className="muted">{t('common.loading')}</p>
      )}
      <div className="form-actions">
        <button
          type="button"
          className={uncounted === 'zero' ? 'button button-danger' : 'button button-primary'}
          disabled={busy || preview === null}
          onClick={() => void post()}
          data-testid="stocktake-post-confirm"
        >
          {preview && preview.movements > 0 ? t('stocktakePost.ok', { count: n(preview.movements) }) : t('stocktakePost.okNothing')}
        </button>
        <button type="button" className="button" onClick={props.onClose} data-testid="stocktake-post-cancel">
          {t('common.cancel')}
        </button>
      </div>
    </Dialog>
  );
}
