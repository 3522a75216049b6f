// Notes Shopdesk itself writes on stock ledger rows (a cancelled transfer's stock
// going back, an import's stock, the demo's discontinued items) are stored as a key,
// `note:<key>` or `note:<key> {json params}`, and rendered in the reader's language
// (ledgerNote.<key> in the renderer's dictionary). A person's own note is stored
// as typed. Notes written before this, in English, are recognised too. Pure.

export const systemNoteKeys = ['transferCancelled', 'spreadsheetImport', 'importUndone', 'discontinuedReturned'] as const;
export type SystemNoteKey = (typeof systemNoteKeys)[number];
export type SystemNoteParams = Record<string, string | number>;

export type ReadNote = { kind: 'system'; key: SystemNoteKey; params: SystemNoteParams } | { kind: 'text'; text: string };

const prefix = 'note:';

/** The stored form of a system note. */
export function systemNote(key: SystemNoteKey, params?: SystemNoteParams): string {
  return params ? `${prefix}${key} ${JSON.stringify(params)}` : `${prefix}${key}`;
}

/** The English texts older builds stored, read as the keys they stand for. */
const legacy: readonly { pattern: RegExp; key: SystemNoteKey; params?: (match: RegExpExecArray) => SystemNoteParams }[] = [
  { pattern: /^transfer cancelled: back to source$/, key: 'transferCancelled' },
  { pattern: /^Spreadsheet import$/, key: 'spreadsheetImport' },
  { pattern: /^Undo of import #(\d+)$/, key: 'importUndone', params: (m) => ({ changeSetId: Number(m[1]) }) },
  { pattern: /^Discontinued: rest returned to supplier$/, key: 'discontinuedReturned' },
];

function isKey(key: string): key is SystemNoteKey {
  return (systemNoteKeys as readonly string[]).includes(key);
}

function readParams(json: string): SystemNoteParams | null {
  try {
    const value: unknown = JSON.parse(json);
    if (typeof value !== 'object' || value === null || Array.isArray(value)) return null;
    const entries = Object.entries(value);
    return entries.every(([, v]) => typeof v === 'string' || typeof v === 'number') ? (Object.fromEntries(entries) as SystemNoteParams) : null;
  } catch {
    return null;
  }
}

/** A ledger note as something to render: a system note's key, or the person's own text (null: no note). */
export function readNote(note: string | null): ReadNote | null {
  if (note === null || note === '') return null;
  if (note.startsWith(prefix)) {
    const body = note.slice(prefix.length);
    const space = body.indexOf(' ');
    const key = space < 0 ? body : body.slice(0, space);
    const params = space < 0 ? {} : readParams(body.slice(space + 1));
    if (isKey(key) && params) return { kind: 'system', key, params };
    return { kind: 'text', text: note };
  }
  for (const entry of legacy) {
    const match = entry.pattern.exec(note);
    if (match) return { kind: 'system', key: entry.key, params: entry.params?.(match) ?? {} };
  }
  return { kind: 'text', text: note };
}
