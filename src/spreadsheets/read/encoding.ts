// Text encodings of CSV/TSV files merchants send: a BOM decides first (UTF-8
// from WPS, UTF-16 from Excel's "Unicode text"), then a strict UTF-8 check,
// else GB18030 (what Excel on Chinese Windows writes; a superset of GBK).
export const textEncodings = ['utf-8', 'utf-16le', 'utf-16be', 'gb18030'] as const;
export type TextEncoding = (typeof textEncodings)[number];

export interface DetectedEncoding {
  encoding: TextEncoding;
  bom: boolean;
}

export function detectEncoding(bytes: Uint8Array): DetectedEncoding {
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) return { encoding: 'utf-8', bom: true };
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return { encoding: 'utf-16le', bom: true };
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return { encoding: 'utf-16be', bom: true };
  const bomless16 = bomlessUtf16(bytes);
  if (bomless16) return { encoding: bomless16, bom: false };
  try {
    new TextDecoder('utf-8', { fatal: true }).decode(bytes);
    return { encoding: 'utf-8', bom: false };
  } catch {
    return { encoding: 'gb18030', bom: false };
  }
}

/** UTF-16 without a BOM: ASCII text leaves every other byte zero. */
function bomlessUtf16(bytes: Uint8Array): TextEncoding | null {
  const sample = Math.min(bytes.length, 4096) & ~1;
  if (sample < 4) return null;
  let evenZeros = 0;
  let oddZeros = 0;
  for (let i = 0; i < sample; i += 2) {
    if (bytes[i] === 0) evenZeros += 1;
    if (bytes[i + 1] === 0) oddZeros += 1;
  }
  const pairs = sample / 2;
  if (oddZeros > pairs * 0.4 && evenZeros < pairs * 0.05) return 'utf-16le';
  if (evenZeros > pairs * 0.4 && oddZeros < pairs * 0.05) return 'utf-16be';
  return null;
}

/** Decodes with the given encoding; a BOM of that encoding is dropped, bad bytes become U+FFFD. */
export function decodeText(bytes: Uint8Array, encoding: TextEncoding): string {
  return new TextDecoder(encoding).decode(bytes);
}
