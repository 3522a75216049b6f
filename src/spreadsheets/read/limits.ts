// What an import file may be, so a hostile or broken file cannot take the app
// down: sizes are checked before anything is decompressed or decoded.
export const importLimits = {
  /** Bytes of the file as sent. */
  maxFileBytes: 100 * 1024 * 1024,
  /** Sum of the uncompressed sizes a zip (XLSX, ODS) declares. */
  maxUncompressedBytes: 600 * 1024 * 1024,
  /** A zip entry inflating more than this many times its stored size is a zip bomb. */
  maxCompressionRatio: 200,
  maxZipEntries: 10_000,
  maxRows: 1_000_000,
  maxColumns: 500,
  /** Characters in one cell (Excel's own limit is 32,767). */
  maxCellChars: 32_767,
} as const;
