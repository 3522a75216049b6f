// The confirmation dialog's own words (components/confirm.tsx). What is being
// confirmed is written by each screen in its own area.
export const confirmEn = {
  'confirm.item': 'Item',
  'confirm.before': 'Now',
  'confirm.after': 'After',
  'confirm.more': 'and {count} more',
};

export const confirmZh: Record<keyof typeof confirmEn, string> = {
  'confirm.item': '项目',
  'confirm.before': '当前',
  'confirm.after': '之后',
  'confirm.more': '另有 {count} 项',
};
