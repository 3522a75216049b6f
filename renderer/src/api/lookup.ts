// Finding a variant by what people type or scan: an exact SKU, else an exact barcode.
import type { VariantRow } from '../../../src/catalog/contract.js';
import { call } from './client.js';

export async function findVariant(code: string): Promise<VariantRow | null> {
  const text = code.trim();
  if (!text) return null;
  for (const column of ['sku', 'barcode'] as const) {
    const answer = await call('products.list', {
      limit: 1,
      filters: { [column]: { kind: 'text', conditions: [{ op: 'equals', value: text }] } },
    });
    const row = answer.rows[0];
    if (row) return row;
  }
  return null;
}
