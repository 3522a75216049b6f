// Opens a link in the OS browser when external-links.ts allows it and the
// person confirms the dialog naming the host. Refusals are logged, not shown:
// the app's own page never makes them, so one means a bug or an attack.
import { dialog, shell, type BrowserWindow } from 'electron';
import { decideExternalOpen, externalOpenTexts } from './external-links.js';

export interface ExternalOpenContext {
  /** The window the dialog belongs to. */
  parent: () => BrowserWindow | undefined;
  /** The shop's language for the dialog ('en' or 'zh-CN'). */
  locale: () => Promise<string>;
}

export async function confirmAndOpenExternal(url: string, fromApp: boolean, context: ExternalOpenContext): Promise<void> {
  const decision = decideExternalOpen(url, fromApp);
  if (decision.action === 'refuse') {
    console.warn(`Shopdesk refused to open a link outside the app (${decision.reason}).`);
    return;
  }
  const texts = externalOpenTexts(await context.locale(), decision.host, decision.url);
  const options = {
    type: 'question' as const,
    title: texts.title,
    message: texts.message,
    detail: texts.detail,
    buttons: [texts.open, texts.cancel],
    // Enter and Escape both cancel: opening must be a deliberate click.
    defaultId: 1,
    cancelId: 1,
    noLink: true,
  };
  const parent = context.parent();
  const { response } = parent && !parent.isDestroyed() ? await dialog.showMessageBox(parent, options) : await dialog.showMessageBox(options);
  if (response === 0) await shell.openExternal(decision.url);
}
