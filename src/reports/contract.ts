// The weekly operations health report (metrics.md "Weekly operations health
// report"): generated as PDF + XLSX into the `reports` folder next to the shop
// file, listed, and downloaded by the UI as base64. Pure (zod + types).
import { z } from 'zod';
import { localeSchema } from '../settings/contract.js';

const localDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'localDate');

export const reportEntrySchema = z.object({
  /** The Monday of the report's week; one report per week. */
  id: localDate,
  /** The ISO week, Monday to Sunday in the shop time zone. */
  week: z.object({ from: localDate, to: localDate }),
  language: localeSchema,
  /** UTC ISO instant the files were written. */
  createdAt: z.string(),
  pdfPath: z.string(),
  xlsxPath: z.string(),
  pages: z.number().int().min(1),
});
export type ReportEntry = z.infer<typeof reportEntrySchema>;

export const reportsContract = {
  /** Builds (or rebuilds, replacing the files) the report of a week: the last complete local week by default. */
  'reports.generate': {
    input: z.object({
      /** The Monday of the week (local date); none = the last complete week. */
      week: localDate.optional(),
      /** The document's language; none = the shop's language. */
      language: localeSchema.optional(),
      /** Keep an existing report of that week instead of rebuilding it (the scheduler's call). */
      onlyIfMissing: z.boolean().default(false),
    }),
    output: reportEntrySchema,
  },
  /** Saved reports, newest week first, and the week a new report would cover by default. */
  'reports.list': {
    input: z.object({}),
    output: z.object({ lastCompleteWeek: z.object({ from: localDate, to: localDate }), reports: z.array(reportEntrySchema) }),
  },
  /** One saved report file as base64, for a download. */
  'reports.file': {
    input: z.object({ id: localDate, format: z.enum(['pdf', 'xlsx']) }),
    output: z.object({ fileName: z.string(), mimeType: z.string(), contentBase64: z.string() }),
  },
} as const;
