// The reports.* methods: build the weekly report's files from the shop's
// numbers, list the saved ones and hand one to the UI as base64. The files
// live outside the database, so no event is emitted for them.
import type { AreaContext } from '../area-context.js';
import type { AreaHandlers } from '../router.js';
import { AppError, validationError } from '../shared/app-error.js';
import { weekStartOf } from '../shared/local-time.js';
import { xlsxMime } from '../documents/xlsx.js';
import type { Locale } from '../settings/contract.js';
import { reportIdOf, type ReportEntry, type reportsContract } from './contract.js';
import { gatherWeeklyReport, lastCompleteWeek, shopOf } from './report-data.js';
import { pdfPageCount, weeklyReportPdf } from './report-pdf.js';
import { createReportStore } from './report-store.js';
import { weeklyReportXlsx } from './report-xlsx.js';

export function createReportHandlers(ctx: AreaContext, options: { reportsDir: string }): AreaHandlers<typeof reportsContract> {
  const store = createReportStore(options.reportsDir);
  const localeOf = (): Locale => ctx.db().prepare<[], { locale: Locale }>('SELECT locale FROM shop_settings WHERE id = 1').get()?.locale ?? 'en';

  /** One build at a time per week and language: a second request for the same one waits for the first, then builds again. */
  const building = new Map<string, Promise<ReportEntry>>();

  async function build(monday: string, language: Locale): Promise<ReportEntry> {
    const data = gatherWeeklyReport(ctx.db(), ctx.clock, monday, language);
    const pdf = await weeklyReportPdf(data, language);
    const xlsx = weeklyReportXlsx(data, language);
    return store.save({ week: data.week, language, createdAt: data.generatedAt, pages: pdfPageCount(pdf) }, pdf, xlsx);
  }

  return {
    'reports.generate': async ({ week, language, onlyIfMissing }) => {
      const db = ctx.db();
      const latest = lastCompleteWeek(shopOf(db).timeZone, ctx.clock);
      const monday = week ?? latest.from;
      if (weekStartOf(monday) !== monday) {
        throw validationError(`The report week must start on a Monday; ${monday} is not one. No report was written.`, [
          { path: 'week', key: 'reportWeekNotMonday', message: `week: ${monday} is not a Monday` },
        ]);
      }
      if (monday > latest.from) {
        throw validationError(`The week of ${monday} has not ended yet (the last complete week starts ${latest.from}). No report was written.`, [
          { path: 'week', key: 'reportWeekNotOver', message: `week: ${monday} is after ${latest.from}` },
        ]);
      }
      const chosen = language ?? localeOf();
      const existing = store.find(monday, chosen);
      if (onlyIfMissing && existing) return existing;
      const key = reportIdOf(monday, chosen);
      const previous = building.get(key) ?? Promise.resolve(null);
      const next = previous.catch(() => null).then(() => build(monday, chosen));
      building.set(key, next);
      try {
        return await next;
      } finally {
        if (building.get(key) === next) building.delete(key);
      }
    },
    'reports.list': () => {
      const db = ctx.db();
      return { lastCompleteWeek: lastCompleteWeek(shopOf(db).timeZone, ctx.clock), reports: store.list() };
    },
    'reports.file': ({ id, format }) => {
      ctx.db();
      const entry = store.get(id);
      if (!entry) {
        throw new AppError('NOT_FOUND', `No weekly report ${id} is saved in ${store.dir}; nothing was downloaded.`, { key: 'reportNotFound', params: { week: id.slice(0, 10) } });
      }
      return format === 'pdf'
        ? { fileName: `weekly-report-${id}.pdf`, mimeType: 'application/pdf', contentBase64: store.read(entry, 'pdf').toString('base64') }
        : { fileName: `weekly-report-${id}.xlsx`, mimeType: xlsxMime, contentBase64: store.read(entry, 'xlsx').toString('base64') };
    },
  };
}
