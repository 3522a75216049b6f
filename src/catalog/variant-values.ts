// Checks one variant field value as typed into the grid or a form. Pure; the
// service adds the path (e.g. `edits.3.value`) and the SKU to the message.
import { limits } from '../shared/bounds.js';
import { barcodeProblem, type BarcodeMode } from './barcode.js';
import type { VariantEditField } from './edit-contract.js';

export type SqlScalar = string | number | null;
export type FieldCheck = { ok: true; value: SqlScalar } | { ok: false; key: string; message: string };

const statuses = ['active', 'draft', 'archived'];

/** Pasted cells arrive as text; "1299" is accepted for a number field, "12.99" is not (minor units). */
function toInteger(raw: string | number | null): number | null | undefined {
  if (raw === null) return null;
  if (typeof raw === 'number') return Number.isSafeInteger(raw) ? raw : undefined;
  const trimmed = raw.trim();
  if (trimmed === '') return null;
  return /^-?\d+$/.test(trimmed) && Number.isSafeInteger(Number(trimmed)) ? Number(trimmed) : undefined;
}

export function checkVariantValue(field: VariantEditField, raw: string | number | null, mode: BarcodeMode): FieldCheck {
  switch (field) {
    case 'sku': {
      const sku = raw === null ? '' : String(raw).trim();
      if (sku === '') return { ok: false, key: 'skuEmpty', message: 'SKU cannot be empty' };
      if (sku.length > 100) return { ok: false, key: 'tooLong', message: 'SKU is longer than 100 characters' };
      return { ok: true, value: sku };
    }
    case 'barcode': {
      const code = raw === null ? '' : String(raw).trim();
      if (code === '') return { ok: true, value: null };
      const problem = barcodeProblem(code, mode);
      if (problem) return { ok: false, key: problem, message: `barcode "${code}" is not a valid GTIN (EAN-13, UPC-A, EAN-8)` };
      return { ok: true, value: code };
    }
    case 'status': {
      const status = typeof raw === 'string' ? raw.trim().toLowerCase() : '';
      return statuses.includes(status)
        ? { ok: true, value: status }
        : { ok: false, key: 'statusUnknown', message: 'status must be active, draft or archived' };
    }
    default: {
      const value = toInteger(raw);
      if (value === undefined) return { ok: false, key: 'notInteger', message: `${field} must be a whole number (minor units)` };
      if (value === null && field === 'price') return { ok: false, key: 'required', message: 'price is required' };
      if (value !== null && value < 0) return { ok: false, key: 'negative', message: `${field} cannot be negative` };
      const bound = field === 'weightGrams' ? limits.quantity : limits.unitMoney;
      if (value !== null && value > bound) return { ok: false, key: field === 'weightGrams' ? 'weightTooLarge' : 'moneyTooLarge', message: `${field} is larger than Shopdesk accepts` };
      return { ok: true, value };
    }
  }
}
