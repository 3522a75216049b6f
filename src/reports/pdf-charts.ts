// Small vector charts drawn straight with pdfkit (no images, so they stay
// sharp and tiny): grouped vertical bars and horizontal bars. Values may be
// negative (net sales after refunds), so the zero line is placed from the data.

export interface BarSeries {
  name: string;
  color: string;
  values: readonly number[];
}

interface Box {
  x: number;
  y: number;
  width: number;
  height: number;
}

const axisColor = '#98a2b3';
const textColor = '#475467';

/** Grouped vertical bars, one group per label, with a legend and the max / min values on the axis. */
export function groupedBarChart(doc: PDFKit.PDFDocument, box: Box, labels: readonly string[], series: readonly BarSeries[], format: (value: number) => string): void {
  const legendHeight = 14;
  const labelHeight = 14;
  const axisWidth = 64;
  const plot = { x: box.x + axisWidth, y: box.y + legendHeight, width: box.width - axisWidth, height: box.height - legendHeight - labelHeight };
  const all = series.flatMap((s) => s.values);
  const max = Math.max(0, ...all);
  const min = Math.min(0, ...all);
  const span = max - min || 1;
  const yOf = (value: number) => plot.y + ((max - value) / span) * plot.height;

  // Legend.
  let legendX = plot.x;
  doc.font('body').fontSize(8);
  for (const s of series) {
    doc.rect(legendX, box.y + 2, 8, 8).fill(s.color);
    doc.fillColor(textColor).text(s.name, legendX + 11, box.y + 1, { lineBreak: false });
    legendX += 11 + doc.widthOfString(s.name) + 14;
  }

  // Axis labels: the top, zero and (when negative) the bottom.
  const ticks = min < 0 ? [max, 0, min] : [max, 0];
  for (const tick of ticks) {
    const y = yOf(tick);
    doc.fillColor(textColor).fontSize(7).text(format(tick), box.x, y - 4, { width: axisWidth - 6, align: 'right', lineBreak: false });
    doc.moveTo(plot.x, y).lineTo(plot.x + plot.width, y).lineWidth(tick === 0 ? 0.8 : 0.3).strokeColor(axisColor).stroke();
  }

  const groupWidth = plot.width / Math.max(labels.length, 1);
  const barWidth = Math.min(18, (groupWidth * 0.7) / Math.max(series.length, 1));
  labels.forEach((label, i) => {
    const groupX = plot.x + i * groupWidth + (groupWidth - barWidth * series.length) / 2;
    series.forEach((s, j) => {
      const value = s.values[i] ?? 0;
      const top = yOf(Math.max(value, 0));
      const height = Math.abs(yOf(value) - yOf(0));
      if (height > 0) doc.rect(groupX + j * barWidth, top, barWidth - 1, height).fill(s.color);
    });
    doc.fillColor(textColor).fontSize(8).text(label, plot.x + i * groupWidth, plot.y + plot.height + 3, { width: groupWidth, align: 'center', lineBreak: false });
  });
  doc.fillColor('#101828');
}

/** One horizontal bar per row, labels on the left, values at the bar's end; returns the height used. */
export function horizontalBarChart(
  doc: PDFKit.PDFDocument,
  at: { x: number; y: number; width: number },
  rows: readonly { label: string; value: number }[],
  color: string,
  format: (value: number) => string,
): number {
  const rowHeight = 16;
  const labelWidth = at.width * 0.38;
  const valueWidth = 70;
  const barSpace = at.width - labelWidth - valueWidth - 8;
  const max = Math.max(0, ...rows.map((r) => r.value)) || 1;
  doc.font('body').fontSize(8);
  rows.forEach((row, i) => {
    const y = at.y + i * rowHeight;
    doc.fillColor('#101828').text(row.label, at.x, y + 3, { width: labelWidth - 6, height: rowHeight, ellipsis: true, lineBreak: false });
    const length = Math.max(0, (row.value / max) * barSpace);
    if (length > 0) doc.rect(at.x + labelWidth, y + 3, length, rowHeight - 6).fill(color);
    doc.fillColor(textColor).text(format(row.value), at.x + labelWidth + length + 4, y + 3, { width: valueWidth, lineBreak: false });
  });
  doc.fillColor('#101828');
  return rows.length * rowHeight;
}
