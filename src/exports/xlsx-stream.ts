// An XLSX workbook of one sheet written row by row into a ZIP, for exports of
// any size: the sheet XML goes to the deflater as rows arrive, texts are inline
// strings (no shared-string table to hold until the end), numbers are numbers,
// empty cells are left out. A text starting with "=" is a string cell, never a
// formula. Columns get widths from the header and the first rows, as before.
import { createZipWriter, type ZipEntryWriter } from './zip-writer.js';

export type SheetCell = string | number | null;

const ns = 'http://schemas.openxmlformats.org/spreadsheetml/2006/main';
const relNs = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';
const pkgRelNs = 'http://schemas.openxmlformats.org/package/2006/relationships';
const xmlHead = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n';

const contentTypes = `${xmlHead}<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">\
<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>\
<Default Extension="xml" ContentType="application/xml"/>\
<Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>\
<Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/>\
<Override PartName="/xl/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml"/>\
</Types>`;
const packageRels = `${xmlHead}<Relationships xmlns="${pkgRelNs}">\
<Relationship Id="rId1" Type="${relNs}/officeDocument" Target="xl/workbook.xml"/></Relationships>`;
const workbookRels = `${xmlHead}<Relationships xmlns="${pkgRelNs}">\
<Relationship Id="rId1" Type="${relNs}/worksheet" Target="worksheets/sheet1.xml"/>\
<Relationship Id="rId2" Type="${relNs}/styles" Target="styles.xml"/></Relationships>`;
// The one default style (General): Excel repairs a workbook without a styles part.
const styles = `${xmlHead}<styleSheet xmlns="${ns}"><fonts count="1"><font><sz val="11"/><name val="Calibri"/></font></fonts>\
<fills count="2"><fill><patternFill patternType="none"/></fill><fill><patternFill patternType="gray125"/></fill></fills>\
<borders count="1"><border><left/><right/><top/><bottom/><diagonal/></border></borders>\
<cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/></cellStyleXfs>\
<cellXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/></cellXfs>\
<cellStyles count="1"><cellStyle name="Normal" xfId="0" builtinId="0"/></cellStyles></styleSheet>`;

// Characters XML 1.0 cannot hold are written as Excel does: _xHHHH_ (SheetJS and Excel read them back).
// Built from a string: the control characters are the point here (no-control-regex).
const notXmlClass = '\\u0000-\\u0008\\u000B\\u000C\\u000E-\\u001F\\uFFFE\\uFFFF';
const notXml = new RegExp(`[${notXmlClass}]`, 'g');
const special = new RegExp(`[&<>"${notXmlClass}]`);

// A text that itself reads like such an escape keeps its underscore escaped (_x005F_), as Excel writes it.
const escapeLike = /_(x[0-9A-Fa-f]{4}_)/g;

export function xmlText(text: string): string {
  const plain = text.includes('_x') ? text.replace(escapeLike, '_x005F_$1') : text;
  if (!special.test(plain)) return plain;
  return plain
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(notXml, (c) => `_x${c.charCodeAt(0).toString(16).toUpperCase().padStart(4, '0')}_`);
}

/** A, B, … Z, AA, AB, … */
export function columnLetters(index: number): string {
  let n = index + 1;
  let letters = '';
  while (n > 0) {
    const rest = (n - 1) % 26;
    letters = String.fromCharCode(65 + rest) + letters;
    n = Math.floor((n - 1) / 26);
  }
  return letters;
}

/** Rows whose cells set the column widths (enough to read, cheap on a million rows). */
const widthRows = 200;

function widthsOf(header: readonly string[], rows: readonly (readonly SheetCell[])[]): number[] {
  return header.map((h, i) => {
    let width = h.length + 2;
    for (const row of rows) {
      const c = row[i];
      width = Math.max(width, (c === null || c === undefined ? '' : String(c)).length + 1);
    }
    return Math.min(Math.max(width, 8), 60);
  });
}

export interface XlsxStream {
  /** Appends data rows (cells in column order). */
  write(rows: readonly (readonly SheetCell[])[]): void;
  /** Completes the workbook; the ZIP's bytes have all gone to the output. */
  finish(): void;
}

/** A one-sheet workbook: header row first, then the rows written, into `output` as ZIP bytes. */
/**
 * Deflate level 3: on 100,000 rows about twice as fast as the default 6 for a file some 5 %
 * larger (measured: 0.9 s and 4.1 MB against 1.7 s and 3.9 MB).
 */
const defaultLevel = 3;

export function createXlsxStream(sheetName: string, header: readonly string[], output: (bytes: Buffer) => void, level = defaultLevel): XlsxStream {
  const zip = createZipWriter(output, level);
  const part = (name: string, xml: string) => {
    const entry = zip.entry(name);
    entry.write(xml);
    entry.end();
  };
  part('[Content_Types].xml', contentTypes);
  part('_rels/.rels', packageRels);
  part(
    'xl/workbook.xml',
    `${xmlHead}<workbook xmlns="${ns}" xmlns:r="${relNs}"><sheets><sheet name="${xmlText(sheetName)}" sheetId="1" r:id="rId1"/></sheets></workbook>`,
  );
  part('xl/_rels/workbook.xml.rels', workbookRels);
  part('xl/styles.xml', styles);

  const letters = header.map((_, i) => columnLetters(i));
  let sheet: ZipEntryWriter | null = null;
  // The first rows wait until the widths are known: <cols> comes before the data in the sheet.
  let early: (readonly SheetCell[])[] | null = [];
  let rowNumber = 0;
  let text = '';

  const cellXml = (cell: SheetCell, ref: string): string => {
    if (cell === null || cell === undefined) return '';
    if (typeof cell === 'number') return Number.isFinite(cell) ? `<c r="${ref}"><v>${cell}</v></c>` : '';
    const space = /^\s|\s$|\n/.test(cell) ? ' xml:space="preserve"' : '';
    return `<c r="${ref}" t="inlineStr"><is><t${space}>${xmlText(cell)}</t></is></c>`;
  };
  const rowXml = (cells: readonly SheetCell[]): void => {
    rowNumber += 1;
    let xml = `<row r="${rowNumber}">`;
    for (let i = 0; i < cells.length; i += 1) xml += cellXml(cells[i] ?? null, `${letters[i] ?? columnLetters(i)}${rowNumber}`);
    text += `${xml}</row>`;
    if (text.length >= 1 << 16) {
      sheet?.write(text);
      text = '';
    }
  };
  const start = (rows: readonly (readonly SheetCell[])[]) => {
    sheet = zip.entry('xl/worksheets/sheet1.xml');
    const cols = widthsOf(header, rows.slice(0, widthRows))
      .map((width, i) => `<col min="${i + 1}" max="${i + 1}" width="${width}" customWidth="1"/>`)
      .join('');
    sheet.write(`${xmlHead}<worksheet xmlns="${ns}" xmlns:r="${relNs}"><cols>${cols}</cols><sheetData>`);
    rowXml(header);
    for (const row of rows) rowXml(row);
  };

  return {
    write(rows) {
      if (early) {
        early.push(...rows);
        if (early.length < widthRows) return;
        const first = early;
        early = null;
        start(first);
        return;
      }
      for (const row of rows) rowXml(row);
    },
    finish() {
      if (early) {
        start(early);
        early = null;
      }
      const entry = sheet as ZipEntryWriter | null;
      if (!entry) throw new Error('xlsx: no sheet');
      entry.write(`${text}</sheetData></worksheet>`);
      text = '';
      entry.end();
      zip.finish();
    },
  };
}
