// What an error toast says: which row (the one on screen, by SKU), which field
// (by its label in the UI language), what is wrong, and advice only where it is
// right — "restart Shopdesk" for unexpected failures, never for a refusal.
import { describe, expect, it } from 'vitest';
import { ApiError } from '../../../renderer/src/api/api-error.js';
import { asRowOf, issueText, localizeParams, toVisibleRows } from '../../../renderer/src/components/field-issues.js';
import { issueLocation } from '../../../renderer/src/components/issue-location.js';
import { hintKey } from '../../../renderer/src/components/toasts.js';
import type { MessageKey } from '../../../renderer/src/i18n/en.js';
import { translate, translateDynamic, type Params } from '../../../renderer/src/i18n/translate.js';
import type { Locale } from '../../../src/settings/contract.js';

const t = (locale: Locale) => (key: MessageKey, params?: Params) => translate(locale, key, params);
const tKey = (locale: Locale) => (key: string, fallback: MessageKey, params?: Params) => translateDynamic(locale, key, fallback, params);

describe('where an issue is', () => {
  it('names a line by its number on screen and its SKU, and the field by its label', () => {
    expect(issueLocation('lines.2.quantity', t('en'), { sku: 'TS-001' })).toBe('Line 3 (SKU TS-001) · Quantity');
    expect(issueLocation('lines.2.quantity', t('zh-CN'), { sku: 'TS-001' })).toBe('第 3 行（SKU TS-001） · 数量');
    expect(issueLocation('lines.0.counted', t('en'))).toBe('Line 1 · Counted');
  });

  it('names a grid cell by its row’s SKU and its column, not "Cell 1 · Value"', () => {
    expect(issueLocation('edits.0.value', t('en'), { sku: 'TS-001', field: 'cost' })).toBe('SKU TS-001 · Cost');
    expect(issueLocation('edits.0.value', t('zh-CN'), { sku: 'TS-001', field: 'cost' })).toBe('SKU TS-001 · 成本');
  });

  it('labels form fields in Chinese, never with their internal names', () => {
    for (const field of ['name', 'email', 'leadTimeDays', 'cost', 'skuPrefix', 'counted', 'unitCost', 'exchangeRate']) {
      const where = issueLocation(field, t('zh-CN'));
      expect(where, field).not.toBe('');
      expect(where.replace(/SKU/g, ''), field).not.toMatch(/[A-Za-z]{3,}/);
    }
    expect(issueLocation('options.1.values.0', t('en'))).toBe('Option 2 · Values');
    expect(issueLocation('contentBase64', t('en'))).toBe('');
  });

  it('names a one-row table call by its SKU', () => {
    const error = new ApiError('VALIDATION', 'x', { key: 'validation', issues: [{ path: 'lines.0.counted', key: 'notANumber', message: 'x' }] });
    const [issue] = (asRowOf(error, 'MUG-RED') as ApiError).issues;
    expect(issue).toMatchObject({ path: 'counted', params: { sku: 'MUG-RED' } });
    expect(issueLocation(issue?.path ?? '', t('en'), issue?.params)).toBe('SKU MUG-RED · Counted');
  });
});

describe('lines the form left out', () => {
  it('renumbers a refused line to the row on screen', () => {
    // Rows 0 and 2 were filled, row 1 was empty: the core's lines.1 is the third row.
    const error = new ApiError('VALIDATION', 'x', {
      key: 'validation',
      issues: [
        { path: 'lines.1.quantity', key: 'tooSmall', message: 'x', params: { minimum: 1 } },
        { path: 'toLocationId', key: 'sameLocation', message: 'x' },
      ],
    });
    const visible = toVisibleRows(error, [{ index: 0, sku: 'A-1' }, { index: 2, sku: 'C-3' }]) as ApiError;
    expect(visible.issues).toEqual([
      { path: 'lines.2.quantity', key: 'tooSmall', message: 'x', params: { minimum: 1, sku: 'C-3' } },
      { path: 'toLocationId', key: 'sameLocation', message: 'x' },
    ]);
    expect(issueLocation('lines.2.quantity', t('en'), visible.issues[0]?.params)).toBe('Line 3 (SKU C-3) · Quantity');
  });
});

describe('what is wrong', () => {
  it('fills bounds and translates states and actions the core sends as words', () => {
    expect(issueText({ path: 'leadTimeDays', key: 'tooBig', params: { maximum: 365 } }, tKey('en'))).toBe('Must be 365 or less.');
    const params = localizeParams('poState', { number: 'PO-000001', status: 'partially_received', action: 'sent' }, tKey('zh-CN'));
    expect(translate('zh-CN', 'errors.poState', params)).toBe('采购单 PO-000001 的状态为“部分到货”，不能发出。');
  });

  it('reads a spreadsheet row’s issue with the import’s texts', () => {
    expect(issueText({ path: 'rows.4.price', key: 'tooLarge', params: { value: '9e99' } }, tKey('en'))).toBe('"9e99" is too large');
  });
});

describe('advice', () => {
  it('tells only unexpected failures to try again or restart', () => {
    expect(hintKey('INTERNAL', 'internal')).toBe('errorHints.internal');
    expect(hintKey('INTERNAL', 'somethingNew')).toBe('errorHints.generic');
    expect(hintKey('NETWORK', 'network')).toBe('errorHints.network');
    expect(hintKey('INTERNAL', 'jobFailed')).toBe('errorHints.jobFailed');
  });

  it('gives an expected refusal its own advice, or none', () => {
    expect(hintKey('CONFLICT', 'skuTaken')).toBe('errorHints.skuTaken');
    expect(hintKey('CONFLICT', 'insufficientStock')).toBe('errorHints.insufficientStock');
    expect(hintKey('CONFLICT', 'undoConstraint')).toBeNull();
    expect(hintKey('VALIDATION', 'somethingNew')).toBeNull();
    expect(hintKey('NOT_FOUND', 'unknownScanCode')).toBe('errorHints.unknownScanCode');
    expect(translate('en', 'errorHints.insufficientStock', { location: 'Main', onHand: 0 })).not.toMatch(/restart/i);
  });
});
