// Saved reports are plain files in the `reports` folder next to the shop
// file, so the owner can open them without the app: per week a PDF, an XLSX
// and a small JSON with what the list shows. The folder is the list; writing
// a week again replaces its files (each written to a temporary name, then
// renamed, so a reader never sees half a file).
import { existsSync, mkdirSync, readdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { reportEntrySchema, type ReportEntry } from './contract.js';

const prefix = 'weekly-report-';

export interface ReportStore {
  readonly dir: string;
  list(): ReportEntry[];
  get(id: string): ReportEntry | null;
  save(meta: Omit<ReportEntry, 'pdfPath' | 'xlsxPath'>, pdf: Buffer, xlsx: Buffer): ReportEntry;
  read(entry: ReportEntry, format: 'pdf' | 'xlsx'): Buffer;
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
  return {
    dir,
    list() {
      if (!existsSync(dir)) return [];
      return readdirSync(dir)
        .filter((name) => name.startsWith(prefix) && name.endsWith('.json'))
        .map((name) => entryOf(join(dir, name)))
        .filter((entry): entry is ReportEntry => entry !== null)
        .sort((a, b) => (a.id < b.id ? 1 : a.id > b.id ? -1 : 0));
    },
    get(id) {
      const path = `${base(id)}.json`;
      return existsSync(path) ? entryOf(path) : null;
    },
    save(meta, pdf, xlsx) {
      mkdirSync(dir, { recursive: true });
      const path = base(meta.id);
      writeAtomically(`${path}.pdf`, pdf);
      writeAtomically(`${path}.xlsx`, xlsx);
      // The JSON last: it is what makes the report appear in the list.
      writeAtomically(`${path}.json`, JSON.stringify(meta, null, 2));
      return { ...meta, pdfPath: `${path}.pdf`, xlsxPath: `${path}.xlsx` };
    },
    read(entry, format) {
      return readFileSync(format === 'pdf' ? entry.pdfPath : entry.xlsxPath);
    },
  };
}
