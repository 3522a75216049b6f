// CSV / TSV: the delimiter is sniffed from the first lines (comma, semicolon or
// tab: whichever splits them into the most consistent column count), then
// parsed per RFC 4180 (quoted cells may hold delimiters, quotes and newlines).
export type Delimiter = ',' | ';' | '\t';
const candidates: readonly Delimiter[] = [',', ';', '\t'];

export function sniffDelimiter(text: string): Delimiter {
  const lines = firstLines(text, 20);
  let best: Delimiter = ',';
  let bestScore = -1;
  for (const delimiter of candidates) {
    const counts = lines.map((line) => countOutsideQuotes(line, delimiter));
    const first = counts[0] ?? 0;
    if (first === 0) continue;
    // Lines agreeing with the header's count, weighted by how many columns that gives.
    const agreeing = counts.filter((count) => count === first).length;
    const score = agreeing * 1000 + first;
    if (score > bestScore) {
      best = delimiter;
      bestScore = score;
    }
  }
  return best;
}

function firstLines(text: string, count: number): string[] {
  const lines: string[] = [];
  let start = 0;
  while (lines.length < count && start < text.length) {
    let end = text.indexOf('\n', start);
    if (end < 0) end = text.length;
    const line = text.slice(start, end).replace(/\r$/, '');
    if (line.trim() !== '') lines.push(line);
    start = end + 1;
  }
  return lines;
}

function countOutsideQuotes(line: string, delimiter: string): number {
  let count = 0;
  let quoted = false;
  for (const char of line) {
    if (char === '"') quoted = !quoted;
    else if (char === delimiter && !quoted) count += 1;
  }
  return count;
}

/**
 * Parses the whole text into rows of strings. Stops with `tooManyRows` once
 * `maxRows` rows are read, so a huge file is refused without holding it all.
 */
export function parseDelimited(text: string, delimiter: Delimiter, maxRows: number): { rows: string[][]; tooManyRows: boolean } {
  const intern = cellInterner();
  const rows: string[][] = [];
  let row: string[] = [];
  let cell = '';
  let i = 0;
  const length = text.length;
  const delimiterCode = delimiter.charCodeAt(0);
  while (i < length) {
    const code = text.charCodeAt(i);
    if (code === 34 /* " */ && cell === '') {
      // Quoted cell: runs to the closing quote; "" is a literal quote.
      i += 1;
      let start = i;
      let value = '';
      for (;;) {
        const close = text.indexOf('"', i);
        if (close < 0) {
          value += text.slice(start);
          i = length;
          break;
        }
        if (text.charCodeAt(close + 1) === 34) {
          value += text.slice(start, close + 1);
          i = close + 2;
          start = i;
          continue;
        }
        value += text.slice(start, close);
        i = close + 1;
        break;
      }
      cell = value;
      // Anything between the closing quote and the delimiter is kept, as Excel does.
      while (i < length) {
        const next = text.charCodeAt(i);
        if (next === delimiterCode || next === 10 || next === 13) break;
        cell += text[i];
        i += 1;
      }
      continue;
    }
    if (code === delimiterCode) {
      row.push(intern(cell));
      cell = '';
      i += 1;
      continue;
    }
    if (code === 10 || code === 13) {
      row.push(intern(cell));
      rows.push(row);
      if (rows.length > maxRows) return { rows, tooManyRows: true };
      row = [];
      cell = '';
      i += code === 13 && text.charCodeAt(i + 1) === 10 ? 2 : 1;
      continue;
    }
    // Plain run up to the next delimiter or line end.
    let end = i + 1;
    while (end < length) {
      const next = text.charCodeAt(end);
      if (next === delimiterCode || next === 10 || next === 13) break;
      end += 1;
    }
    cell += text.slice(i, end);
    i = end;
  }
  if (cell !== '' || row.length > 0) {
    row.push(intern(cell));
    rows.push(row);
  }
  return { rows, tooManyRows: rows.length > maxRows };
}

/** Cells up to this long are looked up among the ones already read (longer text rarely repeats). */
const internedLength = 64;
/** At most this many distinct cells are remembered (the lookup's own memory stays small). */
const internedCells = 100_000;

/**
 * One string per distinct short cell value: a product file repeats its option names and values,
 * brands, categories, statuses and prices on every row, and the session keeps every row's cells
 * until it is closed — 100,000 rows of 14 cells are ~1.4 million strings otherwise.
 */
function cellInterner(): (cell: string) => string {
  const seen = new Map<string, string>();
  return (cell) => {
    if (cell.length > internedLength) return cell;
    const known = seen.get(cell);
    if (known !== undefined) return known;
    if (seen.size < internedCells) seen.set(cell, cell);
    return cell;
  };
}
