// What a file is, by its bytes rather than its name: people rename files, save
// a CSV as "products.xlsx", or pick a photo of the price list by mistake. A
// file that is not a spreadsheet is refused with what it looks like, instead
// of being decoded as GB18030 text into rows of errors.

/** Known non-spreadsheet kinds; the UI names them (errors.notSpreadsheet.<kind>). */
export const notSpreadsheetKinds = ['image', 'pdf', 'archive', 'document', 'binary'] as const;
export type NotSpreadsheet = (typeof notSpreadsheetKinds)[number];

export type ContentKind = { kind: 'zip' } | { kind: 'xls' } | { kind: 'text' } | { kind: 'empty' } | { kind: 'refused'; what: NotSpreadsheet };

const startsWith = (bytes: Buffer, signature: readonly number[], at = 0) =>
  bytes.length >= at + signature.length && signature.every((byte, i) => bytes[at + i] === byte);
const ascii = (text: string) => [...text].map((char) => char.charCodeAt(0));

/** Signatures from each format's specification (first bytes of the file). */
const signatures: readonly { what: NotSpreadsheet; bytes: readonly number[]; at?: number }[] = [
  { what: 'image', bytes: [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a] }, // PNG
  { what: 'image', bytes: [0xff, 0xd8, 0xff] }, // JPEG
  { what: 'image', bytes: ascii('GIF87a') },
  { what: 'image', bytes: ascii('GIF89a') },
  { what: 'image', bytes: ascii('WEBP'), at: 8 }, // RIFF....WEBP
  { what: 'image', bytes: [0x49, 0x49, 0x2a, 0x00] }, // TIFF little-endian
  { what: 'image', bytes: [0x4d, 0x4d, 0x00, 0x2a] }, // TIFF big-endian
  { what: 'image', bytes: ascii('ftypheic'), at: 4 },
  { what: 'image', bytes: ascii('ftypavif'), at: 4 },
  { what: 'pdf', bytes: ascii('%PDF-') },
  { what: 'archive', bytes: [0x1f, 0x8b] }, // gzip
  { what: 'archive', bytes: [0x37, 0x7a, 0xbc, 0xaf, 0x27, 0x1c] }, // 7-Zip
  { what: 'archive', bytes: ascii('Rar!\x1a\x07') },
  { what: 'document', bytes: ascii('{\\rtf') },
];

export function contentKind(bytes: Buffer): ContentKind {
  if (bytes.length === 0) return { kind: 'empty' };
  // Local file header, or the end record of an empty zip.
  if (startsWith(bytes, [0x50, 0x4b, 0x03, 0x04]) || startsWith(bytes, [0x50, 0x4b, 0x05, 0x06])) return { kind: 'zip' };
  // OLE2 compound file: legacy XLS (a .doc is refused later, when SheetJS finds no workbook in it).
  if (startsWith(bytes, [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1])) return { kind: 'xls' };
  for (const signature of signatures) {
    if (startsWith(bytes, signature.bytes, signature.at ?? 0)) {
      // RIFF is also WAV / AVI: only WEBP is named an image.
      if (signature.at === 8 && !startsWith(bytes, ascii('RIFF'))) continue;
      return { kind: 'refused', what: signature.what };
    }
  }
  return { kind: 'text' };
}

const sampleChars = 64 * 1024;

/**
 * Decoded text that no spreadsheet program writes: a NUL, or more than 1 % control
 * characters (tab, line breaks and form feed aside) in the first 64K characters.
 * Text files (any encoding, once decoded) have none; executables, audio, fonts and
 * other binaries decoded as GB18030 are full of them.
 */
export function looksBinary(text: string): boolean {
  const length = Math.min(text.length, sampleChars);
  let controls = 0;
  for (let i = 0; i < length; i += 1) {
    const code = text.charCodeAt(i);
    if (code === 0) return true;
    if ((code < 0x20 && code !== 9 && code !== 10 && code !== 12 && code !== 13) || code === 0x7f) controls += 1;
  }
  return controls > length * 0.01;
}

/** Only a BOM, spaces and line breaks (or delimiters alone, as some exporters write for "no rows"). */
export function isBlankText(text: string): boolean {
  return /^[\s\ufeff,;\t]*$/.test(text);
}
