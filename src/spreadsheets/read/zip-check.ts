// Refuses zip bombs before SheetJS inflates anything: reads the zip's central
// directory and checks entry count, total uncompressed size and per-entry
// compression ratio against importLimits.
import { importLimits } from './limits.js';

export type ZipVerdict = { ok: true } | { ok: false; reason: 'tooManyEntries' | 'tooLargeUncompressed' | 'compressionRatio' | 'corrupt' };

const eocdSignature = 0x06054b50;
const centralSignature = 0x02014b50;

export function checkZip(bytes: Buffer): ZipVerdict {
  // The end-of-central-directory record sits in the last 22 + 65,535 bytes.
  const searchFrom = Math.max(0, bytes.length - 22 - 0xffff);
  let eocd = -1;
  for (let i = bytes.length - 22; i >= searchFrom; i -= 1) {
    if (bytes.readUInt32LE(i) === eocdSignature) {
      eocd = i;
      break;
    }
  }
  if (eocd < 0) return { ok: false, reason: 'corrupt' };
  const entries = bytes.readUInt16LE(eocd + 10);
  const directoryOffset = bytes.readUInt32LE(eocd + 16);
  if (entries > importLimits.maxZipEntries) return { ok: false, reason: 'tooManyEntries' };
  let offset = directoryOffset;
  let total = 0;
  for (let n = 0; n < entries; n += 1) {
    if (offset + 46 > bytes.length || bytes.readUInt32LE(offset) !== centralSignature) return { ok: false, reason: 'corrupt' };
    const compressed = bytes.readUInt32LE(offset + 20);
    const uncompressed = bytes.readUInt32LE(offset + 24);
    // 0xFFFFFFFF means the real size is in a ZIP64 field: far beyond any limit here.
    if (uncompressed === 0xffffffff || compressed === 0xffffffff) return { ok: false, reason: 'tooLargeUncompressed' };
    total += uncompressed;
    if (total > importLimits.maxUncompressedBytes) return { ok: false, reason: 'tooLargeUncompressed' };
    if (uncompressed > 1024 * 1024 && uncompressed > compressed * importLimits.maxCompressionRatio) {
      return { ok: false, reason: 'compressionRatio' };
    }
    offset += 46 + bytes.readUInt16LE(offset + 28) + bytes.readUInt16LE(offset + 30) + bytes.readUInt16LE(offset + 32);
  }
  return { ok: true };
}
