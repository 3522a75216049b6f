// A ZIP container written front to back, for XLSX exports: each entry's bytes
// are deflated as they come (never the whole entry in memory), its CRC and sizes
// follow it in a data descriptor, and the central directory closes the file.
// Chunks are deflated one by one with a sync flush, which ends each on a byte
// boundary without closing the stream: concatenated, they are one valid deflate
// stream (a chunk only refers back into itself), closed by an empty final block.
import { constants, crc32, deflateRawSync } from 'node:zlib';

/** Above this, sizes do not fit the classic 32-bit fields and the entry is described in ZIP64. */
const max32 = 0xffffffff;
/** Bit 3: sizes and CRC in a data descriptor after the data; bit 11: names are UTF-8. */
const flags = 0x0008 | 0x0800;
const deflated = 8;
const finalEmptyBlock = Buffer.from([0x03, 0x00]);

export interface ZipEntryWriter {
  /** Adds text (as UTF-8) or bytes to the entry; they are deflated once enough has gathered. */
  write(data: string | Buffer): void;
  /** Closes the entry (its data descriptor is written). */
  end(): void;
}

interface Written {
  name: Buffer;
  crc: number;
  compressed: number;
  size: number;
  offset: number;
}

/** MS-DOS date and time of `at` (local fields, as ZIP tools show them). */
function dosDateTime(at: Date): { time: number; date: number } {
  return {
    time: (at.getHours() << 11) | (at.getMinutes() << 5) | Math.floor(at.getSeconds() / 2),
    date: ((Math.max(at.getFullYear(), 1980) - 1980) << 9) | ((at.getMonth() + 1) << 5) | at.getDate(),
  };
}

/**
 * A ZIP being written into `output` (the file's bytes in order). One entry is open at a time.
 * `level` is zlib's (1 fastest … 9 smallest).
 */
export function createZipWriter(output: (bytes: Buffer) => void, level = 6, now = new Date()): {
  entry(name: string): ZipEntryWriter;
  /** Writes the central directory; the ZIP is complete after it. */
  finish(): void;
} {
  const { time, date } = dosDateTime(now);
  const entries: Written[] = [];
  let offset = 0;
  let open = false;
  const emit = (bytes: Buffer) => {
    offset += bytes.length;
    output(bytes);
  };

  function entry(fileName: string): ZipEntryWriter {
    if (open) throw new Error('zip: the previous entry is still open');
    open = true;
    const name = Buffer.from(fileName, 'utf8');
    const start = offset;
    const header = Buffer.alloc(30);
    header.writeUInt32LE(0x04034b50, 0);
    header.writeUInt16LE(20, 4);
    header.writeUInt16LE(flags, 6);
    header.writeUInt16LE(deflated, 8);
    header.writeUInt16LE(time, 10);
    header.writeUInt16LE(date, 12);
    // CRC and sizes (14–25) stay 0: they follow in the data descriptor.
    header.writeUInt16LE(name.length, 26);
    emit(header);
    emit(name);
    let crc = 0;
    let size = 0;
    let compressed = 0;
    let pending: Buffer[] = [];
    let pendingBytes = 0;
    const flush = (final: boolean) => {
      if (pendingBytes > 0) {
        const raw = pending.length === 1 ? (pending[0] as Buffer) : Buffer.concat(pending, pendingBytes);
        pending = [];
        pendingBytes = 0;
        crc = crc32(raw, crc);
        size += raw.length;
        const packed = deflateRawSync(raw, { level, finishFlush: constants.Z_SYNC_FLUSH });
        compressed += packed.length;
        emit(packed);
      }
      if (final) {
        compressed += finalEmptyBlock.length;
        emit(finalEmptyBlock);
      }
    };
    return {
      write(data) {
        const bytes = typeof data === 'string' ? Buffer.from(data, 'utf8') : data;
        pending.push(bytes);
        pendingBytes += bytes.length;
        // Large enough chunks keep the ratio close to one deflate over the whole entry.
        if (pendingBytes >= 1 << 20) flush(false);
      },
      end() {
        flush(true);
        const zip64 = size > max32 || compressed > max32;
        const descriptor = Buffer.alloc(zip64 ? 24 : 16);
        descriptor.writeUInt32LE(0x08074b50, 0);
        descriptor.writeUInt32LE(crc >>> 0, 4);
        if (zip64) {
          descriptor.writeBigUInt64LE(BigInt(compressed), 8);
          descriptor.writeBigUInt64LE(BigInt(size), 16);
        } else {
          descriptor.writeUInt32LE(compressed, 8);
          descriptor.writeUInt32LE(size, 12);
        }
        emit(descriptor);
        entries.push({ name, crc: crc >>> 0, compressed, size, offset: start });
        open = false;
      },
    };
  }

  function finish(): void {
    if (open) throw new Error('zip: an entry is still open');
    const directoryStart = offset;
    for (const written of entries) {
      const zip64 = written.size > max32 || written.compressed > max32 || written.offset > max32;
      // ZIP64 extended information: the sizes and offset that do not fit 32 bits.
      const extra = zip64 ? Buffer.alloc(4 + 24) : Buffer.alloc(0);
      if (zip64) {
        extra.writeUInt16LE(0x0001, 0);
        extra.writeUInt16LE(24, 2);
        extra.writeBigUInt64LE(BigInt(written.size), 4);
        extra.writeBigUInt64LE(BigInt(written.compressed), 12);
        extra.writeBigUInt64LE(BigInt(written.offset), 20);
      }
      const record = Buffer.alloc(46);
      record.writeUInt32LE(0x02014b50, 0);
      record.writeUInt16LE(zip64 ? 45 : 20, 4);
      record.writeUInt16LE(zip64 ? 45 : 20, 6);
      record.writeUInt16LE(flags, 8);
      record.writeUInt16LE(deflated, 10);
      record.writeUInt16LE(time, 12);
      record.writeUInt16LE(date, 14);
      record.writeUInt32LE(written.crc, 16);
      record.writeUInt32LE(zip64 ? max32 : written.compressed, 20);
      record.writeUInt32LE(zip64 ? max32 : written.size, 24);
      record.writeUInt16LE(written.name.length, 28);
      record.writeUInt16LE(extra.length, 30);
      // Comment length, disk number, internal and external attributes: 0.
      record.writeUInt32LE(zip64 ? max32 : written.offset, 42);
      emit(record);
      emit(written.name);
      if (extra.length > 0) emit(extra);
    }
    const directorySize = offset - directoryStart;
    if (directoryStart > max32) throw new Error('zip: the file is too large for one export');
    const end = Buffer.alloc(22);
    end.writeUInt32LE(0x06054b50, 0);
    end.writeUInt16LE(entries.length, 8);
    end.writeUInt16LE(entries.length, 10);
    end.writeUInt32LE(directorySize, 12);
    end.writeUInt32LE(directoryStart, 16);
    emit(end);
  }

  return { entry, finish };
}
