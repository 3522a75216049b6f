// Writes text as GBK bytes, the way Excel on Chinese Windows saves a "CSV".
// Node decodes GBK but has no encoder, so the table is built once by decoding
// every two-byte GBK code: each character maps back to the bytes that decode
// to it (ASCII stays one byte).
const table = new Map<string, [number, number]>();

function buildTable(): void {
  const decoder = new TextDecoder('gbk', { fatal: true });
  for (let lead = 0x81; lead <= 0xfe; lead += 1) {
    for (let trail = 0x40; trail <= 0xfe; trail += 1) {
      if (trail === 0x7f) continue;
      try {
        const char = decoder.decode(Uint8Array.of(lead, trail));
        if ([...char].length === 1 && !table.has(char)) table.set(char, [lead, trail]);
      } catch {
        // Not a GBK code: nothing decodes to it.
      }
    }
  }
}

export function gbk(text: string): Buffer {
  if (table.size === 0) buildTable();
  const bytes: number[] = [];
  for (const char of text) {
    const code = char.codePointAt(0) ?? 0;
    if (code < 0x80) {
      bytes.push(code);
      continue;
    }
    const pair = table.get(char);
    if (!pair) throw new Error(`"${char}" has no GBK code`);
    bytes.push(...pair);
  }
  return Buffer.from(bytes);
}
