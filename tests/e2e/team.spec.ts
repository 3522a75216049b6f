// People and sign-in in Chromium through serve mode: the owner chooses a
// password and requires sign-in, adds a Staff person with a PIN, signs out; the
// Staff person signs in and sees no Cost column and no gross profit or margin
// KPI, and a typed price is refused naming the permission; lock and unlock;
// switch back to the owner. Screenshots of the sign-in page and the People
// section in English and 简体中文. The shop is left with sign-in off.
import { expect, test, type Page } from '@playwright/test';
import { e2eToken } from './env.js';
import { gridRows, openApp, parseMoney, screenshot } from './helpers.js';

const ownerPassword = 'e2e-owner-password';
const staffPassword = 'e2e-staff-password';
const staffPin = '2468';

async function signIn(page: Page, login: string, password: string): Promise<void> {
  await expect(page.getByTestId('sign-in-page')).toBeVisible();
  await page.getByTestId('sign-in-login').fill(login);
  await page.getByTestId('sign-in-password').fill(password);
  await page.getByTestId('sign-in-submit').click();
  await expect(page.getByTestId('shop-name')).toBeVisible();
}

async function personMenu(page: Page, item: 'lock' | 'switch' | 'sign-out' | 'change-password'): Promise<void> {
  await page.getByTestId('person-menu').locator('summary').click();
  await page.getByTestId(`menu-${item}`).click();
}

async function switchLanguage(page: Page, locale: 'en' | 'zh-CN'): Promise<void> {
  await page.getByTestId('language-switch').selectOption(locale);
  await expect(page.locator('html')).toHaveAttribute('lang', locale);
}

test.afterAll(async ({ request }) => {
  // Whatever happened above, the shop is left as the other specs expect it: sign-in off.
  const headers = { Authorization: `Bearer ${e2eToken}`, 'Content-Type': 'application/json' };
  const rpc = (method: string, input: unknown) => request.post('/rpc', { headers, data: { method, input } });
  await rpc('team.signIn', { login: 'owner', password: ownerPassword });
  await rpc('team.settings.update', { signInRequired: false, idleLockMinutes: 15 });
  await rpc('team.signOut', {});
});

test('the owner requires sign-in; Staff sees no costs and may not edit prices', async ({ page }) => {
  test.setTimeout(180_000);

  await test.step('the owner chooses a password and requires sign-in', async () => {
    await openApp(page, '/#/settings');
    const team = page.getByTestId('team-section');
    await expect(team.getByTestId('person-row-owner')).toBeVisible();
    await team.getByTestId('sign-in-required').click();
    const dialog = page.getByTestId('enable-sign-in');
    await expect(dialog).toContainText('You have no password yet');
    await dialog.getByTestId('enable-password').fill(ownerPassword);
    await dialog.getByTestId('enable-repeat').fill(ownerPassword);
    await dialog.getByTestId('enable-submit').click();
    await expect(dialog).toBeHidden();
    // This window stayed signed in as the owner.
    await expect(team.getByTestId('sign-in-required')).toBeChecked();
    await expect(page.getByTestId('person-name')).toHaveText('Owner');
    await expect(team.getByTestId('person-row-owner')).toContainText('Password set');
  });

  await test.step('the owner adds a Staff person with a password and a PIN', async () => {
    const team = page.getByTestId('team-section');
    await team.getByTestId('person-add').click();
    const dialog = page.getByTestId('person-dialog');
    await dialog.getByTestId('person-name').fill('Lin Wei');
    await dialog.getByTestId('person-login').fill('lin');
    await dialog.getByTestId('person-role').selectOption({ label: 'Staff' });
    await dialog.getByTestId('person-password').fill('short');
    await dialog.getByTestId('person-save').click();
    // The core's field problem is shown beside the field.
    await expect(dialog).toContainText('Too short: at least 8 characters.');
    await dialog.getByTestId('person-password').fill(staffPassword);
    await dialog.getByTestId('person-pin').fill(staffPin);
    await dialog.getByTestId('person-save').click();
    await expect(dialog).toBeHidden();
    const row = team.getByTestId('person-row-lin');
    await expect(row).toContainText('Staff');
    await expect(row).toContainText('PIN set');
    await team.getByTestId('people-section').scrollIntoViewIfNeeded();
    await screenshot(page, 'team-people-en');
    await switchLanguage(page, 'zh-CN');
    await expect(team.getByTestId('person-row-lin')).toContainText('店员');
    await screenshot(page, 'team-people-zh-CN');
    await switchLanguage(page, 'en');
  });

  await test.step('the owner makes a custom role from the checklist and removes it while unused', async () => {
    const roles = page.getByTestId('roles-section');
    await roles.getByTestId('role-row-staff').getByTestId('role-open').click();
    const builtIn = page.getByTestId('role-dialog');
    await expect(builtIn.locator('input[data-permission="costs.view"]')).not.toBeChecked();
    await expect(builtIn.locator('input[data-permission="costs.view"]')).toBeDisabled();
    await builtIn.getByRole('button', { name: 'Dismiss' }).click();
    await roles.getByTestId('role-add').click();
    const dialog = page.getByTestId('role-dialog');
    await dialog.getByTestId('role-name').fill('Counter');
    await dialog.getByLabel('Count stock').check();
    await dialog.getByLabel('Receive deliveries').check();
    await screenshot(page, 'team-role-en');
    await dialog.getByTestId('role-save').click();
    await expect(dialog).toBeHidden();
    const row = roles.locator('tr', { hasText: 'Counter' });
    await expect(row).toContainText(/3 of \d+ permissions/);
    await row.getByTestId('role-remove').click();
    await page.getByTestId('confirm-ok').click();
    await expect(roles.locator('tr', { hasText: 'Counter' })).toHaveCount(0);
  });

  await test.step('sign out: the sign-in page, in both languages', async () => {
    await personMenu(page, 'sign-out');
    await expect(page.getByTestId('sign-in-page')).toBeVisible();
    await expect(page.getByTestId('quick-lin')).toBeVisible();
    await page.getByTestId('sign-in-login').fill('lin');
    await page.getByTestId('sign-in-password').fill('not-the-password');
    await page.getByTestId('sign-in-submit').click();
    await expect(page.getByTestId('sign-in-error')).toContainText('The sign-in name or password is wrong.');
    await screenshot(page, 'team-sign-in-en');
    await switchLanguage(page, 'zh-CN');
    await expect(page.getByTestId('sign-in-error')).toContainText('登录名或密码错误。');
    await screenshot(page, 'team-sign-in-zh-CN');
    await switchLanguage(page, 'en');
  });

  await test.step('Staff switches in with the PIN pad and sees no Cost column', async () => {
    await page.getByTestId('quick-lin').click();
    const pad = page.getByTestId('pin-form');
    for (const digit of staffPin) await pad.getByRole('button', { name: digit, exact: true }).click();
    await expect(pad.getByTestId('sign-in-pin')).toHaveValue(staffPin);
    await pad.getByRole('button', { name: 'Sign in with PIN' }).click();
    await expect(page.getByTestId('shop-name')).toBeVisible();
    await expect(page.getByTestId('person-name')).toHaveText('Lin Wei');
    await expect(page.getByTestId('nav-imports')).toHaveCount(0);
    await expect(page.getByTestId('nav-settings')).toHaveCount(0);
    await page.goto('/#/products');
    await expect(gridRows(page).first()).toBeVisible();
    await expect(page.getByTestId('products-grid').locator('.ag-header-cell:not(.ag-floating-filter)[col-id="price"]')).toBeVisible();
    await expect(page.getByTestId('products-grid').locator('.ag-header-cell:not(.ag-floating-filter)[col-id="cost"]')).toHaveCount(0);
  });

  await test.step('a typed price is refused, naming the permission', async () => {
    const price = page.getByTestId('products-grid').locator('.ag-row[row-index="0"] .ag-cell[col-id="price"]');
    const before = ((await price.textContent()) ?? '').trim();
    await price.click();
    await page.keyboard.press('Enter');
    await page.keyboard.press('Control+A');
    await page.keyboard.type((parseMoney(before) + 1).toFixed(2));
    await page.keyboard.press('Enter');
    await expect(page.getByTestId('toast-error-title').filter({ hasText: /^Your role does not allow: Edit prices$/ })).toBeVisible();
    await expect(price).toHaveText(before);
  });

  await test.step('the dashboard shows no gross profit or margin', async () => {
    await page.goto('/#/analytics');
    await expect(page.getByTestId('kpi-netSales')).toBeVisible();
    await expect(page.getByTestId('kpi-grossProfit')).toHaveCount(0);
    await expect(page.getByTestId('kpi-grossMargin')).toHaveCount(0);
  });

  await test.step('lock, a wrong PIN, unlock with the PIN', async () => {
    await personMenu(page, 'lock');
    const lock = page.getByTestId('lock-screen');
    await expect(lock).toContainText('Lin Wei is signed in.');
    await screenshot(page, 'team-lock-en');
    await lock.getByRole('button', { name: 'Use my PIN' }).click();
    await lock.getByTestId('unlock-pin').fill('0000');
    await lock.getByTestId('unlock-submit').click();
    await expect(page.getByTestId('sign-in-error')).toContainText('The sign-in name or password is wrong.');
    await lock.getByTestId('unlock-pin').fill(staffPin);
    await lock.getByTestId('unlock-submit').click();
    await expect(page.getByTestId('person-name')).toHaveText('Lin Wei');
  });

  await test.step('switch back to the owner, who sees costs and People again', async () => {
    await page.getByTestId('person-menu').locator('summary').click();
    await expect(page.getByTestId('person-role')).toHaveText('Role: Staff');
    await screenshot(page, 'team-person-menu-en');
    await page.getByTestId('menu-switch').click();
    await signIn(page, 'owner', ownerPassword);
    await expect(page.getByTestId('person-name')).toHaveText('Owner');
    await page.goto('/#/products');
    await expect(page.getByTestId('products-grid').locator('.ag-header-cell:not(.ag-floating-filter)[col-id="cost"]')).toBeVisible();
    await page.goto('/#/settings');
  });

  await test.step('an idle window locks itself', async () => {
    // The page's clock is driven by the test, so no real minute is waited.
    await page.clock.install();
    await page.reload();
    const team = page.getByTestId('team-section');
    await team.getByTestId('idle-minutes').fill('1');
    await team.getByTestId('idle-minutes').press('Enter');
    await expect(page.getByText('Sign-in settings saved.')).toBeVisible();
    await page.clock.runFor('00:50');
    await expect(page.getByTestId('shop-name')).toBeVisible();
    await page.clock.runFor('00:20');
    await expect(page.getByTestId('lock-screen')).toContainText('Owner is signed in.');
    await page.getByTestId('unlock-password').fill(ownerPassword);
    await page.getByTestId('unlock-submit').click();
    await expect(page.getByTestId('shop-name')).toBeVisible();
  });

  await test.step('the owner turns sign-in off again', async () => {
    const team = page.getByTestId('team-section');
    await team.getByTestId('idle-minutes').fill('15');
    await team.getByTestId('idle-minutes').press('Enter');
    await team.getByTestId('sign-in-required').click();
    await expect(team.getByTestId('sign-in-required')).not.toBeChecked();
    await page.getByTestId('person-menu').locator('summary').click();
    await expect(page.getByTestId('person-menu')).toContainText('Sign-in is off: everyone here acts as Owner.');
  });
});
