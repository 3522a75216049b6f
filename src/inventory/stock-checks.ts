// Checks shared by stock writes: every problem is collected with the path of
// the field it concerns, then reported together so nothing is half-written.
import type { Db } from '../db/open.js';
import { AppError, validationError, withRowSkus } from '../shared/app-error.js';
import type { FieldIssue } from '../shared/envelope.js';

export interface LocationInfo {
  id: number;
  name: string;
  kind: 'warehouse' | 'store' | 'transit';
  active: number;
}

export function createStockChecks(db: Db) {
  const variant = db.prepare<[number], { id: number; sku: string }>('SELECT id, sku FROM variants WHERE id = ?');
  const location = db.prepare<[number], LocationInfo>('SELECT id, name, kind, active FROM locations WHERE id = ?');
  return {
    variant: (id: number) => variant.get(id),
    location: (id: number) => location.get(id),
    /** A shelf location (not transit) that exists and is active, else an issue at `path`. */
    shelfLocation(id: number, path: string, issues: FieldIssue[]): LocationInfo | undefined {
      const found = location.get(id);
      if (!found) {
        issues.push({ path, key: 'unknownLocation', message: `${path}: location ${id} does not exist` });
      } else if (found.kind === 'transit') {
        issues.push({ path, key: 'transitLocation', message: `${path}: ${found.name} holds goods in transit; use a transfer` });
      } else if (found.active !== 1) {
        issues.push({ path, key: 'inactiveLocation', message: `${path}: ${found.name} is inactive` });
      }
      return found;
    },
    knownVariant(id: number, path: string, issues: FieldIssue[]): boolean {
      if (variant.get(id)) return true;
      issues.push({ path, key: 'unknownVariant', message: `${path}: variant ${id} does not exist` });
      return false;
    },
  };
}

/** `skuOf` names each `lines.<i>` issue's row by its SKU (see withRowSkus). */
export function throwIfIssues(issues: FieldIssue[], what: string, skuOf?: (index: number) => string | undefined): void {
  if (issues.length > 0) {
    throw validationError(`${what} was refused; nothing was changed. ${issues.map((i) => i.message).join('; ')}`, skuOf ? withRowSkus(issues, skuOf) : issues);
  }
}

/** Runs one line's ledger posting; a shortage is reported at the line's quantity field. */
export function atLine<T>(path: string, post: () => T): T {
  try {
    return post();
  } catch (error) {
    if (error instanceof AppError && error.details.key === 'insufficientStock') {
      throw new AppError(error.code, error.message, {
        ...error.details,
        issues: [{ path, key: 'insufficientStock', message: `${path}: ${error.message}`, ...(error.details.params ? { params: error.details.params } : {}) }],
      });
    }
    throw error;
  }
}
