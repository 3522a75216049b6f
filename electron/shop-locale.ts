// The shop's language ('en' or 'zh-CN', from settings) for texts the shell
// shows itself: notifications and dialogs. English when it cannot be read.
import type { Core } from '../src/core.js';

export async function shopLocale(core: Core | undefined): Promise<string> {
  if (!core) return 'en';
  const answer = await core.call('settings.get', {});
  const value: unknown = answer.ok ? answer.value : undefined;
  const locale = typeof value === 'object' && value !== null && 'locale' in value ? value.locale : undefined;
  return typeof locale === 'string' ? locale : 'en';
}
