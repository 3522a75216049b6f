// Marketplace sync (issue 14): what the core says about channel settings and
// stored credentials. The Channels screens add their own words here.
export const syncEn = {
  'errors.httpsRequired': 'The address must start with https:// (plain http is only allowed for a shop on this computer, localhost).',
  'errors.shopifyDomain': 'Enter the shop’s myshopify.com domain, e.g. corner-store.myshopify.com.',
  'errors.keyFileExposed':
    'The key file that protects channel passwords can be read by other users of this computer, so Shopdesk will not use it. Make it readable by your account only.',
  'errors.keyFileInvalid': 'The key file that protects channel passwords is damaged. Connect the channel again to store its credentials anew.',
  'errors.credentialsUnreadable': 'The stored credentials of this channel cannot be opened (the key changed). Enter them again in the channel’s settings.',
};

export const syncZh: Record<keyof typeof syncEn, string> = {
  'errors.httpsRequired': '地址必须以 https:// 开头（只有本机上的店铺 localhost 可以使用 http）。',
  'errors.shopifyDomain': '请输入店铺的 myshopify.com 域名，例如 corner-store.myshopify.com。',
  'errors.keyFileExposed': '保护渠道密码的密钥文件可被本机其他用户读取，Shopdesk 不会使用它。请将其设置为仅当前账户可读。',
  'errors.keyFileInvalid': '保护渠道密码的密钥文件已损坏。请重新连接该渠道以重新保存凭据。',
  'errors.credentialsUnreadable': '无法打开该渠道已保存的凭据（密钥已更换）。请在渠道设置中重新输入。',
};
