// The backup settings live in a small JSON file beside the shop
// (`<shop file>.backups.json`), not in the shop: the folder a restore reads
// from must not be replaced by the restore itself, and a damaged shop file
// must not hide where its backups are. Written to a temp name and renamed, so
// a crash leaves the old settings or the new ones, never half a file.
import { existsSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { dirname, isAbsolute, join } from 'node:path';
import { AppError } from '../shared/app-error.js';
import { backupSettingsSchema, defaultBackupSettings, type BackupSettings } from './contract.js';

export function settingsPath(dbPath: string): string {
  return `${dbPath}.backups.json`;
}

export function defaultBackupFolder(dbPath: string): string {
  return join(dirname(dbPath), 'backups');
}

/** The settings; defaults when the file is missing or unreadable (a broken settings file must never stop backups). */
export function readBackupSettings(dbPath: string): BackupSettings {
  const path = settingsPath(dbPath);
  if (!existsSync(path)) return defaultBackupSettings;
  try {
    const raw: unknown = JSON.parse(readFileSync(path, 'utf8'));
    const merged = typeof raw === 'object' && raw !== null ? { ...defaultBackupSettings, ...raw } : raw;
    const parsed = backupSettingsSchema.safeParse(merged);
    return parsed.success ? parsed.data : defaultBackupSettings;
  } catch {
    return defaultBackupSettings;
  }
}

export function backupFolderOf(dbPath: string, settings: BackupSettings = readBackupSettings(dbPath)): string {
  return settings.folder ?? defaultBackupFolder(dbPath);
}

export function writeBackupSettings(dbPath: string, settings: BackupSettings): void {
  if (settings.folder !== null && !isAbsolute(settings.folder)) {
    throw new AppError('VALIDATION', `The backups folder must be a full path (like /media/backup/shop or D:\\Backups); "${settings.folder}" is not.`, {
      key: 'validation',
      issues: [{ path: 'folder', key: 'backupFolderNotAbsolute', message: `folder: ${settings.folder} is not an absolute path` }],
    });
  }
  const path = settingsPath(dbPath);
  const temp = `${path}.partial`;
  writeFileSync(temp, `${JSON.stringify(backupSettingsSchema.parse(settings), null, 2)}\n`);
  renameSync(temp, path);
}
