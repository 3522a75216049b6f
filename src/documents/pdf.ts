// PDF documents (purchase orders now, the weekly report later) with pdfkit and
// a CJK font that ships with the app (Noto Sans SC from an npm package, OFL),
// so Chinese supplier and product names render. pdfkit embeds only the glyphs
// used, so documents stay small.
import { createRequire } from 'node:module';
import PDFDocument from 'pdfkit';

const require = createRequire(import.meta.url);
export const fontFiles = {
  regular: require.resolve('@expo-google-fonts/noto-sans-sc/400Regular/NotoSansSC_400Regular.ttf'),
  bold: require.resolve('@expo-google-fonts/noto-sans-sc/700Bold/NotoSansSC_700Bold.ttf'),
};

export type Align = 'left' | 'right';
export interface Column {
  header: string;
  width: number;
  align?: Align;
}

const margin = 48;
const rowPadding = 4;

/** A4 document with the CJK fonts registered; resolves to the PDF bytes once `build` has drawn. */
export async function renderPdf(title: string, build: (doc: PDFKit.PDFDocument) => void): Promise<Buffer> {
  const doc = new PDFDocument({ size: 'A4', margin, info: { Title: title, Creator: 'Shopdesk' }, bufferPages: true });
  doc.registerFont('body', fontFiles.regular);
  doc.registerFont('bold', fontFiles.bold);
  doc.font('body').fontSize(10);
  const chunks: Buffer[] = [];
  doc.on('data', (chunk: Buffer) => chunks.push(chunk));
  const done = new Promise<Buffer>((resolve, reject) => {
    doc.on('end', () => resolve(Buffer.concat(chunks)));
    doc.on('error', reject);
  });
  build(doc);
  // Page numbers last, when the page count is known.
  const range = doc.bufferedPageRange();
  for (let i = range.start; i < range.start + range.count; i += 1) {
    doc.switchToPage(i);
    // Writing inside the bottom margin would otherwise start a new page.
    doc.page.margins.bottom = 0;
    doc.font('body').fontSize(8).fillColor('#667085');
    doc.text(`${title} · ${i + 1} / ${range.count}`, margin, doc.page.height - margin + 16, { width: doc.page.width - 2 * margin, align: 'right', lineBreak: false });
  }
  doc.end();
  return done;
}

/** A table with a header row repeated on every page it spans. */
export function drawTable(doc: PDFKit.PDFDocument, columns: readonly Column[], rows: readonly (readonly string[])[]): void {
  const left = margin;
  const drawRow = (cells: readonly string[], font: 'body' | 'bold') => {
    doc.font(font).fontSize(9).fillColor('#101828');
    const heights = cells.map((cell, i) => doc.heightOfString(cell, { width: (columns[i]?.width ?? 60) - 6 }));
    const height = Math.max(...heights, 10) + 2 * rowPadding;
    if (doc.y + height > doc.page.height - margin - 10) {
      doc.addPage();
      if (font === 'body') {
        drawRow(columns.map((c) => c.header), 'bold');
        // The repeated header left its bold font behind.
        doc.font(font).fontSize(9).fillColor('#101828');
      }
    }
    const top = doc.y;
    let x = left;
    cells.forEach((cell, i) => {
      const column = columns[i];
      if (!column) return;
      doc.text(cell, x + 3, top + rowPadding, { width: column.width - 6, align: column.align ?? 'left' });
      x += column.width;
    });
    doc.moveTo(left, top + height).lineTo(x, top + height).strokeColor(font === 'bold' ? '#98a2b3' : '#eaecf0').lineWidth(0.5).stroke();
    doc.x = left;
    doc.y = top + height;
  };
  drawRow(columns.map((c) => c.header), 'bold');
  for (const row of rows) drawRow(row, 'body');
}
