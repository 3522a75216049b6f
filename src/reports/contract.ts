// The weekly operations health report (metrics.md "Weekly operations health
// report"): generated as PDF + XLSX into the `reports` folder next to the shop
// file, listed, and downloaded by the UI as base64. Pure (zod + types).
import { z } from 'zod';
import { localeSchema, type Locale } from '../settings/contract.js';

const localDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'localDate');

/**
 * A saved report: its week's Monday and its language (`2026-11-09-zh-CN`), so each language
 * of a week is its own report. Reports saved before that are named by the Monday alone.
 */
export const reportIdSchema = z.string().regex(/^\d{4}-\d{2}-\d{2}(-(en|zh-CN))?$/, 'reportId');

export function reportIdOf(monday: string, language: Locale): string {
  return `${monday}-${language}`;
}

export const reportEntrySchema = z.object({
  /** The week's Monday and the language: one report per week and language (reportIdOf). */
  id: reportIdSchema,
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
  /**
   * Builds the report of a week in a language (the last complete local week by default); a report
   * of the same week in the same language is replaced, the other language's is kept.
   */
  'reports.generate': {
    input: z.object({
      /** The Monday of the week (local date); none = the last complete week. */
      week: localDate.optional(),
      /** The document's language; none = the shop's language. */
      language: localeSchema.optional(),
      /** Keep an existing report of that week and language instead of rebuilding it (the scheduler's call). */
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
    input: z.object({ id: reportIdSchema, format: z.enum(['pdf', 'xlsx']) }),
    output: z.object({ fileName: z.string(), mimeType: z.string(), contentBase64: z.string() }),
  },
} as const;
