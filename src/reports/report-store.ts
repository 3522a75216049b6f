// Saved reports are plain files in the `reports` folder next to the shop
// file, so the owner can open them without the app: per week and language a
// PDF, an XLSX and a small JSON with what the list shows. The folder is the
// list; writing a week again in the same language replaces its files (each
// written to a temporary name, then renamed, so a reader never sees half a
// file), and the week's report in the other language stays.
import { existsSync, mkdirSync, readdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Locale } from '../settings/contract.js';
import { reportEntrySchema, reportIdOf, type ReportEntry } from './contract.js';

const prefix = 'weekly-report-';

export interface ReportStore {
  readonly dir: string;
  list(): ReportEntry[];
  get(id: string): ReportEntry | null;
  /** The report of a week (its Monday) in a language, saved by this version or an earlier one. */
  find(monday: string, language: Locale): ReportEntry | null;
  save(meta: Omit<ReportEntry, 'id' | 'pdfPath' | 'xlsxPath'>, pdf: Buffer, xlsx: Buffer): ReportEntry;
  read(entry: ReportEntry, format: 'pdf' | 'xlsx'): Buffer;
}

/** Newest week first; within a week, English before Chinese. */
function newestFirst(a: ReportEntry, b: ReportEntry): number {
  if (a.week.from !== b.week.from) return a.week.from < b.week.from ? 1 : -1;
  return a.language < b.language ? -1 : a.language > b.language ? 1 : 0;
}

export function createReportStore(dir: string): ReportStore {
  const base = (id: string) => join(dir, `${prefix}${id}`);
  const writeAtomically = (path: string, bytes: Buffer | string) => {
    const temporary = `${path}.tmp`;
    writeFileSync(temporary, bytes);
    renameSync(temporary, path);
  };
  const entryOf = (metaPath: string): ReportEntry | null => {
    try {
      const parsed = reportEntrySchema.omit({ pdfPath: true, xlsxPath: true }).safeParse(JSON.parse(readFileSync(metaPath, 'utf8')));
      if (!parsed.success) return null;
      const entry = { ...parsed.data, pdfPath: `${base(parsed.data.id)}.pdf`, xlsxPath: `${base(parsed.data.id)}.xlsx` };
      // A report whose files were deleted by hand is no longer listed.
      return existsSync(entry.pdfPath) && existsSync(entry.xlsxPath) ? entry : null;
    } catch {
      return null;
    }
  };
  const get = (id: string): ReportEntry | null => {
    const path = `${base(id)}.json`;
    return existsSync(path) ? entryOf(path) : null;
  };
  /** A report saved before reports had a language in their name (one per week, of either language). */
  const older = (monday: string, language: Locale): ReportEntry | null => {
    const entry = get(monday);
    return entry && entry.language === language ? entry : null;
  };
  return {
    dir,
    list() {
      if (!existsSync(dir)) return [];
      return readdirSync(dir)
        .filter((name) => name.startsWith(prefix) && name.endsWith('.json'))
        .map((name) => entryOf(join(dir, name)))
        .filter((entry): entry is ReportEntry => entry !== null)
        .sort(newestFirst);
    },
    get,
    find: (monday, language) => get(reportIdOf(monday, language)) ?? older(monday, language),
    save(meta, pdf, xlsx) {
      mkdirSync(dir, { recursive: true });
      const id = reportIdOf(meta.week.from, meta.language);
      const path = base(id);
      writeAtomically(`${path}.pdf`, pdf);
      writeAtomically(`${path}.xlsx`, xlsx);
      // The JSON last: it is what makes the report appear in the list.
      writeAtomically(`${path}.json`, JSON.stringify({ ...meta, id }, null, 2));
      // An older build's report of this week in this language is replaced by this one (JSON first, as it lists it).
      if (older(meta.week.from, meta.language)) {
        for (const extension of ['json', 'pdf', 'xlsx']) rmSync(`${base(meta.week.from)}.${extension}`, { force: true });
      }
      return { ...meta, id, pdfPath: `${path}.pdf`, xlsxPath: `${path}.xlsx` };
    },
    read(entry, format) {
      return readFileSync(format === 'pdf' ? entry.pdfPath : entry.xlsxPath);
    },
  };
}
