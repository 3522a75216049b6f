// Refuses zip bombs before SheetJS inflates anything: reads the zip's central
// directory and checks entry count, total uncompressed size and per-entry
// compression ratio against importLimits. The same directory tells what the
// zip holds (an XLSX, an ODS, or some other archive or document).
import { importLimits } from './limits.js';

export type ZipVerdict = { ok: true } | { ok: false; reason: 'tooManyEntries' | 'tooLargeUncompressed' | 'compressionRatio' | 'corrupt' };

const eocdSignature = 0x06054b50;
const centralSignature = 0x02014b50;

interface ZipEntry {
  name: string;
  compressed: number;
  uncompressed: number;
}

/** The central directory's entries, or null when there is none (not a zip, or cut short). */
function centralDirectory(bytes: Buffer): ZipEntry[] | 'tooManyEntries' | null {
  if (bytes.length < 22) return null;
  // The end-of-central-directory record sits in the last 22 + 65,535 bytes.
  const searchFrom = Math.max(0, bytes.length - 22 - 0xffff);
  let eocd = -1;
  for (let i = bytes.length - 22; i >= searchFrom; i -= 1) {
    if (bytes.readUInt32LE(i) === eocdSignature) {
      eocd = i;
      break;
    }
  }
  if (eocd < 0) return null;
  const count = bytes.readUInt16LE(eocd + 10);
  if (count > importLimits.maxZipEntries) return 'tooManyEntries';
  const entries: ZipEntry[] = [];
  let offset = bytes.readUInt32LE(eocd + 16);
  for (let n = 0; n < count; n += 1) {
    if (offset + 46 > bytes.length || bytes.readUInt32LE(offset) !== centralSignature) return null;
    const nameLength = bytes.readUInt16LE(offset + 28);
    entries.push({
      name: bytes.toString('latin1', offset + 46, Math.min(bytes.length, offset + 46 + nameLength)),
      compressed: bytes.readUInt32LE(offset + 20),
      uncompressed: bytes.readUInt32LE(offset + 24),
    });
    offset += 46 + nameLength + bytes.readUInt16LE(offset + 30) + bytes.readUInt16LE(offset + 32);
  }
  return entries;
}

export function checkZip(bytes: Buffer): ZipVerdict {
  const entries = centralDirectory(bytes);
  if (entries === null) return { ok: false, reason: 'corrupt' };
  if (entries === 'tooManyEntries') return { ok: false, reason: 'tooManyEntries' };
  let total = 0;
  for (const { compressed, uncompressed } of entries) {
    // 0xFFFFFFFF means the real size is in a ZIP64 field: far beyond any limit here.
    if (uncompressed === 0xffffffff || compressed === 0xffffffff) return { ok: false, reason: 'tooLargeUncompressed' };
    total += uncompressed;
    if (total > importLimits.maxUncompressedBytes) return { ok: false, reason: 'tooLargeUncompressed' };
    if (uncompressed > 1024 * 1024 && uncompressed > compressed * importLimits.maxCompressionRatio) {
      return { ok: false, reason: 'compressionRatio' };
    }
  }
  return { ok: true };
}

export type ZipKind = 'xlsx' | 'ods' | 'document' | 'archive';

/**
 * What a (checked) zip holds, by its entry names rather than the file's extension:
 * Office Open XML with an `xl/` part is a workbook (XLSX, XLSM, XLSB); OpenDocument
 * declares its type in the `mimetype` entry, stored uncompressed first in the file.
 */
export function zipKind(bytes: Buffer): ZipKind {
  const entries = centralDirectory(bytes);
  if (entries === null || entries === 'tooManyEntries') return 'archive';
  const names = entries.map((entry) => entry.name);
  if (names.includes('[Content_Types].xml')) {
    if (names.some((name) => name.startsWith('xl/'))) return 'xlsx';
    return names.some((name) => /^(word|ppt)\//.test(name)) ? 'document' : 'archive';
  }
  if (names.includes('content.xml')) {
    const mimetype = openDocumentType(bytes);
    if (mimetype === null || mimetype.includes('spreadsheet')) return 'ods';
    return 'document';
  }
  return 'archive';
}

/** The `mimetype` entry's text when it is the first entry, stored (ODF requires both). */
function openDocumentType(bytes: Buffer): string | null {
  if (bytes.length < 30 || bytes.readUInt16LE(8) !== 0) return null;
  const nameLength = bytes.readUInt16LE(26);
  const extraLength = bytes.readUInt16LE(28);
  if (bytes.toString('latin1', 30, 30 + nameLength) !== 'mimetype') return null;
  const size = bytes.readUInt32LE(18);
  const start = 30 + nameLength + extraLength;
  return bytes.toString('latin1', start, Math.min(bytes.length, start + Math.min(size, 200)));
}
