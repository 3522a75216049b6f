// The localeText every AG Grid gets: AG Grid's own words in the UI language
// (accessible labels, overlays, filter menu, pagination; ../i18n/ag-grid-zh.ts
// for 简体中文, AG Grid's English defaults otherwise) with the app's dictionary
// texts on top. AG Grid reads localeText only when it starts: give the grid
// `key={locale}` so switching language remounts it.
import { useMemo } from 'react';
import { agGridZh } from '../i18n/ag-grid-zh.js';
import { useI18n } from '../i18n/context.js';
import { gridLocaleText } from '../pages/products/columns.js';

export function useGridLocaleText(): Record<string, string> {
  const { t, locale } = useI18n();
  return useMemo(() => ({ ...(locale === 'zh-CN' ? agGridZh : {}), ...gridLocaleText(t) }), [t, locale]);
}
