// The CSV reader keeps one string per distinct short cell (read/delimited.ts): a product file
// repeats its option values, brands and prices on every row. What is read must not change: every
// cell keeps its own value — repeated, quoted, long, blank — whatever was seen before it.
import { describe, expect, it } from 'vitest';
import { parseDelimited } from '../../../src/spreadsheets/read/delimited.js';

describe('CSV cells read once per distinct value', () => {
  it('reads repeated, quoted, blank and long cells exactly as written', () => {
    const long = 'x'.repeat(65);
    const text = ['sku,colour,note', `A-1,Red,${long}`, 'A-2,Red,"Red, dark"', `A-3,"Red",${long}y`, 'A-4,,Red', 'A-5,"say ""Red""",'].join('\r\n');
    expect(parseDelimited(text, ',', 100)).toEqual({
      rows: [
        ['sku', 'colour', 'note'],
        ['A-1', 'Red', long],
        ['A-2', 'Red', 'Red, dark'],
        ['A-3', 'Red', `${long}y`],
        ['A-4', '', 'Red'],
        ['A-5', 'say "Red"', ''],
      ],
      tooManyRows: false,
    });
  });

  it('shares one string among the rows that repeat a short value, and still reads past the remembered ones', () => {
    // More distinct values than are remembered: the later ones are read as they are.
    const rows = Array.from({ length: 100_050 }, (_, i) => `v${i},Blue`);
    const parsed = parseDelimited(['value,colour', ...rows].join('\n'), ',', 200_000);
    expect(parsed.rows).toHaveLength(100_051);
    expect(parsed.rows[100_050]).toEqual(['v100049', 'Blue']);
    expect(parsed.rows.slice(1).every((row, i) => row[0] === `v${i}` && row[1] === 'Blue')).toBe(true);
  });
});
