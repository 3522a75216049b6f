// Marks the fields of the contract that carry a cost figure — unit cost, COGS,
// gross profit, margin, stock value — so the router can blank them for people
// without the `costs.view` permission (src/team/redact.ts). The mark lives on
// the schema, next to the field's definition: a new cost field is hidden the
// day it is declared with `costFigure(...)`, not when someone remembers a list.
// Pure (zod only): contract files import it.
import { z } from 'zod';

const costFields = z.registry<{ costFigure: true }>();

/** The same schema, marked as a cost figure (a fresh instance: shared `int` schemas stay unmarked). */
export function costFigure<T extends z.ZodType>(schema: T): T {
  const marked = schema.clone() as T;
  costFields.add(marked, { costFigure: true });
  return marked;
}

export function isCostFigure(schema: z.ZodType): boolean {
  return costFields.has(schema);
}
