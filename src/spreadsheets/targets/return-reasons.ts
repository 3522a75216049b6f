// Free-text return reasons, as buyers pick them on marketplaces and as
// merchants type them, -> Shopdesk's return reason codes (return_reasons in
// the migrations; each code belongs to a group the returns report splits by:
// quality, transit, fit, preference, other). Matching is by containment on
// normalised text, most specific phrase first, so "尺码拍错了，换大一号" is a
// size problem and "七天无理由退换货" a change of mind. Anything else is 'other'.
import { normaliseWord } from './order-statuses.js';

export const returnReasonCodes = [
  'too_small',
  'too_large',
  'size_fit',
  'wrong_item',
  'damaged_in_transit',
  'late_delivery',
  'colour_differs',
  'not_as_described',
  'defective',
  'changed_mind',
  'other',
] as const;
export type ReturnReasonCode = (typeof returnReasonCodes)[number];

// Checked in this order: specific before general (偏小 before 尺码, 尺码拍错 before 拍错,
// "arrived damaged" before "damaged", 颜色与图片不符 before 与…不符).
const phrases: readonly [ReturnReasonCode, readonly string[]][] = [
  ['too_small', ['too small', 'runs small', 'size too small', '偏小', '尺码偏小', '太小', '小了']],
  ['too_large', ['too large', 'too big', 'runs large', 'runs big', '偏大', '尺码偏大', '太大', '大了']],
  ['size_fit', ['size', 'fit', "doesn't fit", 'does not fit', 'wrong size', 'sizing', '尺码', '尺寸', '不合身', '码数']],
  ['wrong_item', ['wrong item', 'wrong product', 'incorrect item', 'missing item', 'missing items', 'missing parts', 'item missing', 'not what i ordered', '发错货', '发错', '错发', '少件', '漏发', '少发', '缺件', '漏件']],
  ['damaged_in_transit', ['damaged in transit', 'damaged in shipping', 'shipping damage', 'arrived damaged', 'arrived broken', 'damaged', '运输损坏', '运输途中损坏', '快递破损', '商品破损', '物流损坏', '包装破损', '破损', '压坏']],
  ['late_delivery', ['late delivery', 'arrived too late', 'arrived late', 'too slow', 'delayed', '物流太慢', '发货太慢', '发货慢', '未按约定时间发货', '延迟发货']],
  ['colour_differs', ['colour differs', 'color differs', 'colour different', 'color different', 'not the colour', 'not the color', '颜色与图片不符', '色差', '颜色不符', '颜色不一样']],
  ['not_as_described', ['not as described', 'not as pictured', 'different from description', 'not as advertised', 'misdescribed', '与描述不符', '与商品描述不符', '描述不符', '与图片不符', '图片不符', '货不对板', '假货']],
  ['defective', ['defective', 'faulty', 'broken', 'poor quality', 'quality', 'not working', "doesn't work", 'does not work', 'stopped working', '质量问题', '质量', '做工', '瑕疵', '坏了', '故障', '开线', '起球', '损坏']],
  ['changed_mind', ['changed mind', 'changed my mind', 'no longer needed', 'no longer want', "don't want", 'do not want', 'unwanted', "didn't like", 'did not like', "don't like", 'ordered by mistake', 'bought by mistake', 'no reason', '不想要了', '不想要', '不喜欢', '七天无理由', '7天无理由', '无理由', '拍错', '多拍', '拍多了', '买错', '不需要']],
];

/** Latin text as space-separated words, so "fit" does not match inside "outfit"; Han text as is. */
function words(text: string): string {
  return ` ${normaliseWord(text).replace(/[^\p{L}\p{N}']+/gu, ' ').trim()} `;
}

const hasHan = (text: string) => /\p{Script=Han}/u.test(text);
const compiled = phrases.map(([code, list]) => [code, list.map((phrase) => (hasHan(phrase) ? phrase : ` ${normaliseWord(phrase)} `))] as const);
const byCode = new Set<string>(returnReasonCodes);

/**
 * The reason code for a free-text reason: a code itself ("too_small"), else the first
 * group whose phrase the text contains. `recognised` is false when it fell to 'other'.
 */
export function returnReasonFor(text: string): { code: ReturnReasonCode; recognised: boolean } {
  const trimmed = text.trim();
  if (trimmed === '') return { code: 'other', recognised: true };
  const asCode = normaliseWord(trimmed).replace(/ /g, '_');
  if (byCode.has(asCode)) return { code: asCode as ReturnReasonCode, recognised: true };
  const latin = words(trimmed);
  const han = trimmed.normalize('NFKC').replace(/\s+/g, '');
  for (const [code, list] of compiled) {
    if (list.some((phrase) => (hasHan(phrase) ? han.includes(phrase) : latin.includes(phrase)))) return { code, recognised: true };
  }
  const other = /^(other|others|其他|其它)$/u.test(trimmed.toLowerCase());
  return { code: 'other', recognised: other };
}
