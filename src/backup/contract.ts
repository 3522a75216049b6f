// Backups of the shop file and the file's health. Pure (zod + types): the
// renderer imports it. A backup is a plain SQLite copy of the shop (another
// Shopdesk opens it as a shop) plus a sidecar `<file>.json` holding the
// metadata below, so the list never has to open every copy.
import { z } from 'zod';

/** Why a backup was made: by hand, by the daily schedule, or just before something that rewrites much of the shop. */
export const backupReasons = ['manual', 'daily', 'beforeImport', 'beforeBulkEdit', 'beforeRestore', 'beforeMigration'] as const;
export const backupReasonSchema = z.enum(backupReasons);
export type BackupReason = z.infer<typeof backupReasonSchema>;

export const shopCountsSchema = z.object({
  products: z.number().int().min(0),
  variants: z.number().int().min(0),
  orders: z.number().int().min(0),
});
export type ShopCounts = z.infer<typeof shopCountsSchema>;

/** What `PRAGMA integrity_check` said about the copy: 'ok', or 'failed' with its first lines in checkDetail. */
export const copyCheckSchema = z.enum(['ok', 'failed']);

/** The sidecar JSON written beside each backup (validated when read back). */
export const backupMetaSchema = z.object({
  format: z.literal('shopdesk-backup/1'),
  shopName: z.string().nullable(),
  /** UTC ISO instant of the copy. */
  createdAt: z.string(),
  reason: backupReasonSchema,
  schemaVersion: z.number().int().min(0),
  counts: shopCountsSchema,
  sizeBytes: z.number().int().min(0),
  check: copyCheckSchema,
  checkDetail: z.string().nullable(),
});
export type BackupMeta = z.infer<typeof backupMetaSchema>;

export const backupEntrySchema = backupMetaSchema.extend({
  /** The file name inside the backups folder (stable id of a backup). */
  id: z.string(),
  path: z.string(),
});
export type BackupEntry = z.infer<typeof backupEntrySchema>;

/** How many backups the rotation keeps (see rotation.ts). */
export const keepPolicySchema = z.object({
  daily: z.number().int().min(1).max(366),
  weekly: z.number().int().min(0).max(520),
  monthly: z.number().int().min(0).max(240),
  /** The last N manual and before-X backups (each reason on its own count). */
  perReason: z.number().int().min(1).max(1000),
});
export type KeepPolicy = z.infer<typeof keepPolicySchema>;

/** Stored in `<shop file>.backups.json` beside the shop (read back through this schema). */
export const backupSettingsSchema = z.object({
  /** Absolute folder for backups (another disk, a synced folder); null = `backups` next to the shop file. */
  folder: z.string().min(1).max(1000).nullable(),
  /** A bulk edit of more rows than this makes a backup first. */
  bulkEditThreshold: z.number().int().min(1).max(10_000_000),
  keep: keepPolicySchema,
});
export type BackupSettings = z.infer<typeof backupSettingsSchema>;

export const defaultBackupSettings: BackupSettings = {
  folder: null,
  bulkEditThreshold: 1000,
  keep: { daily: 7, weekly: 4, monthly: 12, perReason: 10 },
};

export const backupSettingsViewSchema = backupSettingsSchema.extend({
  /** The folder backups go to now (the default resolved). */
  resolvedFolder: z.string(),
});

/** What a file holds, read from the file itself (never trusted from its name or sidecar). */
export const inspectionSchema = z.object({
  path: z.string(),
  shopName: z.string().nullable(),
  /** When the copy was made (sidecar), else the file's modification time. */
  createdAt: z.string(),
  reason: backupReasonSchema.nullable(),
  schemaVersion: z.number().int().min(0),
  /** The schema this Shopdesk knows: a lower schemaVersion is upgraded on restore. */
  appSchemaVersion: z.number().int().min(0),
  counts: shopCountsSchema,
  sizeBytes: z.number().int().min(0),
});
export type Inspection = z.infer<typeof inspectionSchema>;

const pathSchema = z.string().trim().min(1).max(1000);

export const healthStateSchema = z.discriminatedUnion('state', [
  z.object({ state: z.literal('ok'), checkedAt: z.string().nullable() }),
  z.object({
    state: z.literal('damaged'),
    /** SQLite's own words (first lines of quick_check, or the error that revealed it). */
    detail: z.string(),
    since: z.string(),
  }),
]);
export type HealthState = z.infer<typeof healthStateSchema>;

export const healthStatusSchema = z.object({
  health: healthStateSchema,
  /** The way out when damaged: the newest backup whose copy passed its check. */
  newestGoodBackup: backupEntrySchema.nullable(),
});

export const backupsContract = {
  /** The backups in the folder, newest first, and the settings. */
  'backups.list': {
    input: z.object({}),
    output: z.object({
      folder: z.string(),
      backups: z.array(backupEntrySchema),
      settings: backupSettingsViewSchema,
      /** The shop open now, as a restore confirmation names it (null before a shop exists). */
      current: z.object({ shopName: z.string().nullable(), counts: shopCountsSchema }).nullable(),
    }),
  },
  /** Backup now (reason manual): a verified copy in the backups folder, then the rotation. */
  'backups.create': { input: z.object({}), output: backupEntrySchema },
  /** Reads a backup (from the list or any file) without changing anything. */
  'backups.inspect': { input: z.object({ path: pathSchema }), output: inspectionSchema },
  /** A backup sent by a browser (serve mode): saved in the backups folder as `uploaded-…`, then inspected. */
  'backups.upload': {
    input: z.object({ fileName: z.string().min(1).max(260), contentBase64: z.string().min(1) }),
    output: inspectionSchema,
  },
  /** Replaces the shop with the backup (upgraded when older); the current shop is backed up first. */
  'backups.restore': {
    input: z.object({ path: pathSchema }),
    output: z.object({
      restored: inspectionSchema,
      /** The backup of the shop as it was (null when there was no shop yet: a restore on the first screen). */
      before: backupEntrySchema.nullable(),
      countsBefore: shopCountsSchema,
    }),
  },
  /**
   * The whole shop in one file another Shopdesk opens: written to `path` when given (the desktop's
   * save dialog), else answered as a download (serve mode; up to downloadLimitBytes).
   */
  'backups.exportShop': {
    input: z.object({ path: pathSchema.optional() }),
    output: z.object({
      path: z.string().nullable(),
      sizeBytes: z.number().int(),
      counts: shopCountsSchema,
      file: z.object({ fileName: z.string(), mimeType: z.string(), contentBase64: z.string() }).nullable(),
    }),
  },
  'backups.settings.get': { input: z.object({}), output: backupSettingsViewSchema },
  'backups.settings.update': {
    input: z.object({
      folder: z.string().trim().max(1000).nullable().optional(),
      bulkEditThreshold: backupSettingsSchema.shape.bulkEditThreshold.optional(),
      keep: keepPolicySchema.partial().optional(),
    }),
    output: backupSettingsViewSchema,
  },
} as const;

export const healthContract = {
  'health.status': { input: z.object({}), output: healthStatusSchema },
  /** Runs PRAGMA quick_check now and answers the new state. */
  'health.check': { input: z.object({}), output: healthStatusSchema },
} as const;

/** A shop exported as a download is answered in base64: bigger ones go to a path (desktop) or the backups folder. */
export const downloadLimitBytes = 200 * 1024 * 1024;
