// Notes Shopdesk writes on ledger rows are stored as keys (read in any language);
// a person's own note is kept as typed; the English notes of older versions are
// recognised as the keys they stand for.
import { describe, expect, it } from 'vitest';
import { readNote, systemNote } from '../../../src/shared/system-note.js';

describe('system notes on ledger rows', () => {
  it('store a key, with parameters when the note has some, and read them back', () => {
    expect(systemNote('transferCancelled')).toBe('note:transferCancelled');
    expect(readNote(systemNote('transferCancelled'))).toEqual({ kind: 'system', key: 'transferCancelled', params: {} });
    expect(readNote(systemNote('importUndone', { changeSetId: 42 }))).toEqual({ kind: 'system', key: 'importUndone', params: { changeSetId: 42 } });
  });

  it('read the English notes older versions wrote as their keys', () => {
    expect(readNote('Discontinued: rest returned to supplier')).toEqual({ kind: 'system', key: 'discontinuedReturned', params: {} });
    expect(readNote('transfer cancelled: back to source')).toEqual({ kind: 'system', key: 'transferCancelled', params: {} });
    expect(readNote('Undo of import #17')).toEqual({ kind: 'system', key: 'importUndone', params: { changeSetId: 17 } });
    expect(readNote('Spreadsheet import')).toEqual({ kind: 'system', key: 'spreadsheetImport', params: {} });
  });

  it('keep what a person typed, even when it looks like a key', () => {
    expect(readNote('盘点时发现破损')).toEqual({ kind: 'text', text: '盘点时发现破损' });
    expect(readNote('note:somethingElse')).toEqual({ kind: 'text', text: 'note:somethingElse' });
    expect(readNote('note:importUndone {broken')).toEqual({ kind: 'text', text: 'note:importUndone {broken' });
    expect(readNote(null)).toBeNull();
    expect(readNote('')).toBeNull();
  });
});
