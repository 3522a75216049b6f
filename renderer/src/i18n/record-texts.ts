// Records the app kept (History entries, stock ledger rows) read in the reader's
// language: they are stored as keys and codes (src/shared/history-summary.ts,
// src/shared/system-note.ts) and rendered here through the dictionary, so an
// entry written in English reads in Chinese after switching language. Older rows
// without a key show the text they were stored with.
import { useMemo } from 'react';
import type { ChangeSetInfo } from '../../../src/history/contract.js';
import { actorName, renderSummary, summaryFormats } from '../../../src/shared/history-summary.js';
import type { Locale } from '../../../src/settings/contract.js';
import { readNote } from '../../../src/shared/system-note.js';
import { useShop } from '../app/shop-context.js';
import { useI18n } from './context.js';
import { dictionaries, interpolate, isMessageKey, type Params } from './translate.js';

export interface RecordTexts {
  /** What a change set did. */
  summary(set: Pick<ChangeSetInfo, 'summary' | 'summaryKey' | 'summaryParams'>): string;
  /** Who did it: `owner` → "Owner" / "店主"; an unknown actor as stored. */
  actor(actor: string): string;
  /** A ledger row's document: `order 8183` → "订单 8183". */
  reference(refType: string | null, refId: string | null): string;
  /** A ledger note: Shopdesk's own notes translated, a person's note as typed. */
  note(note: string | null): string | null;
  /** An adjustment reason code: built-in codes translated, a shop's own code as it is. */
  reasonCode(code: string): string;
}

/** Who made a change or a movement, by name in the language (`owner` → "店主"). */
export function actorText(locale: Locale, actor: string): string {
  const dictionary = dictionaries[locale];
  return actorName(actor, (key) => (isMessageKey(key) ? dictionary[key] : undefined));
}

/** The record texts of one language; pure, for tests and for code outside React. */
export function recordTexts(locale: Locale, currency: string): RecordTexts {
  const dictionary = dictionaries[locale];
  const lookup = (key: string): string | undefined => (isMessageKey(key) ? dictionary[key] : undefined);
  const text = (key: string, params?: Params): string | undefined => {
    const template = lookup(key);
    return template === undefined ? undefined : interpolate(template, params);
  };
  const formats = summaryFormats(locale, currency, lookup);
  return {
    summary: (set) =>
      set.summaryKey === null ? set.summary : (renderSummary({ key: set.summaryKey, params: set.summaryParams ?? {} }, formats) ?? set.summary),
    actor: (actor) => actorText(locale, actor),
    reference(refType, refId) {
      if (refType === null) return refId ?? '';
      const id = refId ?? '';
      if (refType === 'import' && refId === 'opening-stock') return text('ledgerRef.importOpening') ?? id;
      // A plain adjustment has no document of its own; its reason column already says "adjusted".
      if (refType === 'adjustment') return refId === null ? '' : (text('ledgerRef.adjustmentId', { id }) ?? id);
      return text(`ledgerRef.${refType}`, { id }) ?? [refType, refId].filter(Boolean).join(' ');
    },
    note(note) {
      const read = readNote(note);
      if (read === null) return null;
      return read.kind === 'text' ? read.text : (text(`ledgerNote.${read.key}`, read.params) ?? note);
    },
    reasonCode: (code) => text(`reason.${code}`) ?? code,
  };
}

export function useRecordTexts(): RecordTexts {
  const { locale } = useI18n();
  const { settings } = useShop();
  return useMemo(() => recordTexts(locale, settings.currency), [locale, settings.currency]);
}
