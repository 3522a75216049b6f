// Which links leave the app for the OS browser. Only https links the app's own
// page makes (a link or window.open in the renderer), and only after the person
// confirms a dialog naming the host; everything else (http:, file:, mailto:,
// custom schemes, links from any other page, user:password@ tricks) is refused.
// Pure, so the rule is unit-tested; open-external.ts shows the dialog.

export type ExternalOpenRefusal = 'notFromApp' | 'malformed' | 'notHttps' | 'credentials' | 'noHost';

export type ExternalOpenDecision =
  | { action: 'confirm'; url: string; host: string }
  | { action: 'refuse'; reason: ExternalOpenRefusal };

/**
 * `fromApp`: the page asking is our renderer (app:// index or, in development,
 * the dev server). The host shown is the parser's (IDN in punycode), so a
 * look-alike name cannot pass for another.
 */
export function decideExternalOpen(url: string, fromApp: boolean): ExternalOpenDecision {
  const refuse = (reason: ExternalOpenRefusal): ExternalOpenDecision => ({ action: 'refuse', reason });
  if (!fromApp) return refuse('notFromApp');
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return refuse('malformed');
  }
  if (parsed.protocol !== 'https:') return refuse('notHttps');
  // https://bank.example@evil.example reads like bank.example; such links are never ours.
  if (parsed.username || parsed.password) return refuse('credentials');
  if (!parsed.hostname) return refuse('noHost');
  return { action: 'confirm', url: parsed.href, host: parsed.host };
}

export interface ExternalOpenTexts {
  title: string;
  message: string;
  detail: string;
  open: string;
  cancel: string;
}

/** The confirmation's texts in the shop's language (settings' locale: 'en' or 'zh-CN'). */
export function externalOpenTexts(locale: string, host: string, url: string): ExternalOpenTexts {
  if (locale === 'zh-CN') {
    return {
      title: '打开外部链接',
      message: `要在浏览器中打开 ${host} 吗？`,
      detail: `Shopdesk 将在你的默认浏览器中打开此地址：\n${url}`,
      open: '打开',
      cancel: '取消',
    };
  }
  return {
    title: 'Open an external link',
    message: `Open ${host} in your browser?`,
    detail: `Shopdesk will open this address in your default browser:\n${url}`,
    open: 'Open',
    cancel: 'Cancel',
  };
}
